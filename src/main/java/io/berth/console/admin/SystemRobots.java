package io.berth.console.admin;

import io.berth.console.robots.RobotAccounts;
import io.berth.console.robots.RobotWizard;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.boundary.ProjectView;
import io.berth.rbac.boundary.Projects;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.util.List;

/**
 * The administrators' robot accounts ({@code /console/admin/robots}): system robots, with system permissions and
 * project permissions in every project or in chosen ones. Opening the page asks the robot facade for the list, so
 * whoever may not list system robots gets its refusal (the error page) rather than an empty table.
 */
@Named
@ViewScoped
public class SystemRobots extends RobotAccounts {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String SYSTEM = "level=system";
    static final int SUGGESTIONS = 10;

    @Inject
    transient Projects projects;

    /** The page's view action: 401/403 from the facade end on the error page. */
    public void load() {
        robots().list(callers().get(), new PageRequest(1, 1), SYSTEM, null);
    }

    @Override
    protected String scopeQuery() {
        return SYSTEM;
    }

    @Override
    protected RobotWizard newWizard() {
        return RobotWizard.newSystemRobot(robots().grantable(callers().get()));
    }

    /** Project names containing {@code text}, for the wizard's project chooser. */
    public List<String> completeProject(String text) {
        String term = text == null ? "" : text.replaceAll("[,=~\\[\\]{}()]", "").strip();
        try {
            return projects.list(callers().get(), new PageRequest(1, SUGGESTIONS), term.isEmpty() ? null : "name=~" + term,
                    "name", null, null, null).items().stream().map(ProjectView::name).toList();
        } catch (ApiException e) {
            texts().refused(e);
            return List.of();
        }
    }
}
