package io.aide.sqlgen.messaging;

import org.jboss.logging.MDC;

/** Puts correlationId, generationId and eventId into the log MDC for the duration of one message. */
public final class Correlation implements AutoCloseable {

    public static Correlation open(String correlationId, String generationId, String eventId) {
        put("correlationId", correlationId);
        put("generationId", generationId);
        put("eventId", eventId);
        return new Correlation();
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }

    @Override
    public void close() {
        MDC.remove("correlationId");
        MDC.remove("generationId");
        MDC.remove("eventId");
    }

    private Correlation() {
    }
}
