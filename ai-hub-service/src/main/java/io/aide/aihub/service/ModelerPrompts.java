package io.aide.aihub.service;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.aide.aihub.session.SessionMessage;

import java.util.ArrayList;
import java.util.List;

/** The data modeler's conversation as model messages: the architect's brief with the schema, then the history. */
final class ModelerPrompts {
    static final String SYSTEM = """
            You are a principal database architect advising a data engineering team on analytical data models.
            You are given the schema of one data source as Markdown (tables, columns, keys, relationships and
            summary figures) and a first analysis measured on its sample rows. Ground every statement in that
            schema: name real tables and columns, never invent any.
            Answer in Markdown with exactly these three sections:
            ## 1. Structural analysis and integrity check
            (entities, relationships and their cardinality, keys, integrity risks such as missing keys, orphan
            references, nullable foreign keys)
            ## 2. Recommended analytical data models
            (two or three alternatives, e.g. a star schema, a snowflake or a wide denormalized table, each with its
            facts and grain, dimensions and when to prefer it)
            ## 3. SQL implementation strategy
            (DDL of the recommended model, how to load it from the source tables, surrogate keys, slowly changing
            dimensions where they matter)
            When the user asks a narrower question, answer it directly and keep to the sections that apply.
            When you change the recommended model, end the answer with the whole changed model as one fenced
            ```json block of the same shape as the current model draft ({"facts": [...], "dimensions": [...]});
            the user can take it as the next version of the draft.""";

    /**
     * A message of the history longer than this is cut for the prompt (the session keeps it whole): the first one, the
     * deterministic analysis, runs to hundreds of kilobytes on a schema of hundreds of tables.
     */
    static final int HISTORY_MESSAGE_CHARS = 12_000;

    private ModelerPrompts() {
    }

    static String cut(String content) {
        if (content == null || content.length() <= HISTORY_MESSAGE_CHARS) {
            return content;
        }
        return content.substring(0, HISTORY_MESSAGE_CHARS) + "\n\n[... " + (content.length() - HISTORY_MESSAGE_CHARS)
                + " more characters of this message are left out here ...]";
    }

    /**
     * @param draft        the session's model draft as JSON, or null when none was saved
     * @param draftVersion its version
     */
    static List<ChatMessage> conversation(String schemaContext, String draft, String draftVersion,
                                          List<SessionMessage> history, String question) {
        List<ChatMessage> out = new ArrayList<>();
        String draftPart = draft == null || draft.isBlank() ? ""
                : "\n\n# Current model draft (version " + draftVersion + ")\n\n```json\n" + draft + "\n```";
        out.add(SystemMessage.from(SYSTEM + "\n\n# Schema context\n\n" + schemaContext + draftPart));
        for (SessionMessage m : history) {
            String content = cut(m.content());
            out.add("user".equals(m.role()) ? UserMessage.from(content) : AiMessage.from(content));
        }
        out.add(UserMessage.from(question));
        return out;
    }
}
