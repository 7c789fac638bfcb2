package io.berth.jobs.control;

/**
 * Another run of the job holds its cluster-wide lease ({@link Leases}); {@link #runningId()} is that run. Thrown
 * when a run is asked for while one is going (the API answers 409), and nothing is recorded then.
 */
public class JobBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long runningId;

    /** @param what the job as a user names it ("garbage collection", "audit log purge") */
    public JobBusyException(String what, long runningId) {
        super(what + " " + runningId + " is running", null, false, false);
        this.runningId = runningId;
    }

    public long runningId() {
        return runningId;
    }
}
