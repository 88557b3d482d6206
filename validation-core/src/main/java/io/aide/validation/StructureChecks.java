package io.aide.validation;

import io.aide.events.spec.GeneratedLayers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.aide.validation.CheckText.at;
import static io.aide.validation.CheckText.lookup;
import static io.aide.validation.CheckText.nameIn;
import static io.aide.validation.CheckText.where;

/**
 * The checks of a layer's SQL itself: it parses in each dialect, binds against the sample schema with the declared
 * types, and runs on the sample into the output table {@code out}, whose row count the data checks start from.
 */
final class StructureChecks {
    private static final Pattern ERROR_LINE = Pattern.compile("LINE (\\d+):");

    private final GeneratedLayers.Layer layer;
    private final DuckDbSandbox sandbox;
    private final SyntaxChecker syntax;
    private final Lineage lineage;
    private final String out;
    private final String loadError;
    private long outputRows;

    /** @param loadError why the sample did not load, or null */
    StructureChecks(GeneratedLayers.Layer layer, DuckDbSandbox sandbox, SyntaxChecker syntax, Lineage lineage,
                    String out, String loadError) {
        this.layer = layer;
        this.sandbox = sandbox;
        this.syntax = syntax;
        this.lineage = lineage;
        this.out = out;
        this.loadError = loadError;
    }

    /** Rows of the output table, once {@link #executionCheck} passed. */
    long outputRows() {
        return outputRows;
    }

    CheckResult syntaxCheck(PlannedCheck p) {
        String sql = layer.sql().get(p.dialect());
        if (sql == null || sql.isBlank()) {
            return CheckResult.of(p, CheckResult.SKIPPED, "no " + p.dialect() + " SQL was generated for "
                    + layer.target()).withCode("skipped:no_sql");
        }
        Optional<SyntaxChecker.SyntaxError> error = syntax.check(p.dialect(), sql);
        if (error.isEmpty()) {
            return CheckResult.of(p, CheckResult.PASS, layer.target() + " parses as " + p.dialect() + " SQL");
        }
        List<String> blocks = lineage.blocksAt(sql, error.get().offset());
        return CheckResult.of(p, CheckResult.FAIL, layer.target() + " (" + p.dialect() + "): " + error.get().message()
                        + where(blocks))
                .withCode("sql:syntax").withBlocks(blocks).withMappingRefs(lineage.refsOfBlocks(blocks));
    }

    CheckResult bindingCheck(PlannedCheck p, String sql) {
        if (loadError != null) {
            return CheckResult.of(p, CheckResult.ERROR, "the sample could not be loaded: " + loadError).withCode("sample:load");
        }
        List<String> problems = new ArrayList<>();
        Set<String> blocks = new LinkedHashSet<>();
        Set<String> refs = new LinkedHashSet<>();
        String code = null;
        Map<String, Map<String, String>> schema = sandbox.schema();
        for (GeneratedLayers.Column c : layer.columns()) {
            for (String source : c.sources()) {
                int dot = source.lastIndexOf('.');
                if (dot <= 0) {
                    continue;
                }
                Map<String, String> cols = lookup(schema, source.substring(0, dot));
                String col = source.substring(dot + 1);
                if (cols != null && cols.keySet().stream().noneMatch(k -> k.equalsIgnoreCase(col))) {
                    problems.add("column " + layer.target() + "." + c.name() + " reads " + source
                            + ", but the sample table has no column '" + col + "' (columns: "
                            + String.join(", ", cols.keySet()) + ")" + at(c));
                    blocks.addAll(lineage.blocksOf(c));
                    refs.addAll(lineage.refsOf(c));
                    code = code == null ? "binding:unknown_column" : code;
                }
            }
        }
        Map<String, String> outputTypes = new LinkedHashMap<>();
        try {
            for (Map<String, Object> row : sandbox.query("DESCRIBE SELECT * FROM (\n" + sql + "\n) AS __layer", -1).rows()) {
                outputTypes.put(String.valueOf(row.get("column_name")), String.valueOf(row.get("column_type")));
            }
        } catch (SandboxException e) {
            if (!e.code().equals("sql:binding") && !e.code().equals("sql:runtime") && !e.code().equals("sql:syntax")) {
                throw e;
            }
            String message = e.getMessage();
            String name = nameIn(message);
            code = message.startsWith("Catalog Error") && message.contains("Table") ? "binding:unknown_table"
                    : message.contains("Referenced column") || message.contains("does not have a column")
                    ? "binding:unknown_column" : message.startsWith("Binder Error") && !isTypeError(message)
                    ? "binding:error" : isTypeError(message) ? "binding:type_error" : "binding:error";
            List<String> errBlocks = errorBlocks(e, sql, name);
            blocks.addAll(errBlocks);
            refs.addAll(name == null ? List.of() : lineage.refsMentioning(name));
            if (refs.isEmpty()) {
                refs.addAll(lineage.refsOfBlocks(errBlocks));
            }
            String hint = "binding:unknown_table".equals(code) ? "; sample tables are " + schema.keySet() : "";
            problems.add(0, message + hint + where(List.copyOf(errBlocks)));
            return CheckResult.of(p, CheckResult.FAIL, layer.target() + ": " + String.join("; ", problems))
                    .withCode(code).withBlocks(List.copyOf(blocks)).withMappingRefs(List.copyOf(refs));
        }
        for (GeneratedLayers.Column c : layer.columns()) {
            String actual = outputTypes.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(c.name()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (actual == null) {
                problems.add("the output has no column '" + c.name() + "'" + at(c));
                blocks.addAll(lineage.blocksOf(c));
                refs.addAll(lineage.refsOf(c));
                code = code == null ? "binding:missing_column" : code;
                continue;
            }
            Optional<TypeMapping.Target> declared = TypeMapping.map(c.type());
            String actualCategory = TypeMapping.categoryOfDuckdb(actual);
            if (declared.isPresent() && !declared.get().category().equals("string")
                    && !actualCategory.equals("string") && !actualCategory.equals("null")
                    && !actualCategory.equals(declared.get().category())) {
                problems.add(c.name() + " is declared " + c.type() + " but the SQL produces " + actual + at(c));
                blocks.addAll(lineage.blocksOf(c));
                refs.addAll(lineage.refsOf(c));
                code = code == null ? "binding:type_mismatch" : code;
            }
        }
        if (problems.isEmpty()) {
            return CheckResult.of(p, CheckResult.PASS, layer.target() + " binds against the sample schema: "
                    + outputTypes.size() + " output columns").withCounts(0, outputTypes.size(), List.of());
        }
        return CheckResult.of(p, CheckResult.FAIL, layer.target() + ": " + String.join("; ", problems))
                .withCode(code).withBlocks(List.copyOf(blocks)).withMappingRefs(List.copyOf(refs))
                .withCounts(problems.size(), layer.columns().size(), List.of());
    }

    /**
     * Blocks behind a DuckDB error: those naming the identifier in the message, else the block holding the
     * line DuckDB points at (the layer SQL starts on line 2 of the wrapping statement).
     */
    private List<String> errorBlocks(SandboxException e, String sql, String name) {
        List<String> named = name == null ? List.of() : lineage.blocksMentioning(name);
        if (!named.isEmpty() || e.getCause() == null || e.getCause().getMessage() == null) {
            return named;
        }
        Matcher line = ERROR_LINE.matcher(e.getCause().getMessage());
        if (!line.find()) {
            return named;
        }
        int offset = SyntaxChecker.offsetOf(sql, Integer.parseInt(line.group(1)) - 1, 1);
        return offset < 0 ? named : lineage.blocksAt(sql, offset);
    }

    private static boolean isTypeError(String message) {
        return message.contains("No function matches") || message.contains("Cannot compare")
                || message.contains("Cannot mix") || message.contains("type") || message.startsWith("Conversion Error");
    }

    CheckResult executionCheck(PlannedCheck p, String sql) {
        try {
            sandbox.execute("CREATE OR REPLACE TABLE " + out + " AS SELECT * FROM (\n" + sql + "\n) AS __layer");
        } catch (SandboxException e) {
            String name = nameIn(e.getMessage());
            List<String> blocks = errorBlocks(e, sql, name);
            List<String> refs = name == null ? lineage.refsOfBlocks(blocks) : lineage.refsMentioning(name);
            return CheckResult.of(p, CheckResult.ERROR, layer.target() + " failed on the sample: " + e.getMessage()
                            + where(blocks))
                    .withCode(e.code()).withBlocks(blocks).withMappingRefs(refs);
        }
        outputRows = sandbox.query("SELECT count(*) FROM " + out, 1).singleLong();
        try {
            if (sandbox.schema().keySet().stream().noneMatch(t -> t.equalsIgnoreCase(layer.target()))) {
                sandbox.execute("CREATE OR REPLACE VIEW " + DuckDbSandbox.tableRef(layer.target()) + " AS SELECT * FROM " + out);
            }
        } catch (SandboxException ignored) {
            // a target named like a schema-qualified source: other layers then cannot read it by name
        }
        return CheckResult.of(p, CheckResult.PASS, layer.target() + " ran on the sample: " + outputRows + " rows")
                .withCounts(0, outputRows, List.of());
    }
}
