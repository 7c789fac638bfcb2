package io.berth.audit.control;

/** Another purge holds the cluster-wide claim ({@code job_lease} row {@link PurgeSteps#JOB}); {@link #runningId()} is that run. */
public class PurgeBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long runningId;

    public PurgeBusyException(long runningId) {
        super("audit log purge " + runningId + " is running", null, false, false);
        this.runningId = runningId;
    }

    public long runningId() {
        return runningId;
    }
}
