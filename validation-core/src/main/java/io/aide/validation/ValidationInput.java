package io.aide.validation;

import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one validation run checks.
 *
 * @param spec      the mapping spec, or null (its reference tables are loaded as lookup tables)
 * @param samples   sample source tables; missing tables are synthesized
 * @param dialects  renderings to syntax-check; duckdb always runs on the sample
 * @param expected  target table -> CSV of expected rows, when the user supplied them
 */
public record ValidationInput(GeneratedLayers layers, MappingSpec spec, List<SampleTable> samples,
                              List<String> dialects, Map<String, Path> expected) {
    public ValidationInput {
        Objects.requireNonNull(layers, "layers");
        samples = samples == null ? List.of() : List.copyOf(samples);
        dialects = dialects == null || dialects.isEmpty() ? List.of("duckdb") : List.copyOf(dialects);
        expected = expected == null ? Map.of() : Map.copyOf(expected);
    }

    public ValidationInput(GeneratedLayers layers, MappingSpec spec, List<SampleTable> samples) {
        this(layers, spec, samples, List.of("duckdb"), Map.of());
    }
}
