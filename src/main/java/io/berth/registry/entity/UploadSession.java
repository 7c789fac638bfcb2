package io.berth.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A blob upload in progress. The row says which repository it belongs to and when it was last touched;
 * the bytes received so far are in the store, and the store's size of them is the truth about progress.
 * Because nothing lives only in one node's memory, an upload continues on another node or after a restart.
 */
@Entity
@Table(name = "upload_session")
public class UploadSession {

    @Id
    @Column(length = 36)
    private String uuid;

    @Column(name = "repository_name", nullable = false)
    private String repositoryName;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(nullable = false)
    private long size;

    @Column(name = "start_time", nullable = false)
    private Instant startTime;

    @Column(name = "update_time", nullable = false)
    private Instant updateTime;

    protected UploadSession() {
    }

    public UploadSession(String uuid, RepositoryName repository, long projectId, Instant now) {
        this.uuid = uuid;
        this.repositoryName = repository.value();
        this.projectId = projectId;
        this.startTime = now;
        this.updateTime = now;
    }

    public String uuid() {
        return uuid;
    }

    public String repositoryName() {
        return repositoryName;
    }

    public long projectId() {
        return projectId;
    }

    public long size() {
        return size;
    }

    public Instant startTime() {
        return startTime;
    }

    public void progressed(long size, Instant now) {
        this.size = size;
        this.updateTime = now;
    }
}
