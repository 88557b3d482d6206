package io.aide.validator.service;

/** A validation request the validator will not run (foreign tenant, key outside the tenant's prefix, missing layers). */
public class RunRefused extends RuntimeException {
    private final String code;

    public RunRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
