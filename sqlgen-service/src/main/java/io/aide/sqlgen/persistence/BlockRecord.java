package io.aide.sqlgen.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A block with the content of its current version (empty while pending). */
public record BlockRecord(String target, String name, int order, String status, int version, Map<String, String> sql,
                          List<String> mappingRefs, Instant updatedAt) {
}
