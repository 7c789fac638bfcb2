-- Harbor's labels (io.berth.registry.boundary.api): global labels (scope 'g', made by administrators) and
-- project labels (scope 'p'), and which artifacts carry them. A project label goes with its project, and a
-- label or artifact that goes takes its attachments along.

CREATE TABLE label (
    id ${id},
    name VARCHAR(128) ${bin} NOT NULL,
    description ${text},
    color VARCHAR(16),
    scope VARCHAR(1) NOT NULL,
    -- NULL for global labels; Harbor's API shows 0 for them.
    project_id BIGINT,
    creation_time ${datetime} NOT NULL,
    update_time ${datetime} NOT NULL,
    CONSTRAINT uq_label_project_name UNIQUE (project_id, name),
    CONSTRAINT fk_label_project FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_label_scope_name ON label (scope, name);

CREATE TABLE artifact_label (
    id ${id},
    artifact_id BIGINT NOT NULL,
    label_id BIGINT NOT NULL,
    creation_time ${datetime} NOT NULL,
    CONSTRAINT uq_artifact_label UNIQUE (artifact_id, label_id),
    CONSTRAINT fk_artifact_label_artifact FOREIGN KEY (artifact_id) REFERENCES artifact (id) ON DELETE CASCADE,
    CONSTRAINT fk_artifact_label_label FOREIGN KEY (label_id) REFERENCES label (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_artifact_label_label ON artifact_label (label_id);
