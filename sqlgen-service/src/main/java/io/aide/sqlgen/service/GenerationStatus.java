package io.aide.sqlgen.service;

/** Lifecycle of a generation row. */
public final class GenerationStatus {
    public static final String PENDING = "pending";
    public static final String GENERATING = "generating";
    public static final String VALIDATING = "validating";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    private GenerationStatus() {
    }
}
