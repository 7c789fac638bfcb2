package io.berth.console.admin;

import io.berth.console.labels.LabelEditor;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serial;

/**
 * Global labels ({@code /console/admin/labels}), usable in every project: every signed-in user may read them, system
 * administrators change them (the label facade decides; the page shows the buttons to administrators only).
 */
@Named
@ViewScoped
public class GlobalLabels extends LabelEditor {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    protected String scope() {
        return "g";
    }

    @Override
    protected Long projectId() {
        return null;
    }
}
