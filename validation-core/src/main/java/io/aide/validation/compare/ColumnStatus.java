package io.aide.validation.compare;

/** How one target column fared against the expected rows. */
public enum ColumnStatus {
    /** every aligned row equal after normalisation */
    MATCH("match"),
    /** the generator said it could not compile the rule (no SQL invented) */
    FLAGGED("flagged"),
    /** SQL was produced and its values differ */
    MISMATCH("mismatch"),
    /** the SQL failed to run */
    ERROR("error"),
    /** in the expected rows but not defined by the mapping (not scored) */
    NOT_IN_SPEC("not_in_spec"),
    /** defined by the mapping but absent from the expected rows (not scored) */
    NOT_IN_EXPECTED("not_in_expected");

    private final String id;

    ColumnStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean scored() {
        return this != NOT_IN_SPEC && this != NOT_IN_EXPECTED;
    }
}
