-- Identity and access: users, groups, project members, robot accounts, runtime configuration.
-- Placeholders as in V1 (io.berth.platform.DatabaseSetup).

-- "user" is reserved in both databases, hence berth_user. Secrets are never stored: password_hash is
-- PBKDF2 (see io.berth.auth.control.PasswordHasher), empty for users that authenticate against LDAP.
CREATE TABLE berth_user (
    id ${id},
    username VARCHAR(255) ${bin} NOT NULL,
    email VARCHAR(255),
    realname VARCHAR(255),
    user_comment VARCHAR(1024),
    password_hash VARCHAR(512),
    sysadmin BOOLEAN NOT NULL DEFAULT FALSE,
    auth_source VARCHAR(16) NOT NULL DEFAULT 'db',
    ldap_dn VARCHAR(1024),
    failed_logins INT NOT NULL DEFAULT 0,
    locked_until ${datetime},
    password_changed ${datetime},
    creation_time ${datetime} NOT NULL,
    update_time ${datetime} NOT NULL,
    CONSTRAINT uq_user_username UNIQUE (username)
) ${table_options};
CREATE INDEX ix_user_email ON berth_user (email);

-- group_type as Harbor: 1 LDAP, 2 HTTP, 3 OIDC.
CREATE TABLE user_group (
    id ${id},
    group_name VARCHAR(255) NOT NULL,
    group_type INT NOT NULL,
    ldap_group_dn VARCHAR(512),
    creation_time ${datetime} NOT NULL,
    update_time ${datetime} NOT NULL,
    CONSTRAINT uq_user_group UNIQUE (group_type, group_name)
) ${table_options};
CREATE INDEX ix_user_group_dn ON user_group (ldap_group_dn);

-- entity_type as Harbor: 'u' a user, 'g' a group. role is Harbor's role_id (1..5).
CREATE TABLE project_member (
    id ${id},
    project_id BIGINT NOT NULL,
    entity_id BIGINT NOT NULL,
    entity_type CHAR(1) NOT NULL,
    role INT NOT NULL,
    creation_time ${datetime} NOT NULL,
    update_time ${datetime} NOT NULL,
    CONSTRAINT uq_project_member UNIQUE (project_id, entity_id, entity_type),
    CONSTRAINT fk_project_member_project FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_project_member_entity ON project_member (entity_type, entity_id);

-- Robot accounts v2. secret_hash is PBKDF2 of the secret, which is shown once at creation or refresh.
-- project_id is set for project-level robots (deleted with their project).
CREATE TABLE robot (
    id ${id},
    name VARCHAR(255) ${bin} NOT NULL,
    description VARCHAR(1024),
    secret_hash VARCHAR(512) NOT NULL,
    robot_level VARCHAR(16) NOT NULL,
    project_id BIGINT,
    duration_days INT NOT NULL,
    expires_at ${datetime},
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    creator VARCHAR(255),
    creation_time ${datetime} NOT NULL,
    update_time ${datetime} NOT NULL,
    CONSTRAINT uq_robot_name UNIQUE (name),
    CONSTRAINT fk_robot_project FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE
) ${table_options};

-- What a robot may do: kind 'project' (namespace = a project name, or * for every project) or
-- 'system' (namespace = /). resource and action are Harbor's names.
CREATE TABLE robot_permission (
    id ${id},
    robot_id BIGINT NOT NULL,
    kind VARCHAR(16) NOT NULL,
    namespace VARCHAR(255) NOT NULL,
    resource VARCHAR(64) NOT NULL,
    action VARCHAR(32) NOT NULL,
    CONSTRAINT fk_robot_permission_robot FOREIGN KEY (robot_id) REFERENCES robot (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_robot_permission_robot ON robot_permission (robot_id);

-- Settings administrators change at run time (auth mode, LDAP, token expiry, ...), as Harbor's
-- /api/v2.0/configurations. Values are strings; secrets among them are encrypted by the application.
CREATE TABLE configuration (
    config_key VARCHAR(128) NOT NULL PRIMARY KEY,
    config_value ${text},
    update_time ${datetime} NOT NULL
) ${table_options};
