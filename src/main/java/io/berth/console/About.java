package io.berth.console;

import io.berth.platform.api.HarborVersion;
import io.berth.rbac.control.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The about page ({@code /console/about}): Berth's version, the Harbor API version it follows and where the API is
 * described ({@code /openapi}). As {@code GET /api/v2.0/systeminfo}, versions are shown to signed-in users only: an
 * anonymous visitor learns nothing that would tell which flaws a server might have.
 */
@Named
@RequestScoped
public class About {

    /** Written into the WAR by the Maven WAR plugin. */
    static final String POM_PROPERTIES = "/META-INF/maven/io.berth/berth/pom.properties";

    @Inject
    CallerContext callers;

    private String version;

    public boolean isSignedIn() {
        return !callers.get().isAnonymous();
    }

    public String getApiVersion() {
        return isSignedIn() ? HarborVersion.REPORTED : "";
    }

    /** Berth's own version ({@code 0.1.0-SNAPSHOT}), from the WAR; empty when unknown or for anonymous visitors. */
    public String getVersion() {
        if (!isSignedIn()) {
            return "";
        }
        if (version == null) {
            version = "";
            try (InputStream in = FacesContext.getCurrentInstance().getExternalContext().getResourceAsStream(POM_PROPERTIES)) {
                if (in != null) {
                    Properties pom = new Properties();
                    pom.load(in);
                    version = pom.getProperty("version", "");
                }
            } catch (IOException e) {
                // unknown: the page says so
            }
        }
        return version;
    }
}
