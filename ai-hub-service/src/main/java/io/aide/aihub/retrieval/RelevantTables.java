package io.aide.aihub.retrieval;

import io.aide.aihub.context.ContextAssembler;
import io.aide.aihub.modeler.SchemaSnapshot;
import io.aide.aihub.service.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of a large schema a question needs, so a prompt fits the model's window: a schema of more than
 * {@value #WHOLE_SCHEMA_TABLES} tables is cut to the {@value #PICKED} tables most similar to the question
 * (all-MiniLM-L6-v2, {@link TableVectors}: stored in PostgreSQL per tenant and data source, a table embedded again only
 * when its text changed, ranked in SQL) and the tables their foreign keys reference. NL-to-SQL and the modeler's chat
 * use it.
 */
@ApplicationScoped
public class RelevantTables {
    public static final int WHOLE_SCHEMA_TABLES = 40;
    public static final int PICKED = 15;

    private final TableVectors vectors;

    public RelevantTables(TableVectors vectors) {
        this.vectors = vectors;
    }

    /** The snapshot itself when it is small enough, else its tables the question needs. */
    public SchemaSnapshot pick(Caller caller, String dataSourceId, SchemaSnapshot snapshot, String question) {
        if (snapshot.tables().size() <= WHOLE_SCHEMA_TABLES) {
            return snapshot;
        }
        vectors.sync(caller.tenantId(), dataSourceId, snapshot);
        Set<String> picked = new HashSet<>(vectors.top(caller.tenantId(), dataSourceId, snapshot, question, PICKED));
        List<SchemaSnapshot.Table> kept = new ArrayList<>();
        Set<String> referenced = new HashSet<>();
        for (SchemaSnapshot.Table t : snapshot.tables()) {
            if (picked.contains(ContextAssembler.sqlName(snapshot, t))) {
                t.foreignKeys().forEach(fk -> referenced.add(fk.referencedTable()));
            }
        }
        for (SchemaSnapshot.Table t : snapshot.tables()) {
            if (picked.contains(ContextAssembler.sqlName(snapshot, t)) || referenced.contains(t.name())) {
                kept.add(t);
            }
        }
        return new SchemaSnapshot(snapshot.dataSourceId(), snapshot.kind(), snapshot.database(), kept);
    }
}
