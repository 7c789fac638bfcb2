package io.berth.console.robots;

import io.berth.console.shell.ListingModel;
import io.berth.console.shell.Texts;
import io.berth.platform.api.ApiException;
import io.berth.rbac.boundary.robots.RobotCreatedView;
import io.berth.rbac.boundary.robots.RobotPermissionView;
import io.berth.rbac.boundary.robots.RobotSecretView;
import io.berth.rbac.boundary.robots.RobotUpdateRequest;
import io.berth.rbac.boundary.robots.RobotView;
import io.berth.rbac.boundary.robots.Robots;
import io.berth.rbac.control.CallerContext;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The robot accounts of one scope (a project's, or the system's) as Harbor's console shows them: the list (name,
 * enabled, permissions, created, expires in, description; search by name, server-side paging and sorting), the
 * wizard for new and changed robots, enabling and disabling, refreshing the secret and deleting after a
 * confirmation that names the robot. Subclasses say which robots ({@link #scopeQuery}) and which wizard.
 * <p>
 * A secret comes from the facade's create or refresh answer, is shown in one dialog (with copy and an export as a
 * JSON file) and is dropped from this bean when that dialog closes, so no later render or saved view holds it.
 * Every action is one facade call with the request's caller; refusals reach the page as growl messages.
 */
public abstract class RobotAccounts implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String GENERATE = "generate";
    static final String TYPED = "typed";

    @Inject
    transient Robots robots;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Texts texts;

    private ListingModel<RobotView> model;
    private RobotWizard wizard;
    private RobotView target;
    private String refreshMode = GENERATE;
    private String typedSecret;
    private String secretName;
    private String secret;

    @PostConstruct
    void init() {
        model = new ListingModel<>(RobotView::id, (page, q, sort) -> robots.list(callers.get(), page, q, sort), texts);
        model.setExtraQuery(scopeQuery());
    }

    /** The robots this page lists, in the {@code q} syntax of {@code GET /robots} ({@code level=system}). */
    protected abstract String scopeQuery();

    /** A wizard for a new robot of this page's scope. */
    protected abstract RobotWizard newWizard();

    protected Robots robots() {
        return robots;
    }

    protected CallerContext callers() {
        return callers;
    }

    protected Texts texts() {
        return texts;
    }

    public ListingModel<RobotView> getModel() {
        return model;
    }

    // --- the wizard

    /** Opens the wizard for a new robot. */
    public void startCreate() {
        try {
            wizard = newWizard();
            opened();
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    /** Opens the wizard on robot {@code id}, read afresh. */
    public void startEdit(long id) {
        try {
            wizard = RobotWizard.edit(robots.get(callers.get(), id), robots.grantable(callers.get()));
            opened();
        } catch (ApiException e) {
            wizard = null;
            texts.refused(e);
        }
    }

    public RobotWizard getWizard() {
        return wizard;
    }

    public void next() {
        if (wizard != null) {
            wizard.next();
        }
    }

    public void back() {
        if (wizard != null) {
            wizard.back();
        }
    }

    /**
     * Creates or saves the robot of the wizard. A new robot's secret goes to the secret dialog (callback parameter
     * {@code secret}); the wizard stays open with its input when the facade refuses.
     */
    public void save() {
        if (wizard == null) {
            return;
        }
        try {
            if (wizard.isEditing()) {
                robots.update(callers.get(), wizard.getRobotId(), wizard.updateRequest());
                texts.info("robots.updated", wizard.getFullName());
            } else {
                RobotCreatedView created = robots.create(callers.get(), wizard.createRequest());
                texts.info("robots.created", created.name());
                showSecret(created.name(), created.secret());
            }
            wizard = null;
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    // --- enable, disable

    /** Enables a disabled robot and disables an enabled one, keeping everything else as it is. */
    public void toggle(long id) {
        try {
            RobotView robot = robots.get(callers.get(), id);
            boolean disable = !robot.disable();
            robots.update(callers.get(), id,
                    RobotUpdateRequest.of(robot.description(), disable, robot.duration(), robot.permissions()));
            texts.info(disable ? "robots.disabled" : "robots.enabled", robot.name());
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    // --- refresh the secret, delete: both confirm on the robot read afresh

    public void askRefresh(long id) {
        refreshMode = GENERATE;
        typedSecret = null;
        target = read(id);
    }

    /** A new secret, generated or typed; the typed one is forgotten whatever the answer. */
    public void refresh() {
        if (target == null) {
            return;
        }
        try {
            RobotSecretView fresh = robots.refresh(callers.get(), target.id(), TYPED.equals(refreshMode) ? typedSecret : null);
            texts.info("robots.refreshed", target.name());
            showSecret(target.name(), fresh.secret());
            target = null;
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (ApiException e) {
            texts.refused(e);
        } finally {
            typedSecret = null;
        }
    }

    public void askDelete(long id) {
        target = read(id);
    }

    public void delete() {
        if (target == null) {
            return;
        }
        try {
            robots.delete(callers.get(), target.id());
            texts.info("robots.deleted", target.name());
        } catch (ApiException e) {
            texts.refused(e);
        }
        target = null;
    }

    private RobotView read(long id) {
        try {
            RobotView robot = robots.get(callers.get(), id);
            opened();
            return robot;
        } catch (ApiException e) {
            texts.refused(e);
            return null;
        }
    }

    /** The robot of the open refresh or delete confirmation. */
    public RobotView getTarget() {
        return target;
    }

    public String getRefreshMode() {
        return refreshMode;
    }

    public void setRefreshMode(String refreshMode) {
        this.refreshMode = TYPED.equals(refreshMode) ? TYPED : GENERATE;
    }

    /** Never rendered back: the input is a password field without redisplay. */
    public String getTypedSecret() {
        return null;
    }

    public void setTypedSecret(String typedSecret) {
        this.typedSecret = typedSecret;
    }

    /** Tells the page's oncomplete to show the dialog it asked for. */
    private static void opened() {
        PrimeFaces.current().ajax().addCallbackParam("open", true);
    }

    // --- the secret, shown once

    private void showSecret(String name, String value) {
        secretName = name;
        secret = value;
        PrimeFaces.current().ajax().addCallbackParam("secret", true);
    }

    /** The secret dialog closed: the secret leaves the bean, and so the view. */
    public void forgetSecret() {
        secret = null;
        secretName = null;
    }

    public String getSecret() {
        return secret;
    }

    public String getSecretName() {
        return secretName;
    }

    /** {@code {"name": ..., "secret": ...}} as a download, as Harbor's "export to file". */
    public StreamedContent getSecretFile() {
        if (secret == null) {
            return null;
        }
        byte[] json = Json.createObjectBuilder().add("name", secretName).add("secret", secret).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder()
                .name(secretName.replaceAll("[^A-Za-z0-9._+-]", "_") + ".json")
                .contentType("application/json")
                .contentLength((long) json.length)
                .stream(() -> new ByteArrayInputStream(json))
                .build();
    }

    // --- how a row reads

    /** "Never", "Expired" or the days left, in the page's language. */
    public String expiresIn(RobotView robot) {
        if (robot.expiresAt() < 0) {
            return texts.get("robots.expires.never");
        }
        Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(robot.expiresAt()));
        if (left.isNegative() || left.isZero()) {
            return texts.get("robots.expires.expired");
        }
        // Whole days, rounded: a robot made for 30 days reads "30 days" right after creation, not 29.
        long days = left.compareTo(Duration.ofDays(1)) < 0 ? 0 : Math.round(left.toMinutes() / (24 * 60.0));
        return texts.get("robots.expires.days", days);
    }

    /** When the robot expires; null for never. */
    public Instant expiresAt(RobotView robot) {
        return robot.expiresAt() < 0 ? null : Instant.ofEpochSecond(robot.expiresAt());
    }

    /** The robot's permissions of {@code kind}, one line per resource: "Repository: pull, push". */
    public List<String> permissionLines(RobotView robot, String kind) {
        Map<String, List<String>> byResource = new LinkedHashMap<>();
        for (RobotPermissionView permission : robot.permissions()) {
            if (!permission.kind().equals(kind)) {
                continue;
            }
            for (RobotPermissionView.AccessView access : permission.access()) {
                List<String> actions = byResource.computeIfAbsent(access.resource(), r -> new ArrayList<>());
                String action = texts.get("robots.perm.action." + access.action());
                if (!actions.contains(action)) {
                    actions.add(action);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        byResource.forEach((resource, actions) ->
                lines.add(texts.get("robots.perm.line", texts.get("robots.perm.resource." + resource), String.join(", ", actions))));
        return lines;
    }

    /** The projects a system robot holds permissions in: "All projects" or their names. */
    public List<String> projectsOf(RobotView robot) {
        List<String> projects = new ArrayList<>();
        for (RobotPermissionView permission : robot.permissions()) {
            if (RobotWizard.KIND_PROJECT.equals(permission.kind())) {
                String name = RobotWizard.ALL_PROJECTS.equals(permission.namespace())
                        ? texts.get("robots.projects.all") : permission.namespace();
                if (!projects.contains(name)) {
                    projects.add(name);
                }
            }
        }
        return projects;
    }
}
