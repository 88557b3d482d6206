package io.aide.validation;

import io.aide.events.spec.GeneratedLayers;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One layer's checks, in plan order: syntax, then binding and execution (a layer that does not bind or run skips
 * the rest), then the data checks. Each result goes to the sink as soon as it is known.
 */
final class LayerRun {
    /** Checks about values, which rows made up for a missing sample cannot judge. */
    private static final Set<String> VALUE_CHECKS = Set.of(Checks.ACCEPTED_VALUES, Checks.REFERENTIAL, Checks.CASTABLE,
            Checks.NOT_NULL, Checks.EXPECTED_OUTPUT);

    private final GeneratedLayers.Layer layer;
    private final ValidationInput input;
    private final DuckDbSandbox sandbox;
    private final SandboxLimits limits;
    private final Set<String> synthesizedSources;
    private final String out;
    private final Consumer<CheckResult> sink;
    private final Lineage lineage;
    private final Set<PlannedCheck> remaining;
    private final StructureChecks structure;

    /** @param out the table the layer's output is written to, unique per layer of the run */
    LayerRun(GeneratedLayers.Layer layer, ValidationInput input, DuckDbSandbox sandbox, SyntaxChecker syntax,
             SampleLoader.Loaded loaded, SandboxLimits limits, String out, Consumer<CheckResult> sink) {
        this.layer = layer;
        this.input = input;
        this.sandbox = sandbox;
        this.limits = limits;
        this.synthesizedSources = layer.sourceTables().stream().map(t -> t.toLowerCase(Locale.ROOT))
                .filter(loaded.synthesized()::contains).collect(Collectors.toCollection(LinkedHashSet::new));
        this.out = out;
        this.sink = sink;
        this.lineage = new Lineage(layer, CheckPlanner.RUN_DIALECT);
        this.remaining = new LinkedHashSet<>(CheckPlanner.planLayer(layer, input));
        this.structure = new StructureChecks(layer, sandbox, syntax, lineage, out, loaded.error());
    }

    void run() {
        String sql = runSql();
        for (PlannedCheck p : List.copyOf(remaining)) {
            if (Checks.SYNTAX.equals(p.check())) {
                timed(p, () -> structure.syntaxCheck(p));
            }
        }
        PlannedCheck binding = find(Checks.BINDING);
        PlannedCheck execution = find(Checks.EXECUTION);
        if (sql == null) {
            skipRest("the layer has no SQL to run on DuckDB");
            return;
        }
        CheckResult bound = timed(binding, () -> structure.bindingCheck(binding, sql));
        if (bound.failed() && !bound.code().equals("binding:type_mismatch") && !bound.code().equals("binding:missing_column")) {
            skipRest("skipped: the layer does not bind (" + bound.code() + ")");
            return;
        }
        CheckResult ran = timed(execution, () -> structure.executionCheck(execution, sql));
        if (ran.failed()) {
            skipRest("skipped: the layer did not run on the sample (" + ran.code() + ")");
            return;
        }
        DataChecks data = new DataChecks(layer, input, sandbox, lineage, out, limits, structure.outputRows());
        data.countInOneScan(remaining);
        for (PlannedCheck p : List.copyOf(remaining)) {
            timed(p, () -> data.dataCheck(p));
        }
    }

    private String runSql() {
        String sql = layer.sql().get(CheckPlanner.RUN_DIALECT);
        if (sql == null) {
            sql = layer.sql().getOrDefault("ansi", layer.sql().get("postgres"));
        }
        return sql == null || sql.isBlank() ? null : SyntaxChecker.stripTrailingSemicolon(sql);
    }

    private PlannedCheck find(String check) {
        return remaining.stream().filter(p -> p.check().equals(check)).findFirst().orElseThrow();
    }

    private CheckResult timed(PlannedCheck p, Supplier<CheckResult> body) {
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
}
