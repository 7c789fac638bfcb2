package io.berth.console.robots;

import io.berth.rbac.boundary.robots.GrantableView;
import io.berth.rbac.boundary.robots.RobotCreateRequest;
import io.berth.rbac.boundary.robots.RobotPermissionView;
import io.berth.rbac.boundary.robots.RobotUpdateRequest;
import io.berth.rbac.boundary.robots.RobotView;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The form of the robot wizard, new or edit, as Harbor's console asks it: basic information (name, description,
 * expiry in days or never), then the system permissions (system robots only), then the project permissions (for
 * the robot's project, or for all projects or chosen ones). It only turns the form into the robot API's request;
 * whether the request is valid and allowed is {@link io.berth.rbac.boundary.robots.Robots}'s to say.
 */
public final class RobotWizard implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    public static final int BASIC = 1;
    public static final int SYSTEM = 2;
    public static final int PROJECT = 3;
    static final String LEVEL_SYSTEM = "system";
    static final String LEVEL_PROJECT = "project";
    static final String KIND_SYSTEM = "system";
    static final String KIND_PROJECT = "project";
    static final String ALL_PROJECTS = "*";

    private final String level;
    /** The project of a project robot; null for a system robot. */
    private final String projectName;
    /** The robot being edited; null for a new one. */
    private final Long robotId;
    private final String fullName;
    private final boolean disabled;
    private int step = BASIC;
    private String name;
    private String description;
    private String expiry = "days";
    private Integer days;
    private final PermissionMatrix system;
    private final PermissionMatrix project;
    private boolean coverAll;
    private List<String> chosenProjects = new ArrayList<>();
    private String projectToAdd;
    private boolean mixed;

    private RobotWizard(String level, String projectName, Long robotId, String fullName, boolean disabled,
            GrantableView grantable) {
        this.level = level;
        this.projectName = projectName;
        this.robotId = robotId;
        this.fullName = fullName;
        this.disabled = disabled;
        this.system = LEVEL_SYSTEM.equals(level) ? new PermissionMatrix(grantable.system()) : null;
        this.project = new PermissionMatrix(grantable.project());
    }

    /** A new project robot in {@code projectName}. */
    public static RobotWizard newProjectRobot(String projectName, GrantableView grantable) {
        return new RobotWizard(LEVEL_PROJECT, projectName, null, null, false, grantable);
    }

    /** A new system robot. */
    public static RobotWizard newSystemRobot(GrantableView grantable) {
        return new RobotWizard(LEVEL_SYSTEM, null, null, null, false, grantable);
    }

    /** The form filled from {@code robot}, to change it. */
    public static RobotWizard edit(RobotView robot, GrantableView grantable) {
        boolean system = LEVEL_SYSTEM.equals(robot.level());
        String projectName = system ? null : robot.permissions().stream().map(RobotPermissionView::namespace)
                .findFirst().orElse(null);
        RobotWizard wizard = new RobotWizard(robot.level(), projectName, robot.id(), robot.name(), robot.disable(),
                grantable);
        wizard.description = robot.description();
        if (robot.duration() < 0) {
            wizard.expiry = "never";
        } else {
            wizard.days = (int) Math.min(Integer.MAX_VALUE, robot.duration());
        }
        Set<Set<String>> projectSets = new HashSet<>();
        for (RobotPermissionView permission : robot.permissions()) {
            if (KIND_SYSTEM.equals(permission.kind())) {
                wizard.system.tick(permission.access());
                continue;
            }
            wizard.project.tick(permission.access());
            Set<String> keys = new LinkedHashSet<>();
            permission.access().forEach(a -> keys.add(PermissionMatrix.key(a.resource(), a.action())));
            projectSets.add(keys);
            if (ALL_PROJECTS.equals(permission.namespace())) {
                wizard.coverAll = true;
            } else if (system) {
                wizard.chosenProjects.add(permission.namespace());
            }
        }
        wizard.mixed = projectSets.size() > 1;
        return wizard;
    }

    /** The steps of this wizard, in order. */
    public List<Integer> getSteps() {
        return isSystemLevel() ? List.of(BASIC, SYSTEM, PROJECT) : List.of(BASIC, PROJECT);
    }

    public void next() {
        List<Integer> steps = getSteps();
        int at = steps.indexOf(step);
        if (at < steps.size() - 1) {
            step = steps.get(at + 1);
        }
    }

    public void back() {
        List<Integer> steps = getSteps();
        int at = steps.indexOf(step);
        if (at > 0) {
            step = steps.get(at - 1);
        }
    }

    public boolean isLastStep() {
        return step == getSteps().getLast();
    }

    public boolean isFirstStep() {
        return step == getSteps().getFirst();
    }

    /** {@code POST /robots}: the secret is always generated (it is shown once, after creation). */
    public RobotCreateRequest createRequest() {
        return RobotCreateRequest.of(name, description, level, duration(), permissions());
    }

    /** {@code PUT /robots/{id}}: name and level stay; the robot stays enabled or disabled as it is. */
    public RobotUpdateRequest updateRequest() {
        return RobotUpdateRequest.of(description, disabled, duration(), permissions());
    }

    /** -1 for never; null (the system's default) when no number of days is given. */
    Long duration() {
        if ("never".equals(expiry)) {
            return -1L;
        }
        return days == null ? null : days.longValue();
    }

    /** The permissions as the robot API takes them: system ones at {@code /}, project ones per project. */
    List<RobotPermissionView> permissions() {
        List<RobotPermissionView> permissions = new ArrayList<>();
        if (system != null && !system.selected().isEmpty()) {
            permissions.add(new RobotPermissionView(KIND_SYSTEM, "/", system.selected()));
        }
        List<RobotPermissionView.AccessView> inProjects = project.selected();
        if (!inProjects.isEmpty()) {
            if (!isSystemLevel()) {
                permissions.add(new RobotPermissionView(KIND_PROJECT, projectName, inProjects));
            } else if (coverAll) {
                permissions.add(new RobotPermissionView(KIND_PROJECT, ALL_PROJECTS, inProjects));
            } else {
                new LinkedHashSet<>(chosenProjects).forEach(p ->
                        permissions.add(new RobotPermissionView(KIND_PROJECT, p, inProjects)));
            }
        }
        return permissions;
    }

    public boolean isSystemLevel() {
        return LEVEL_SYSTEM.equals(level);
    }

    public boolean isEditing() {
        return robotId != null;
    }

    public Long getRobotId() {
        return robotId;
    }

    public String getFullName() {
        return fullName;
    }

    public String getProjectName() {
        return projectName;
    }

    public int getStep() {
        return step;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.strip();
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getExpiry() {
        return expiry;
    }

    public void setExpiry(String expiry) {
        this.expiry = "never".equals(expiry) ? "never" : "days";
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }

    public PermissionMatrix getSystem() {
        return system;
    }

    public PermissionMatrix getProject() {
        return project;
    }

    public boolean isCoverAll() {
        return coverAll;
    }

    public void setCoverAll(boolean coverAll) {
        this.coverAll = coverAll;
    }

    public List<String> getChosenProjects() {
        return chosenProjects;
    }

    public void setChosenProjects(List<String> chosenProjects) {
        this.chosenProjects = chosenProjects == null ? new ArrayList<>() : new ArrayList<>(chosenProjects);
    }

    /** The project picked in the chooser, not yet added. */
    public String getProjectToAdd() {
        return projectToAdd;
    }

    public void setProjectToAdd(String projectToAdd) {
        this.projectToAdd = projectToAdd;
    }

    /** Adds the picked project to the chosen ones (once) and empties the chooser. */
    public void addProject() {
        if (projectToAdd != null && !projectToAdd.isBlank() && !chosenProjects.contains(projectToAdd)) {
            chosenProjects.add(projectToAdd);
        }
        projectToAdd = null;
    }

    public void removeProject(String project) {
        chosenProjects.remove(project);
    }

    /** Whether the edited robot held different permissions in different projects (the form shows one grid). */
    public boolean isMixed() {
        return mixed;
    }
}
