package io.aide.aihub.modeler;

import java.util.List;

/**
 * A reference from rows of one table to the key of another.
 *
 * @param origin how it is known: declared in the database, or inferred from the column name or the sample values
 */
public record Relationship(String fromTable, List<String> fromColumns, String toTable, List<String> toColumns,
                           Origin origin, Cardinality cardinality) {
    public enum Origin { DECLARED, NAME, VALUES;
        public String label() {
            return switch (this) {
                case DECLARED -> "declared foreign key";
                case NAME -> "inferred from the column name";
                case VALUES -> "inferred from the sample values";
            };
        }
    }

    public enum Cardinality { ONE_TO_ONE, ONE_TO_MANY;
        public String label() {
            return this == ONE_TO_ONE ? "1:1" : "1:N";
        }
    }

    public Relationship {
        fromColumns = List.copyOf(fromColumns);
        toColumns = List.copyOf(toColumns);
    }

    public String describe() {
        return toTable + "(" + String.join(", ", toColumns) + ") " + cardinality.label() + " " + fromTable + "("
                + String.join(", ", fromColumns) + ")";
    }

    /** Two tables in a many-to-many relationship through a bridge table that references both. */
    public record ManyToMany(String left, String right, String bridge) {
        public String describe() {
            return left + " N:M " + right + " through " + bridge;
        }
    }
}
