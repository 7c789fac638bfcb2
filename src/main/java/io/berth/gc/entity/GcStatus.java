package io.berth.gc.entity;

/**
 * Status of a run, with Harbor's wire names ({@code job_status}):
 * <pre>
 *   PENDING ──▶ RUNNING ──▶ SUCCESS
 *                  ├──────▶ ERROR     (failure, or its node stopped renewing the claim)
 *                  └──────▶ STOPPED   (PUT /system/gc/{id})
 * </pre>
 */
public enum GcStatus {
    PENDING("Pending"),
    RUNNING("Running"),
    STOPPED("Stopped"),
    ERROR("Error"),
    SUCCESS("Success");

    private final String wireName;

    GcStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isFinal() {
        return this == STOPPED || this == ERROR || this == SUCCESS;
    }
}
