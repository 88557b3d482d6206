package io.aide.compiler;

import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.GeneratedLayers;

import java.util.List;
import java.util.Map;

/**
 * @param layers                 one per compiled target, in document order
 * @param diagnostics            why a rule, join or filter could not be compiled, and other findings
 * @param columnsNeedingAttention target -> number of flagged columns (emitted as typed NULL with a TODO)
 */
public record CompilationResult(List<GeneratedLayers.Layer> layers, List<Diagnostic> diagnostics,
                                Map<String, Integer> columnsNeedingAttention) {
    public CompilationResult {
        layers = List.copyOf(layers);
        diagnostics = List.copyOf(diagnostics);
        columnsNeedingAttention = Map.copyOf(columnsNeedingAttention);
    }

    public GeneratedLayers toGeneratedLayers(String generationId, String documentId, int specVersion, int checkpoint) {
        return new GeneratedLayers(generationId, documentId, specVersion, checkpoint, layers);
    }

    public GeneratedLayers.Layer layer(String target) {
        return layers.stream().filter(l -> l.target().equalsIgnoreCase(target)).findFirst().orElse(null);
    }

    public int flaggedColumns() {
        return columnsNeedingAttention.values().stream().mapToInt(Integer::intValue).sum();
    }
}
