package io.berth.console.projects;

import io.berth.console.shell.ListingModel;
import io.berth.console.shell.Texts;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.boundary.MemberRequest;
import io.berth.rbac.boundary.MemberView;
import io.berth.rbac.boundary.Members;
import io.berth.rbac.boundary.RoleRequest;
import io.berth.rbac.boundary.UserGroupSearchItem;
import io.berth.rbac.boundary.UserGroups;
import io.berth.rbac.boundary.UserSearchItem;
import io.berth.rbac.boundary.Users;
import io.berth.rbac.control.CallerContext;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Components;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;

/**
 * The members tab ({@code /console/projects/project?name=p&tab=members}): the project's users and groups with their
 * roles ({@link Members#list}, filtered by name on the server); adding a user found as one types
 * ({@link Users#search}), adding a group (a registered one found by name through {@link UserGroups#search}, or an
 * LDAP group by its DN), changing the role of the selected members and removing them after a confirmation that names
 * them. Every change is the {@link Members} facade's to allow: Project Admins and system administrators.
 */
@Named
@ViewScoped
public class ProjectMembers implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    /** Suggestions shown while typing a name. */
    static final int SUGGESTIONS = 10;
    /** Developer: the role a new member gets unless the Project Admin picks another, as in Harbor's dialog. */
    static final int DEFAULT_ROLE = 2;
    static final Map<Integer, String> GROUP_TYPES = Map.of(1, "LDAP", 2, "HTTP", 3, "OIDC");

    @Inject
    transient Members members;

    @Inject
    transient Users users;

    @Inject
    transient UserGroups groups;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Texts texts;

    @Inject
    ProjectPage page;

    private ListingModel<MemberView> model;
    private String filter;
    private List<MemberView> selected = new ArrayList<>();
    private int roleForSelected = DEFAULT_ROLE;
    private String newUser;
    private int newUserRole = DEFAULT_ROLE;
    private String newGroup;
    private String newGroupDn;
    private int newGroupRole = DEFAULT_ROLE;
    /** The group suggestions last offered, by the label shown, so that a chosen label names one group. */
    private Map<String, Long> groupSuggestions = new LinkedHashMap<>();

    @PostConstruct
    void init() {
        model = new ListingModel<>(MemberView::id, (request, q, sort) ->
                members.list(callers.get(), project(), true, filter, request), texts);
    }

    private String project() {
        return page.getProject().name();
    }

    public ListingModel<MemberView> getModel() {
        return model;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter == null || filter.isBlank() ? null : filter.strip();
    }

    /** The name filter changed: back to the first page of the new list. */
    public void filterChanged() {
        if (Components.findComponent("memberTab:table") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    /** The roles a member can hold, strongest first (their names are {@code shell.role.<id>}). */
    public List<Integer> getRoles() {
        return ProjectSummary.ROLES_BY_STRENGTH;
    }

    /** The message key of a member's kind: user or group. */
    public String typeKey(MemberView member) {
        return "u".equals(member.entityType()) ? "projects.members.type.user" : "projects.members.type.group";
    }

    public List<MemberView> getSelected() {
        return selected;
    }

    public void setSelected(List<MemberView> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    /** The names of the selected members, for the confirmation. */
    public List<String> getSelectedNames() {
        return selected.stream().map(MemberView::entityName).toList();
    }

    public int getRoleForSelected() {
        return roleForSelected;
    }

    public void setRoleForSelected(int roleForSelected) {
        this.roleForSelected = roleForSelected;
    }

    /** Gives every selected member the chosen role; refusals (one's own membership, rights) are reported by name. */
    public void changeRole() {
        int changed = 0;
        for (MemberView member : selected) {
            try {
                members.updateRole(callers.get(), project(), true, member.id(), new RoleRequest(roleForSelected));
                changed++;
            } catch (ApiException e) {
                texts.refused(e);
            }
        }
        if (changed > 0) {
            texts.info("projects.members.roleChanged", changed, texts.get("shell.role." + roleForSelected));
        }
        selected = new ArrayList<>();
    }

    /** Removes the selected members, after the confirmation. */
    public void removeSelected() {
        int removed = 0;
        for (MemberView member : selected) {
            try {
                members.delete(callers.get(), project(), true, member.id());
                removed++;
            } catch (ApiException e) {
                texts.refused(e);
            }
        }
        if (removed > 0) {
            texts.info("projects.members.removed", removed);
        }
        selected = new ArrayList<>();
    }

    /** User names containing what was typed, for the add-user field. */
    public List<String> completeUsers(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        try {
            return users.search(callers.get(), typed.strip(), new PageRequest(1, SUGGESTIONS)).items().stream()
                    .map(UserSearchItem::username).toList();
        } catch (ApiException e) {
            return List.of();
        }
    }

    /** Registered groups whose name contains what was typed, labelled with their kind ({@code developers (LDAP)}). */
    public List<String> completeGroups(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        Map<String, Long> found = new LinkedHashMap<>();
        try {
            for (UserGroupSearchItem group : groups.search(callers.get(), typed.strip(), new PageRequest(1, SUGGESTIONS)).items()) {
                found.put(group.groupName() + " (" + GROUP_TYPES.getOrDefault(group.groupType(), "?") + ")", group.id());
            }
        } catch (ApiException e) {
            return List.of();
        }
        groupSuggestions = found;
        return List.copyOf(found.keySet());
    }

    public String getNewUser() {
        return newUser;
    }

    public void setNewUser(String newUser) {
        this.newUser = newUser;
    }

    public int getNewUserRole() {
        return newUserRole;
    }

    public void setNewUserRole(int newUserRole) {
        this.newUserRole = newUserRole;
    }

    /** Adds the user typed or picked, with the chosen role. */
    public void addUser() {
        String username = newUser == null ? "" : newUser.strip();
        if (add(new MemberRequest(newUserRole, new MemberRequest.UserRef(null, username), null), username)) {
            newUser = null;
            newUserRole = DEFAULT_ROLE;
        }
    }

    public String getNewGroup() {
        return newGroup;
    }

    public void setNewGroup(String newGroup) {
        this.newGroup = newGroup;
    }

    public String getNewGroupDn() {
        return newGroupDn;
    }

    public void setNewGroupDn(String newGroupDn) {
        this.newGroupDn = newGroupDn;
    }

    public int getNewGroupRole() {
        return newGroupRole;
    }

    public void setNewGroupRole(int newGroupRole) {
        this.newGroupRole = newGroupRole;
    }

    /**
     * Adds a group with the chosen role: by DN when one was entered (an LDAP group, as Harbor adds them), else the
     * registered group picked from the suggestions.
     */
    public void addGroup() {
        String dn = newGroupDn == null ? "" : newGroupDn.strip();
        MemberRequest.GroupRef group;
        String name;
        if (!dn.isEmpty()) {
            group = new MemberRequest.GroupRef(null, null, null, dn);
            name = dn;
        } else if (newGroup != null && groupSuggestions.containsKey(newGroup)) {
            group = new MemberRequest.GroupRef(groupSuggestions.get(newGroup), null, null, null);
            name = newGroup;
        } else {
            texts.error("projects.members.pickGroup");
            return;
        }
        if (add(new MemberRequest(newGroupRole, null, group), name)) {
            newGroup = null;
            newGroupDn = null;
            newGroupRole = DEFAULT_ROLE;
        }
    }

    /** One member added through the facade, reported either way; whether it was. */
    private boolean add(MemberRequest request, String name) {
        try {
            members.create(callers.get(), project(), true, request);
            texts.info("projects.members.added", name);
            PrimeFaces.current().ajax().addCallbackParam("added", true);
            return true;
        } catch (ApiException e) {
            texts.refused(e);
            return false;
        }
    }
}
