package io.aide.compiler.rules;

import io.aide.events.spec.ReferenceTable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Named lookups and parameters a rule can refer to, read from the spec's reference tables whatever their shape:
 * a two-column table named like the lookup, or a key/value table whose keys carry dotted paths
 * ({@code cleaning.shipment_mode_map.Air -> AIR}, {@code adaptation.date_shift_years -> 10}).
 */
public final class ReferenceData {

    /** A key -> value lookup. */
    public record LookupMap(String name, Map<String, String> entries, String origin) {
    }

    private final List<ReferenceTable> tables;

    public ReferenceData(List<ReferenceTable> tables) {
        this.tables = tables == null ? List.of() : tables;
    }

    public boolean isEmpty() {
        return tables.isEmpty();
    }

    public List<ReferenceTable> tables() {
        return tables;
    }

    public Optional<LookupMap> map(String name) {
        String n = norm(name);
        for (ReferenceTable t : tables) {
            String tn = norm(t.name());
            if ((tn.equals(n) || tn.endsWith("." + n) || n.endsWith("." + tn) || stripExt(tn).equals(n))
                    && t.columns().size() >= 2 && !isKeyValueBag(t)) {
                Map<String, String> m = new LinkedHashMap<>();
                int k = 0;
                int v = 1;
                for (List<String> row : t.rows()) {
                    if (row.size() > Math.max(k, v) && row.get(k) != null) {
                        m.putIfAbsent(row.get(k), row.get(v));
                    }
                }
                if (!m.isEmpty()) {
                    return Optional.of(new LookupMap(name, m, t.origin() == null ? t.name() : t.origin()));
                }
            }
        }
        for (ReferenceTable t : tables) {
            int[] kv = keyValueColumns(t);
            if (kv == null) {
                continue;
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (List<String> row : t.rows()) {
                if (row.size() <= Math.max(kv[0], kv[1]) || row.get(kv[0]) == null) {
                    continue;
                }
                String key = row.get(kv[0]);
                String kn = norm(key);
                for (String prefix : prefixes(n, t)) {
                    if (kn.startsWith(prefix + ".") && kn.length() > prefix.length() + 1) {
                        m.putIfAbsent(key.substring(prefix.length() + 1), row.get(kv[1]));
                    }
                }
            }
            if (!m.isEmpty()) {
                return Optional.of(new LookupMap(name, m, t.origin() == null ? t.name() : t.origin()));
            }
        }
        return Optional.empty();
    }

    /** The header of the column a map's values come from (its table's second column); null when not known. */
    public String valueColumn(LookupMap map) {
        for (ReferenceTable t : tables) {
            String origin = t.origin() == null ? t.name() : t.origin();
            if (origin.equals(map.origin()) && t.columns().size() >= 2) {
                return t.columns().get(1);
            }
        }
        return null;
    }

    /** A single parameter value by its (dotted) name. */
    public Optional<String> scalar(String name) {
        String n = norm(name);
        for (ReferenceTable t : tables) {
            int[] kv = keyValueColumns(t);
            if (kv != null) {
                for (List<String> row : t.rows()) {
                    if (row.size() > Math.max(kv[0], kv[1]) && row.get(kv[0]) != null) {
                        String kn = norm(row.get(kv[0]));
                        for (String prefix : prefixes(n, t)) {
                            if (kn.equals(prefix.isEmpty() ? n : n)) {
                                return Optional.ofNullable(row.get(kv[1]));
                            }
                        }
                        String tn = stripExt(norm(t.name()));
                        if ((tn + "." + kn).equals(n)) {
                            return Optional.ofNullable(row.get(kv[1]));
                        }
                    }
                }
            }
            String tn = norm(t.name());
            if ((tn.equals(n) || tn.endsWith("." + n)) && t.rows().size() == 1) {
                List<String> row = t.rows().get(0);
                int idx = t.columns().size() > 1 ? valueColumn(t) : 0;
                if (idx >= 0 && row.size() > idx) {
                    return Optional.ofNullable(row.get(idx));
                }
            }
        }
        return Optional.empty();
    }

    /** Names of tables whose rows mention the given code (e.g. a codelist), used to detect ambiguous lookups. */
    public List<String> tablesMentioning(String code) {
        return tables.stream().filter(t -> t.rows().stream().anyMatch(r -> r.contains(code))).map(ReferenceTable::name).toList();
    }

    private static List<String> prefixes(String n, ReferenceTable t) {
        String tn = stripExt(norm(t.name()));
        if (n.startsWith(tn + ".")) {
            return List.of(n, n.substring(tn.length() + 1));
        }
        return List.of(n);
    }

    private static boolean isKeyValueBag(ReferenceTable t) {
        int[] kv = keyValueColumns(t);
        return kv != null && t.rows().stream().anyMatch(r -> r.size() > kv[0] && r.get(kv[0]) != null && r.get(kv[0]).contains("."));
    }

    private static int[] keyValueColumns(ReferenceTable t) {
        int k = -1;
        int v = -1;
        for (int i = 0; i < t.columns().size(); i++) {
            String c = norm(t.columns().get(i));
            if (k < 0 && (c.equals("key") || c.equals("name") || c.equals("path") || c.equals("parameter") || c.equals("param"))) {
                k = i;
            } else if (v < 0 && (c.equals("value") || c.equals("val"))) {
                v = i;
            }
        }
        return k >= 0 && v >= 0 ? new int[]{k, v} : null;
    }

    private static int valueColumn(ReferenceTable t) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (norm(t.columns().get(i)).equals("value")) {
                return i;
            }
        }
        return t.columns().size() == 1 ? 0 : -1;
    }

    private static final java.util.regex.Pattern EXTENSION = java.util.regex.Pattern.compile("\\.(ya?ml|json|csv|xlsx?|properties|tsv)$");

    private static String stripExt(String n) {
        return n.indexOf('.') < 0 ? n : EXTENSION.matcher(n).replaceAll("");
    }

    static String norm(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
