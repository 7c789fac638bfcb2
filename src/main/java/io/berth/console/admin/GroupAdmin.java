package io.berth.console.admin;

import io.berth.auth.boundary.ldap.DirectoryAdmin;
import io.berth.auth.boundary.ldap.LdapGroupView;
import io.berth.console.shell.ListingModel;
import io.berth.console.shell.Texts;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.boundary.UserGroupView;
import io.berth.rbac.boundary.UserGroups;
import io.berth.rbac.control.CallerContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.omnifaces.util.Components;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;

/**
 * The groups page ({@code /console/admin/groups}): user groups by name, a new group (an LDAP group by its DN,
 * found with a search of the directory, or an HTTP or OIDC group by name), renaming one and deleting one after a
 * confirmation that names it. Groups go through the {@link UserGroups} facade, the directory search through
 * {@link DirectoryAdmin}, each with the caller: both are for system administrators only.
 */
@Named
@ViewScoped
public class GroupAdmin implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    /** Harbor's group types, in the order the console offers them. */
    static final List<Integer> TYPES = List.of(1, 2, 3);
    static final int LDAP = 1;

    @Inject
    transient UserGroups groups;

    @Inject
    transient DirectoryAdmin directory;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Texts texts;

    private ListingModel<UserGroupView> model;
    private String nameFilter;
    private UserGroupView chosen;
    private int newType = LDAP;
    private String newName;
    private String newDn;
    private String searchText;
    private List<LdapGroupView> found = List.of();
    private String editName;

    /** Opening the page: a caller who may not list groups sees the facade's refusal on the error page. */
    public void load() {
        groups.list(callers.get(), new PageRequest(1, 1), null, null);
        model = new ListingModel<>(UserGroupView::id, (page, q, sort) ->
                groups.list(callers.get(), page, blankToNull(nameFilter), null), texts);
    }

    public ListingModel<UserGroupView> getModel() {
        return model;
    }

    public String getNameFilter() {
        return nameFilter;
    }

    public void setNameFilter(String nameFilter) {
        this.nameFilter = nameFilter;
    }

    /** The name filter changed: back to the first page of the new list. */
    public void filterChanged() {
        if (Components.findComponent("groups:table") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    public List<Integer> getTypes() {
        return TYPES;
    }

    /** The message key of a group type's name. */
    public String typeKey(Integer type) {
        return type != null && TYPES.contains(type) ? "users.groups.type." + type : "users.groups.type.unknown";
    }

    public UserGroupView getChosen() {
        return chosen;
    }

    public void choose(UserGroupView group) {
        chosen = group;
        editName = group.groupName();
    }

    /** Starts a new group from an empty dialog. */
    public void startNew() {
        newType = LDAP;
        newName = null;
        newDn = null;
        searchText = null;
        found = List.of();
    }

    /** Looks the text up in the directory: as a DN when it is one, else as a group name. */
    public void searchDirectory() {
        String text = blankToNull(searchText);
        if (text == null) {
            found = List.of();
            return;
        }
        boolean dn = text.contains("=");
        try {
            found = directory.searchGroups(callers.get(), dn ? null : text, dn ? text : null);
            if (found.isEmpty()) {
                texts.info("users.groups.search.none");
            }
        } catch (ApiException e) {
            found = List.of();
            texts.refused(e);
        }
    }

    /** Takes a group the directory search found into the new-group form. */
    public void use(LdapGroupView group) {
        newDn = group.ldapGroupDn();
        newName = group.groupName();
    }

    public boolean isLdap() {
        return newType == LDAP;
    }

    /** Registers the group of the dialog; the facade checks type, name and DN and refuses duplicates. */
    public void create() {
        try {
            UserGroupView created = groups.create(callers.get(),
                    new UserGroupView(null, blankToNull(newName), newType, newType == LDAP ? blankToNull(newDn) : null));
            texts.info("users.groups.created", created.groupName());
            startNew();
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    /** Renames the chosen group, the only change Harbor allows. */
    public void rename() {
        try {
            groups.update(callers.get(), chosen.id(), new UserGroupView(null, editName, null, null));
            texts.info("users.groups.renamed", editName);
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    /** Deletes the chosen group after the confirmation; its project memberships go with it. */
    public void delete() {
        try {
            groups.delete(callers.get(), chosen.id());
            texts.info("users.groups.deleted", chosen.groupName());
        } catch (ApiException e) {
            texts.refused(e);
        }
        chosen = null;
    }

    public int getNewType() {
        return newType;
    }

    public void setNewType(int newType) {
        this.newType = TYPES.contains(newType) ? newType : LDAP;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewDn() {
        return newDn;
    }

    public void setNewDn(String newDn) {
        this.newDn = newDn;
    }

    public String getSearchText() {
        return searchText;
    }

    public void setSearchText(String searchText) {
        this.searchText = searchText;
    }

    public List<LdapGroupView> getFound() {
        return found;
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
