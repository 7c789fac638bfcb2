package io.berth.gc.control;

/** Another run holds the cluster-wide GC claim; {@link #runningId()} is that run. */
public class GcBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long runningId;

    public GcBusyException(long runningId) {
        super("garbage collection " + runningId + " is running", null, false, false);
        this.runningId = runningId;
    }

    public long runningId() {
        return runningId;
    }
}
