package io.berth.rbac.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A group that can be a project member: an LDAP group (by DN), or an HTTP/OIDC group (by name). A user's
 * groups are resolved at login, not stored, so directory changes take effect at the next login.
 */
@Entity
@Table(name = "user_group")
@NamedQuery(name = UserGroup.FIND_BY_NAME, query = "SELECT g FROM UserGroup g WHERE g.type = :type AND g.name = :name")
@NamedQuery(name = UserGroup.FIND_BY_DN, query = "SELECT g FROM UserGroup g WHERE g.type = 1 AND g.ldapGroupDn = :dn")
public class UserGroup {

    public static final String FIND_BY_NAME = "UserGroup.findByName";
    public static final String FIND_BY_DN = "UserGroup.findByDn";

    public static final int TYPE_LDAP = 1;
    public static final int TYPE_HTTP = 2;
    public static final int TYPE_OIDC = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "group_name", nullable = false)
    private String name;

    @Column(name = "group_type", nullable = false)
    private int type;

    @Column(name = "ldap_group_dn")
    private String ldapGroupDn;

    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;

    @Column(name = "update_time", nullable = false)
    private Instant updateTime;

    protected UserGroup() {
    }

    public UserGroup(String name, int type, String ldapGroupDn, Instant now) {
        this.name = name;
        this.type = type;
        this.ldapGroupDn = ldapGroupDn;
        this.creationTime = now;
        this.updateTime = now;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int type() {
        return type;
    }

    public String ldapGroupDn() {
        return ldapGroupDn;
    }

    public Instant creationTime() {
        return creationTime;
    }

    public Instant updateTime() {
        return updateTime;
    }

    /** Whether {@code type} is one of Harbor's group types (1 LDAP, 2 HTTP, 3 OIDC). */
    public static boolean isValidType(int type) {
        return type == TYPE_LDAP || type == TYPE_HTTP || type == TYPE_OIDC;
    }

    public void rename(String name, Instant now) {
        this.name = name;
        this.updateTime = now;
    }
}
