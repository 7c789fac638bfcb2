package io.berth.auth.boundary;

import io.berth.rbac.entity.Caller;
import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the current request, set once by the authentication filter in front of {@code /v2/} or
 * {@code /api/} and read by resources and facades that authorise. Unset means anonymous.
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
