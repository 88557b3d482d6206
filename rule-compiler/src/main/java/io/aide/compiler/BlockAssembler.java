package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;

import java.util.Comparator;
import java.util.List;

/** A layer's SQL from its blocks, so an edited block changes the layer. */
public final class BlockAssembler {
    private BlockAssembler() {
    }

    public static String assemble(List<GeneratedLayers.Block> blocks, String dialect) {
        StringBuilder sb = new StringBuilder();
        blocks.stream().sorted(Comparator.comparingInt(GeneratedLayers.Block::order)).forEach(b -> {
            String sql = b.sql().get(dialect);
            if (sql != null && !sql.isBlank()) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(sql.strip());
            }
        });
        return sb.toString();
    }
}
