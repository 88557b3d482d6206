package io.aide.aihub.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.aide.aihub.llm.LanguageModels;
import io.aide.aihub.llm.ModelEndpoint;
import io.aide.aihub.modeler.ModelAnalysis;
import io.aide.aihub.modeler.SchemaMarkdown;
import io.aide.aihub.modeler.SchemaSnapshot;
import io.aide.aihub.retrieval.RelevantTables;
import io.aide.aihub.persistence.ConversationRepository;
import io.aide.aihub.session.ModelerSessionStore;
import io.aide.aihub.session.SessionKeys;
import io.aide.aihub.session.SessionMessage;
import io.aide.aihub.session.StoredSession;
import io.aide.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The data modeler's sessions: opened on a data source (restored from Redis when one is open, else created with the
 * deterministic analysis as its first answer), drafted, saved to PostgreSQL (which clears Redis) or cancelled.
 */
@ApplicationScoped
public class ModelerService {
    private static final Logger LOG = Logger.getLogger(ModelerService.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
    static final int MAX_TITLE = 256;
    static final int MAX_LISTED = 200;

    private final ModelerSessionStore store;
    private final ConversationRepository conversations;
    private final SchemaSource schemas;
    private final LanguageModels llm;
    private final RelevantTables relevant;

    public ModelerService(ModelerSessionStore store, ConversationRepository conversations, SchemaSource schemas,
                          LanguageModels llm, RelevantTables relevant) {
        this.relevant = relevant;
        this.store = store;
        this.conversations = conversations;
        this.schemas = schemas;
        this.llm = llm;
    }

    /** The open session of this user on this data source, or a new one. */
    public ModelerSessionView open(Caller caller, String dataSourceId) {
        SessionKeys keys = keys(caller, dataSourceId);
        var existing = store.load(keys);
        if (existing.isPresent()) {
            return view(existing.get(), "redis", true, null);
        }
        SchemaSource.Loaded loaded = schemas.load(caller, dataSourceId);
        ModelAnalysis analysis = ModelAnalysis.of(loaded.snapshot(), loaded.sample());
        String now = Instant.now().toString();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("conversationId", "conv_" + UUID.randomUUID());
        metadata.put("tenantId", caller.tenantId());
        metadata.put("dataSourceId", dataSourceId);
        metadata.put("userId", caller.userId());
        metadata.put("createdAt", now);
        metadata.put("lastActivity", now);
        metadata.put("model", llm.endpoint(caller.tenantId()).map(ModelEndpoint::model).orElse("none"));
        metadata.put("sample", loaded.note());
        metadata.put("tableCount", String.valueOf(analysis.summary().tableCount()));
        metadata.put("totalColumns", String.valueOf(analysis.summary().totalColumns()));
        metadata.put("totalForeignKeys", String.valueOf(analysis.summary().totalForeignKeys()));
        metadata.put("inferredReferences", String.valueOf(analysis.summary().inferredReferences()));
        metadata.put("avgColumnsPerTable", String.valueOf(analysis.summary().avgColumnsPerTable()));
        List<SessionMessage> first = List.of(new SessionMessage("assistant", analysis.answer(), Instant.now()));
        store.create(keys, metadata, analysis.schemaContext(), first);
        LOG.infof("modeler session %s opened on data source %s (%d tables)", metadata.get("conversationId"),
                dataSourceId, analysis.summary().tableCount());
        StoredSession created = new StoredSession(metadata, first, Map.of(), analysis.schemaContext(),
                ModelerSessionStore.TTL.toSeconds());
        return view(created, "new", false, analysis);
    }

    /** The analysis of the data source's current schema, outside any session (the DDL export reads it). */
    public ModelAnalysis analyse(Caller caller, String dataSourceId) {
        keys(caller, dataSourceId);
        SchemaSource.Loaded loaded = schemas.load(caller, dataSourceId);
        return ModelAnalysis.of(loaded.snapshot(), loaded.sample());
    }

    public ModelerSessionView get(Caller caller, String dataSourceId) {
        return view(require(keys(caller, dataSourceId)), "redis", true, null);
    }

    /** A chat turn needs a model; without one, or when it fails, the session stays as it is and the answer says so. */
    public ModelerSessionView message(Caller caller, String dataSourceId, String content) {
        return message(caller, dataSourceId, content, null);
    }

    /**
     * @param onDelta receives the answer piece by piece as the model streams it; null for one answer at the end
     */
    public ModelerSessionView message(Caller caller, String dataSourceId, String content,
                                      java.util.function.Consumer<String> onDelta) {
        SessionKeys keys = checkedTurn(caller, dataSourceId, content);
        StoredSession session = require(keys);
        SessionMessage question = new SessionMessage("user", content.strip(), Instant.now());
        var conversation = ModelerPrompts.conversation(promptContext(caller, dataSourceId, session, question.content()),
                session.draft().get("modelState"),
                session.draft().get("version"), session.messages(), question.content());
        String answer;
        try {
            answer = onDelta == null
                    ? llm.chat(caller.tenantId(), caller.userId(), "modeler_message", conversation)
                    : llm.stream(caller.tenantId(), caller.userId(), "modeler_message", conversation, onDelta);
        } catch (AiTaskException e) {
            int status = LanguageModels.CIRCUIT_OPEN.equals(e.code()) ? 503 : 502;
            throw new AiHubException(status, e.code(), "Language model unavailable", e.getMessage()
                    + " The session is unchanged.", e);
        }
        SessionMessage reply = new SessionMessage("assistant", answer.strip(), Instant.now());
        if (!store.append(keys, List.of(question, reply))) {
            throw noSession(dataSourceId);
        }
        return view(require(keys), "redis", true, null);
    }

    /**
     * The session's schema context, or for a schema of more than {@link RelevantTables#WHOLE_SCHEMA_TABLES} tables
     * the part the question needs (the tables most similar to it and those they reference in full, the others by
     * name), so the prompt fits the model's window. When the tables cannot be picked, the whole context.
     */
    private String promptContext(Caller caller, String dataSourceId, StoredSession session, String question) {
        int tables;
        try {
            tables = Integer.parseInt(session.metadata().getOrDefault("tableCount", "0"));
        } catch (NumberFormatException e) {
            tables = 0;
        }
        if (tables <= RelevantTables.WHOLE_SCHEMA_TABLES) {
            return session.schemaContext();
        }
        try {
            SchemaSnapshot picked = relevant.pick(caller, dataSourceId, schemas.snapshot(caller, dataSourceId),
                    question);
            List<String> names = picked.tables().stream().map(t -> t.schema() == null || t.schema().isBlank()
                    ? t.name() : t.schema() + "." + t.name()).toList();
            return "The schema has " + tables + " tables; shown in full are the " + names.size() + " most relevant "
                    + "to the question and the tables they reference, the others by name.\n\n"
                    + SchemaMarkdown.excerpt(session.schemaContext(), names);
        } catch (RuntimeException e) {
            LOG.infof("modeler turn on data source %s: whole schema context (%d tables), the relevant ones could not "
                    + "be picked: %s", dataSourceId, tables, e.getMessage());
            return session.schemaContext();
        }
    }

    /** Everything a chat turn needs before the model is called: a question, an open session, a model. */
    public SessionKeys checkedTurn(Caller caller, String dataSourceId, String content) {
        if (content == null || content.isBlank()) {
            throw AiHubException.badRequest("invalid_request", "content: the message is empty. Write a question "
                    + "about the schema or the model.");
        }
        SessionKeys keys = keys(caller, dataSourceId);
        require(keys);
        if (llm.endpoint(caller.tenantId()).isEmpty()) {
            throw new AiHubException(409, AiTaskService.NOT_CONFIGURED, "No language model", "No language model is "
                    + "configured, so the modeler cannot answer in chat; the session keeps its analysis (structure, "
                    + "integrity, star schema and DDL). Set AIDE_LLM_BASE_URL, AIDE_LLM_API_KEY and AIDE_LLM_MODEL, "
                    + "or let a tenant admin set the tenant's model.");
        }
        return keys;
    }

    public ModelerSessionView.Draft saveDraft(Caller caller, String dataSourceId, JsonNode model) {
        if (model == null || model.isNull() || model.isMissingNode()) {
            throw AiHubException.badRequest("invalid_request", "model: send the draft of the data model as a JSON "
                    + "object, e.g. {\"model\": {\"facts\": [...], \"dimensions\": [...]}}.");
        }
        SessionKeys keys = keys(caller, dataSourceId);
        long version = store.saveDraft(keys, model.toString()).orElseThrow(() -> noSession(dataSourceId));
        return new ModelerSessionView.Draft(version, model, Instant.now().toString());
    }

    /** Moves the session to PostgreSQL, linked to the data model, then clears it from Redis; both or neither. */
    public ModelerSessionView save(Caller caller, String dataSourceId, String dataModelId, String title) {
        if (dataModelId == null || !ID.matcher(dataModelId).matches()) {
            throw AiHubException.badRequest("invalid_request", "dataModelId: give the id of the data model this "
                    + "conversation built (1-128 letters, digits, '.', '_', ':' or '-').");
        }
        if (title != null && title.length() > MAX_TITLE) {
            throw AiHubException.badRequest("invalid_request", "title: at most " + MAX_TITLE + " characters.");
        }
        SessionKeys keys = keys(caller, dataSourceId);
        StoredSession session = require(keys);
        Map<String, String> m = session.metadata();
        Instant savedAt = Instant.now();
        ConversationRepository.Saved saved = new ConversationRepository.Saved(m.get("conversationId"),
                caller.tenantId(), dataSourceId, dataModelId,
                title == null || title.isBlank() ? "Data model " + dataModelId + " on " + dataSourceId : title.strip(),
                caller.userId(), Instant.parse(m.get("createdAt")), savedAt, session.schemaContext(),
                session.draft().get("modelState"), session.draft().containsKey("version")
                ? Integer.valueOf(session.draft().get("version")) : null, session.messages());
        try (Connection connection = conversations.open()) {
            try {
                conversations.insert(connection, saved);
                store.clear(keys);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new AiHubException(503, "database_unavailable", "Database unavailable", "The conversation could not "
                    + "be saved to PostgreSQL (" + e.getMessage() + "); the session stays open in Redis. Retry.", e);
        }
        LOG.infof("modeler session %s saved as data model %s", saved.conversationId(), dataModelId);
        return savedView(saved);
    }

    public void cancel(Caller caller, String dataSourceId) {
        store.clear(keys(caller, dataSourceId));
    }

    /**
     * One saved conversation of a data model (the latest the caller may open when {@code conversationId} is null),
     * read-only. Who may open a saved conversation: its author and the tenant's admins, never another tenant (seed
     * 003 reads a saved conversation "with user verification"; an admin answers for the tenant's data models). Any
     * other gets the same 404 as for an id that does not exist.
     */
    public ModelerSessionView saved(Caller caller, boolean admin, String dataModelId, String conversationId) {
        if (conversationId != null && !ID.matcher(conversationId).matches()) {
            throw AiHubException.badRequest("invalid_request", "conversationId: give the id of a saved conversation "
                    + "(GET /api/v1/ai/modeler/conversations lists yours).");
        }
        return conversations.find(caller.tenantId(), author(caller, admin), dataModelId, conversationId)
                .map(ModelerService::savedView)
                .orElseThrow(() -> AiHubException.notFound("conversation_not_found", "No saved modeler conversation "
                        + (conversationId == null ? "" : "'" + conversationId + "' ") + "for data model '"
                        + dataModelId + "' that you can open (yours, or any of your tenant's for its admins)."));
    }

    /** The saved modeler conversations the caller may open (see {@link #saved}), newest first. */
    public List<ConversationRepository.Summary> savedConversations(Caller caller, boolean admin, String dataSourceId) {
        if (dataSourceId != null) {
            keys(caller, dataSourceId);
        }
        return conversations.listSaved(caller.tenantId(), author(caller, admin), dataSourceId, MAX_LISTED);
    }

    /** Whose saved conversations the caller may open: its own, or (null) any author's of the tenant for an admin. */
    private static String author(Caller caller, boolean admin) {
        return admin ? null : caller.userId();
    }

    private StoredSession require(SessionKeys keys) {
        return store.load(keys).orElseThrow(() -> noSession(keys.dataSourceId()));
    }

    private static AiHubException noSession(String dataSourceId) {
        return AiHubException.notFound("modeler_session_not_found", "No open modeler session on data source '"
                + dataSourceId + "' for you (sessions expire 24 h after the last activity, and end when saved or "
                + "cancelled). Open one with POST /api/v1/ai/modeler/sessions {\"dataSourceId\": \"" + dataSourceId
                + "\"}.");
    }

    private static SessionKeys keys(Caller caller, String dataSourceId) {
        if (dataSourceId == null || !ID.matcher(dataSourceId).matches()) {
            throw AiHubException.badRequest("invalid_request", "dataSourceId: give the id of one of your data "
                    + "sources (GET /api/v1/datasources).");
        }
        return new SessionKeys(caller.tenantId(), dataSourceId, caller.userId());
    }

    private static ModelerSessionView view(StoredSession s, String source, boolean restored, ModelAnalysis analysis) {
        Map<String, String> m = s.metadata();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("tableCount", Integer.valueOf(m.getOrDefault("tableCount", "0")));
        summary.put("totalColumns", Integer.valueOf(m.getOrDefault("totalColumns", "0")));
        summary.put("totalForeignKeys", Integer.valueOf(m.getOrDefault("totalForeignKeys", "0")));
        summary.put("inferredReferences", Integer.valueOf(m.getOrDefault("inferredReferences", "0")));
        summary.put("avgColumnsPerTable", Double.valueOf(m.getOrDefault("avgColumnsPerTable", "0")));
        ModelerSessionView.Draft draft = s.draft().containsKey("version")
                ? new ModelerSessionView.Draft(Long.parseLong(s.draft().get("version")), readJson(s.draft().get("modelState")),
                s.draft().get("lastModified")) : null;
        return new ModelerSessionView(m.get("conversationId"), m.get("dataSourceId"), source, restored, false,
                m.get("createdAt"), m.get("lastActivity"), s.ttlSeconds(), m.get("model"), m.get("sample"), summary,
                s.schemaContext(), s.messages(), draft, analysis, null, null, null);
    }

    private static ModelerSessionView savedView(ConversationRepository.Saved c) {
        ModelerSessionView.Draft draft = c.modelDraftVersion() == null ? null
                : new ModelerSessionView.Draft(c.modelDraftVersion(), readJson(c.modelDraft()), c.savedAt().toString());
        return new ModelerSessionView(c.conversationId(), c.dataSourceId(), "database", false, true,
                c.createdAt().toString(), c.savedAt().toString(), null, null, null, null, c.schemaContext(),
                c.messages(), draft, null, c.dataModelId(), c.title(), c.savedAt().toString());
    }

    private static JsonNode readJson(String json) {
        try {
            return json == null ? null : EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return EventJson.mapper().getNodeFactory().textNode(json);
        }
    }
}
