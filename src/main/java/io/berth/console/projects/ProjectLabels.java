package io.berth.console.projects;

import io.berth.console.labels.LabelEditor;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;

/**
 * The project page's "labels" tab ({@code console/projects/tabs/labels.xhtml}): the project's labels for everyone
 * who may list them, new, edit and delete for Project Admins and Maintainers ({@code #{projectPage.can('label',
 * ...)}} shows the buttons; the label facade decides).
 */
@Named
@ViewScoped
public class ProjectLabels extends LabelEditor {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    ProjectPage projectPage;

    @Override
    protected String scope() {
        return "p";
    }

    @Override
    protected Long projectId() {
        return projectPage.getProject().projectId();
    }
}
