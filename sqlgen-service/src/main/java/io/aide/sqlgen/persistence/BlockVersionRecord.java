package io.aide.sqlgen.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version of a block.
 *
 * @param origin compiled | recompiled | edited
 */
public record BlockVersionRecord(int version, Map<String, String> sql, List<String> mappingRefs, String status,
                                 String origin, String createdBy, int checkpoint, Instant createdAt) {
}
