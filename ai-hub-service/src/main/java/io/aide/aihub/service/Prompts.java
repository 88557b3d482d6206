package io.aide.aihub.service;

import io.aide.events.v1.AiTaskRequested;

import java.util.Map;

/** The prompts of each task kind, built from the task's instruction and context. Plain logic, no model. */
public final class Prompts {
    static final String NL2SQL_SYSTEM = """
            You translate questions into one SQL query for the given dialect and schema. Use only tables and
            columns of the schema. Answer with the SQL only: no prose, no markdown fences.""";

    static String nl2sqlUser(AiTaskRequested task) {
        Map<String, String> ctx = task.context();
        return "Dialect: " + ctx.getOrDefault("dialect", "duckdb") + "\nSchema:\n"
                + ctx.getOrDefault("schema", "(not provided)") + "\n\nQuestion: "
                + (task.prompt() == null ? "" : task.prompt());
    }

    /** Models often wrap code in markdown fences despite the instruction; the editor wants plain SQL. */
    public static String stripFences(String answer) {
        if (answer == null) {
            return "";
        }
        String text = answer.strip();
        if (text.startsWith("```")) {
            int firstNewline = text.indexOf('\n');
            text = firstNewline < 0 ? "" : text.substring(firstNewline + 1);
            int fence = text.lastIndexOf("```");
            if (fence >= 0) {
                text = text.substring(0, fence);
            }
        }
        return text.strip();
    }

    private Prompts() {
    }
}
