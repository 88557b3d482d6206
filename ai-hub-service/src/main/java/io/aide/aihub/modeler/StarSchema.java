package io.aide.aihub.modeler;

import java.util.List;

/** A proposed star schema: dimensions with surrogate keys, and facts at the grain of one source table. */
public record StarSchema(List<Dimension> dimensions, List<Fact> facts) {
    public StarSchema {
        dimensions = List.copyOf(dimensions);
        facts = List.copyOf(facts);
    }

    /**
     * @param source  the table the dimension's rows come from, or {@code from <table>} for one split off a
     *                denormalized table, or null for the calendar
     * @param usedBy  the facts that reference it; two or more make it a conformed dimension
     */
    public record Dimension(String name, String source, List<Attribute> naturalKey, List<Attribute> attributes,
                            List<String> usedBy, List<String> folded) {
        public boolean conformed() {
            return usedBy.size() >= 2;
        }

        public String surrogateKey() {
            return name.replaceFirst("^dim_", "") + "_key";
        }
    }

    /**
     * @param grain      one row per ... (a sentence)
     * @param keys       the dimension keys of the fact
     * @param degenerate descriptive columns kept on the fact (order numbers, statuses)
     */
    public record Fact(String name, String source, String grain, List<DimensionKey> keys, List<Attribute> measures,
                       List<Attribute> degenerate, List<String> joins) {
    }

    /** @param column the fact's key column; @param via where its value comes from, e.g. raw_orders.user_id */
    public record DimensionKey(String column, String dimension, String via) {
    }

    /** @param from source table.column */
    public record Attribute(String name, ColumnProfile.LogicalType type, String from) {
    }
}
