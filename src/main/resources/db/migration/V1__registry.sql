-- Registry metadata: projects, repositories, artifacts, tags, blobs and upload sessions.
-- Portable between H2 and MariaDB; ${id}, ${datetime}, ${text}, ${bin} and ${table_options} are filled
-- in by io.berth.platform.DatabaseSetup. Names that are listed in byte order (tags, repositories) use
-- ${bin} so MariaDB's case-insensitive default collation does not reorder or merge them.

CREATE TABLE project (
    id ${id},
    name VARCHAR(255) ${bin} NOT NULL,
    public_access BOOLEAN NOT NULL,
    owner_id BIGINT,
    creation_time ${datetime} NOT NULL,
    update_time ${datetime} NOT NULL,
    CONSTRAINT uq_project_name UNIQUE (name)
) ${table_options};

CREATE TABLE project_metadata (
    project_id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    meta_value VARCHAR(255) NOT NULL,
    PRIMARY KEY (project_id, name),
    CONSTRAINT fk_project_metadata_project FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE repository (
    id ${id},
    project_id BIGINT NOT NULL,
    name VARCHAR(255) ${bin} NOT NULL,
    description ${text},
    pull_count BIGINT NOT NULL DEFAULT 0,
    creation_time ${datetime} NOT NULL,
    update_time ${datetime} NOT NULL,
    CONSTRAINT uq_repository_name UNIQUE (name),
    CONSTRAINT fk_repository_project FOREIGN KEY (project_id) REFERENCES project (id)
) ${table_options};
CREATE INDEX ix_repository_project ON repository (project_id);

-- Blob bytes live in the storage driver, content-addressed; this row tracks size and GC state.
-- status follows the GC state machine in io.berth.registry.entity.BlobStatus.
CREATE TABLE registry_blob (
    id ${id},
    digest VARCHAR(255) ${bin} NOT NULL,
    size BIGINT NOT NULL,
    media_type VARCHAR(255),
    status VARCHAR(16) NOT NULL DEFAULT 'NONE',
    creation_time ${datetime} NOT NULL,
    update_time ${datetime} NOT NULL,
    CONSTRAINT uq_blob_digest UNIQUE (digest)
) ${table_options};

-- Which project may see (pull, mount, reference) which blob: blobs never leak across projects.
CREATE TABLE project_blob (
    project_id BIGINT NOT NULL,
    blob_id BIGINT NOT NULL,
    creation_time ${datetime} NOT NULL,
    PRIMARY KEY (project_id, blob_id),
    CONSTRAINT fk_project_blob_project FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE,
    CONSTRAINT fk_project_blob_blob FOREIGN KEY (blob_id) REFERENCES registry_blob (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_project_blob_blob ON project_blob (blob_id);

CREATE TABLE artifact (
    id ${id},
    repository_id BIGINT NOT NULL,
    project_id BIGINT NOT NULL,
    digest VARCHAR(255) ${bin} NOT NULL,
    media_type VARCHAR(255) NOT NULL,
    manifest_media_type VARCHAR(255) NOT NULL,
    artifact_type VARCHAR(255),
    manifest_size BIGINT NOT NULL,
    size BIGINT NOT NULL,
    subject_digest VARCHAR(255) ${bin},
    -- MEDIUMTEXT, not ${text}: annotations may fill most of a 4 MiB manifest, and H2's CHARACTER VARYING
    -- stops at 1,000,000 characters. H2 reads MEDIUMTEXT as a CLOB; MariaDB holds 16 MB in it.
    annotations MEDIUMTEXT,
    push_time ${datetime} NOT NULL,
    pull_time ${datetime},
    CONSTRAINT uq_artifact_repository_digest UNIQUE (repository_id, digest),
    CONSTRAINT fk_artifact_repository FOREIGN KEY (repository_id) REFERENCES repository (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_artifact_subject ON artifact (repository_id, subject_digest);
CREATE INDEX ix_artifact_digest ON artifact (digest);

CREATE TABLE tag (
    id ${id},
    repository_id BIGINT NOT NULL,
    artifact_id BIGINT NOT NULL,
    name VARCHAR(128) ${bin} NOT NULL,
    push_time ${datetime} NOT NULL,
    pull_time ${datetime},
    CONSTRAINT uq_tag_repository_name UNIQUE (repository_id, name),
    CONSTRAINT fk_tag_repository FOREIGN KEY (repository_id) REFERENCES repository (id) ON DELETE CASCADE,
    CONSTRAINT fk_tag_artifact FOREIGN KEY (artifact_id) REFERENCES artifact (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_tag_artifact ON tag (artifact_id);

-- The blobs an artifact needs: its own manifest, its config and its layers.
CREATE TABLE artifact_blob (
    artifact_id BIGINT NOT NULL,
    blob_id BIGINT NOT NULL,
    PRIMARY KEY (artifact_id, blob_id),
    CONSTRAINT fk_artifact_blob_artifact FOREIGN KEY (artifact_id) REFERENCES artifact (id) ON DELETE CASCADE,
    CONSTRAINT fk_artifact_blob_blob FOREIGN KEY (blob_id) REFERENCES registry_blob (id)
) ${table_options};
CREATE INDEX ix_artifact_blob_blob ON artifact_blob (blob_id);

-- Children of an image index, with the platform they were listed under.
CREATE TABLE artifact_reference (
    id ${id},
    parent_id BIGINT NOT NULL,
    child_id BIGINT NOT NULL,
    child_digest VARCHAR(255) ${bin} NOT NULL,
    platform ${text},
    annotations MEDIUMTEXT, -- as artifact.annotations
    CONSTRAINT uq_artifact_reference UNIQUE (parent_id, child_id),
    CONSTRAINT fk_artifact_reference_parent FOREIGN KEY (parent_id) REFERENCES artifact (id) ON DELETE CASCADE,
    CONSTRAINT fk_artifact_reference_child FOREIGN KEY (child_id) REFERENCES artifact (id)
) ${table_options};
CREATE INDEX ix_artifact_reference_child ON artifact_reference (child_id);

-- Uploads in progress; the bytes received so far are in the store at uploads/<uuid>/data.
CREATE TABLE upload_session (
    uuid VARCHAR(36) NOT NULL PRIMARY KEY,
    repository_name VARCHAR(255) ${bin} NOT NULL,
    project_id BIGINT NOT NULL,
    size BIGINT NOT NULL DEFAULT 0,
    start_time ${datetime} NOT NULL,
    update_time ${datetime} NOT NULL,
    CONSTRAINT fk_upload_session_project FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_upload_session_update ON upload_session (update_time);

-- Harbor's default project: public, present from the first start.
INSERT INTO project (name, public_access, creation_time, update_time)
VALUES ('library', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
