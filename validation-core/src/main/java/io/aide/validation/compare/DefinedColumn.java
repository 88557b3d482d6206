package io.aide.validation.compare;

/**
 * A target column as the mapping defines it and the generator compiled it.
 *
 * @param flagged true when the generator emitted it as a typed NULL because it could not compile the rule
 * @param reason  why it was flagged, or null
 */
public record DefinedColumn(String name, String mappingRef, boolean flagged, String reason) {
}
