package io.berth.auth.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One resource scope of the Docker token protocol, {@code type:name:action[,action]}: what a client asks the token
 * service for ({@code scope=} parameters), what a token grants (its {@code access} claim, one entry per scope) and
 * what a registry challenge asks for.
 * <p>
 * The grammar (distribution's {@code docs/spec/auth/scope.md}) lets a name contain {@code host:port}, so a scope is
 * not split naively: as Harbor's {@code GetResourceActions} does, the type is the first part, the actions the last,
 * and the name everything between, joined again with {@code :}. A type may carry a class in parentheses
 * ({@code repository(plugin)}), which is deprecated and dropped.
 * <pre>
 * ResourceScope.parse(List.of("repository:127.0.0.1:5000/library/nginx:pull,push registry:catalog:*"))
 *   = [repository 127.0.0.1:5000/library/nginx [pull, push], registry catalog [*]]
 * </pre>
 *
 * @param type    {@code repository} or {@code registry} (others are kept, and granted nothing)
 * @param name    the repository name or {@code catalog}
 * @param actions the actions, in the order given, without duplicates
 */
public record ResourceScope(String type, String name, Set<String> actions) {

    public static final String REPOSITORY = "repository";
    public static final String REGISTRY = "registry";
    public static final String CATALOG = "catalog";
    public static final String PULL = "pull";
    public static final String PUSH = "push";
    public static final String DELETE = "delete";
    public static final String ALL = "*";
    /** The repository actions Berth knows, in the order tokens and challenges list them. */
    public static final List<String> REPOSITORY_ACTIONS = List.of(PULL, PUSH, DELETE);

    /** Longest scope parameter read; a longer one is ignored rather than parsed (a request is not a place for megabytes). */
    static final int MAX_SCOPE_LENGTH = 8192;
    /** Most scopes one token request may name. */
    static final int MAX_SCOPES = 100;

    public ResourceScope {
        actions = Collections.unmodifiableSet(new LinkedHashSet<>(actions));
    }

    /**
     * Every scope in {@code parameters} (each may hold several, separated by spaces), in order. Scopes for the
     * same type and name are merged into one, with the union of their actions; blank parts are skipped.
     */
    public static List<ResourceScope> parse(Collection<String> parameters) {
        Map<String, ResourceScope> merged = new LinkedHashMap<>();
        for (String parameter : parameters) {
            if (parameter == null || parameter.length() > MAX_SCOPE_LENGTH) {
                continue;
            }
            for (String text : parameter.split(" ")) {
                if (text.isBlank() || merged.size() >= MAX_SCOPES) {
                    continue;
                }
                ResourceScope scope = parseOne(text.strip());
                merged.merge(scope.type + "\u0000" + scope.name, scope, ResourceScope::union);
            }
        }
        return List.copyOf(merged.values());
    }

    /** One {@code type[(class)][:name[:actions]]}; missing parts are empty. */
    static ResourceScope parseOne(String text) {
        String[] parts = text.split(":", -1);
        String type = parts[0];
        int paren = type.indexOf('(');
        if (paren >= 0 && type.endsWith(")")) {
            type = type.substring(0, paren);
        }
        if (parts.length == 1) {
            return new ResourceScope(type, "", Set.of());
        }
        if (parts.length == 2) {
            return new ResourceScope(type, parts[1], Set.of());
        }
        String name = String.join(":", Arrays.asList(parts).subList(1, parts.length - 1));
        Set<String> actions = new LinkedHashSet<>();
        for (String action : parts[parts.length - 1].split(",")) {
            if (!action.isBlank()) {
                actions.add(action.strip());
            }
        }
        return new ResourceScope(type, name, actions);
    }

    /** The same scope with other actions. */
    public ResourceScope withActions(Collection<String> granted) {
        return new ResourceScope(type, name, new LinkedHashSet<>(granted));
    }

    /** Whether this scope names {@code type} and {@code name} and includes {@code action}. */
    public boolean allows(String type, String name, String action) {
        return this.type.equals(type) && this.name.equals(name) && actions.contains(action);
    }

    private ResourceScope union(ResourceScope other) {
        List<String> all = new ArrayList<>(actions);
        all.addAll(other.actions);
        return withActions(all);
    }

    /** {@code type:name:a,b}, as a challenge or a token request spells it. */
    @Override
    public String toString() {
        return type + ":" + name + ":" + String.join(",", actions);
    }
}
