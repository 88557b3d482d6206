package io.aide.validation;

import io.aide.events.spec.GeneratedLayers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Finds the blocks and mapping rows behind a column, a name in an error message, or a position in the SQL. */
final class Lineage {
    private final GeneratedLayers.Layer layer;
    private final String dialect;

    Lineage(GeneratedLayers.Layer layer, String dialect) {
        this.layer = layer;
        this.dialect = dialect;
    }

    GeneratedLayers.Column column(String name) {
        return layer.columns().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    /** Blocks that produce a column: by the column's mapping row, else by the SQL mentioning it. */
    List<String> blocksOf(GeneratedLayers.Column column) {
        Set<String> blocks = new LinkedHashSet<>();
        if (column.mappingRef() != null) {
            for (GeneratedLayers.Block b : layer.blocks()) {
                if (b.mappingRefs().contains(column.mappingRef())) {
                    blocks.add(b.name());
                }
            }
        }
        if (blocks.isEmpty()) {
            blocks.addAll(blocksMentioning(column.name()));
        }
        if (blocks.isEmpty() && hasBlock("select_clause")) {
            blocks.add("select_clause");
        }
        return List.copyOf(blocks);
    }

    List<String> refsOf(GeneratedLayers.Column column) {
        return column.mappingRef() == null ? List.of() : List.of(column.mappingRef());
    }

    /** Blocks whose SQL contains the identifier as a whole word. */
    List<String> blocksMentioning(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return List.of();
        }
        Pattern word = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(identifier) + "(?![A-Za-z0-9_])",
                Pattern.CASE_INSENSITIVE);
        List<String> blocks = new ArrayList<>();
        for (GeneratedLayers.Block b : layer.blocks()) {
            String sql = blockSql(b);
            if (sql != null && word.matcher(sql).find()) {
                blocks.add(b.name());
            }
        }
        return blocks;
    }

    /** Mapping rows of columns whose lineage or name involves the identifier (a source column or table). */
    List<String> refsMentioning(String identifier) {
        Set<String> refs = new LinkedHashSet<>();
        String id = identifier.toLowerCase(Locale.ROOT);
        for (GeneratedLayers.Column c : layer.columns()) {
            boolean hit = c.name().equalsIgnoreCase(identifier);
            for (String s : c.sources()) {
                String src = s.toLowerCase(Locale.ROOT);
                hit |= src.equals(id) || src.endsWith("." + id) || src.startsWith(id + ".") || src.contains("." + id + ".");
            }
            if (hit && c.mappingRef() != null) {
                refs.add(c.mappingRef());
            }
        }
        if (refs.isEmpty()) {
            for (String block : blocksMentioning(identifier)) {
                layer.blocks().stream().filter(b -> b.name().equals(block)).forEach(b -> refs.addAll(b.mappingRefs()));
            }
        }
        return List.copyOf(refs);
    }

    /** Blocks containing the SQL line around an offset of the whole layer SQL. */
    List<String> blocksAt(String layerSql, int offset) {
        if (offset < 0 || offset > layerSql.length()) {
            return List.of();
        }
        int start = layerSql.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        int end = layerSql.indexOf('\n', offset);
        String line = layerSql.substring(start, end < 0 ? layerSql.length() : end).strip();
        List<String> blocks = new ArrayList<>();
        if (!line.isEmpty()) {
            for (GeneratedLayers.Block b : layer.blocks()) {
                String sql = blockSql(b);
                if (sql != null && (sql.contains(line) || line.contains(sql.strip()) && !sql.isBlank())) {
                    blocks.add(b.name());
                }
            }
        }
        if (blocks.isEmpty()) {
            String token = tokenAt(layerSql, offset);
            if (token != null) {
                blocks.addAll(blocksMentioning(token));
            }
        }
        return blocks;
    }

    List<String> refsOfBlocks(List<String> blockNames) {
        Set<String> refs = new LinkedHashSet<>();
        for (GeneratedLayers.Block b : layer.blocks()) {
            if (blockNames.contains(b.name())) {
                refs.addAll(b.mappingRefs());
            }
        }
        return List.copyOf(refs);
    }

    boolean hasBlock(String name) {
        return layer.blocks().stream().anyMatch(b -> b.name().equals(name) && blockSql(b) != null && !blockSql(b).isBlank());
    }

    String blockSql(GeneratedLayers.Block b) {
        String sql = b.sql().get(dialect);
        if (sql == null && !b.sql().isEmpty()) {
            sql = b.sql().values().iterator().next();
        }
        return sql;
    }

    static String tokenAt(String sql, int offset) {
        if (offset < 0 || offset >= sql.length()) {
            return null;
        }
        int s = offset;
        int e = offset;
        while (s > 0 && isWord(sql.charAt(s - 1))) {
            s--;
        }
        while (e < sql.length() && isWord(sql.charAt(e))) {
            e++;
        }
        return e > s ? sql.substring(s, e) : null;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
