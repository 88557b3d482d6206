package io.aide.aihub.modeler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The modeler's analysis of one schema without a language model: the Markdown context, the relationships, the role
 * of every table, the integrity findings on the sample, the proposed star schema and its DDL in each dialect.
 */
public record ModelAnalysis(SchemaMarkdown.Summary summary, String schemaContext, List<Relationship> relationships,
                            List<Relationship.ManyToMany> manyToMany, Map<String, TableRoles.Role> roles,
                            List<IntegrityCheck.Finding> findings, StarSchema starSchema, Map<String, String> ddl,
                            String answer) {

    public static ModelAnalysis of(SchemaSnapshot snapshot, SampleRows sample) {
        SchemaGraph graph = SchemaGraph.of(snapshot, sample == null ? SampleRows.NONE : sample);
        TableRoles roles = TableRoles.of(graph);
        StarSchema star = StarSchemaDesigner.design(graph, roles);
        List<IntegrityCheck.Finding> findings = IntegrityCheck.check(graph);
        Map<String, String> ddl = new LinkedHashMap<>();
        for (String dialect : DdlWriter.DIALECTS) {
            ddl.put(dialect, DdlWriter.ddl(star, dialect));
        }
        Map<String, TableRoles.Role> byTable = new LinkedHashMap<>();
        graph.tables().forEach(t -> byTable.put(t.name(), roles.role(t.name())));
        String answer = ModelerAnswer.render(graph, roles, findings, star, ddl.get("ansi"));
        return new ModelAnalysis(SchemaMarkdown.Summary.of(graph), SchemaMarkdown.render(graph), graph.relationships(),
                graph.manyToMany(), byTable, findings, star, ddl, answer);
    }
}
