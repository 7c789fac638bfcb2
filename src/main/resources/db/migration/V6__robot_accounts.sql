-- Robot accounts v2 (io.berth.rbac.boundary.robots): who created a robot, and project grants tied to the project's id.

-- Harbor's creator_type ('local' for a user, 'robot' for a robot) and creator_ref (that user's or robot's id),
-- as GET /robots shows them. The name in robot.creator stays for people reading the table.
ALTER TABLE robot ADD COLUMN creator_type VARCHAR(16);
ALTER TABLE robot ADD COLUMN creator_ref BIGINT;

-- A grant of kind 'project' on a named project also records that project's id, and goes when the project goes.
-- Without this, a system robot's grant on project "p" would apply again to a new project created later under the
-- same name (Harbor keeps /project/<id> scopes for the same reason). NULL for system grants and namespace '*'.
-- Both databases index a foreign key column by themselves.
ALTER TABLE robot_permission ADD COLUMN project_id BIGINT;
ALTER TABLE robot_permission ADD CONSTRAINT fk_robot_permission_project
    FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE;
