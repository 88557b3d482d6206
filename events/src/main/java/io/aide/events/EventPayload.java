package io.aide.events;

/**
 * A payload carried inside an {@link Envelope}. Each record names its own type once, in
 * {@link EventTypes}, so a reader can dispatch on the envelope's {@code type} field.
 */
public interface EventPayload {
    /** The envelope type, e.g. {@code MappingParsed}. */
    String eventType();

    /** Schema version of this payload within its topic (1 for every v1 record). */
    default int schemaVersion() {
        return 1;
    }
}
