-- Garbage collection (io.berth.gc) and the job tables it stands on (io.berth.jobs).

-- A cluster-wide claim on a kind of job: one row per job name, taken by a conditional UPDATE
-- (free, or its lease expired) and renewed by the holder's heartbeat. A node that dies stops renewing,
-- and the claim can be taken over once expires_at has passed.
CREATE TABLE job_lease (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    owner VARCHAR(255),
    execution_id BIGINT,
    expires_at ${datetime},
    update_time ${datetime} NOT NULL
) ${table_options};
INSERT INTO job_lease (name, update_time) VALUES ('gc', CURRENT_TIMESTAMP);

-- When a job runs by itself: Harbor's schedule types and a 6-field cron (seconds first), with the parameters
-- each run gets. next_time is claimed by a conditional UPDATE, so each occurrence fires on one node only.
CREATE TABLE job_schedule (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    schedule_type VARCHAR(16) NOT NULL,
    cron VARCHAR(128),
    parameters ${text},
    next_time ${datetime},
    creation_time ${datetime} NOT NULL,
    update_time ${datetime} NOT NULL
) ${table_options};

-- One row per garbage-collection run: what was asked, how it went, what it freed.
CREATE TABLE gc_execution (
    id ${id},
    trigger_kind VARCHAR(16) NOT NULL,
    status VARCHAR(16) NOT NULL,
    dry_run BOOLEAN NOT NULL,
    delete_untagged BOOLEAN NOT NULL,
    workers INT NOT NULL,
    time_window_seconds BIGINT NOT NULL,
    stop_requested BOOLEAN NOT NULL DEFAULT FALSE,
    node VARCHAR(255),
    blobs_deleted BIGINT NOT NULL DEFAULT 0,
    manifests_deleted BIGINT NOT NULL DEFAULT 0,
    artifacts_deleted BIGINT NOT NULL DEFAULT 0,
    uploads_purged BIGINT NOT NULL DEFAULT 0,
    bytes_freed BIGINT NOT NULL DEFAULT 0,
    mark_millis BIGINT NOT NULL DEFAULT 0,
    sweep_millis BIGINT NOT NULL DEFAULT 0,
    creation_time ${datetime} NOT NULL,
    update_time ${datetime} NOT NULL,
    start_time ${datetime},
    end_time ${datetime}
) ${table_options};
CREATE INDEX ix_gc_execution_status ON gc_execution (status);

-- The log of a run, a line per row, in order of id.
CREATE TABLE gc_log (
    id ${id},
    execution_id BIGINT NOT NULL,
    log_time ${datetime} NOT NULL,
    line ${text} NOT NULL,
    CONSTRAINT fk_gc_log_execution FOREIGN KEY (execution_id) REFERENCES gc_execution (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_gc_log_execution ON gc_log (execution_id, id);

-- The sweep looks for old blobs by state.
CREATE INDEX ix_blob_status_update ON registry_blob (status, update_time);
