package io.aide.aihub.modeler;

import java.util.List;
import java.util.Locale;

/** CREATE TABLE statements of a star schema in one SQL dialect. */
public final class DdlWriter {
    public static final List<String> DIALECTS = List.of("duckdb", "postgres", "snowflake", "bigquery", "spark", "ansi");

    private DdlWriter() {
    }

    public static String ddl(StarSchema star, String dialect) {
        String d = dialect == null ? "ansi" : dialect.toLowerCase(Locale.ROOT);
        if (!DIALECTS.contains(d)) {
            throw new IllegalArgumentException("No DDL for dialect '" + dialect + "'; use one of "
                    + String.join(", ", DIALECTS) + ".");
        }
        StringBuilder out = new StringBuilder("-- star schema (" + d + ")\n");
        for (StarSchema.Dimension dim : star.dimensions()) {
            List<String> lines = new java.util.ArrayList<>();
            lines.add(dim.surrogateKey() + " " + surrogate(d));
            for (StarSchema.Attribute a : concat(dim.naturalKey(), dim.attributes())) {
                lines.add(a.name() + " " + type(a.type(), d));
            }
            if (!d.equals("spark")) {
                // Spark SQL tables carry no key constraints
                lines.add(primaryKey(d, dim.surrogateKey()));
            }
            out.append("CREATE TABLE ").append(dim.name()).append(" (\n    ").append(String.join(",\n    ", lines))
                    .append("\n);\n\n");
        }
        for (StarSchema.Fact fact : star.facts()) {
            out.append("CREATE TABLE ").append(fact.name()).append(" (\n");
            List<String> lines = new java.util.ArrayList<>();
            for (StarSchema.DimensionKey k : fact.keys()) {
                String ref = enforcesForeignKeys(d) ? " REFERENCES " + k.dimension() + " (" + keyOf(star, k.dimension())
                        + ")" : "";
                lines.add(k.column() + " " + type(ColumnProfile.LogicalType.INTEGER, d) + ref);
            }
            for (StarSchema.Attribute a : concat(fact.degenerate(), fact.measures())) {
                lines.add(a.name() + " " + type(a.type(), d));
            }
            out.append("    ").append(String.join(",\n    ", lines)).append("\n);\n\n");
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static String keyOf(StarSchema star, String dimension) {
        return star.dimensions().stream().filter(x -> x.name().equals(dimension)).findFirst()
                .map(StarSchema.Dimension::surrogateKey).orElse(dimension.replaceFirst("^dim_", "") + "_key");
    }

    private static List<StarSchema.Attribute> concat(List<StarSchema.Attribute> a, List<StarSchema.Attribute> b) {
        List<StarSchema.Attribute> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static boolean enforcesForeignKeys(String d) {
        return d.equals("postgres") || d.equals("ansi") || d.equals("snowflake") || d.equals("duckdb");
    }

    private static String surrogate(String d) {
        return switch (d) {
            case "postgres", "ansi" -> "BIGINT GENERATED ALWAYS AS IDENTITY";
            case "snowflake" -> "NUMBER AUTOINCREMENT";
            case "bigquery" -> "INT64 NOT NULL";
            default -> "BIGINT NOT NULL";
        };
    }

    private static String primaryKey(String d, String key) {
        return switch (d) {
            case "bigquery" -> "PRIMARY KEY (" + key + ") NOT ENFORCED";
            default -> "PRIMARY KEY (" + key + ")";
        };
    }

    static String type(ColumnProfile.LogicalType type, String d) {
        boolean bq = d.equals("bigquery");
        boolean spark = d.equals("spark");
        return switch (type) {
            case INTEGER -> bq ? "INT64" : "BIGINT";
            case DECIMAL -> bq ? "NUMERIC" : d.equals("snowflake") ? "NUMBER(38, 6)" : "DECIMAL(38, 6)";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case BOOLEAN -> bq ? "BOOL" : "BOOLEAN";
            case TEXT -> bq || spark ? "STRING" : d.equals("postgres") ? "TEXT" : "VARCHAR";
        };
    }
}
