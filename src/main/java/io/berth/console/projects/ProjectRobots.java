package io.berth.console.projects;

import io.berth.console.robots.RobotAccounts;
import io.berth.console.robots.RobotWizard;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;

/**
 * The project page's "robot accounts" tab ({@code console/projects/tabs/robots.xhtml}): the project's robots, and
 * for those who may (Project Admins, administrators) new ones, changes, secrets and deletions. The project comes
 * from {@link ProjectPage}; which buttons show follows {@code #{projectPage.can('robot', ...)}}, while the robot
 * facade decides every action.
 */
@Named
@ViewScoped
public class ProjectRobots extends RobotAccounts {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    ProjectPage projectPage;

    @Override
    protected String scopeQuery() {
        return "level=project,project_id=" + projectPage.getProject().projectId();
    }

    @Override
    protected RobotWizard newWizard() {
        return RobotWizard.newProjectRobot(projectPage.getProject().name(), robots().grantable(callers().get()));
    }
}
