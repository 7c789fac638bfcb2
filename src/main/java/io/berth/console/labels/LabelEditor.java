package io.berth.console.labels;

import io.berth.console.shell.ListingModel;
import io.berth.console.shell.Texts;
import io.berth.platform.api.ApiException;
import io.berth.rbac.control.CallerContext;
import io.berth.registry.boundary.api.LabelRequest;
import io.berth.registry.boundary.api.LabelView;
import io.berth.registry.boundary.api.Labels;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;
import org.primefaces.PrimeFaces;

/**
 * The labels of one scope (global, or a project's) as Harbor's console shows them: name, colour, description and
 * creation time, sorted by name or creation and filtered by name on the server; new, edit and delete after a
 * confirmation that names the label. Subclasses give the scope ({@code g} or {@code p}) and the project.
 * <p>
 * Names and descriptions are the users' own text and always render escaped; the colour is only ever used in a
 * style when it is a plain hex colour.
 */
public abstract class LabelEditor implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    /** The colours a style may carry: #rgb or #rrggbb, nothing else. */
    static final Pattern HEX = Pattern.compile("#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})");
    static final String DEFAULT_COLOR = "#1565c0";

    @Inject
    transient Labels labels;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Texts texts;

    private ListingModel<LabelView> model;
    private Long editId;
    private String name;
    private String description;
    private String color = DEFAULT_COLOR;
    private LabelView target;

    @PostConstruct
    void init() {
        model = new ListingModel<>(LabelView::id,
                (page, q, sort) -> labels.list(callers.get(), page, q, sort, null, scope(), projectId()), texts);
    }

    /** {@code g} (global) or {@code p} (project). */
    protected abstract String scope();

    /** The project of project labels; null for global ones. */
    protected abstract Long projectId();

    public ListingModel<LabelView> getModel() {
        return model;
    }

    public void startCreate() {
        editId = null;
        name = null;
        description = null;
        color = DEFAULT_COLOR;
        PrimeFaces.current().ajax().addCallbackParam("open", true);
    }

    /** Opens the dialog on label {@code id}, read afresh. */
    public void startEdit(long id) {
        try {
            LabelView label = labels.get(callers.get(), id);
            editId = label.id();
            name = label.name();
            description = label.description();
            color = HEX.matcher(label.color()).matches() ? label.color() : DEFAULT_COLOR;
            PrimeFaces.current().ajax().addCallbackParam("open", true);
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    /** Creates or saves the label of the dialog; the dialog stays open with its input when the facade refuses. */
    public void save() {
        try {
            if (editId == null) {
                labels.create(callers.get(), new LabelRequest(null, name, description, color, scope(), projectId()));
                texts.info("labels.created", name);
            } else {
                labels.update(callers.get(), editId, new LabelRequest(null, name, description, color, null, null));
                texts.info("labels.updated", name);
            }
            editId = null;
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    public void askDelete(long id) {
        try {
            target = labels.get(callers.get(), id);
            PrimeFaces.current().ajax().addCallbackParam("open", true);
        } catch (ApiException e) {
            target = null;
            texts.refused(e);
        }
    }

    public void delete() {
        if (target == null) {
            return;
        }
        try {
            labels.delete(callers.get(), target.id());
            texts.info("labels.deleted", target.name());
        } catch (ApiException e) {
            texts.refused(e);
        }
        target = null;
    }

    /** The label of the open delete confirmation. */
    public LabelView getTarget() {
        return target;
    }

    public boolean isEditing() {
        return editId != null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getColor() {
        return color;
    }

    public void setColor(String color) {
        this.color = color;
    }

    /**
     * The chip's style: the label's colour with black or white text, whichever contrasts more (at least 4.5:1 for
     * any background); empty for a label without a plain hex colour, which then shows in the theme's colours.
     */
    public String chipStyle(LabelView label) {
        String hex = label.color();
        if (hex == null || !HEX.matcher(hex).matches()) {
            return "";
        }
        String rgb = hex.length() == 4
                ? "" + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2) + hex.charAt(3) + hex.charAt(3)
                : hex.substring(1);
        double luminance = 0.2126 * linear(rgb, 0) + 0.7152 * linear(rgb, 2) + 0.0722 * linear(rgb, 4);
        boolean darkText = (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05);
        return "background-color:#" + rgb.toLowerCase(Locale.ROOT) + ";color:" + (darkText ? "#000000" : "#ffffff");
    }

    private static double linear(String rgb, int at) {
        double channel = Integer.parseInt(rgb.substring(at, at + 2), 16) / 255.0;
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
