package io.aide.compiler.lang;

import io.aide.compiler.rules.ReferenceData;
import io.aide.events.spec.ReferenceTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The controlled terminology of one codelist, as the reference tables give it: each collected value (as the CRF
 * records it), its synonyms and the submission value itself map to the submission value. The columns are found by
 * the names CDISC and sdtm.oak give them (codelist_code, collected_value, term_synonyms, term_value; "Codelist Code",
 * "CDISC Submission Value", "CDISC Synonym(s)"). A study's own terminology names the CRF codelist its rows serve
 * (raw_codelist): where a row names one, only those rows count. Several tables may define the codelist: when they agree
 * on every value they share, they are one terminology; otherwise the one that names the row's CRF codelist applies,
 * and without one the row is flagged.
 */
final class ControlledTerms {
    private static final List<String> CODELIST = List.of("codelist_code", "codelist code", "codelist", "codelist_cd");
    private static final List<String> COLLECTED = List.of("collected_value", "collected value", "collected");
    private static final List<String> SUBMITTED = List.of("term_value", "cdisc submission value", "submission value",
            "submission_value");
    private static final List<String> SYNONYMS = List.of("term_synonyms", "cdisc synonym(s)", "synonyms", "synonym(s)");
    private static final List<String> RAW_CODELIST = List.of("raw_codelist", "raw codelist", "crf codelist");

    private ControlledTerms() {
    }

    /** The terminology found, or why none applies. */
    record Found(ReferenceData.LookupMap map, String problem) {
    }

    static Found of(ReferenceData refs, String codelist, String rawCodelist) {
        List<ReferenceTable> defining = new ArrayList<>();
        List<Map<String, String>> maps = new ArrayList<>();
        List<Boolean> namesRaw = new ArrayList<>();
        for (ReferenceTable t : refs.tables()) {
            int code = column(t, CODELIST);
            int to = column(t, SUBMITTED);
            if (code < 0 || to < 0) {
                continue;
            }
            int from = column(t, COLLECTED);
            int synonyms = column(t, SYNONYMS);
            int raw = column(t, RAW_CODELIST);
            List<List<String>> rows = t.rows().stream().filter(r -> codelist.equalsIgnoreCase(cell(r, code))).toList();
            boolean rawNamed = raw >= 0 && rawCodelist != null && rows.stream().anyMatch(r -> rawCodelist.equalsIgnoreCase(cell(r, raw)));
            if (rawNamed) {
                rows = rows.stream().filter(r -> rawCodelist.equalsIgnoreCase(cell(r, raw))).toList();
            }
            if (rows.isEmpty()) {
                continue;
            }
            Map<String, String> map = new LinkedHashMap<>();
            String conflict = null;
            for (List<String> r : rows) {
                String value = cell(r, to);
                if (value == null || value.isBlank()) {
                    continue;
                }
                List<String> keys = new ArrayList<>();
                keys.add(value);
                if (from >= 0 && cell(r, from) != null) {
                    keys.add(cell(r, from));
                }
                if (synonyms >= 0 && cell(r, synonyms) != null) {
                    for (String s : cell(r, synonyms).split(";")) {
                        if (!s.isBlank() && !s.trim().equalsIgnoreCase("NA")) {
                            keys.add(s.trim());
                        }
                    }
                }
                for (String k : keys) {
                    String before = map.putIfAbsent(k.trim(), value.trim());
                    if (before != null && !before.equals(value.trim())) {
                        conflict = "'" + k.trim() + "' stands for both " + before + " and " + value.trim();
                    }
                }
            }
            if (conflict != null) {
                return new Found(null, "codelist " + codelist + " in " + t.name() + ": " + conflict);
            }
            defining.add(t);
            maps.add(map);
            namesRaw.add(rawNamed);
        }
        if (defining.isEmpty()) {
            return new Found(null, "controlled terminology for codelist " + codelist + " is not among the reference tables");
        }
        Map<String, String> merged = new LinkedHashMap<>();
        boolean agree = true;
        for (Map<String, String> m : maps) {
            for (Map.Entry<String, String> e : m.entrySet()) {
                String before = merged.putIfAbsent(e.getKey(), e.getValue());
                agree &= before == null || before.equals(e.getValue());
            }
        }
        String names = String.join(", ", defining.stream().map(ReferenceTable::name).toList());
        if (agree) {
            return new Found(new ReferenceData.LookupMap("ct_" + codelist, merged, names), null);
        }
        List<Integer> study = new ArrayList<>();
        for (int i = 0; i < defining.size(); i++) {
            if (namesRaw.get(i)) {
                study.add(i);
            }
        }
        if (study.size() == 1) {
            int i = study.get(0);
            return new Found(new ReferenceData.LookupMap("ct_" + codelist, maps.get(i), defining.get(i).name()), null);
        }
        return new Found(null, "controlled terminology for codelist " + codelist + " is defined differently in " + names
                + ": which one applies is not said");
    }

    private static int column(ReferenceTable t, List<String> names) {
        for (int i = 0; i < t.columns().size(); i++) {
            String c = t.columns().get(i) == null ? "" : t.columns().get(i).trim().toLowerCase(Locale.ROOT);
            if (names.contains(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(List<String> row, int i) {
        return i >= 0 && i < row.size() ? row.get(i) : null;
    }
}
