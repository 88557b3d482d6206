package io.aide.events.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What sqlgen produced for one generation checkpoint; the claim check of ValidationRequested
 * ({@code layerObjectKey}) and what the validator runs.
 *
 * @param checkpoint increases with every recompile, refinement or block edit of the generation
 * @param layers     one per target table
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GeneratedLayers(String generationId, String documentId, int specVersion, int checkpoint,
                              List<Layer> layers) {
    public GeneratedLayers {
        Objects.requireNonNull(generationId, "generationId");
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    /**
     * One semantic layer (a view) per target table.
     *
     * @param sql          dialect (duckdb, postgres, spark, snowflake, bigquery, ansi) -> the whole SELECT
     *                     of the view (no CREATE VIEW), assembled from the blocks
     * @param pyspark      a PySpark function body computing the same rows, or null
     * @param sourceTables source tables the layer reads, as named in the SQL
     * @param keyColumns   the target's primary key columns (from the mapping)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Layer(String target, Map<String, String> sql, String pyspark, List<Block> blocks,
                        List<Column> columns, List<String> sourceTables, List<String> keyColumns) {
        public Layer {
            Objects.requireNonNull(target, "target");
            sql = sql == null ? Map.of() : Map.copyOf(sql);
            blocks = blocks == null ? List.of() : List.copyOf(blocks);
            columns = columns == null ? List.of() : List.copyOf(columns);
            sourceTables = sourceTables == null ? List.of() : List.copyOf(sourceTables);
            keyColumns = keyColumns == null ? List.of() : List.copyOf(keyColumns);
        }
    }

    /**
     * A block of a layer: ctes, select_clause, joins, where_clause, group_by, union.
     *
     * @param mappingRefs the rows that produced this block
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Block(String name, int order, int version, Map<String, String> sql, List<String> mappingRefs) {
        public Block {
            Objects.requireNonNull(name, "name");
            sql = sql == null ? Map.of() : Map.copyOf(sql);
            mappingRefs = mappingRefs == null ? List.of() : List.copyOf(mappingRefs);
        }
    }

    /**
     * A target column as compiled.
     *
     * @param status         compiled | flagged (emitted as a typed NULL with a TODO)
     * @param sources        lineage: source columns as table.column
     * @param acceptedValues target values of a value map, when the rule is one (for accepted-values checks)
     * @param lookupTable    the table a lookup rule reads, when it is one (for referential checks)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Column(String name, String type, String mappingRef, String status, String reason,
                         List<String> sources, boolean key, Boolean nullable, List<String> acceptedValues,
                         String lookupTable) {
        public Column {
            Objects.requireNonNull(name, "name");
            sources = sources == null ? List.of() : List.copyOf(sources);
            acceptedValues = acceptedValues == null ? List.of() : List.copyOf(acceptedValues);
        }
    }
}
