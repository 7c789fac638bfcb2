package io.berth.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A label, as Harbor has them: global ({@link #GLOBAL}, administered by system administrators and usable in
 * every project) or of one project ({@link #PROJECT}), attached to artifacts to mark and filter them.
 * Names are unique within their scope.
 */
@Entity
@Table(name = "label")
public class Label {

    public static final String GLOBAL = "g";
    public static final String PROJECT = "p";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 128)
    private String name;

    private String description;

    @Column(length = 16)
    private String color;

    @Column(nullable = false, length = 1)
    private String scope;

    @Column(name = "project_id")
    private Long projectId;

    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;

    @Column(name = "update_time", nullable = false)
    private Instant updateTime;

    protected Label() {
    }

    public Label(String name, String description, String color, Long projectId, Instant now) {
        this.name = name;
        this.description = description;
        this.color = color;
        this.projectId = projectId;
        this.scope = projectId == null ? GLOBAL : PROJECT;
        this.creationTime = now;
        this.updateTime = now;
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

    public String color() {
        return color;
    }

    public String scope() {
        return scope;
    }

    /** The project of a project label; null for a global one. */
    public Long projectId() {
        return projectId;
    }

    public boolean isGlobal() {
        return projectId == null;
    }

    public Instant creationTime() {
        return creationTime;
    }

    public Instant updateTime() {
        return updateTime;
    }

    /** Changes what is given (null leaves a field as it is); scope and project never change, as in Harbor. */
    public void update(String newName, String newDescription, String newColor, Instant now) {
        if (newName != null) {
            this.name = newName;
        }
        if (newDescription != null) {
            this.description = newDescription;
        }
        if (newColor != null) {
            this.color = newColor;
        }
        this.updateTime = now;
    }
}
