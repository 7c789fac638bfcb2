package io.berth.console.admin;

import io.berth.auth.boundary.settings.Configurations;
import io.berth.console.shell.ListingModel;
import io.berth.console.shell.Texts;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.PageRequest;
import io.berth.quota.boundary.QuotaUpdateRequest;
import io.berth.quota.boundary.QuotaView;
import io.berth.quota.boundary.Quotas;
import io.berth.rbac.control.CallerContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;

/**
 * The project quotas page ({@code /console/admin/quotas}), Harbor's Administration > Project Quotas: every project's
 * storage use against its limit, sorted on the server, a project's limit changed, and the default limit for new
 * projects (the {@code storage_per_project} setting).
 * <p>
 * Limits are typed in GiB or TiB (or "unlimited", -1 bytes) and sent in bytes, as the API takes them: through the
 * {@link Quotas} facade ({@code PUT /quotas/{id}}) for a project and the {@link Configurations} facade
 * ({@code PUT /configurations}) for the default; both are for system administrators only.
 */
@Named
@ViewScoped
public class QuotaAdmin implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String DEFAULT_KEY = "storage_per_project";
    /** The units a limit is typed in. */
    static final Map<String, Long> UNITS = Map.of("GiB", 1L << 30, "TiB", 1L << 40);
    static final List<String> UNIT_NAMES = List.of("GiB", "TiB");
    private static final String[] SIZE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    @Inject
    transient Quotas quotas;

    @Inject
    transient Configurations configurations;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Texts texts;

    private ListingModel<QuotaView> model;
    private Long defaultLimit;
    private QuotaView chosen;
    /** The limit being edited: for a project ({@link #chosen}) or, without one, the default. */
    private boolean editingDefault;
    private boolean unlimited;
    private BigDecimal amount;
    private String unit = "GiB";

    /** Opening the page: a caller who may not list quotas sees the facade's refusal on the error page. */
    public void load() {
        quotas.list(callers.get(), new PageRequest(1, 1), null, null, null);
        model = new ListingModel<>(QuotaView::id, (page, q, sort) ->
                quotas.list(callers.get(), page, "project", null, sort), texts);
    }

    public ListingModel<QuotaView> getModel() {
        return model;
    }

    /** The default limit of new projects in bytes, -1 for none, read once per view. */
    public long getDefaultLimit() {
        if (defaultLimit == null) {
            defaultLimit = configurations.view(callers.get()).getJsonObject(DEFAULT_KEY).getJsonNumber("value").longValue();
        }
        return defaultLimit;
    }

    public long hard(QuotaView quota) {
        return quota.hard().getOrDefault("storage", -1L);
    }

    public long used(QuotaView quota) {
        return quota.used().getOrDefault("storage", 0L);
    }

    /** How full a quota is, 0 to 100, for its bar; 0 for an unlimited one. */
    public int percent(QuotaView quota) {
        long hard = hard(quota);
        if (hard <= 0) {
            return 0;
        }
        return (int) Math.min(100, Math.round(used(quota) * 100.0 / hard));
    }

    /** The bar's colour band: ok, high (80 % or more), full (100 %). */
    public String level(QuotaView quota) {
        int percent = percent(quota);
        return percent >= 100 ? "full" : percent >= 80 ? "high" : "ok";
    }

    /** {@code 1.5 GiB}; binary units, at most two decimals. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unitIndex = 0;
        double value = bytes;
        while (value >= 1024 && unitIndex < SIZE_UNITS.length - 1) {
            value /= 1024;
            unitIndex++;
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + " " + SIZE_UNITS[unitIndex];
    }

    public List<String> getUnits() {
        return UNIT_NAMES;
    }

    /** Opens the editor on a project's limit. */
    public void edit(QuotaView quota) {
        chosen = quota;
        editingDefault = false;
        fill(hard(quota));
    }

    /** Opens the editor on the default limit. */
    public void editDefault() {
        chosen = null;
        editingDefault = true;
        fill(getDefaultLimit());
    }

    private void fill(long bytes) {
        unlimited = bytes < 0;
        if (unlimited) {
            amount = null;
            unit = "GiB";
        } else {
            unit = bytes >= UNITS.get("TiB") && bytes % UNITS.get("TiB") == 0 ? "TiB" : "GiB";
            amount = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(UNITS.get(unit)), 3, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
        }
    }

    /** The limit typed, in bytes: -1 for unlimited; null when nothing usable was typed. */
    Long typedBytes() {
        if (unlimited) {
            return -1L;
        }
        if (amount == null || amount.signum() <= 0) {
            return null;
        }
        return amount.multiply(BigDecimal.valueOf(UNITS.getOrDefault(unit, UNITS.get("GiB"))))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Saves the limit being edited through the facade that owns it. */
    public void save() {
        Long bytes;
        try {
            bytes = typedBytes();
        } catch (ArithmeticException tooLarge) {
            bytes = null;
        }
        if (bytes == null) {
            texts.error("quotas.edit.invalid");
            return;
        }
        try {
            if (editingDefault) {
                configurations.update(callers.get(), Json.createObjectBuilder().add(DEFAULT_KEY, bytes).build());
                defaultLimit = null;
                texts.info("quotas.default.saved");
            } else {
                quotas.update(callers.get(), chosen.id(), new QuotaUpdateRequest(Map.of("storage", bytes)));
                texts.info("quotas.edit.saved", chosen.ref().name());
            }
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    public QuotaView getChosen() {
        return chosen;
    }

    public boolean isEditingDefault() {
        return editingDefault;
    }

    public boolean isUnlimited() {
        return unlimited;
    }

    public void setUnlimited(boolean unlimited) {
        this.unlimited = unlimited;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = UNITS.containsKey(unit) ? unit : "GiB";
    }
}
