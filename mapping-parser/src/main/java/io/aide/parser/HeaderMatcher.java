package io.aide.parser;

import io.aide.events.spec.MappingField;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recognises the canonical fields in a header row by synonyms and fuzzy token matching.
 * A header is split into words; each word belongs to concepts (target role, table, column, rule, ...);
 * a field matches when all concepts of one of its patterns appear, scored by the share of words that
 * the pattern explains, so "Target Column" beats "Target Column Role".
 */
final class HeaderMatcher {

    static final double THRESHOLD = 0.5;

    enum Concept { TGT, SRC, TABLE, COLUMN, TYPE, SYSTEM, RULE, JOIN, FILTER, KEY, NULLABLE, NULLWORD, ALLOW, NOT,
        HANDLING, DEFAULT, DESCRIPTION, COMMENT, GROUP, MANDATORY }

    private static final Map<String, Set<Concept>> VOCABULARY = new HashMap<>();
    private static final Set<String> STOPWORDS = Set.of("of", "the", "a", "an", "or", "and", "in", "for", "s", "by",
            "name", "names", "nm", "data", "is", "y", "n", "yn", "any", "with", "per", "no", "nr", "num");

    static {
        word(Concept.TGT, "target", "tgt", "trg", "destination", "dest", "output", "sdtm", "dw", "dwh", "edw", "mart",
                "warehouse", "sink");
        word(Concept.SRC, "source", "sources", "src", "from", "raw", "input", "legacy", "upstream", "original", "orig",
                "origin", "originating",
                // "Feed | Feed Field": the interface a column arrives on is its source
                "feed", "feeds",
                // "Staging Table | Staging Column": the staging copy a column is read from
                "staging", "stg", "stage", "landing");
        word(Concept.TABLE, "table", "tables", "tbl", "tab", "entity", "entities", "dataset", "datasets", "domain",
                "file", "files", "object", "view", "relation", "tablename",
                // "Dimension/Fact | Attribute": a star schema's tables called by their kind
                "dimension", "dimensions", "dim", "fact", "facts");
        word(Concept.COLUMN, "column", "columns", "col", "cols", "field", "fields", "attribute", "attributes", "attr",
                "variable", "variables", "var", "element", "elements", "item", "colname", "columnname", "fieldname",
                "property");
        word(Concept.TYPE, "type", "types", "datatype", "datatypes", "dtype", "format", "formats");
        word(Concept.SYSTEM, "system", "systems", "sys", "application", "app", "database", "db", "platform", "schema");
        word(Concept.RULE, "transformation", "transformations", "transform", "transforms", "rule", "rules", "logic",
                "derivation", "derive", "derived", "calculation", "calc", "formula", "expression", "algorithm",
                "conversion");
        word(Concept.JOIN, "join", "joins", "lookup", "lookups", "relationship", "relationships", "merge");
        word(Concept.FILTER, "filter", "filters", "where", "condition", "conditions", "criteria", "selection",
                "restriction");
        word(Concept.KEY, "key", "keys", "pk", "primary", "pkey");
        word(Concept.NULLABLE, "nullable", "nullability", "optional");
        word(Concept.MANDATORY, "mandatory", "required", "requirement", "notnull", "nn");
        word(Concept.NULLWORD, "null", "nulls", "blank", "blanks", "missing");
        word(Concept.ALLOW, "allowed", "allow", "allows", "accepted", "permitted", "ok");
        word(Concept.NOT, "not");
        // "If Missing", "When Null": what to do when the value is missing, said as its condition
        word(Concept.HANDLING, "handling", "treatment", "handle", "replacement", "strategy", "if", "when", "whenever",
                // "Exceptions", "Edge Cases": what the value is when the rule's normal case does not apply
                "exception", "exceptions", "fallback", "fallbacks");
        word(Concept.DEFAULT, "default", "defaults");
        word(Concept.DESCRIPTION, "description", "desc", "descr", "definition", "meaning", "purpose");
        word(Concept.COMMENT, "comments", "comment", "notes", "note", "remarks", "remark", "annotation",
                "annotations", "observations", "question", "questions");
        word(Concept.GROUP, "groupby", "group", "grouping", "aggregation", "aggregate", "grain");
    }

    private static void word(Concept concept, String... words) {
        for (String w : words) {
            VOCABULARY.computeIfAbsent(w, k -> new HashSet<>()).add(concept);
        }
    }

    private record Pattern(double weight, Set<Concept> concepts) {
    }

    private record FieldRule(MappingField field, List<Pattern> patterns, Set<String> fillerWords,
                             Set<Concept> fillerConcepts) {
    }

    private static final List<FieldRule> RULES = new ArrayList<>();

    static {
        rule(MappingField.TARGET_TABLE, Set.of(), Set.of(), p(1.0, Concept.TGT, Concept.TABLE), p(0.75, Concept.TABLE));
        rule(MappingField.TARGET_COLUMN, Set.of(), Set.of(), p(1.0, Concept.TGT, Concept.COLUMN),
                p(0.75, Concept.COLUMN), p(0.6, Concept.TGT));
        rule(MappingField.TARGET_TYPE, Set.of("target"), Set.of(Concept.COLUMN, Concept.TABLE),
                p(1.0, Concept.TGT, Concept.TYPE), p(0.8, Concept.TYPE));
        rule(MappingField.SOURCE_SYSTEM, Set.of(), Set.of(), p(1.0, Concept.SRC, Concept.SYSTEM), p(0.8, Concept.SYSTEM));
        rule(MappingField.SOURCE_TABLE, Set.of(), Set.of(), p(1.0, Concept.SRC, Concept.TABLE));
        rule(MappingField.SOURCE_COLUMN, Set.of(), Set.of(), p(1.0, Concept.SRC, Concept.COLUMN), p(0.6, Concept.SRC));
        rule(MappingField.SOURCE_TYPE, Set.of(), Set.of(Concept.COLUMN), p(1.0, Concept.SRC, Concept.TYPE));
        rule(MappingField.TRANSFORMATION, Set.of("mapping", "business", "map", "description", "applied", "used", "etl", "elt", "load"),
                Set.of(Concept.TGT, Concept.SRC), p(0.95, Concept.RULE));
        rule(MappingField.JOIN, Set.of("condition", "conditions", "criteria", "clause", "logic", "rule", "key", "keys",
                "on", "with", "table", "tables"), Set.of(Concept.TGT, Concept.SRC), p(0.9, Concept.JOIN));
        rule(MappingField.FILTER, Set.of("clause", "rule", "logic", "expression", "criteria", "applied", "row", "rows",
                        "record", "records", "data", "load", "extract", "source", "input"),
                Set.of(Concept.TGT, Concept.SRC),
                p(0.9, Concept.FILTER));
        rule(MappingField.KEY, Set.of("flag", "indicator", "ind", "business", "natural", "column", "col", "fk", "type",
                "constraint", "constraints", "unique"), Set.of(),
                p(0.9, Concept.KEY));
        rule(MappingField.NULLABLE, Set.of("flag", "indicator", "ind", "field", "column", "col", "value", "values"),
                Set.of(), p(0.95, Concept.NULLABLE), p(0.95, Concept.MANDATORY), p(0.9, Concept.NULLWORD, Concept.ALLOW),
                p(0.9, Concept.NOT, Concept.NULLWORD), p(0.7, Concept.NULLWORD));
        // "Null Rule", "Null Logic": what a missing value becomes, said as a rule for nulls
        rule(MappingField.NULL_HANDLING, Set.of("value", "values"), Set.of(Concept.TGT, Concept.SRC),
                p(1.0, Concept.NULLWORD, Concept.HANDLING), p(1.0, Concept.NULLWORD, Concept.RULE), p(0.95, Concept.DEFAULT, Concept.NULLWORD),
                p(0.9, Concept.HANDLING), p(0.9, Concept.HANDLING, Concept.RULE), p(0.9, Concept.NULLWORD, Concept.HANDLING, Concept.RULE),
                // "Default Rule", "Default Logic": what a missing value becomes, said as a rule
                p(0.9, Concept.DEFAULT, Concept.RULE));
        rule(MappingField.DEFAULT_VALUE, Set.of("value", "values"), Set.of(Concept.TGT), p(0.9, Concept.DEFAULT));
        // a second rule column beside the transformation ("Business Rule" beside "Transformation Logic") says what the
        // column means: its description, read as the row's notes
        rule(MappingField.DESCRIPTION, Set.of("business", "column", "field", "attribute", "target"), Set.of(),
                p(0.9, Concept.DESCRIPTION), p(0.55, Concept.RULE));
        rule(MappingField.COMMENTS, Set.of("text", "additional", "general", "analyst", "other", "open", "owner", "reviewer", "steward", "sme", "team"),
                Set.of(Concept.TGT, Concept.SRC),
                p(0.9, Concept.COMMENT));
        rule(MappingField.GROUP_BY, Set.of("keys", "key", "columns", "level", "by"), Set.of(), p(0.9, Concept.GROUP));
    }

    private static double bareTable(String[] headers, Map<MappingField, Integer> columns, Map<MappingField, Double> scores,
                                    Set<Integer> used, Concept side, MappingField table, MappingField column) {
        if (columns.containsKey(table) || !columns.containsKey(column)) {
            return 0;
        }
        for (int c = 0; c < headers.length; c++) {
            if (headers[c] == null || used.contains(c)) {
                continue;
            }
            List<String> tokens = tokens(headers[c]);
            if (tokens.size() == 1 && concepts(tokens.get(0)).contains(side)) {
                columns.put(table, c);
                scores.put(table, 0.6);
                used.add(c);
                return 0.6;
            }
        }
        return 0;
    }

    private static Pattern p(double weight, Concept... concepts) {
        return new Pattern(weight, Set.of(concepts));
    }

    private static void rule(MappingField field, Set<String> fillerWords, Set<Concept> fillerConcepts,
                             Pattern... patterns) {
        RULES.add(new FieldRule(field, List.of(patterns), fillerWords, fillerConcepts));
    }

    /** Result of matching one header row. */
    record Match(Map<MappingField, Integer> columns, Map<MappingField, Double> scores, double total) {
        boolean has(MappingField f) {
            return columns.containsKey(f);
        }

        boolean isMapping() {
            return has(MappingField.TARGET_COLUMN) && (has(MappingField.SOURCE_COLUMN) || has(MappingField.SOURCE_TABLE)
                    || has(MappingField.TRANSFORMATION) || has(MappingField.JOIN) || has(MappingField.FILTER)
                    || has(MappingField.DEFAULT_VALUE));
        }
    }

    /**
     * Assigns fields to header cells. Overrides (field -> header text) are applied first; the rest
     * greedily by best score, one field per header cell.
     */
    static Match match(String[] headers, Map<MappingField, String> overrides) {
        Map<MappingField, Integer> columns = new EnumMap<>(MappingField.class);
        Map<MappingField, Double> scores = new EnumMap<>(MappingField.class);
        Set<Integer> usedColumns = new HashSet<>();
        double total = 0;
        for (Map.Entry<MappingField, String> o : overrides.entrySet()) {
            String wanted = normalizeText(o.getValue());
            for (int c = 0; c < headers.length; c++) {
                if (headers[c] != null && !usedColumns.contains(c) && normalizeText(headers[c]).equals(wanted)) {
                    columns.put(o.getKey(), c);
                    scores.put(o.getKey(), 2.0);
                    usedColumns.add(c);
                    total += 2.0;
                    break;
                }
            }
        }
        record Candidate(MappingField field, int column, double score, int tokens, int fillers) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int c = 0; c < headers.length; c++) {
            if (headers[c] == null || headers[c].isBlank() || usedColumns.contains(c)) {
                continue;
            }
            List<String> tokens = tokens(headers[c]);
            if (tokens.isEmpty() || tokens.size() > 8) {
                continue;
            }
            List<Set<Concept>> tokenConcepts = new ArrayList<>(tokens.size());
            for (String t : tokens) {
                tokenConcepts.add(concepts(t));
            }
            for (FieldRule rule : RULES) {
                if (columns.containsKey(rule.field)) {
                    continue;
                }
                double s = score(tokens, tokenConcepts, rule);
                if (s >= THRESHOLD) {
                    int fillers = (int) tokens.stream().filter(rule.fillerWords::contains).count();
                    candidates.add(new Candidate(rule.field, c, s, tokens.size(), fillers));
                }
            }
        }
        candidates.sort((a, b) -> {
            int cmp = Double.compare(b.score, a.score);
            if (cmp != 0) {
                return cmp;
            }
            // "Transformation Logic" before "Business Rule": every word of it names the field
            cmp = Integer.compare(a.fillers, b.fillers);
            if (cmp != 0) {
                return cmp;
            }
            cmp = Integer.compare(a.tokens, b.tokens);
            return cmp != 0 ? cmp : Integer.compare(a.column, b.column);
        });
        for (Candidate cand : candidates) {
            if (columns.containsKey(cand.field) || usedColumns.contains(cand.column)) {
                continue;
            }
            columns.put(cand.field, cand.column);
            scores.put(cand.field, cand.score);
            usedColumns.add(cand.column);
            total += cand.score;
        }
        // "Target | Column | ... | Source | Source Column": beside a column header of its own, a bare "Target" or
        // "Source" names the table
        total += bareTable(headers, columns, scores, usedColumns, Concept.TGT, MappingField.TARGET_TABLE, MappingField.TARGET_COLUMN);
        total += bareTable(headers, columns, scores, usedColumns, Concept.SRC, MappingField.SOURCE_TABLE, MappingField.SOURCE_COLUMN);
        notesAsRules(headers, columns, scores);
        return new Match(columns, scores, total);
    }

    /** Words that, beside "notes" or "comments", say the notes are how the column is mapped. */
    private static final Set<String> MAPPING_WORDS = Set.of("mapping", "mappings", "map", "business", "logic", "derivation");

    /**
     * "Mapping Notes", "Business Comments" in a sheet with no rule column of its own: the notes say how each column is
     * mapped, so they are the rule (a bare "Notes" beside source columns stays a remark).
     */
    private static void notesAsRules(String[] headers, Map<MappingField, Integer> columns, Map<MappingField, Double> scores) {
        if (columns.containsKey(MappingField.TRANSFORMATION)) {
            return;
        }
        Integer comments = columns.get(MappingField.COMMENTS);
        for (int c = 0; c < headers.length; c++) {
            boolean free = headers[c] != null && (!columns.containsValue(c) || Integer.valueOf(c).equals(comments));
            List<String> words = free ? tokens(headers[c]) : List.of();
            boolean notes = words.stream().anyMatch(MAPPING_WORDS::contains) && words.stream().allMatch(w -> MAPPING_WORDS.contains(w)
                    || STOPWORDS.contains(w) || concepts(w).contains(Concept.COMMENT) || concepts(w).contains(Concept.DESCRIPTION));
            if (notes) {
                if (Integer.valueOf(c).equals(comments)) {
                    columns.remove(MappingField.COMMENTS);
                    scores.remove(MappingField.COMMENTS);
                }
                columns.put(MappingField.TRANSFORMATION, c);
                scores.put(MappingField.TRANSFORMATION, 0.7);
                return;
            }
        }
    }

    private static double score(List<String> tokens, List<Set<Concept>> tokenConcepts, FieldRule rule) {
        double best = 0;
        for (Pattern pattern : rule.patterns) {
            Set<Concept> seen = new HashSet<>();
            int significant = 0;
            int explained = 0;
            boolean headExplained = false;
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i);
                if (STOPWORDS.contains(t) || rule.fillerWords.contains(t)) {
                    continue;
                }
                Set<Concept> concepts = tokenConcepts.get(i);
                boolean filler = false;
                for (Concept c : concepts) {
                    if (rule.fillerConcepts.contains(c) && !pattern.concepts.contains(c)) {
                        filler = true;
                    }
                }
                if (filler) {
                    continue;
                }
                significant++;
                boolean hit = false;
                for (Concept c : concepts) {
                    if (pattern.concepts.contains(c)) {
                        seen.add(c);
                        hit = true;
                    }
                }
                if (hit) {
                    explained++;
                }
                headExplained = hit;
            }
            if (significant == 0 || !seen.containsAll(pattern.concepts)) {
                continue;
            }
            // "Source System Table": of two readings as good, the one its last word (the head noun) names
            best = Math.max(best, pattern.weight * explained / significant + (headExplained ? 0.001 : 0));
        }
        return best;
    }

    /** True when the header of a nullable column states the opposite (mandatory, required, not null). */
    static boolean isInvertedNullable(String header) {
        List<String> tokens = tokens(header);
        for (String t : tokens) {
            if (concepts(t).contains(Concept.MANDATORY) || t.equals("not")) {
                return true;
            }
        }
        return false;
    }

    private static final Map<String, Set<Concept>> FUZZY = new java.util.concurrent.ConcurrentHashMap<>();

    static Set<Concept> concepts(String token) {
        Set<Concept> exact = VOCABULARY.get(token);
        if (exact != null) {
            return exact;
        }
        if (token.length() < 3) {
            return Set.of();
        }
        Set<Concept> cached = FUZZY.get(token);
        if (cached != null) {
            return cached;
        }
        Set<Concept> found = token.length() < 5 ? Set.of() : fuzzy(token);
        if (found.isEmpty()) {
            found = abbreviation(token);
        }
        if (FUZZY.size() < 20_000) {
            FUZZY.put(token, found);
        }
        return found;
    }

    /** A typo of a known word ("Transfomation", "Colum"): the closest word within one or two edits. */
    private static Set<Concept> fuzzy(String token) {
        int allowed = token.length() >= 9 ? 2 : 1;
        Set<Concept> best = Set.of();
        int bestDistance = allowed + 1;
        for (Map.Entry<String, Set<Concept>> e : VOCABULARY.entrySet()) {
            String w = e.getKey();
            if (w.length() >= 5 && Math.abs(w.length() - token.length()) <= allowed) {
                int d = levenshtein(w, token, allowed);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = e.getValue();
                }
            }
        }
        return best;
    }

    /**
     * An abbreviation of a known word written as its consonants, when it stands for words of one meaning only ("fld"
     * for field, "tbl" for table, "typ" for type, "dflt" for default, "trnsfrm" for transformation; "frm", from or
     * formula, is left). A word cut short ("Form" of formula) is not read: it is often a word of its own.
     */
    private static Set<Concept> abbreviation(String token) {
        if (token.substring(1).chars().anyMatch(c -> "aeiou".indexOf(c) >= 0)) {
            return Set.of();
        }
        Set<Concept> found = null;
        for (Map.Entry<String, Set<Concept>> e : VOCABULARY.entrySet()) {
            String w = e.getKey();
            if (w.length() <= token.length() || w.charAt(0) != token.charAt(0)
                    || !subsequence(token, w)) {
                continue;
            }
            if (found != null && !found.equals(e.getValue())) {
                return Set.of();
            }
            found = e.getValue();
        }
        return found == null ? Set.of() : found;
    }

    /** Every letter of a, in order, in b. */
    private static boolean subsequence(String a, String b) {
        int j = 0;
        for (int i = 0; i < b.length() && j < a.length(); i++) {
            if (b.charAt(i) == a.charAt(j)) {
                j++;
            }
        }
        return j == a.length();
    }

    static List<String> tokens(String header) {
        String s = header.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        s = s.replace("group by", "groupby").replace("data type", "datatype").replace("not null", "notnull")
                .replace("p.k.", "pk")
                // "Data Type & Length", "Type/Length", "Data Type (Size)": the type, its length said with it
                .replaceAll("\\b(datatype|type)\\s*(?:&|and|/|,|\\+|\\()\\s*(?:length|len|size|precision)\\)?", "$1");
        List<String> out = new ArrayList<>();
        for (String t : s.split("[^\\p{L}\\p{N}]+")) {
            if (!t.isEmpty() && !t.chars().allMatch(Character::isDigit)) {
                out.add(t);
            }
        }
        return out;
    }

    static String normalizeText(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static int levenshtein(String a, String b, int max) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()];
    }

    /** Field key -> header text, in field order, for {@code headerMapping}. */
    static Map<String, String> describe(Match match, String[] headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (MappingField f : MappingField.values()) {
            Integer c = match.columns().get(f);
            if (c != null) {
                out.put(f.key(), headers[c]);
            }
        }
        return out;
    }
}
