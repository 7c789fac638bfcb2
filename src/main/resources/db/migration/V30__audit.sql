-- The audit trail (io.berth.audit): entries, purge runs and the purge schedule. Placeholders as in V1
-- (io.berth.platform.DatabaseSetup).

-- One entry per operation, Harbor's audit_log columns plus operation_result, the description and where the request
-- came from. project_id has no foreign key on purpose: the trail of a deleted project stays until it is purged.
CREATE TABLE audit_log (
    id ${id},
    op_time ${datetime} NOT NULL,
    username VARCHAR(255) NOT NULL,
    operation VARCHAR(32) NOT NULL,
    resource_type VARCHAR(32) NOT NULL,
    resource VARCHAR(1024) NOT NULL,
    project_id BIGINT,
    op_result BOOLEAN NOT NULL,
    op_desc VARCHAR(1024),
    client_ip VARCHAR(64),
    user_agent VARCHAR(512),
    request_id VARCHAR(64)
) ${table_options};
CREATE INDEX ix_audit_log_time ON audit_log (op_time);
CREATE INDEX ix_audit_log_project ON audit_log (project_id, op_time);
CREATE INDEX ix_audit_log_type ON audit_log (operation, resource_type, op_time);

-- Purge runs (Harbor's ExecHistory). job_status: Pending -> Running -> Success | Error | Stopped.
-- node and stop_requested let any node stop a run that another node claimed.
CREATE TABLE audit_purge_execution (
    id ${id},
    trigger_kind VARCHAR(16) NOT NULL,
    job_status VARCHAR(16) NOT NULL,
    job_parameters VARCHAR(1024) NOT NULL,
    schedule_type VARCHAR(16),
    schedule_cron VARCHAR(64),
    stop_requested BOOLEAN NOT NULL DEFAULT FALSE,
    node VARCHAR(128),
    purged BIGINT NOT NULL DEFAULT 0,
    job_log ${text},
    creation_time ${datetime} NOT NULL,
    update_time ${datetime} NOT NULL
) ${table_options};
CREATE INDEX ix_audit_purge_status ON audit_purge_execution (job_status);

-- The one purge schedule row (id 1, type 'None' until one is set), which is also the cluster's purge lock.
-- Conditional updates on it keep nodes apart: last_fired is the minute a node claimed for a scheduled run, so two
-- nodes never start a run for the same minute; running_id is the execution that holds the lock, so two purges
-- never run at once (running_since lets a run whose node died be taken over after some hours).
CREATE TABLE audit_purge_schedule (
    id BIGINT NOT NULL PRIMARY KEY,
    schedule_type VARCHAR(16) NOT NULL,
    schedule_cron VARCHAR(64),
    job_parameters VARCHAR(1024) NOT NULL,
    last_fired ${datetime},
    running_id BIGINT,
    running_since ${datetime},
    creation_time ${datetime} NOT NULL,
    update_time ${datetime} NOT NULL
) ${table_options};
INSERT INTO audit_purge_schedule (id, schedule_type, job_parameters, creation_time, update_time)
    VALUES (1, 'None', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
