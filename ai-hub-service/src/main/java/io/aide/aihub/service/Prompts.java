package io.aide.aihub.service;

import io.aide.events.v1.AiTaskRequested;

import java.util.Map;

/** The prompts of each task kind, built from the task's instruction and context. Plain logic, no model. */
public final class Prompts {
    static final String REFINE_SYSTEM = """
            You are a senior data engineer editing one block of a generated SQL semantic layer.
            Rewrite the block so it follows the instruction, keeps the block's role (a select list stays a
            select list, joins stay joins) and stays valid for the given SQL dialect. Keep @mapping[...]
            comments that trace columns to mapping rows. Answer with the SQL of the block only: no prose,
            no markdown fences.""";

    static final String NL2SQL_SYSTEM = """
            You translate questions into one SQL query for the given dialect and schema. Use only tables and
            columns of the schema. Answer with the SQL only: no prose, no markdown fences.""";

    static String refineUser(AiTaskRequested task) {
        Map<String, String> ctx = task.context();
        StringBuilder out = new StringBuilder();
        out.append("Dialect: ").append(ctx.getOrDefault("dialect", "duckdb")).append('\n');
        out.append("Target table: ").append(ctx.getOrDefault("target", "(unknown)")).append('\n');
        out.append("Block: ").append(ctx.getOrDefault("blockName", "(unknown)")).append('\n');
        out.append("Current SQL of the block:\n").append(ctx.getOrDefault("sql", "(not provided)")).append("\n\n");
        if (ctx.containsKey("references")) {
            out.append("Referenced items:\n").append(ctx.get("references")).append("\n\n");
        }
        if (ctx.containsKey("rows")) {
            out.append("Referenced mapping rows (JSON):\n").append(ctx.get("rows")).append("\n\n");
        }
        out.append("Instruction: ").append(task.prompt() == null ? "" : task.prompt());
        return out.toString();
    }

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
