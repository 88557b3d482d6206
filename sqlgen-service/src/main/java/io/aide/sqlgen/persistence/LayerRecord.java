package io.aide.sqlgen.persistence;

import io.aide.events.spec.GeneratedLayers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A row of sqlgen.layers: one semantic layer per target table. */
public record LayerRecord(String target, int position, String status, int rowCount, Map<String, String> sql,
                          String pyspark, List<GeneratedLayers.Column> columns, List<String> sourceTables,
                          List<String> keyColumns, int columnsNeedingAttention, Integer specVersion,
                          Instant updatedAt) {
}
