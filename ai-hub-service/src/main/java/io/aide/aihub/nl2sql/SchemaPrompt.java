package io.aide.aihub.nl2sql;

import io.aide.aihub.context.ContextAssembler;
import io.aide.aihub.modeler.SchemaSnapshot;

import java.util.stream.Collectors;

/** A data source's schema as the model reads it: one line per table, named as the sample names it. */
final class SchemaPrompt {
    private SchemaPrompt() {
    }

    static String render(SchemaSnapshot snapshot) {
        StringBuilder out = new StringBuilder();
        for (SchemaSnapshot.Table t : snapshot.tables()) {
            out.append(ContextAssembler.sqlName(snapshot, t)).append('(')
                    .append(t.columns().stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", ")))
                    .append(')');
            if (!t.primaryKey().isEmpty()) {
                out.append(" primary key (").append(String.join(", ", t.primaryKey())).append(')');
            }
            for (SchemaSnapshot.ForeignKey fk : t.foreignKeys()) {
                out.append(" foreign key (").append(String.join(", ", fk.columns())).append(") references ")
                        .append(fk.referencedSchema() == null || "files".equals(snapshot.kind()) ? ""
                                : fk.referencedSchema() + ".").append(fk.referencedTable()).append('(')
                        .append(String.join(", ", fk.referencedColumns())).append(')');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
