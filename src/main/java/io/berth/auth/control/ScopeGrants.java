package io.berth.auth.control;

import io.berth.auth.entity.ResourceScope;
import io.berth.rbac.control.AccessEvaluator;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Project;
import io.berth.rbac.entity.Resource;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.RepositoryName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller gets of the scopes it asks for: the intersection of the request and what RBAC allows, scope by
 * scope, never an error (Harbor's token filters, {@code src/core/service/token/creator.go}). For
 * {@code repository} scopes the project is the name's first component and the actions map to permissions on it;
 * {@code *} asks for all of them. An unknown project, an invalid name, an unknown type or action gets nothing. The
 * catalog ({@code registry:catalog:*}) is for system administrators and robots granted the system
 * {@code catalog:read}. The same mapping decides HTTP Basic requests on {@code /v2/}.
 */
@ApplicationScoped
public class ScopeGrants {

    /** Token actions and the repository permission each one needs. */
    static final Map<String, Permission> REPOSITORY_PERMISSIONS = Map.of(
            ResourceScope.PULL, Permission.of(Resource.REPOSITORY, Action.PULL),
            ResourceScope.PUSH, Permission.of(Resource.REPOSITORY, Action.PUSH),
            ResourceScope.DELETE, Permission.of(Resource.REPOSITORY, Action.DELETE));
    static final Permission CATALOG = Permission.of(Resource.CATALOG, Action.READ);

    @Inject
    AccessEvaluator access;

    @Inject
    ProjectFinder projects;

    /** Each requested scope with the granted part of its actions (possibly none), in the order asked. */
    public List<ResourceScope> grant(Caller caller, List<ResourceScope> requested) {
        List<ResourceScope> granted = new ArrayList<>(requested.size());
        for (ResourceScope scope : requested) {
            granted.add(switch (scope.type()) {
                case ResourceScope.REPOSITORY -> scope.withActions(repository(caller, scope));
                case ResourceScope.REGISTRY -> ResourceScope.CATALOG.equals(scope.name())
                        && scope.actions().contains(ResourceScope.ALL) && mayListCatalog(caller)
                        ? scope.withActions(List.of(ResourceScope.ALL)) : scope.withActions(List.of());
                default -> scope.withActions(List.of());
            });
        }
        return granted;
    }

    /** The repository actions ({@code pull}, {@code push}, {@code delete}) {@code caller} holds in {@code project}. */
    public Set<String> repositoryActions(Caller caller, Project project) {
        Set<Permission> permissions = access.permissions(caller, project);
        Set<String> actions = new LinkedHashSet<>();
        for (String action : ResourceScope.REPOSITORY_ACTIONS) {
            if (permissions.contains(REPOSITORY_PERMISSIONS.get(action))) {
                actions.add(action);
            }
        }
        return actions;
    }

    public boolean mayListCatalog(Caller caller) {
        return caller.isSysadmin() || access.canSystem(caller, CATALOG);
    }

    private List<String> repository(Caller caller, ResourceScope scope) {
        Set<String> wanted = scope.actions().contains(ResourceScope.ALL)
                ? Set.copyOf(ResourceScope.REPOSITORY_ACTIONS) : scope.actions();
        Optional<Project> project = projectOf(scope.name());
        if (project.isEmpty()) {
            return List.of();
        }
        Set<String> held = repositoryActions(caller, project.get());
        return ResourceScope.REPOSITORY_ACTIONS.stream().filter(wanted::contains).filter(held::contains).toList();
    }

    private Optional<Project> projectOf(String repositoryName) {
        try {
            return projects.byName(new RepositoryName(repositoryName).project());
        } catch (RegistryException e) {
            return Optional.empty();
        }
    }
}
