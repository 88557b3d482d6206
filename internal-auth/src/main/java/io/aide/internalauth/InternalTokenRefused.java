package io.aide.internalauth;

/** An internal token that does not prove a call comes from a sibling service; the message says why, never the token. */
public final class InternalTokenRefused extends Exception {
    public InternalTokenRefused(String reason) {
        super(reason);
    }
}
