package io.berth.rbac.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A project: the first component of every repository name, the unit of access control and quota.
 * <p>
 * Harbor keeps a project's settings as string metadata ({@code public}, {@code auto_scan}, ...); Berth
 * does the same so the API can round-trip fields it does not act on yet. {@code public} is also a column
 * because every anonymous pull asks it.
 */
@Entity
@Table(name = "project")
@NamedQuery(name = Project.FIND_BY_NAME, query = "SELECT p FROM Project p WHERE p.name = :name")
@NamedQuery(name = Project.FIND_ALL, query = "SELECT p FROM Project p ORDER BY p.name")
public class Project {

    public static final String FIND_BY_NAME = "Project.findByName";
    public static final String FIND_ALL = "Project.findAll";

    /** Harbor's project-name rule: lower case, digits, and . _ - separators, 1 to 255 characters. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 255)
    private String name;

    @Column(name = "public_access", nullable = false)
    private boolean publicAccess;

    @Column(name = "owner_id")
    private Long ownerId;

    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;

    @Column(name = "update_time", nullable = false)
    private Instant updateTime;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "project_metadata", joinColumns = @JoinColumn(name = "project_id"))
    @MapKeyColumn(name = "name")
    @Column(name = "meta_value")
    private Map<String, String> metadata = new HashMap<>();

    protected Project() {
    }

    public Project(String name, boolean publicAccess, Long ownerId, Instant now) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("invalid project name: " + name);
        }
        this.name = name;
        this.publicAccess = publicAccess;
        this.ownerId = ownerId;
        this.creationTime = now;
        this.updateTime = now;
        this.metadata.put("public", Boolean.toString(publicAccess));
    }

    public static boolean isValidName(String name) {
        return name != null && name.length() <= 255 && NAME.matcher(name).matches();
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean isPublic() {
        return publicAccess;
    }

    public Long ownerId() {
        return ownerId;
    }

    public Instant creationTime() {
        return creationTime;
    }

    public Instant updateTime() {
        return updateTime;
    }

    /** Harbor-style metadata, always including {@code public}. */
    public Map<String, String> metadata() {
        Map<String, String> copy = new HashMap<>(metadata);
        copy.put("public", Boolean.toString(publicAccess));
        return copy;
    }

    public void putMetadata(String key, String value, Instant now) {
        if ("public".equals(key)) {
            publicAccess = Boolean.parseBoolean(value);
            value = Boolean.toString(publicAccess);
        }
        metadata.put(key, value);
        updateTime = now;
    }
}
