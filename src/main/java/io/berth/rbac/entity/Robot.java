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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A robot account (Harbor's robot v2): a non-human identity with a secret and an explicit list of grants,
 * at system level or in one project. Its full name carries the prefix ({@code robot$name}, or
 * {@code robot$project+name} for project robots). Only a hash of the secret is kept.
 * <p>
 * The creator is kept as Harbor does ({@code creator_type} {@code local} for a user, {@code robot} for a robot,
 * and {@code creator_ref} its id), plus its name for people reading the table.
 */
@Entity
@Table(name = "robot")
@NamedQuery(name = Robot.FIND_BY_NAME, query = "SELECT r FROM Robot r WHERE r.name = :name")
public class Robot {

    public static final String FIND_BY_NAME = "Robot.findByName";
    public static final String LEVEL_SYSTEM = "system";
    public static final String LEVEL_PROJECT = "project";
    public static final String CREATOR_USER = "local";
    public static final String CREATOR_ROBOT = "robot";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    private String description;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(name = "robot_level", nullable = false)
    private String level;

    @Column(name = "project_id")
    private Long projectId;

    @Column(name = "duration_days", nullable = false)
    private int durationDays;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(nullable = false)
    private boolean disabled;

    private String creator;

    @Column(name = "creator_type")
    private String creatorType;

    @Column(name = "creator_ref")
    private Long creatorRef;

    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;

    @Column(name = "update_time", nullable = false)
    private Instant updateTime;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "robot_permission", joinColumns = @JoinColumn(name = "robot_id"))
    private List<RobotGrant> grants = new ArrayList<>();

    protected Robot() {
    }

    public Robot(String name, String description, String secretHash, String level, Long projectId, int durationDays,
            Caller creator, List<RobotGrant> grants, Instant now) {
        this.name = name;
        this.description = description;
        this.secretHash = secretHash;
        this.level = level;
        this.projectId = projectId;
        this.creator = creator.name();
        switch (creator) {
            case Caller.UserCaller user -> {
                this.creatorType = CREATOR_USER;
                this.creatorRef = user.id();
            }
            case Caller.RobotCaller robot -> {
                this.creatorType = CREATOR_ROBOT;
                this.creatorRef = robot.id();
            }
            case Caller.Anonymous anonymous -> throw new IllegalArgumentException("robots have a creator");
        }
        this.grants = new ArrayList<>(grants);
        this.creationTime = now;
        this.updateTime = now;
        setDuration(durationDays, now);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String secretHash() {
        return secretHash;
    }

    public String level() {
        return level;
    }

    public Long projectId() {
        return projectId;
    }

    public int durationDays() {
        return durationDays;
    }

    /** When the robot stops working; null when it never expires (duration -1). */
    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public String creator() {
        return creator;
    }

    /** {@code local} (a user) or {@code robot}; null for robots made before creators were recorded. */
    public String creatorType() {
        return creatorType;
    }

    /** The id of the creating user or robot, see {@link #creatorType()}. */
    public Long creatorRef() {
        return creatorRef;
    }

    public boolean isSystemLevel() {
        return LEVEL_SYSTEM.equals(level);
    }

    public Instant creationTime() {
        return creationTime;
    }

    public Instant updateTime() {
        return updateTime;
    }

    public List<RobotGrant> grants() {
        return List.copyOf(grants);
    }

    /** Whether the robot may authenticate at {@code now}: enabled and not expired. */
    public boolean isActive(Instant now) {
        return !disabled && (expiresAt == null || now.isBefore(expiresAt));
    }

    public void setSecretHash(String secretHash, Instant now) {
        this.secretHash = secretHash;
        this.updateTime = now;
    }

    public void setDisabled(boolean disabled, Instant now) {
        this.disabled = disabled;
        this.updateTime = now;
    }

    public void setDescription(String description, Instant now) {
        this.description = description;
        this.updateTime = now;
    }

    /** Days from creation, or -1 for never; Harbor counts the expiry from the creation time. */
    public void setDuration(int durationDays, Instant now) {
        this.durationDays = durationDays;
        this.expiresAt = durationDays < 0 ? null : creationTime.plusSeconds(durationDays * 86_400L);
        this.updateTime = now;
    }

    public void replaceGrants(List<RobotGrant> grants, Instant now) {
        this.grants.clear();
        this.grants.addAll(grants);
        this.updateTime = now;
    }
}
