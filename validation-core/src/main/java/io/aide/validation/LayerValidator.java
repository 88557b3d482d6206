package io.aide.validation;

import io.aide.events.spec.GeneratedLayers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Validates generated layers: syntax per dialect, binding against the sample schema, execution on the sample in
 * a locked DuckDB sandbox, and the data-quality checks the mapping implies. Every check is planned first
 * ({@link #plan}) and {@link #run} reports exactly one result per planned check, in plan order, as each finishes.
 * {@link CheckPlanner} plans, {@link SampleLoader} fills the sandbox, {@link LayerRun} runs one layer's
 * {@link StructureChecks} and {@link DataChecks}.
 */
public final class LayerValidator {
    /** Dialects whose SQL the generic or DuckDB parser checks. */
    public static final Set<String> SQL_DIALECTS = Set.of("duckdb", "postgres", "snowflake", "bigquery", "ansi", "spark");

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
        return CheckPlanner.plan(input);
    }

    /** Runs every planned check and hands each result to {@code sink} as soon as it is known. */
    public List<CheckResult> run(ValidationInput input, Consumer<CheckResult> sink) {
        List<CheckResult> all = new ArrayList<>();
        Consumer<CheckResult> collect = r -> {
            all.add(r);
            sink.accept(r);
        };
        try (SyntaxChecker syntax = new SyntaxChecker(); DuckDbSandbox sandbox = DuckDbSandbox.open(limits)) {
            SampleLoader.Loaded loaded = SampleLoader.load(sandbox, input, synthesizedRows);
            int index = 0;
            for (GeneratedLayers.Layer layer : input.layers().layers()) {
                new LayerRun(layer, input, sandbox, syntax, loaded, limits, "__out_" + index++, collect).run();
            }
        }
        return all;
    }
}
