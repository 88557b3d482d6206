package io.aide.aihub.modeler;

import java.util.List;
import java.util.Locale;

/** The schema as Markdown for people and models: summary figures, each table's columns and keys, relationships. */
public final class SchemaMarkdown {
    /** @param avgColumnsPerTable rounded to one decimal */
    public record Summary(int tableCount, int totalColumns, int totalForeignKeys, int inferredReferences,
                          double avgColumnsPerTable) {
        public static Summary of(SchemaGraph graph) {
            int tables = graph.tables().size();
            int columns = graph.tables().stream().mapToInt(t -> t.columns().size()).sum();
            long declared = graph.relationships().stream()
                    .filter(r -> r.origin() == Relationship.Origin.DECLARED).count();
            double avg = tables == 0 ? 0 : Math.round(columns * 10.0 / tables) / 10.0;
            return new Summary(tables, columns, (int) declared, graph.relationships().size() - (int) declared, avg);
        }
    }

    private SchemaMarkdown() {
    }

    public static String render(SchemaGraph graph) {
        Summary s = Summary.of(graph);
        SchemaSnapshot snap = graph.snapshot();
        StringBuilder out = new StringBuilder();
        out.append("# Schema").append(snap.database() == null ? "" : " `" + snap.database() + "`")
                .append(snap.kind() == null ? "" : " (" + snap.kind() + ")").append("\n\n");
        out.append("## Summary\n\n");
        out.append("| tables | columns | foreign keys | inferred references | average columns per table |\n");
        out.append("|---|---|---|---|---|\n");
        out.append("| ").append(s.tableCount()).append(" | ").append(s.totalColumns()).append(" | ")
                .append(s.totalForeignKeys()).append(" | ").append(s.inferredReferences()).append(" | ")
                .append(String.format(Locale.ROOT, "%.1f", s.avgColumnsPerTable())).append(" |\n\n");
        out.append("## Tables\n\n");
        for (TableProfile t : graph.tables()) {
            out.append("### ").append(qualified(t)).append("\n\n");
            out.append("Primary key: ").append(t.key().isEmpty() ? "none" : String.join(", ", t.key())
                    + (t.keyDeclared() ? "" : " (not declared; unique on the sample)"));
            if (t.table().rowCount() != null) {
                out.append(". Rows: ").append(t.table().rowCount());
            } else if (t.hasSample()) {
                out.append(". Sample rows: ").append(t.sampledRows()).append(t.sample().truncated() ? " (truncated)" : "");
            }
            out.append("\n\n| column | type | nullable | references |\n|---|---|---|---|\n");
            for (ColumnProfile c : t.columns()) {
                String refs = String.join(", ", graph.outgoing(t.name()).stream()
                        .filter(r -> r.fromColumns().stream().anyMatch(c.name()::equalsIgnoreCase))
                        .map(r -> r.toTable() + "." + String.join(", ", r.toColumns())
                                + (r.origin() == Relationship.Origin.DECLARED ? "" : " (inferred)"))
                        .toList());
                out.append("| ").append(c.name()).append(" | ").append(typeLabel(c)).append(" | ")
                        .append(c.nullable() ? "yes" : "no").append(" | ").append(refs).append(" |\n");
            }
            out.append('\n');
        }
        out.append("## Relationships\n\n");
        List<Relationship> rels = graph.relationships();
        if (rels.isEmpty()) {
            out.append("None declared or found.\n");
        }
        for (Relationship r : rels) {
            out.append("- ").append(r.describe()).append(" (").append(r.origin().label()).append(")\n");
        }
        for (Relationship.ManyToMany m : graph.manyToMany()) {
            out.append("- ").append(m.describe()).append('\n');
        }
        return out.toString();
    }

    /**
     * The schema context of {@link #render} cut to some tables, for a prompt about a large schema: the summary of the
     * whole schema, the sections of the named tables (qualified or bare names, any case), the other tables by name
     * only (at most {@value #NAMED_ONLY}), and the relationships that involve a kept table.
     */
    public static String excerpt(String markdown, java.util.Collection<String> tables) {
        java.util.Set<String> kept = new java.util.HashSet<>();
        tables.forEach(t -> {
            kept.add(t.toLowerCase(Locale.ROOT));
            kept.add(t.substring(t.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        });
        StringBuilder out = new StringBuilder();
        List<String> left = new java.util.ArrayList<>();
        String section = "head";
        boolean keep = true;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("## Relationships")) {
                appendLeftOut(out, left);
                section = "relationships";
                keep = true;
            } else if (section.equals("head") && line.startsWith("## Tables")) {
                section = "tables";
            } else if (section.equals("tables") && line.startsWith("### ")) {
                String name = line.substring(4).strip();
                keep = mentionsAny(name, kept);
                if (!keep) {
                    left.add(name);
                }
            } else if (section.equals("relationships") && line.startsWith("- ")) {
                if (!mentionsAny(line, kept)) {
                    continue;
                }
            }
            if (keep) {
                out.append(line).append('\n');
            }
        }
        return out.toString().stripTrailing() + "\n";
    }

    static final int NAMED_ONLY = 200;

    private static void appendLeftOut(StringBuilder out, List<String> left) {
        if (left.isEmpty()) {
            return;
        }
        out.append("Not shown here (").append(left.size()).append(" more tables, by name): ")
                .append(String.join(", ", left.subList(0, Math.min(NAMED_ONLY, left.size()))))
                .append(left.size() > NAMED_ONLY ? ", ..." : "").append("\n\n");
    }

    private static boolean mentionsAny(String line, java.util.Set<String> names) {
        for (String token : line.split("[^A-Za-z0-9_.$]+")) {
            if (!token.isEmpty() && (names.contains(token.toLowerCase(Locale.ROOT))
                    || names.contains(token.substring(token.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }

    private static String typeLabel(ColumnProfile c) {
        String declared = c.declaredType() == null ? "" : c.declaredType();
        String logical = c.type().name().toLowerCase(Locale.ROOT);
        return ColumnProfile.fromDeclared(declared) == c.type() || declared.isBlank()
                ? (declared.isBlank() ? logical : declared) : declared + " (values read as " + logical + ")";
    }

    static String qualified(TableProfile t) {
        return t.table().schema() == null || t.table().schema().isBlank() ? t.name() : t.table().schema() + "." + t.name();
    }
}
