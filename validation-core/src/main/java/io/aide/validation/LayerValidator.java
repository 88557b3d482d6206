package io.aide.validation;

import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.ReferenceTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates generated layers: syntax per dialect, binding against the sample schema, execution on the sample in
 * a locked DuckDB sandbox, and the data-quality checks the mapping implies. Every check is planned first
 * ({@link #plan}) and {@link #run} reports exactly one result per planned check, in plan order, as each finishes.
 */
public final class LayerValidator {
    /** Dialects whose SQL the generic or DuckDB parser checks. */
    public static final Set<String> SQL_DIALECTS = Set.of("duckdb", "postgres", "snowflake", "bigquery", "ansi", "spark");
    private static final String RUN_DIALECT = "duckdb";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    /** Checks about values, which rows made up for a missing sample cannot judge. */
    private static final Set<String> VALUE_CHECKS = Set.of(Checks.ACCEPTED_VALUES, Checks.REFERENTIAL, Checks.CASTABLE,
            Checks.NOT_NULL, Checks.EXPECTED_OUTPUT);
    private static final Pattern ERROR_LINE = Pattern.compile("LINE (\\d+):");
    private static final Pattern MISSING_TABLE = Pattern.compile("Table with name (\\S+) does not exist");

    private final SandboxLimits limits;
    private final int synthesizedRows;

    public LayerValidator(SandboxLimits limits) {
        this(limits, 20);
    }

    /** @param synthesizedRows rows made up per source table that has no sample */
    public LayerValidator(SandboxLimits limits, int synthesizedRows) {
        this.limits = limits;
        this.synthesizedRows = synthesizedRows;
    }

    public List<PlannedCheck> plan(ValidationInput input) {
        List<PlannedCheck> plan = new ArrayList<>();
        for (GeneratedLayers.Layer layer : input.layers().layers()) {
            plan.addAll(planLayer(layer, input));
        }
        return plan;
    }

    private List<PlannedCheck> planLayer(GeneratedLayers.Layer layer, ValidationInput input) {
        List<PlannedCheck> plan = new ArrayList<>();
        String t = layer.target();
        for (String dialect : syntaxDialects(input)) {
            plan.add(new PlannedCheck(Checks.SYNTAX, t, null, dialect, List.of()));
        }
        plan.add(new PlannedCheck(Checks.BINDING, t, null, RUN_DIALECT, List.of()));
        plan.add(new PlannedCheck(Checks.EXECUTION, t, null, RUN_DIALECT, List.of()));
        List<GeneratedLayers.Column> compiled = layer.columns().stream()
                .filter(c -> !"flagged".equalsIgnoreCase(c.status())).toList();
        List<String> keys = keyColumns(layer);
        if (!keys.isEmpty()) {
            List<String> refs = compiled.stream().filter(c -> keys.contains(c.name()) && c.mappingRef() != null)
                    .map(GeneratedLayers.Column::mappingRef).toList();
            plan.add(new PlannedCheck(Checks.PK_UNIQUE, t, String.join(",", keys), RUN_DIALECT, refs));
        }
        for (GeneratedLayers.Column c : compiled) {
            if (Boolean.FALSE.equals(c.nullable()) && !keys.contains(c.name())) {
                plan.add(planned(Checks.NOT_NULL, t, c));
            }
        }
        for (GeneratedLayers.Column c : compiled) {
            if (TypeMapping.map(c.type()).isPresent()) {
                plan.add(planned(Checks.CASTABLE, t, c));
            }
        }
        for (GeneratedLayers.Column c : compiled) {
            if (!c.acceptedValues().isEmpty()) {
                plan.add(planned(Checks.ACCEPTED_VALUES, t, c));
            }
        }
        for (GeneratedLayers.Column c : compiled) {
            if (c.lookupTable() != null && !c.lookupTable().isBlank()) {
                plan.add(planned(Checks.REFERENTIAL, t, c));
            }
        }
        if (!layer.sourceTables().isEmpty()) {
            plan.add(new PlannedCheck(Checks.ROW_COUNT, t, null, RUN_DIALECT, List.of()));
        }
        if (ExpectedOutput.expectedFor(input, t) != null) {
            plan.add(new PlannedCheck(Checks.EXPECTED_OUTPUT, t, null, RUN_DIALECT, List.of()));
        }
        return plan;
    }

    private static PlannedCheck planned(String check, String target, GeneratedLayers.Column c) {
        return new PlannedCheck(check, target, c.name(), RUN_DIALECT, c.mappingRef() == null ? List.of() : List.of(c.mappingRef()));
    }

    private static List<String> syntaxDialects(ValidationInput input) {
        Set<String> dialects = new LinkedHashSet<>();
        dialects.add(RUN_DIALECT);
        for (String d : input.dialects()) {
            String lower = d.toLowerCase(Locale.ROOT);
            if (SQL_DIALECTS.contains(lower)) {
                dialects.add(lower);
            }
        }
        return List.copyOf(dialects);
    }

    static List<String> keyColumns(GeneratedLayers.Layer layer) {
        if (!layer.keyColumns().isEmpty()) {
            return layer.keyColumns();
        }
        return layer.columns().stream().filter(GeneratedLayers.Column::key).map(GeneratedLayers.Column::name).toList();
    }

    /** Runs every planned check and hands each result to {@code sink} as soon as it is known. */
    public List<CheckResult> run(ValidationInput input, Consumer<CheckResult> sink) {
        List<CheckResult> all = new ArrayList<>();
        Consumer<CheckResult> collect = r -> {
            all.add(r);
            sink.accept(r);
        };
        try (SyntaxChecker syntax = new SyntaxChecker(); DuckDbSandbox sandbox = DuckDbSandbox.open(limits)) {
            Loaded loaded = loadSamples(sandbox, input);
            int index = 0;
            for (GeneratedLayers.Layer layer : input.layers().layers()) {
                new LayerRun(layer, input, sandbox, syntax, loaded, "__out_" + index++, collect).run();
            }
        }
        return all;
    }

    /** What loading the sample gave: an error message or null, and the tables made up for lack of a sample. */
    private record Loaded(String error, Set<String> synthesized) {
    }

    /** Loads samples, reference tables and synthesized rows, then locks. */
    private Loaded loadSamples(DuckDbSandbox sandbox, ValidationInput input) {
        Set<String> synthesized = new LinkedHashSet<>();
        Set<String> loaded = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (SampleTable table : input.samples()) {
            try {
                sandbox.load(table);
                loaded.add(table.name());
                if (table instanceof SampleTable.Rows rows && rows.madeUp()) {
                    synthesized.add(rows.name().toLowerCase(Locale.ROOT));
                }
            } catch (SandboxException e) {
                problems.add(e.getMessage());
            }
        }
        if (input.spec() != null) {
            for (ReferenceTable ref : input.spec().referenceTables()) {
                if (loaded.stream().noneMatch(l -> l.equalsIgnoreCase(ref.name())) && !ref.columns().isEmpty()) {
                    List<List<Object>> rows = ref.rows().stream().map(r -> List.<Object>copyOf(r)).toList();
                    try {
                        sandbox.load(new SampleTable.Rows(ref.name(), ref.columns(), List.of(), rows));
                        loaded.add(ref.name());
                    } catch (SandboxException e) {
                        problems.add(e.getMessage());
                    }
                }
            }
        }
        for (SampleTable.Rows rows : new SampleSynthesizer(synthesizedRows).synthesize(input.layers(), input.spec(), loaded,
                input.samples().isEmpty())) {
            try {
                sandbox.load(rows);
                synthesized.add(rows.name().toLowerCase(Locale.ROOT));
            } catch (SandboxException e) {
                problems.add(e.getMessage());
            }
        }
        sandbox.lock();
        return new Loaded(problems.isEmpty() ? null : String.join("; ", problems), synthesized);
    }

    /** One layer's checks, in plan order. */
    private final class LayerRun {
        private final GeneratedLayers.Layer layer;
        private final ValidationInput input;
        private final DuckDbSandbox sandbox;
        private final SyntaxChecker syntax;
        private final String loadError;
        private final Set<String> synthesizedSources;
        private final String out;
        private final Consumer<CheckResult> sink;
        private final Lineage lineage;
        private final Set<PlannedCheck> remaining;
        private long outputRows;
        private final Map<PlannedCheck, Long> failingCounts = new LinkedHashMap<>();

        LayerRun(GeneratedLayers.Layer layer, ValidationInput input, DuckDbSandbox sandbox, SyntaxChecker syntax,
                 Loaded loaded, String out, Consumer<CheckResult> sink) {
            this.layer = layer;
            this.input = input;
            this.sandbox = sandbox;
            this.syntax = syntax;
            this.loadError = loaded.error();
            this.synthesizedSources = layer.sourceTables().stream().map(t -> t.toLowerCase(Locale.ROOT))
                    .filter(loaded.synthesized()::contains).collect(Collectors.toCollection(LinkedHashSet::new));
            this.out = out;
            this.sink = sink;
            this.lineage = new Lineage(layer, RUN_DIALECT);
            this.remaining = new LinkedHashSet<>(planLayer(layer, input));
        }

        void run() {
            String sql = runSql();
            for (PlannedCheck p : List.copyOf(remaining)) {
                if (Checks.SYNTAX.equals(p.check())) {
                    timed(p, () -> syntaxCheck(p));
                }
            }
            PlannedCheck binding = find(Checks.BINDING);
            PlannedCheck execution = find(Checks.EXECUTION);
            if (sql == null) {
                skipRest("the layer has no SQL to run on DuckDB");
                return;
            }
            CheckResult bound = timed(binding, () -> bindingCheck(binding, sql));
            if (bound.failed() && !bound.code().equals("binding:type_mismatch") && !bound.code().equals("binding:missing_column")) {
                skipRest("skipped: the layer does not bind (" + bound.code() + ")");
                return;
            }
            CheckResult ran = timed(execution, () -> executionCheck(execution, sql));
            if (ran.failed()) {
                skipRest("skipped: the layer did not run on the sample (" + ran.code() + ")");
                return;
            }
            countInOneScan();
            for (PlannedCheck p : List.copyOf(remaining)) {
                timed(p, () -> dataCheck(p));
            }
        }

        private String runSql() {
            String sql = layer.sql().get(RUN_DIALECT);
            if (sql == null) {
                sql = layer.sql().getOrDefault("ansi", layer.sql().get("postgres"));
            }
            return sql == null || sql.isBlank() ? null : SyntaxChecker.stripTrailingSemicolon(sql);
        }

        private PlannedCheck find(String check) {
            return remaining.stream().filter(p -> p.check().equals(check)).findFirst().orElseThrow();
        }

        private CheckResult timed(PlannedCheck p, java.util.function.Supplier<CheckResult> body) {
            long t0 = System.nanoTime();
            CheckResult r;
            try {
                r = body.get();
            } catch (SandboxException e) {
                r = CheckResult.of(p, CheckResult.ERROR, e.getMessage()).withCode(e.code());
            } catch (RuntimeException e) {
                r = CheckResult.of(p, CheckResult.ERROR, "the check could not run: " + e.getMessage()).withCode("check:internal");
            }
            if (CheckResult.FAIL.equals(r.status()) && !synthesizedSources.isEmpty() && VALUE_CHECKS.contains(r.check())) {
                // made-up rows say nothing about real values; only joins, keys and types are judged on them
                r = new CheckResult(r.check(), CheckResult.SKIPPED, r.target(), r.column(), r.dialect(), r.blocks(),
                        r.mappingRefs(), "not judged on made-up rows (no sample for " + String.join(", ", synthesizedSources)
                        + "): " + r.message(), "skipped:synthesized", r.failingCount(), r.checkedCount(), r.examples(), 0);
            }
            r = r.withDuration((System.nanoTime() - t0) / 1_000_000);
            remaining.remove(p);
            sink.accept(r);
            return r;
        }

        private void skipRest(String why) {
            for (PlannedCheck p : List.copyOf(remaining)) {
                remaining.remove(p);
                sink.accept(CheckResult.of(p, CheckResult.SKIPPED, why).withCode("skipped:upstream"));
            }
        }

        private CheckResult syntaxCheck(PlannedCheck p) {
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

        private CheckResult bindingCheck(PlannedCheck p, String sql) {
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

        private CheckResult executionCheck(PlannedCheck p, String sql) {
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

        private CheckResult dataCheck(PlannedCheck p) {
            return switch (p.check()) {
                case Checks.PK_UNIQUE -> pkUnique(p);
                case Checks.NOT_NULL -> notNull(p, lineage.column(p.column()));
                case Checks.CASTABLE -> castable(p, lineage.column(p.column()));
                case Checks.ACCEPTED_VALUES -> acceptedValues(p, lineage.column(p.column()));
                case Checks.REFERENTIAL -> referential(p, lineage.column(p.column()));
                case Checks.ROW_COUNT -> rowCount(p);
                case Checks.EXPECTED_OUTPUT -> new ExpectedOutput().run(p, layer, ExpectedOutput.expectedFor(input,
                        layer.target()), sandbox, out, lineage, limits.maxExampleRows());
                default -> CheckResult.of(p, CheckResult.SKIPPED, "unknown check " + p.check());
            };
        }

        private CheckResult pkUnique(PlannedCheck p) {
            List<String> keys = keyColumns(layer);
            List<String> missing = keys.stream().filter(k -> lineage.column(k) == null && !outputHas(k)).toList();
            if (!missing.isEmpty()) {
                return CheckResult.of(p, CheckResult.FAIL, "key column(s) " + missing + " are not in the output of "
                        + layer.target()).withCode("pk:missing_column");
            }
            String keyList = keys.stream().map(DuckDbSandbox::ident).collect(Collectors.joining(", "));
            String anyNull = keys.stream().map(k -> DuckDbSandbox.ident(k) + " IS NULL").collect(Collectors.joining(" OR "));
            long nulls = sandbox.query("SELECT count(*) FROM " + out + " WHERE " + anyNull, 1).singleLong();
            long dupRows = sandbox.query("SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM " + out
                    + " WHERE NOT (" + anyNull + ") GROUP BY " + keyList + " HAVING count(*) > 1)", 1).singleLong();
            long failing = nulls + dupRows;
            if (failing == 0) {
                return CheckResult.of(p, CheckResult.PASS, "key (" + String.join(", ", keys) + ") of " + layer.target()
                        + " is unique and not null in " + outputRows + " rows").withCounts(0, outputRows, List.of());
            }
            List<Map<String, Object>> examples = new ArrayList<>(sandbox.query("SELECT " + keyList
                    + ", count(*) AS duplicate_count FROM " + out + " WHERE NOT (" + anyNull + ") GROUP BY " + keyList
                    + " HAVING count(*) > 1 ORDER BY count(*) DESC LIMIT " + limits.maxExampleRows(), -1).rows());
            if (examples.size() < limits.maxExampleRows() && nulls > 0) {
                examples.addAll(sandbox.query("SELECT * FROM " + out + " WHERE " + anyNull + " LIMIT "
                        + (limits.maxExampleRows() - examples.size()), -1).rows());
            }
            Set<String> blocks = new LinkedHashSet<>();
            if (dupRows > 0) {
                layer.blocks().stream().map(GeneratedLayers.Block::name)
                        .filter(n -> n.equals("joins") || n.equals("group_by") || n.equals("union")).forEach(blocks::add);
            }
            keys.stream().map(lineage::column).filter(java.util.Objects::nonNull).forEach(c -> blocks.addAll(lineage.blocksOf(c)));
            return CheckResult.of(p, CheckResult.FAIL, "key (" + String.join(", ", keys) + ") of " + layer.target()
                            + ": " + dupRows + " rows share a key value, " + nulls + " rows have a NULL key"
                            + (dupRows > 0 && lineage.hasBlock("joins") ? "; a join that matches several rows multiplies them" : "")
                            + where(List.copyOf(blocks)))
                    .withCode(dupRows > 0 ? "pk:duplicate" : "pk:null").withBlocks(List.copyOf(blocks))
                    .withCounts(failing, outputRows, examples);
        }

        private boolean outputHas(String column) {
            return sandbox.query("SELECT count(*) FROM duckdb_columns() WHERE table_name = " + DuckDbSandbox.literal(out)
                    + " AND lower(column_name) = lower(" + DuckDbSandbox.literal(column) + ")", 1).singleLong() > 0;
        }

        private CheckResult predicateCheck(PlannedCheck p, GeneratedLayers.Column c, String failingWhere, String code,
                                           String passMessage, String failMessage) {
            Long counted = failingCounts.get(p);
            long failing = counted != null ? counted
                    : sandbox.query("SELECT count(*) FROM " + out + " WHERE " + failingWhere, 1).singleLong();
            if (failing == 0) {
                return CheckResult.of(p, CheckResult.PASS, passMessage).withCounts(0, outputRows, List.of());
            }
            List<Map<String, Object>> examples = sandbox.query("SELECT * FROM " + out + " WHERE " + failingWhere
                    + " LIMIT " + limits.maxExampleRows(), -1).rows();
            List<String> blocks = lineage.blocksOf(c);
            return CheckResult.of(p, CheckResult.FAIL, String.format(failMessage, failing, outputRows) + at(c) + where(blocks))
                    .withCode(code).withBlocks(blocks).withMappingRefs(lineage.refsOf(c)).withCounts(failing, outputRows, examples);
        }

        private String col(GeneratedLayers.Column c) {
            return DuckDbSandbox.ident(c.name());
        }

        /** The failing-row predicate of a not_null, castable or accepted_values check; null for other checks. */
        private String predicateOf(PlannedCheck p) {
            GeneratedLayers.Column c = p.column() == null ? null : lineage.column(p.column());
            if (c == null) {
                return null;
            }
            switch (p.check()) {
                case Checks.NOT_NULL:
                    return col(c) + " IS NULL";
                case Checks.CASTABLE:
                    TypeMapping.Target target = TypeMapping.map(c.type()).orElseThrow();
                    return col(c) + " IS NOT NULL AND (TRY_CAST(" + col(c) + " AS " + target.duckdbType() + ") IS NULL"
                            + (target.maxLength() != null ? " OR length(CAST(" + col(c) + " AS VARCHAR)) > " + target.maxLength() : "")
                            + ")";
                case Checks.ACCEPTED_VALUES:
                    String list = c.acceptedValues().stream().map(DuckDbSandbox::literal).collect(Collectors.joining(", "));
                    String type = outputType(c.name());
                    // a value map's '1'/'0' must also match a BOOLEAN or numeric output, so compare in the column's type too
                    String typed = type == null || type.startsWith("VARCHAR") ? "" : " AND " + col(c) + " NOT IN (SELECT TRY_CAST(v AS "
                            + type + ") FROM (VALUES " + c.acceptedValues().stream().map(v -> "(" + DuckDbSandbox.literal(v) + ")")
                            .collect(Collectors.joining(", ")) + ") AS accepted(v))";
                    return col(c) + " IS NOT NULL AND CAST(" + col(c) + " AS VARCHAR) NOT IN (" + list + ")" + typed;
                default:
                    return null;
            }
        }

        /** Failing counts of every column check in one scan of the output; empty when that scan fails. */
        private void countInOneScan() {
            List<PlannedCheck> checks = new ArrayList<>();
            List<String> filters = new ArrayList<>();
            for (PlannedCheck p : remaining) {
                String predicate = predicateOf(p);
                if (predicate != null) {
                    filters.add("count(*) FILTER (WHERE " + predicate + ") AS \"k" + checks.size() + "\"");
                    checks.add(p);
                }
            }
            if (checks.isEmpty()) {
                return;
            }
            try {
                Map<String, Object> row = sandbox.query("SELECT " + String.join(", ", filters) + " FROM " + out, 1).rows().get(0);
                for (int i = 0; i < checks.size(); i++) {
                    failingCounts.put(checks.get(i), ((Number) row.get("k" + i)).longValue());
                }
            } catch (SandboxException e) {
                failingCounts.clear();
            }
        }

        private CheckResult notNull(PlannedCheck p, GeneratedLayers.Column c) {
            String name = layer.target() + "." + c.name();
            return predicateCheck(p, c, predicateOf(p), "not_null:null",
                    name + " has no NULL in " + outputRows + " rows",
                    "%d of %d rows of " + name + " are NULL, but the mapping says the column is not nullable");
        }

        private CheckResult castable(PlannedCheck p, GeneratedLayers.Column c) {
            TypeMapping.Target target = TypeMapping.map(c.type()).orElseThrow();
            String name = layer.target() + "." + c.name();
            return predicateCheck(p, c, predicateOf(p), "castable:" + target.category(),
                    "every value of " + name + " fits " + c.type(),
                    "%d of %d rows of " + name + " do not fit the declared type " + c.type());
        }

        private CheckResult acceptedValues(PlannedCheck p, GeneratedLayers.Column c) {
            String name = layer.target() + "." + c.name();
            return predicateCheck(p, c, predicateOf(p),
                    "accepted_values:unexpected", "every value of " + name + " is one of the value map's "
                            + c.acceptedValues().size() + " values",
                    "%d of %d rows of " + name + " hold a value the value map does not produce "
                            + abbreviate(c.acceptedValues()));
        }

        private String outputType(String column) {
            Object type = sandbox.query("SELECT data_type FROM duckdb_columns() WHERE table_name = " + DuckDbSandbox.literal(out)
                    + " AND lower(column_name) = lower(" + DuckDbSandbox.literal(column) + ")", 1).single();
            return type == null ? null : type.toString();
        }

        private CheckResult referential(PlannedCheck p, GeneratedLayers.Column c) {
            Map<String, Map<String, String>> schema = sandbox.schema();
            Map<String, String> lookupColumns = lookup(schema, c.lookupTable());
            if (lookupColumns == null) {
                return CheckResult.of(p, CheckResult.SKIPPED, "lookup table '" + c.lookupTable() + "' of " + layer.target()
                        + "." + c.name() + " is not in the sample or the mapping's reference tables").withCode("skipped:no_lookup");
            }
            String table = schema.keySet().stream().filter(k -> k.equalsIgnoreCase(c.lookupTable()) || k.toLowerCase(Locale.ROOT)
                    .endsWith("." + c.lookupTable().toLowerCase(Locale.ROOT))).findFirst().orElse(c.lookupTable());
            String values = lookupColumns.keySet().stream().map(k -> "SELECT CAST(" + DuckDbSandbox.ident(k)
                    + " AS VARCHAR) AS v FROM " + DuckDbSandbox.tableRef(table)).collect(Collectors.joining(" UNION "));
            String name = layer.target() + "." + c.name();
            return predicateCheck(p, c, col(c) + " IS NOT NULL AND CAST(" + col(c) + " AS VARCHAR) NOT IN (SELECT v FROM ("
                            + values + ") WHERE v IS NOT NULL)", "referential:orphan",
                    "every value of " + name + " is found in lookup " + c.lookupTable(),
                    "%d of %d rows of " + name + " hold a value not found in lookup " + c.lookupTable());
        }

        private CheckResult rowCount(PlannedCheck p) {
            String driving = layer.sourceTables().get(0);
            Map<String, Map<String, String>> schema = sandbox.schema();
            String table = schema.keySet().stream().filter(k -> k.equalsIgnoreCase(driving)).findFirst().orElse(null);
            if (table == null) {
                return CheckResult.of(p, CheckResult.SKIPPED, "driving table " + driving + " is not in the sample")
                        .withCode("skipped:no_source");
            }
            long source = sandbox.query("SELECT count(*) FROM " + DuckDbSandbox.tableRef(table), 1).singleLong();
            boolean reduces = lineage.hasBlock("where_clause") || lineage.hasBlock("group_by");
            boolean unions = lineage.hasBlock("union");
            String counts = layer.target() + " has " + outputRows + " rows, driving table " + driving + " has " + source;
            if (outputRows == source || unions || (reduces && outputRows < source)) {
                String note = outputRows == source ? "" : unions ? " (union of several sources)" : " (filtered or aggregated)";
                return CheckResult.of(p, CheckResult.PASS, counts + note).withCounts(0, source, List.of());
            }
            List<String> blocks = new ArrayList<>();
            String why;
            if (outputRows > source) {
                why = "; more rows than the driving table: a join matches several rows per source row";
                if (lineage.hasBlock("joins")) {
                    blocks.add("joins");
                }
            } else {
                why = "; rows were lost: an inner join without a match or a filter drops them";
                if (lineage.hasBlock("joins")) {
                    blocks.add("joins");
                }
                if (lineage.hasBlock("where_clause")) {
                    blocks.add("where_clause");
                }
            }
            return CheckResult.of(p, CheckResult.FAIL, counts + why + where(blocks))
                    .withCode(outputRows > source ? "row_count:fan_out" : "row_count:lost_rows").withBlocks(blocks)
                    .withMappingRefs(lineage.refsOfBlocks(blocks)).withCounts(Math.abs(outputRows - source), source, List.of());
        }
    }

    private static Map<String, String> lookup(Map<String, Map<String, String>> schema, String table) {
        for (Map.Entry<String, Map<String, String>> e : schema.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            String t = table.toLowerCase(Locale.ROOT);
            if (k.equals(t) || k.endsWith("." + t) || t.endsWith("." + k)) {
                return e.getValue();
            }
        }
        return null;
    }

    static String nameIn(String message) {
        Matcher table = MISSING_TABLE.matcher(message);
        if (table.find()) {
            return table.group(1).replaceAll("[!\"]", "");
        }
        Matcher q = QUOTED.matcher(message);
        return q.find() ? q.group(1) : null;
    }

    private static String at(GeneratedLayers.Column c) {
        return c.mappingRef() == null ? "" : " (see " + c.mappingRef() + ")";
    }

    private static String where(List<String> blocks) {
        return blocks.isEmpty() ? "" : " [block " + String.join(", ", blocks) + "]";
    }

    private static String abbreviate(List<String> values) {
        List<String> shown = values.size() > 8 ? values.subList(0, 8) : values;
        return "(" + String.join(", ", shown) + (values.size() > 8 ? ", ..." : "") + ")";
    }
}
