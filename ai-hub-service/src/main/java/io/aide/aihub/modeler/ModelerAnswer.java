package io.aide.aihub.modeler;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The three-part answer of the data modeler written from the analysis alone: part 1 (structural analysis and
 * integrity check) and part 3 (SQL implementation strategy) come from the schema and its sample; part 2 (the
 * narrative comparison of analytical models) says that it needs a language model.
 */
final class ModelerAnswer {
    private ModelerAnswer() {
    }

    static String render(SchemaGraph graph, TableRoles roles, List<IntegrityCheck.Finding> findings, StarSchema star,
                         String ddl) {
        SchemaMarkdown.Summary s = SchemaMarkdown.Summary.of(graph);
        StringBuilder out = new StringBuilder();
        out.append("## 1. Structural analysis and integrity check\n\n");
        out.append(String.format(Locale.ROOT, "%d tables, %d columns (%.1f per table), %d declared foreign keys",
                s.tableCount(), s.totalColumns(), s.avgColumnsPerTable(), s.totalForeignKeys()));
        out.append(s.inferredReferences() > 0 ? ", " + s.inferredReferences() + " references inferred" : "")
                .append(".\n\n");
        for (TableProfile t : graph.tables()) {
            out.append("- **").append(t.name()).append("**: ").append(describe(graph, roles, t)).append('\n');
        }
        if (!graph.manyToMany().isEmpty()) {
            out.append('\n');
            graph.manyToMany().forEach(m -> out.append("- ").append(m.describe()).append('\n'));
        }
        List<StarSchema.Dimension> conformed = star.dimensions().stream().filter(StarSchema.Dimension::conformed).toList();
        out.append("\nConformed dimensions: ").append(conformed.isEmpty() ? "none (no dimension is shared by two facts)"
                : conformed.stream().map(d -> d.name() + " (" + String.join(", ", d.usedBy()) + ")")
                .collect(Collectors.joining(", "))).append(".\n\n");
        out.append("Integrity on the sample:\n\n");
        if (findings.isEmpty()) {
            out.append("- no missing key, orphan or undeclared reference found.\n");
        }
        findings.forEach(f -> out.append("- ").append(f.message()).append('\n'));

        out.append("\n## 2. Recommended analytical data models\n\n");
        out.append("Comparing alternative analytical models and explaining their trade-offs needs a language model, "
                + "and none is configured: set AIDE_LLM_BASE_URL, AIDE_LLM_API_KEY and AIDE_LLM_MODEL (or a model of "
                + "the tenant). The star schema below follows from the schema's keys, references and measures alone.\n");

        out.append("\n## 3. SQL implementation strategy\n\n");
        if (star.facts().isEmpty()) {
            out.append("No fact table found: no table both references others and holds numeric measures, and no lone "
                    + "table holds measures and dates. Declare the foreign keys between these tables (or upload "
                    + "sample rows so references can be read from the values) and analyse again.\n");
            return out.toString();
        }
        for (StarSchema.Fact f : star.facts()) {
            out.append("- **").append(f.name()).append("** from ").append(f.source()).append(", ").append(f.grain())
                    .append("; measures ").append(f.measures().stream().map(StarSchema.Attribute::name)
                            .collect(Collectors.joining(", ")))
                    .append("; dimensions ").append(f.keys().stream().map(k -> k.dimension() + " (" + k.via() + ")")
                            .distinct().collect(Collectors.joining(", ")));
            if (!f.joins().isEmpty()) {
                out.append("; loaded through ").append(String.join(", ", f.joins()));
            }
            out.append(".\n");
        }
        for (StarSchema.Dimension d : star.dimensions()) {
            out.append("- **").append(d.name()).append("**").append(d.source() == null ? " generated as a calendar"
                    : " from " + d.source()).append(d.folded().isEmpty() ? "" : ", flattening "
                    + String.join(", ", d.folded())).append(", surrogate key ").append(d.surrogateKey()).append(".\n");
        }
        out.append("\n```sql\n").append(ddl).append("```\n");
        return out.toString();
    }

    private static String describe(SchemaGraph graph, TableRoles roles, TableProfile t) {
        int in = graph.incoming(t.name()).size();
        int outgoing = graph.outgoing(t.name()).size();
        String measures = roles.measures(t).stream().map(ColumnProfile::name).collect(Collectors.joining(", "));
        String refs = "references " + outgoing + " table(s), referenced by " + in;
        return switch (roles.role(t.name())) {
            case FACT -> "fact (" + refs + "; measures " + measures + ")";
            case HEADER -> "transaction header (" + refs + "; dates, no measures): folded into the facts that "
                    + "reference it";
            case FACTLESS_FACT -> "factless fact (" + refs + "; records events with dates, no measures)";
            case BRIDGE -> "bridge of a many-to-many relationship (" + refs + ")";
            case DIMENSION -> "dimension (" + refs + "; " + roles.attributes(t).size() + " descriptive columns)";
        };
    }
}
