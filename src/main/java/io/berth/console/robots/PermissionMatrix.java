package io.berth.console.robots;

import io.berth.rbac.boundary.robots.RobotPermissionView.AccessView;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resource x action grid of a robot wizard, for one kind of permission (system or project): which cells exist
 * (what a robot may hold, from {@link io.berth.rbac.boundary.robots.Robots#grantable}) and which are ticked.
 * Pages bind each checkbox to {@code granted['resource:action']}.
 */
public final class PermissionMatrix implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    /** Column order: the actions as Harbor's console lays them out. */
    static final List<String> ACTION_ORDER = List.of("pull", "push", "create", "read", "update", "delete", "list",
            "operate", "stop", "scanner-pull");

    /** One row: a resource and the actions a robot may hold on it. */
    public record Row(String resource, List<String> actions) implements Serializable {
    }

    private final List<Row> rows;
    private final List<String> columns;
    private final Map<String, Boolean> granted = new HashMap<>();

    PermissionMatrix(List<AccessView> grantable) {
        Map<String, Set<String>> byResource = new LinkedHashMap<>();
        Set<String> used = new LinkedHashSet<>();
        for (AccessView access : grantable) {
            byResource.computeIfAbsent(access.resource(), r -> new LinkedHashSet<>()).add(access.action());
            used.add(access.action());
        }
        List<String> order = new ArrayList<>(ACTION_ORDER.stream().filter(used::contains).toList());
        used.stream().filter(a -> !order.contains(a)).forEach(order::add);
        this.columns = List.copyOf(order);
        List<Row> all = new ArrayList<>();
        byResource.forEach((resource, actions) ->
                all.add(new Row(resource, order.stream().filter(actions::contains).toList())));
        this.rows = List.copyOf(all);
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> columns() {
        return columns;
    }

    /** The ticks, by {@code resource:action}; the page writes into it. */
    public Map<String, Boolean> getGranted() {
        return granted;
    }

    /** The ticked cells as accesses, in the grid's order. */
    public List<AccessView> selected() {
        List<AccessView> selected = new ArrayList<>();
        for (Row row : rows) {
            for (String action : row.actions()) {
                if (Boolean.TRUE.equals(granted.get(key(row.resource(), action)))) {
                    selected.add(new AccessView(row.resource(), action, "allow"));
                }
            }
        }
        return selected;
    }

    /** The ticked cells as {@code resource:action}, to compare two grids. */
    Set<String> selectedKeys() {
        Set<String> keys = new LinkedHashSet<>();
        selected().forEach(a -> keys.add(key(a.resource(), a.action())));
        return keys;
    }

    /** Ticks these cells (an existing robot's accesses); cells that are not in the grid are ignored. */
    void tick(List<AccessView> accesses) {
        for (AccessView access : accesses) {
            granted.put(key(access.resource(), access.action()), Boolean.TRUE);
        }
    }

    public void selectAll() {
        rows.forEach(row -> row.actions().forEach(action -> granted.put(key(row.resource(), action), Boolean.TRUE)));
    }

    public void clear() {
        granted.clear();
    }

    static String key(String resource, String action) {
        return resource + ":" + action;
    }
}
