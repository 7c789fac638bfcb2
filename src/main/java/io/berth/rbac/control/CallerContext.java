package io.berth.rbac.control;

import io.berth.rbac.entity.Caller;
import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the current request, set once by an authentication filter of {@code io.berth.auth} (in front of
 * {@code /v2/}, {@code /api/} or the console) and read by resources and facades that authorise. Unset means
 * anonymous. It lives here, below authentication, so that every capability can read it without importing
 * {@code io.berth.auth}.
 */
@RequestScoped
public class CallerContext {

    private Caller caller = Caller.ANONYMOUS;

    public Caller get() {
        return caller;
    }

    public void set(Caller caller) {
        this.caller = caller;
    }
}
