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
 * A person who signs in: from the database (with a password hash) or onboarded from LDAP on first login
 * (no hash; the directory checks the password). System administrators bypass the project permission table.
 * Failed-login bookkeeping lives here so that every node sees the same lock.
 */
@Entity
@Table(name = "berth_user")
@NamedQuery(name = User.FIND_BY_NAME, query = "SELECT u FROM User u WHERE u.username = :username")
@NamedQuery(name = User.FIND_BY_EMAIL, query = "SELECT u FROM User u WHERE LOWER(u.email) = LOWER(:email)")
public class User {

    public static final String FIND_BY_NAME = "User.findByName";
    public static final String FIND_BY_EMAIL = "User.findByEmail";
    public static final String SOURCE_DATABASE = "db";
    public static final String SOURCE_LDAP = "ldap";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    private String email;

    private String realname;

    @Column(name = "user_comment")
    private String comment;

    /** The page size of the web console's tables; null until the user picks one. Not a profile change. */
    @Column(name = "console_page_size")
    private Integer consolePageSize;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(nullable = false)
    private boolean sysadmin;

    @Column(name = "auth_source", nullable = false)
    private String authSource = SOURCE_DATABASE;

    @Column(name = "ldap_dn")
    private String ldapDn;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "password_changed")
    private Instant passwordChanged;

    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;

    @Column(name = "update_time", nullable = false)
    private Instant updateTime;

    protected User() {
    }

    public User(String username, String email, String realname, String comment, Instant now) {
        this.username = username;
        this.email = email;
        this.realname = realname;
        this.comment = comment;
        this.creationTime = now;
        this.updateTime = now;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }

    public String realname() {
        return realname;
    }

    public String comment() {
        return comment;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean isSysadmin() {
        return sysadmin;
    }

    public String authSource() {
        return authSource;
    }

    public String ldapDn() {
        return ldapDn;
    }

    public int failedLogins() {
        return failedLogins;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public Instant creationTime() {
        return creationTime;
    }

    public Instant updateTime() {
        return updateTime;
    }

    /** Whether the password is checked here rather than by a directory. */
    public boolean isLocal() {
        return SOURCE_DATABASE.equals(authSource);
    }

    public Integer consolePageSize() {
        return consolePageSize;
    }

    public void setConsolePageSize(Integer consolePageSize) {
        this.consolePageSize = consolePageSize;
    }

    public void setPasswordHash(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChanged = now;
        this.updateTime = now;
    }

    public void setSysadmin(boolean sysadmin, Instant now) {
        this.sysadmin = sysadmin;
        this.updateTime = now;
    }

    public void updateProfile(String email, String realname, String comment, Instant now) {
        this.email = email;
        this.realname = realname;
        this.comment = comment;
        this.updateTime = now;
    }

    /** Marks the user as coming from LDAP, with its distinguished name. */
    public void linkLdap(String dn, Instant now) {
        this.authSource = SOURCE_LDAP;
        this.ldapDn = dn;
        this.updateTime = now;
    }

    public void loginFailed(int failures, Instant lockedUntil) {
        this.failedLogins = failures;
        this.lockedUntil = lockedUntil;
    }

    public void loginSucceeded() {
        this.failedLogins = 0;
        this.lockedUntil = null;
    }
}
