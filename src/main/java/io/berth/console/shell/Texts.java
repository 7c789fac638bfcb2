package io.berth.console.shell;

import io.berth.platform.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The console's texts for backing beans, in the language the page renders in: the same bundle as {@code #{msg}}.
 * Also the one way beans report an outcome to the user (a growl message), so that a facade's refusal
 * ({@link ApiException}) always reaches the page the same way.
 * <pre>
 * texts.info("projects.created", name);
 * try { projects.delete(caller, name, true); } catch (ApiException e) { texts.refused(e); }
 * </pre>
 */
@ApplicationScoped
public class Texts {

    static final String BUNDLE = "msg";

    /** The text of {@code key} with {@code args} filled in ({@link MessageFormat}); the key itself when missing. */
    public String get(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, BUNDLE);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(args);
    }

    /** A success message for the growl. */
    public void info(String key, Object... args) {
        message(FacesMessage.SEVERITY_INFO, get(key, args), "");
    }

    /** An error message for the growl. */
    public void error(String key, Object... args) {
        message(FacesMessage.SEVERITY_ERROR, get(key, args), "");
    }

    /**
     * A facade's refusal: a localised summary by HTTP status and, as the detail, the facade's own explanation
     * (the same text the REST API answers with; plain text, escaped when rendered).
     */
    public void refused(ApiException e) {
        String summary = switch (e.error().status()) {
            case 400 -> get("shell.error.invalid");
            case 401 -> get("shell.error.signIn");
            case 403 -> get("shell.error.forbidden");
            case 404 -> get("shell.error.notFound");
            case 409, 412 -> get("shell.error.conflict");
            default -> get("shell.error.failed");
        };
        message(FacesMessage.SEVERITY_ERROR, summary, e.getMessage() == null ? "" : e.getMessage());
    }

    /** An empty detail, not null: FacesMessage repeats the summary as the detail when it has none. */
    private static void message(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }
}
