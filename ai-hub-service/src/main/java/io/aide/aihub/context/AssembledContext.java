package io.aide.aihub.context;

import java.util.List;

/** The resolved references of one request, in the order they were written, and their prompt text. */
public record AssembledContext(List<ResolvedReference> references) {
    public static final AssembledContext EMPTY = new AssembledContext(List.of());

    public AssembledContext {
        references = List.copyOf(references);
    }

    /** One section per reference, for the user message of a model call; empty when there are none. */
    public String prompt() {
        StringBuilder out = new StringBuilder();
        for (ResolvedReference r : references) {
            out.append("### ").append(r.reference()).append(": ").append(r.title()).append('\n')
                    .append(r.content().strip()).append("\n\n");
        }
        return out.toString();
    }
}
