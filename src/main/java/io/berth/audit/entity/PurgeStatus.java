package io.berth.audit.entity;

/**
 * The states of a purge run, with Harbor's job status names. Transitions:
 * <pre>
 * Pending -> Running -> Success | Error | Stopped
 * Pending | Running -> Error   (its node stopped renewing the claim: it died)
 * Pending -> Stopped   (stopped before it started)
 * </pre>
 */
public enum PurgeStatus {
    PENDING("Pending"), RUNNING("Running"), SUCCESS("Success"), ERROR("Error"), STOPPED("Stopped");

    private final String value;

    PurgeStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public boolean isFinal() {
        return this == SUCCESS || this == ERROR || this == STOPPED;
    }
}
