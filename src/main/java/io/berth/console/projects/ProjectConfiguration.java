package io.berth.console.projects;

import io.berth.console.shell.Texts;
import io.berth.platform.api.ApiException;
import io.berth.rbac.boundary.ProjectRequest;
import io.berth.rbac.boundary.Projects;
import io.berth.rbac.control.CallerContext;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration tab ({@code /console/projects/project?name=p&tab=configuration}): whether the project is public
 * and the content-trust settings Berth keeps as project metadata ({@code enable_content_trust} for Notation,
 * {@code enable_content_trust_cosign} for cosign; Harbor's "only signed artifacts may be pulled", which Berth stores
 * but does not enforce yet, as the page says), saved together through
 * {@link Projects#update}, which lets only Project Admins and system administrators change them; and the storage
 * quota, shown here and changed by administrators on the quotas page.
 */
@Named
@ViewScoped
public class ProjectConfiguration implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String PUBLIC = "public";
    static final String NOTATION = "enable_content_trust";
    static final String COSIGN = "enable_content_trust_cosign";

    @Inject
    transient Projects projects;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Texts texts;

    @Inject
    ProjectPage page;

    private boolean publicAccess;
    private boolean notation;
    private boolean cosign;
    private StorageQuota quota;
    private boolean quotaRead;

    @PostConstruct
    void init() {
        Map<String, String> metadata = page.getProject().metadata();
        publicAccess = "true".equals(metadata.get(PUBLIC));
        notation = "true".equals(metadata.get(NOTATION));
        cosign = "true".equals(metadata.get(COSIGN));
    }

    public boolean isPublicAccess() {
        return publicAccess;
    }

    public void setPublicAccess(boolean publicAccess) {
        this.publicAccess = publicAccess;
    }

    public boolean isNotation() {
        return notation;
    }

    public void setNotation(boolean notation) {
        this.notation = notation;
    }

    public boolean isCosign() {
        return cosign;
    }

    public void setCosign(boolean cosign) {
        this.cosign = cosign;
    }

    /** The storage quota (null when the caller may not read it), read once per view. */
    public StorageQuota getQuota() {
        if (!quotaRead) {
            quota = StorageQuota.of(projects.summary(callers.get(), page.getProject().name(), true));
            quotaRead = true;
        }
        return quota;
    }

    /** A size in binary units, in the page's language. */
    public String size(long bytes) {
        return StorageQuota.format(bytes, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    /** Saves the three settings in one update; the header shows the new access level. */
    public void save() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(PUBLIC, Boolean.toString(publicAccess));
        metadata.put(NOTATION, Boolean.toString(notation));
        metadata.put(COSIGN, Boolean.toString(cosign));
        try {
            projects.update(callers.get(), page.getProject().name(), true, new ProjectRequest(null, null, metadata, null));
            page.reload();
            texts.info("projects.configuration.saved");
        } catch (ApiException e) {
            texts.refused(e);
        }
    }
}
