-- Project storage quotas (Harbor's quota and quota_usage, storage only: Harbor removed the count quota).
-- hard_storage is the limit in bytes, -1 for none; used_storage is the sum of the sizes of the blobs linked to
-- the project (project_blob), each counted once, kept current by the transaction that adds or removes a link,
-- so a push checks its quota with one conditional UPDATE instead of a SUM over the project's blobs.

CREATE TABLE quota (
    id ${id},
    project_id BIGINT NOT NULL,
    hard_storage BIGINT NOT NULL,
    used_storage BIGINT NOT NULL DEFAULT 0,
    creation_time ${datetime} NOT NULL,
    update_time ${datetime} NOT NULL,
    CONSTRAINT uq_quota_project UNIQUE (project_id),
    CONSTRAINT fk_quota_project FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE
) ${table_options};

-- Projects that exist already (library at least) get Harbor's default, unlimited, with what they hold now.
INSERT INTO quota (project_id, hard_storage, used_storage, creation_time, update_time)
SELECT p.id, -1,
       COALESCE((SELECT SUM(b.size) FROM project_blob pb JOIN registry_blob b ON b.id = pb.blob_id
                 WHERE pb.project_id = p.id), 0),
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM project p;
