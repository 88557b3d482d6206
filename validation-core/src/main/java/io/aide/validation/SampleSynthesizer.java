package io.aide.validation;

import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.SourceRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes up sample rows for source tables that have no sample, from the mapping's lineage, the declared target
 * types and keys, and the table.column references in the SQL, so the generated code can still run.
 * Ids are 1..n in every table, so joins on them match. Values follow the declared types but are stored as text,
 * like a CSV sample.
 */
public final class SampleSynthesizer {
    private static final Pattern FROM_JOIN = Pattern.compile(
            "(?i)\\b(?:FROM|JOIN)\\s+([A-Za-z_][\\w.]*)(?!\\s*\\()(?:\\s+(?:AS\\s+)?([A-Za-z_]\\w*))?");
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\.([A-Za-z_]\\w*)(?![\\w(])");
    private static final Pattern CTE = Pattern.compile("(?i)(?:\\bWITH(?:\\s+RECURSIVE)?|,)\\s*([A-Za-z_]\\w*)\\s+AS\\s*\\(");
    private static final Set<String> KEYWORDS = Set.of("on", "where", "left", "right", "inner", "outer", "full",
            "cross", "join", "group", "order", "limit", "union", "using", "natural", "having", "qualify", "window",
            "select", "lateral", "as", "and", "or", "except", "intersect");

    private final int rowCount;

    public SampleSynthesizer(int rowCount) {
        this.rowCount = Math.max(1, rowCount);
    }

    /**
     * Tables referenced by the layers or the spec that are not in {@code existing} (case-insensitive names).
     * Tables that only the SQL names (not the mapping's lineage) are made up only when no sample exists at all,
     * so that with a real sample an unknown table still fails binding.
     */
    public List<SampleTable.Rows> synthesize(GeneratedLayers layers, MappingSpec spec, Set<String> existing,
                                             boolean noSampleAtAll) {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        Set<String> ctes = new LinkedHashSet<>();
        Map<String, List<String>> domains = new LinkedHashMap<>();
        Set<String> targets = new LinkedHashSet<>();
        for (GeneratedLayers.Layer layer : layers.layers()) {
            targets.add(layer.target().toLowerCase(Locale.ROOT));
            layer.sourceTables().forEach(t -> table(tables, t));
            for (GeneratedLayers.Column c : layer.columns()) {
                String type = TypeMapping.map(c.type()).map(TypeMapping.Target::duckdbType).orElse(null);
                for (String source : c.sources()) {
                    int dot = source.lastIndexOf('.');
                    if (dot > 0) {
                        String t = source.substring(0, dot);
                        addColumn(tables, t, source.substring(dot + 1), c.sources().size() == 1 ? type : null);
                        if (c.sources().size() == 1 && !c.acceptedValues().isEmpty()) {
                            // a pass-through of a value list then yields accepted values
                            domains.putIfAbsent(source.toLowerCase(Locale.ROOT), c.acceptedValues());
                        }
                        if (c.key()) {
                            keys.computeIfAbsent(t.toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>())
                                    .add(source.substring(dot + 1).toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        if (spec != null) {
            for (MappingRow row : spec.rows()) {
                String type = TypeMapping.map(row.targetType()).map(TypeMapping.Target::duckdbType).orElse(null);
                for (SourceRef ref : row.sourceColumns()) {
                    String t = ref.table() == null || ref.table().isBlank() ? row.sourceTable() : ref.table();
                    if (t != null && !t.isBlank() && ref.column() != null && !ref.column().isBlank()) {
                        addColumn(tables, t, ref.column(), row.sourceColumns().size() == 1 ? type : null);
                        if (row.key()) {
                            keys.computeIfAbsent(t.toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>())
                                    .add(ref.column().toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        Set<String> fromLineage = new LinkedHashSet<>();
        tables.keySet().forEach(t -> fromLineage.add(t.toLowerCase(Locale.ROOT)));
        for (GeneratedLayers.Layer layer : layers.layers()) {
            String sql = layer.sql().getOrDefault("duckdb", layer.sql().isEmpty() ? null : layer.sql().values().iterator().next());
            if (sql != null) {
                fromSql(sql.replace("\"", ""), tables, ctes);
            }
        }
        Set<String> skip = new LinkedHashSet<>();
        existing.forEach(e -> skip.add(e.toLowerCase(Locale.ROOT)));
        ctes.forEach(c -> skip.add(c.toLowerCase(Locale.ROOT)));
        List<SampleTable.Rows> out = new ArrayList<>();
        tables.forEach((name, columns) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!noSampleAtAll && !fromLineage.contains(lower)) {
                return;
            }
            if (skip.contains(lower) || (targets.contains(lower) && !columns.isEmpty() && isTargetOnly(name, layers))) {
                return;
            }
            if (columns.isEmpty()) {
                columns.put("id", "BIGINT");
            }
            out.add(rows(name, columns, keys.getOrDefault(lower, Set.of()), domains, false));
        });
        return out;
    }

    /** Rows for a table a registered database declares: its real columns and types, its key unique. */
    public SampleTable.Rows synthesize(SourceSchema table) {
        Map<String, String> types = new LinkedHashMap<>();
        for (SourceSchema.Column c : table.columns()) {
            types.put(c.name(), TypeMapping.map(c.type()).map(TypeMapping.Target::duckdbType).orElse(null));
        }
        Set<String> keys = new LinkedHashSet<>();
        table.primaryKey().forEach(k -> keys.add(k.toLowerCase(Locale.ROOT)));
        // typed like the database, since a layer compiled against that schema relies on its types
        return rows(table.name(), types, keys, Map.of(), true);
    }

    private static boolean isTargetOnly(String name, GeneratedLayers layers) {
        return layers.layers().stream().noneMatch(l -> l.sourceTables().stream().anyMatch(s -> s.equalsIgnoreCase(name)));
    }

    private static void fromSql(String sql, Map<String, Map<String, String>> tables, Set<String> ctes) {
        Matcher cte = CTE.matcher(sql);
        while (cte.find()) {
            ctes.add(cte.group(1));
        }
        Map<String, String> aliases = new LinkedHashMap<>();
        Matcher from = FROM_JOIN.matcher(sql);
        while (from.find()) {
            String table = from.group(1);
            if (ctes.stream().anyMatch(c -> c.equalsIgnoreCase(table)) || KEYWORDS.contains(table.toLowerCase(Locale.ROOT))) {
                continue;
            }
            table(tables, table);
            aliases.put(table.toLowerCase(Locale.ROOT), table);
            int dot = table.lastIndexOf('.');
            if (dot > 0) {
                aliases.put(table.substring(dot + 1).toLowerCase(Locale.ROOT), table);
            }
            String alias = from.group(2);
            if (alias != null && !KEYWORDS.contains(alias.toLowerCase(Locale.ROOT))) {
                aliases.put(alias.toLowerCase(Locale.ROOT), table);
            }
        }
        Matcher q = QUALIFIED.matcher(sql);
        while (q.find()) {
            String table = aliases.get(q.group(1).toLowerCase(Locale.ROOT));
            if (table != null) {
                addColumn(tables, table, q.group(2), null);
            }
        }
    }

    private static Map<String, String> table(Map<String, Map<String, String>> tables, String name) {
        for (Map.Entry<String, Map<String, String>> e : tables.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        Map<String, String> columns = new LinkedHashMap<>();
        tables.put(name, columns);
        return columns;
    }

    private static void addColumn(Map<String, Map<String, String>> tables, String table, String column, String type) {
        Map<String, String> columns = table(tables, table);
        String existing = columns.keySet().stream().filter(c -> c.equalsIgnoreCase(column)).findFirst().orElse(null);
        if (existing == null) {
            columns.put(column, type);
        } else if (columns.get(existing) == null && type != null) {
            columns.put(existing, type);
        }
    }

    private SampleTable.Rows rows(String name, Map<String, String> columnTypes, Set<String> keys,
                                  Map<String, List<String>> domains, boolean typed) {
        List<String> columns = new ArrayList<>(columnTypes.keySet());
        List<String> types = new ArrayList<>();
        for (String c : columns) {
            String t = columnTypes.get(c);
            types.add(t != null ? t : isIdLike(c) ? "BIGINT" : "VARCHAR");
        }
        List<List<Object>> data = new ArrayList<>(rowCount);
        LocalDate day = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < rowCount; i++) {
            List<Object> row = new ArrayList<>(columns.size());
            for (int c = 0; c < columns.size(); c++) {
                List<String> domain = domains.get((name + "." + columns.get(c)).toLowerCase(Locale.ROOT));
                row.add(domain != null ? domain.get(i % domain.size())
                        : value(columns.get(c), types.get(c), i, day, keys.contains(columns.get(c).toLowerCase(Locale.ROOT))));
            }
            data.add(row);
        }
        // otherwise typed values stored as text like a CSV sample, so the SQL meets the same column types either way
        return new SampleTable.Rows(name, columns, typed ? types : List.of(), data, true);
    }

    private static Object value(String column, String type, int i, LocalDate day, boolean key) {
        String t = type.toUpperCase(Locale.ROOT);
        if (t.startsWith("DECIMAL") || t.equals("DOUBLE")) {
            return (i + 1) + ".5";
        }
        if (t.contains("INT")) {
            return i + 1;
        }
        if (t.equals("DATE")) {
            return day.plusDays(i).toString();
        }
        if (t.startsWith("TIMESTAMP")) {
            return day.plusDays(i) + " 12:00:00";
        }
        if (t.equals("TIME")) {
            return "12:00:00";
        }
        if (t.equals("BOOLEAN")) {
            return i % 2 == 0;
        }
        if (key || isIdLike(column)) {
            return String.valueOf(i + 1);
        }
        return column + "_" + (i + 1);
    }

    static boolean isIdLike(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        return c.equals("id") || c.endsWith("_id") || c.endsWith("id") && c.length() > 2 && Character.isUpperCase(column.charAt(column.length() - 2))
                || c.endsWith("_key") || c.endsWith("_no") || c.endsWith("_nbr");
    }
}
