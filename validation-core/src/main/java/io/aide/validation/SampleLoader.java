package io.aide.validation;

import io.aide.events.spec.ReferenceTable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Fills a fresh sandbox with the samples, the mapping's reference tables and made-up rows, then locks it. */
final class SampleLoader {
    private SampleLoader() {
    }

    /** What loading the sample gave: an error message or null, and the tables made up for lack of a sample. */
    record Loaded(String error, Set<String> synthesized) {
    }

    /** Loads samples, reference tables and synthesized rows ({@code synthesizedRows} per table), then locks. */
    static Loaded load(DuckDbSandbox sandbox, ValidationInput input, int synthesizedRows) {
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
}
