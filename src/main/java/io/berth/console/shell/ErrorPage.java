package io.berth.console.shell;

import io.berth.platform.api.ApiException;
import io.berth.platform.api.RequestIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the console's error page ({@code /console/error}) says about the failure that led there: a refusal by a
 * facade (not found, forbidden, sign in first) with the facade's explanation and its HTTP status, an expired page,
 * a forged or stale protected link, or an unexpected failure, which shows the request id to quote and nothing of
 * its cause.
 */
@Named
@RequestScoped
public class ErrorPage {

    /** The message key of the headline. */
    public String getTitleKey() {
        Throwable cause = cause();
        if (cause instanceof ApiException api) {
            return switch (api.error().status()) {
                case 401 -> "shell.error.signIn";
                case 403 -> "shell.error.forbidden";
                case 404 -> "shell.error.notFound";
                case 400 -> "shell.error.invalid";
                default -> "shell.error.failed";
            };
        }
        if (cause instanceof ViewExpiredException) {
            return "shell.error.expired";
        }
        if (cause instanceof ProtectedViewException) {
            return "shell.error.protected";
        }
        return "shell.error.unexpected";
    }

    /** The facade's own explanation, for refusals only; never the text of an unexpected exception. */
    public String getDetail() {
        return cause() instanceof ApiException api ? api.getMessage() : null;
    }

    /** Whether signing in might help: the visitor is anonymous and was refused. */
    public boolean isSignInHelps() {
        return cause() instanceof ApiException api && api.error().status() == 401;
    }

    /** The request id (the {@code X-Request-Id} the server logs) for the visitor to quote. */
    public String getRequestId() {
        return RequestIds.of((HttpServletRequest) external().getRequest());
    }

    /** Sets the status the failure stands for; called when the page renders. */
    public void status() {
        Throwable cause = cause();
        int status = cause instanceof ApiException api ? api.error().status()
                : cause instanceof ViewExpiredException || cause instanceof ProtectedViewException ? 400 : 500;
        external().setResponseStatus(status);
    }

    private Throwable cause() {
        Object error = external().getRequestMap().get(RequestDispatcher.ERROR_EXCEPTION);
        Throwable t = error instanceof Throwable throwable ? throwable : null;
        while (t != null) {
            if (t instanceof ApiException || t instanceof ViewExpiredException || t instanceof ProtectedViewException) {
                return t;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return error instanceof Throwable throwable ? throwable : null;
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
