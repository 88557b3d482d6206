package io.aide.sqlgen.service;

/** Stage names of progress and error events, as the chat panel shows them. */
public final class Stages {
    public static final String LOADING_SPEC = "loading_spec";
    public static final String COMPILING = "compiling";
    public static final String WRITING_ARTIFACTS = "writing_artifacts";
    public static final String VALIDATING = "validating";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";
    public static final String EDITING = "editing";

    private Stages() {
    }
}
