package io.aide.compiler;

import io.aide.compiler.ColumnBinder.Compiled;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.LayerPlan;
import io.aide.compiler.plan.SqlType;
import io.aide.compiler.rules.SqlExpressionParser;
import io.aide.events.spec.MappingRow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which rows a target holds, as its filter cells say: one row per key (a pick), conditions read as SQL or in words,
 * a filter of several sentences read one by one, and the codes a row's own map lists.
 */
final class RowChoices {
    private final String target;
    /** Kinds of rows the document defines ("test properties") and the sentences that leave them out. */
    private final RowClasses kinds;
    private final LinkedConditions linked;
    private final SourceTables tables;
    private final TypeCoercion types;
    private final ColumnBinder binder;
    private final List<String> grain;

    RowChoices(String target, SourceTables tables, TypeCoercion types, ColumnBinder binder, List<String> grain,
               RowClasses kinds) {
        this.kinds = kinds;
        this.linked = new LinkedConditions(tables, binder, types, (condition, ctx) -> conditionOf(
                new SqlExpressionParser(ctx::resolve), condition, ctx));
        this.target = target;
        this.tables = tables;
        this.types = types;
        this.binder = binder;
        this.grain = grain;
    }

    /**
     * Keeps one row per key of the table the pick's values read ("keep only the row with the highest last_upd per
     * premise_id"); why it cannot, or null.
     */
    String pick(Picks.Read pick, MappingRow row, String baseAlias, Map<String, LayerPlan.Join> joins,
                        Map<String, LayerPlan.Pick> picks) {
        // "for each RX_NBR + FILL_NBR", "per store and day": a key of several values
        List<Expr> keys = new ArrayList<>();
        if (pick.key().isBlank()) {
            // "keep only the row with the latest last_updated": one row per the grain the mapping states
            for (String g : grain) {
                // the grain names target columns: their values, the source column of that name where there is none
                Expr own = binder.targetValue(g);
                keys.add(own != null ? own : WORDS.value(g, binder.filterContext(row)));
            }
            if (keys.isEmpty()) {
                return "the row kept is not said to be one per what (add 'per <key>')";
            }
        }
        for (String written : pick.key().isBlank() ? new String[0] : pick.key().split("\\s*(?:\\+|,|&|\\band\\b)\\s*")) {
            // "per cleaned item number, using LAST_CHANGED": the key ends before the punctuation that ends its clause
            String part = written.replaceAll("[\\s,;:.]+$", "");
            java.util.regex.Matcher cleaned = CLEANED.matcher(part.trim());
            Expr value;
            if (cleaned.matches()) {
                // "per cleaned member number", "per cleaned TEST_CODE": the value of the target column of that name
                String named = cleaned.group(1).trim().replaceAll("\\s+", "_");
                value = binder.targetValue(named);
                if (value == null) {
                    // "per cleaned item number" on a target with an ITEM_NO column: that column's value
                    value = spelledTargetColumn(cleaned.group(1).trim());
                }
                if (value == null) {
                    // "per cleaned emp_id" where the target calls it employee_id: the one column that cleans that source
                    value = cleaningOf(named);
                }
                if (value == null) {
                    // "per cleaned crew code" said on the row whose rule reads "Crew code, trimmed and upper-cased"
                    value = describedByOwnRule(cleaned.group(1).trim(), row);
                }
                if (value == null) {
                    // "if a cleaned tag appears more than once" said on BAG_TAG_NO: the row's own column, as its rule cleans it
                    value = ownColumnNamed(cleaned.group(1), row);
                }
            } else {
                // "one row per Student ID" on the grain line of a target with a STUDENT_ID column: that column's value,
                // cleaned as its rule cleans it
                String named = part.trim().replaceAll("\\s+", "_");
                // "PARTITION BY EVENT_ID" written in SQL: the source column as the rows hold it, before any rule cleans it
                value = part.isBlank() || pick.sql() ? null : named.matches("\\w+") ? binder.targetValue(named) : null;
                if (value == null && !part.isBlank() && !part.contains("_")) {
                    // "per customer number" on a target with a CUSTOMER_NO column: that column's value (ORDER_LINE_ID
                    // as written is a column's name, never words spelling ORDER_NUMBER)
                    value = spelledTargetColumn(part.trim());
                }
                if (value == null && !part.isBlank()) {
                    value = WORDS.value(part, binder.filterContext(row));
                }
                if (value == null) {
                    value = entityKey(part.trim(), row);
                }
                if (value == null && !part.isBlank()) {
                    value = describedByOwnRule(part.trim(), row);
                }
                if (value == null && !part.isBlank() && part.matches("[A-Za-z ]+")) {
                    // "if a code appears more than once" said on STORE_CODE: the row's own column
                    value = ownColumnNamed(part, row);
                }
            }
            keys.add(value);
        }
        for (int i = 0; i < keys.size() && !pick.sql(); i++) {
            if (keys.get(i) instanceof Expr.Col col) {
                String[] why = new String[1];
                Expr cleaned = keyCleaning(col, why);
                if (why[0] != null) {
                    return why[0];
                }
                keys.set(i, cleaned != null ? cleaned : col);
            }
        }
        Expr key = keys.contains(null) ? null : keys.get(0);
        Expr order = WORDS.value(pick.order(), binder.filterContext(row));
        if (order != null && pick.orderPattern() != null) {
            // "by RECEIVED_TS (text, DD/MM/YYYY HH24:MI:SS)": compared as the time the text says, not as the text
            order = new Expr.ParseDate(order, pick.orderPattern(), pick.orderPattern().contains("%H"));
        } else if (order instanceof Expr.Col column && (pick.datedOrder() || parsedElsewhere(column) != null)) {
            // "the most recent LAST_UPD_DT (compare as a real date, not as text)": read as the row that parses it says;
            // "the latest eff_from_dt" that another row parses from DD-Mon-YYYY text: as a date too, not as its text
            order = parsedElsewhere(column);
        } else if (order != null && pick.numericOrder()) {
            // "the highest FEED_SEQ (numeric)": compared as numbers, not as the text the extract holds
            order = new Expr.Cast(order, SqlType.DOUBLE, true);
        }
        if (key == null || order == null) {
            return "the key '" + pick.key() + "' or the order '" + pick.order() + "' of the row kept is not understood";
        }
        Set<String> relations = new LinkedHashSet<>();
        keys.forEach(k -> Expr.columns(k).forEach(c -> relations.add(c.relation())));
        Expr.columns(order).forEach(c -> relations.add(c.relation()));
        String alias = relations.size() == 1 ? relations.iterator().next() : null;
        boolean read = alias != null && tables.isSourceAlias(alias) && (alias.equals(baseAlias)
                || joins.values().stream().anyMatch(j -> !j.relation().cte() && alias.equals(j.relation().alias())));
        List<Expr.Order> orders = new ArrayList<>(List.of(new Expr.Order(order, pick.descending())));
        if (pick.tieOrder() != null) {
            // "If two have the same time keep the higher RESULT_ID"
            Expr tie = WORDS.value(pick.tieOrder(), binder.filterContext(row));
            if (tie == null) {
                return "the order '" + pick.tieOrder() + "' that decides between rows of the same " + pick.order() + " is not understood";
            }
            orders.add(new Expr.Order(tie, pick.tieDescending()));
        }
        LayerPlan.Pick chosen = new LayerPlan.Pick(keys, orders, row.ref());
        LayerPlan.Pick before = read ? picks.get(alias) : null;
        if (before != null && before.partitionBy().equals(chosen.partitionBy()) && before.orderBy().equals(chosen.orderBy())) {
            // the same pick said again (in a rule and on the cover sheet)
            return null;
        }
        if (!read || before != null) {
            return "the key and the order of the row kept must be columns of one table the view reads, kept once";
        }
        picks.put(alias, chosen);
        return null;
    }

    /**
     * The test that a row's value is one its own rule maps (the conditions of its branches, the else left out), or null
     * when its rule is no map with an else.
     */
    static Expr listedCodes(MappingRow row, List<Compiled> columns) {
        for (Compiled c : columns) {
            if (c.rows().contains(row) && !c.flagged() && c.expr() instanceof Expr.Case map && !map.whens().isEmpty()) {
                Expr any = null;
                for (Expr.When w : map.whens()) {
                    if (Expr.columns(w.condition()).isEmpty()) {
                        return null;
                    }
                    any = any == null ? w.condition() : new Expr.Bin("OR", any, w.condition());
                }
                return new Expr.Fn("COALESCE", List.of(any, new Expr.Lit(false)));
            }
        }
        return null;
    }

    /**
     * The column as a date, parsed as the target's rules parse it ("LAST_UPDATED_DATE: Text in DD/MM/YYYY format; convert
     * to a date" over LAST_UPD_DT); null when no rule or rules that disagree parse it.
     */
    private Expr parsedElsewhere(Expr.Col column) {
        java.util.Set<Expr> parses = new java.util.LinkedHashSet<>();
        for (String c : binder.columnKeys()) {
            Expr v = binder.targetValue(c);
            if (v != null) {
                Expr.rewrite(v, e -> {
                    if (e instanceof Expr.ParseDate d && Expr.columns(d.expr()).equals(List.of(column))) {
                        parses.add(d);
                    }
                    return e;
                });
            }
        }
        return parses.size() == 1 ? parses.iterator().next() : null;
    }

    /** The value of the one target column the words spell, or null when none or several do. */
    private Expr spelledTargetColumn(String words) {
        List<String> spelled = binder.columnKeys().stream().filter(c -> io.aide.compiler.lang.RuleLanguage.spells(words, c)).toList();
        return spelled.size() == 1 ? binder.targetValue(spelled.get(0)) : null;
    }

    /** The value of the one target column whose rule only trims or changes the case of the source column named. */
    private Expr cleaningOf(String source) {
        Expr found = null;
        for (String column : binder.columnKeys()) {
            Expr v = binder.targetValue(column);
            Expr x = v;
            int wrappers = 0;
            while (x instanceof Expr.Fn f && f.args().size() == 1 && List.of("UPPER", "LOWER", "TRIM").contains(f.name())) {
                x = f.args().get(0);
                wrappers++;
            }
            // "per cleaned emp_id", "the cleaned guest number" (words spelling GUEST_NO)
            if (wrappers > 0 && x instanceof Expr.Col c && (c.column().equalsIgnoreCase(source)
                    || io.aide.compiler.lang.RuleLanguage.spells(source.replace('_', ' '), c.column()))) {
                if (found != null && !found.equals(v)) {
                    return null;
                }
                found = v;
            }
        }
        return found;
    }

    /**
     * The target's key as its rule computes it from the one source column a pick's key names: "If an NDC comes through
     * more than once keep the row with the latest LAST_UPD_DT" where the key NDC_CODE is NDC padded and without hyphens
     * repeats per NDC_CODE (two spellings of one product are one product), so the key stays unique. Null when no key
     * column computes a value from that column alone; why it cannot be chosen, in why[0], when such a key's rule is not
     * compiled.
     */
    private Expr keyCleaning(Expr.Col col, String[] why) {
        for (String column : binder.columnKeys()) {
            ColumnBinder.Compiled c = binder.compileColumn(column);
            if (c.rows().stream().anyMatch(r -> r.transformation() != null && NUMBERED_KEY.matcher(r.transformation()).find())) {
                // a surrogate key numbered in the column's order holds no value of it, flagged or not
                continue;
            }
            boolean keyOfIt = c.rows().stream().anyMatch(r -> r.key() && r.sourceColumns().size() == 1
                    && col.column().equalsIgnoreCase(String.valueOf(r.sourceColumns().get(0).column()).trim()));
            if (!keyOfIt) {
                continue;
            }
            if (c.flagged() || c.expr() == null) {
                why[0] = "the row kept per " + col.column() + " is chosen on " + col.column() + " as it arrives, but the key "
                        + c.name() + " is " + col.column() + " through a rule that is not compiled, so rows that are one "
                        + c.name() + " may stay apart (write the key's rule, or say the pick is per the raw value)";
                return null;
            }
            if (!c.expr().equals(col) && Expr.columns(c.expr()).stream().allMatch(col::equals) && !Expr.hasAggregate(c.expr())
                    && !Expr.hasWindow(c.expr())) {
                // (a surrogate key numbered in the order of the column is no cleaning of it)
                return c.expr();
            }
        }
        // no key row reads it: "department_code: Trim and upper case" (a natural key the notes name) is how the target
        // tells one department's rows, when it is the one column that only cleans the pick's key
        List<Expr> cleanings = new ArrayList<>();
        for (String column : binder.columnKeys()) {
            ColumnBinder.Compiled c = binder.compileColumn(column);
            if (!c.flagged() && c.expr() != null && !c.expr().equals(col) && onlyCleans(c.expr(), col)) {
                cleanings.add(c.expr());
            }
        }
        return cleanings.stream().distinct().count() == 1 ? cleanings.get(0) : null;
    }

    private static final java.util.regex.Pattern NUMBERED_KEY = java.util.regex.Pattern.compile("(?i)\\b(?:surrogate|sequence|sequential"
            + "|numbered|row\\s*number|row_number|auto[- ]?increment|identity|generated|assign\\s+1)\\b");

    /** The value is the column trimmed, upper- or lower-cased (with the document's NULL texts as NULL), nothing more. */
    private static boolean onlyCleans(Expr e, Expr.Col col) {
        Expr x = e;
        while (x instanceof Expr.Fn f && !f.args().isEmpty() && Set.of("TRIM", "UPPER", "LOWER", "NULLIF").contains(
                f.name().toUpperCase(Locale.ROOT)) && (f.args().size() == 1 || f.name().equalsIgnoreCase("NULLIF")
                && f.args().get(1) instanceof Expr.Lit)) {
            x = f.args().get(0);
        }
        return x.equals(col);
    }

    /**
     * Whether a condition reads a column of the thing: its table's or its own name says the thing, or a target column
     * named after the thing is computed from it ("objects whose cleaned number": object_number, from obj_no).
     */
    private boolean ofThing(Expr condition, String thing) {
        Set<Expr.Col> read = new java.util.HashSet<>(Expr.columns(condition));
        if (read.stream().anyMatch(c -> (c.relation() + "." + c.column()).toLowerCase(Locale.ROOT).contains(thing))) {
            return true;
        }
        for (String column : binder.columnKeys()) {
            Expr value = column.contains(thing) ? binder.targetValue(column) : null;
            if (value != null && Expr.columns(value).stream().anyMatch(read::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The row's own target value when the words are words of its name ("tag" on BAG_TAG_NO); null otherwise. */
    private Expr ownColumnNamed(String words, MappingRow row) {
        return row.targetColumn() != null && List.of(row.targetColumn().toLowerCase(Locale.ROOT).split("[_\\s]+"))
                .containsAll(List.of(words.trim().toLowerCase(Locale.ROOT).split("\\s+"))) ? binder.targetValue(row.targetColumn()) : null;
    }

    /** Words for the value of the row's own column: "dedupe on this value: keep the latest record per ...". */
    private static final java.util.regex.Pattern THIS_VALUE = java.util.regex.Pattern.compile(
            "(?i)^(?:this|the\\s+same|that)\\s+(?:value|column|field|key|id)$");
    /** Last parts of a column's name that make it the identifier of what its first parts name (student_id, store_cd). */
    private static final java.util.regex.Pattern ID_PART = java.util.regex.Pattern.compile(
            "(?i)_(?:id|ident|identifier|key|code|cd|no|nbr|num|number|ref)$");

    /**
     * A key named by the thing it identifies ("per student", "for each premise"): the target column that is that
     * thing's identifier (student_id): the row's own column where it is one, otherwise the only one. A generated key
     * (student_sk) is no candidate: it is numbered after the rows are chosen.
     */
    private Expr entityKey(String words, MappingRow row) {
        if (THIS_VALUE.matcher(words).matches()) {
            return binder.targetValue(row.targetColumn());
        }
        String noun = words.toLowerCase(Locale.ROOT).replaceAll("^(?:the|each|every|a|one)\\s+", "").replaceAll("\\s+", "_");
        if (!noun.matches("[a-z][a-z0-9_]*")) {
            return null;
        }
        List<String> named = new ArrayList<>();
        for (String column : binder.columnKeys()) {
            if (column.startsWith(noun + "_") && ID_PART.matcher(column.substring(noun.length())).matches()) {
                named.add(column);
            }
        }
        String own = row.targetColumn().trim().toLowerCase(Locale.ROOT);
        String chosen = named.contains(own) ? own : named.size() == 1 ? named.get(0) : null;
        return chosen == null ? null : binder.targetValue(chosen);
    }

    /**
     * The row's own value, when the words name it as its own rule does ("Crew code, trimmed and upper-cased. ... Keep one
     * row per cleaned crew code"); null otherwise.
     */
    private Expr describedByOwnRule(String words, MappingRow row) {
        String rule = row.transformation();
        if (rule == null || words.isBlank() || !words.matches("[\\w ]+")) {
            return null;
        }
        java.util.regex.Pattern named = java.util.regex.Pattern.compile("(?i)^\\s*(?:the\\s+)?" + java.util.regex.Pattern.quote(words)
                + "\\s*[,:;.(]");
        return named.matcher(rule).find() ? binder.targetValue(row.targetColumn()) : null;
    }

    /** A key named as a target column's value in words: "cleaned member number", "the standardised store code". */
    private static final java.util.regex.Pattern CLEANED = java.util.regex.Pattern.compile(
            "(?i)^(?:the\\s+)?(?:cleaned|clean|cleansed|standardi[sz]ed|normali[sz]ed|trimmed)\\s+([\\w ]+)$");

    /** The first reading of a filter text that compiles over the tables the view reads; null (why[0] set) otherwise. */
    Expr readFilter(String text, MappingRow r, String baseAlias, Map<String, LayerPlan.Join> joins,
                            Map<Expr.Col, Expr> codeCleaning, String[] why) {
        SqlExpressionParser parser = new SqlExpressionParser((q, n) -> binder.resolveFilterName(r, q, n));
        String thing = ChoiceWords.thingWhose(text);
        for (FilterText.Reading reading : FilterText.readings(FilterSentences.definedWhole(text))) {
            try {
                Expr f = CodeCleaning.applyToFilter(types.typeFix(conditionOrKept(parser, reading.condition(), r), null), codeCleaning);
                if (thing != null && !ofThing(f, thing)) {
                    // "regions whose name is 'Test'" read as the store's name: the words test a value of another thing
                    throw new SqlExpressionParser.NotCompilable("'" + text.strip() + "' tests a value of a " + thing
                            + ", and no column of a " + thing + " is read");
                }
                if (reading.excluding()) {
                    // rows the condition cannot judge (NULL) are kept: only what it says is excluded
                    f = new Expr.Not(new Expr.Fn("COALESCE", List.of(f, new Expr.Lit(false))));
                }
                if (Expr.columns(f).stream().anyMatch(c -> !tables.isSourceAlias(c.relation()) || !c.relation().equals(baseAlias)
                        && !joins.containsKey(c.relation().toLowerCase(Locale.ROOT)))) {
                    throw new SqlExpressionParser.NotCompilable("filter reads a table the view does not join");
                }
                return f;
            } catch (SqlExpressionParser.NotCompilable ex) {
                why[0] = why[0] == null ? ex.getMessage() : why[0];
            }
        }
        Expr worded = byWords(text, r, parser, baseAlias, joins, codeCleaning);
        if (worded != null) {
            return worded;
        }
        List<RowClasses.RowClass> named = kinds.leftOut(text);
        if (!named.isEmpty()) {
            // "Test properties are not loaded, and LEASE records belonging to a test property are ignored": the rows of
            // the kinds the document defines, told in this target's table
            Expr all = null;
            for (RowClasses.RowClass kind : named) {
                Expr kept = linked.leftOut(kind, text, r, baseAlias, why);
                if (kept == null) {
                    return null;
                }
                all = all == null || all instanceof Expr.Lit ? kept : kept instanceof Expr.Lit ? all : new Expr.Bin("AND", all, kept);
            }
            if (all != null) {
                return all;
            }
        }
        RowClasses.RowClass inline = RowClasses.inline(text);
        if (inline != null) {
            // "Any employee whose emp_id starts with 'TST' ... is excluded from every target (employee, timesheet and pay
            // lines)": rows of the kind it describes, told in this target's table as a defined kind is
            Expr linkedOut = linked.leftOut(inline, text, r, baseAlias, why);
            if (linkedOut != null) {
                return linkedOut;
            }
        }
        // "Keep only nights whose reservation is loaded in FACT_RESERVATION": a row of another table, or none
        Expr semi = SemiJoins.read(text, binder.filterContext(r));
        return semi != null && Expr.columns(semi).stream().allMatch(c -> c.relation().equals(baseAlias)) ? semi : null;
    }

    /**
     * The sentence read without the words that only say it chooses rows ({@link ChoiceWords}): its conditions, compared
     * as it says ("any case", "trimmed"); null when it is no such sentence or a condition does not read.
     */
    private Expr byWords(String text, MappingRow r, SqlExpressionParser parser, String baseAlias,
                         Map<String, LayerPlan.Join> joins, Map<Expr.Col, Expr> codeCleaning) {
        ChoiceWords.Reading reading = ChoiceWords.read(text);
        if (reading == null) {
            return null;
        }
        DocumentConventions compared = new DocumentConventions(reading.anyCase(), reading.trimmed(), false, List.of());
        Expr any = null;
        try {
            for (String condition : reading.conditions()) {
                Expr f = CodeCleaning.applyToFilter(types.typeFix(conditionOrKept(parser, condition, r), null), codeCleaning);
                f = compared.applied(f, x -> TypeCoercion.textual(types.infer(x)));
                any = any == null ? f : new Expr.Bin("OR", any, f);
            }
        } catch (SqlExpressionParser.NotCompilable ex) {
            return null;
        }
        Expr f = reading.excluding() ? new Expr.Not(new Expr.Fn("COALESCE", List.of(any, new Expr.Lit(false)))) : any;
        boolean elsewhere = Expr.columns(f).stream().anyMatch(c -> !tables.isSourceAlias(c.relation()) || !c.relation().equals(baseAlias)
                && !joins.containsKey(c.relation().toLowerCase(Locale.ROOT)));
        return elsewhere ? null : f;
    }

    /** Words for the rows an exclusion leaves ("only live enrolments", "only valid readings"): no test of their own. */
    private static final Set<String> GOOD_ROWS = Set.of("live", "valid", "real", "genuine", "actual", "legitimate", "proper",
            "clean", "usable", "good");

    private static final java.util.regex.Pattern SEE_NOTES = java.util.regex.Pattern.compile(
            "(?i)^\\(?\\s*see\\s+(?:the\\s+)?(?:notes?|comments?|remarks?)(?:\\s+(?:sheet|tab|below|above))?\\s*\\)?\\s*[.]?$");

    /** The text only defines a kind of rows ("a property is a test property if ..."): it chooses none itself. */
    boolean definesOnly(String text) {
        return kinds.definesOnly(text);
    }

    /**
     * The first sentence of a filter of several that chooses rows on its own ("Exclude test accounts.", "Keep only the
     * highest version of each bill.") and cannot be read; null when there is none. Such a sentence is never a remark
     * of the one before it, so the cell read whole would drop it.
     */
    String unreadChoice(String cell, MappingRow r, String baseAlias, Map<String, LayerPlan.Join> joins,
                        Map<Expr.Col, Expr> codeCleaning) {
        for (String sentence : FilterSentences.sentences(cell)) {
            if (!NoteFilters.choosingSentences(sentence).isEmpty() && !saysAgain(sentence) && !kinds.definesOnly(sentence)
                    && Picks.read(sentence) == null
                    && readFilter(sentence, r, baseAlias, joins, codeCleaning, new String[1]) == null) {
                return sentence.strip();
            }
        }
        return null;
    }

    /**
     * A sentence that adds no condition of its own, as a filter of several reads it: a pointer to the notes, the rest
     * said to be dropped, codes or a state said to be left out ("OHD (on-hand) files are out of scope" beside "Only AHL
     * and DPR files are loaded"), blanks said to be kept.
     */
    private static boolean saysAgain(String sentence) {
        return SEE_NOTES.matcher(sentence).matches() || NoteFilters.pointsToRule(sentence) || FilterText.restDropped(sentence) || FilterText.theyLeftOut(sentence)
                || FilterText.blankKept(sentence) || FilterText.summaryWord(sentence) != null
                || FilterText.leftOutSummary(sentence) != null || FilterText.excludedCodes(sentence) != null
                || FilterText.restated(sentence) != null;
    }

    /** A filter of several sentences read one by one (all conditions, ANDed), or null when one of them is not read. */
    Expr bySentence(String cell, MappingRow r, String baseAlias, Map<String, LayerPlan.Join> joins,
                            Map<Expr.Col, Expr> codeCleaning) {
        List<String> sentences = FilterSentences.sentences(cell);
        if (sentences.size() < 2) {
            return null;
        }
        List<Expr> parts = new ArrayList<>();
        List<String> restated = new ArrayList<>();
        List<FilterText.Restated> excludedAgain = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        List<String> leftOutStates = new ArrayList<>();
        boolean blanksKept = false;
        boolean restDropped = false;
        boolean trivially = false;
        for (String sentence : sentences) {
            if (SEE_NOTES.matcher(sentence).matches() || NoteFilters.pointsToRule(sentence) || kinds.definesOnly(sentence)) {
                // "See Notes.", "Exclude test properties (General Rules #3)": where the same is said at length, read there
                continue;
            }
            if (FilterText.restDropped(sentence)) {
                // "Keep rows where energised = Y; all other rows are excluded": said again, borne out below
                restDropped = true;
                continue;
            }
            if (FilterText.theyLeftOut(sentence) && !parts.isEmpty() && parts.get(parts.size() - 1) instanceof Expr.Not) {
                // "Exclude stops with status D. They are not loaded at all.": the exclusion just read, said again
                continue;
            }
            if (FilterText.blankKept(sentence)) {
                // "a blank status counts as posted": borne out below when every condition only leaves rows out
                blanksKept = true;
                continue;
            }
            Expr e = readFilter(sentence, r, baseAlias, joins, codeCleaning, new String[1]);
            if (e instanceof Expr.Lit l && Boolean.TRUE.equals(l.value())) {
                // rows of a kind none of the target's rows can be
                trivially = true;
                continue;
            }
            FilterText.Restated again = e == null ? FilterText.restated(sentence) : null;
            String summary = e == null ? FilterText.summaryWord(sentence) : null;
            String leftOut = e == null && summary == null ? FilterText.leftOutSummary(sentence) : null;
            if (e != null) {
                parts.add(e);
            } else if (summary != null) {
                summaries.add(summary);
            } else if (leftOut != null) {
                leftOutStates.add(leftOut);
            } else if (FilterText.excludedCodes(sentence) != null) {
                restated.add(sentence);
            } else if (again != null) {
                excludedAgain.add(again);
            } else {
                return null;
            }
        }
        if (restDropped && (parts.isEmpty() || parts.stream().anyMatch(p -> p instanceof Expr.Not))) {
            // the rest is left out only beside conditions that keep rows
            return null;
        }
        if (blanksKept && (parts.isEmpty() || !parts.stream().allMatch(p -> p instanceof Expr.Not))) {
            // rows without a value are said to be kept, and a condition that chooses rows would drop them
            return null;
        }
        java.util.Set<String> kept = FilterText.keptCodes(parts);
        for (String sentence : restated) {
            // the codes said not to be loaded are codes the conditions do not keep: said again, not a further condition
            if (kept.isEmpty() || FilterText.excludedCodes(sentence).stream().anyMatch(kept::contains)) {
                return null;
            }
        }
        java.util.Set<String> excluded = FilterText.excludedCodes(parts);
        java.util.Set<String> tested = new java.util.HashSet<>();
        parts.forEach(e -> Expr.columns(e).forEach(c -> tested.add(c.column().toLowerCase(Locale.ROOT))));
        for (String word : summaries) {
            // "Only energised meter points are loaded" beside "keep rows where ENERGISED = Y": the condition in a word
            // that names the column it tests
            // "Only live enrolments are loaded" beside sentences that only leave rows out: what the rest of the rows are
            boolean rest = GOOD_ROWS.contains(word.toLowerCase(Locale.ROOT)) && !parts.isEmpty()
                    && parts.stream().allMatch(p -> p instanceof Expr.Not);
            if (!tested.contains(word.toLowerCase(Locale.ROOT)) && !rest) {
                return null;
            }
        }
        if (!leftOutStates.isEmpty() && !(parts.size() == 1 && parts.get(0) instanceof Expr.Not
                && Expr.columns(parts.get(0)).stream().map(Expr.Col::column).distinct().count() == 1
                && STATE_COLUMN.matcher(Expr.columns(parts.get(0)).get(0).column()).find())) {
            // "Load only calls that were not cancelled" beside "Skip any row whose CALL_STATUS_CD ... is 'X'": the state
            // in a word, said of the one exclusion on a status column; with anything else it would go unapplied
            return null;
        }
        for (FilterText.Restated again : excludedAgain) {
            // "drop rows for the test hotel TST99 (compare HOTEL_CD ...)" beside "drop reservations whose HOTEL_CD ... is
            // TST99": the same codes of the same column left out, said twice
            if (!excluded.containsAll(again.codes()) || !tested.containsAll(again.columns())) {
                return null;
            }
        }
        return parts.isEmpty() ? (trivially ? new Expr.Lit(true) : null)
                : parts.stream().reduce((a, b) -> new Expr.Bin("AND", a, b)).orElseThrow();
    }

    /** "whose current status is CAN", "whose latest status is X": the row a pick keeps, which is the row a filter reads. */
    private static final java.util.regex.Pattern KEPT_ROW_WORD = java.util.regex.Pattern.compile(
            "(?i)\\b(?:current|latest|surviving|kept|remaining|newest|most\\s+recent)\\s+(?=[a-z_])");

    /** The condition as written, else without the words that only say it is the kept row's value. */
    private Expr conditionOrKept(SqlExpressionParser parser, String condition, MappingRow row) throws SqlExpressionParser.NotCompilable {
        try {
            return conditionOf(parser, condition, binder.filterContext(row));
        } catch (SqlExpressionParser.NotCompilable ex) {
            String plain = KEPT_ROW_WORD.matcher(condition).replaceAll("");
            if (plain.equals(condition)) {
                throw ex;
            }
            return conditionOf(parser, plain, binder.filterContext(row));
        }
    }

    /** A filter's condition: SQL as written, else the same words a rule's condition may use ("read_val is negative"). */
    private Expr conditionOf(SqlExpressionParser parser, String condition, io.aide.compiler.rules.RuleContext ctx)
            throws SqlExpressionParser.NotCompilable {
        Expr read;
        try {
            read = parser.parse(condition);
            if (read instanceof Expr.Col || read instanceof Expr.Lit) {
                // "account_type is TEST": SQL reads a value where the words state a test of it
                Expr words = WORDS.condition(named(condition), ctx);
                read = words == null ? read : words;
            }
        } catch (SqlExpressionParser.NotCompilable sql) {
            read = WORDS.condition(named(condition), ctx);
            if (read == null) {
                throw sql;
            }
        }
        SqlType kind = types.infer(read);
        boolean[] window = {false};
        Expr.visit(read, x -> window[0] |= x instanceof Expr.Window);
        if (window[0]) {
            // "row_number() over (...) = 1" chooses a row among others, which a WHERE cannot say
            throw new SqlExpressionParser.NotCompilable("'" + condition + "' numbers rows: no condition on one row");
        }
        if (read instanceof Expr.Col || read instanceof Expr.Lit || kind.known() && kind.kind() != SqlType.Kind.BOOLEAN) {
            // a value is no test of a row: "status is 'D' (draft).. A lease whose ..." must not filter on status itself
            throw new SqlExpressionParser.NotCompilable("'" + condition + "' is no condition on a row");
        }
        return read;
    }

    private static final io.aide.compiler.lang.RuleLanguage WORDS = new io.aide.compiler.lang.RuleLanguage();
    /** A column that holds a row's state (status_cd, void_flag, rec_state). */
    private static final java.util.regex.Pattern STATE_COLUMN = java.util.regex.Pattern.compile(
            "(?i)(?:^|_)(?:status|stat|state|sts|flag|flg|ind|void|cancel\\w*)(?:$|_)");

    /** "status V (voided / entered in error, any case)": a column, then the code it holds and what the code means. */
    /** A code as a filter writes it: a short capital code ("V", "CX") or a quoted text; "y" beside "Y" as a case of it. */
    private static final String CODE = "(?:[A-Z0-9]{1,4}|[a-z]|'[^']*')";
    private static final java.util.regex.Pattern COLUMN_CODE = java.util.regex.Pattern.compile(
            // "status code D": a name of up to three words, then the code
            "^([A-Za-z_][\\w.]*(?:\\s+(?!(?i:starts?|starting|begins?|beginning|ends?|ending|contains?|containing|with|like|in|not"
                    + "|is|are|of|equals?|than|match(?:es|ing)?|before|after|under|over|below|above)\\b)[A-Za-z_][\\w.]*){0,2}?)\\s*(?:\\s(?:of|is|equals?)\\s+|=\\s*|\\s)(" + CODE + "(?:\\s*(?:,|\\bor\\b)\\s*" + CODE + ")*)"
                    + "(?:\\s*\\(([^()]*)\\)|\\s*,\\s*([^()=<>']*)|\\s+((?:after\\s+trimming|trimmed|in\\s+any\\s+case|any\\s+case)"
                    + "(?:\\s*,?\\s*(?:after\\s+trimming|trimmed|in\\s+any\\s+case|any\\s+case))?))?\\s*[.]?$");

    /** The condition with a column named before its code written as a comparison; as it is otherwise. */
    private static String named(String condition) {
        java.util.regex.Matcher m = COLUMN_CODE.matcher(condition.trim());
        if (!m.matches()) {
            return condition;
        }
        List<String> codes = new ArrayList<>();
        for (String c : m.group(2).split("\\s*(?:,|\\bor\\b)\\s*")) {
            String quoted = c.startsWith("'") ? c : "'" + c + "'";
            if (!codes.contains(quoted)) {
                codes.add(quoted);
            }
        }
        if (codes.stream().anyMatch(c -> c.matches("'[a-z]'")) && !m.group(2).matches(".*\\b[A-Z]\\b.*")) {
            // a lone lower-case letter is a code only beside its capital ("Y or y"): "VOID_FLAG of x" is words
            return condition;
        }
        // "Y or y": the same code in either case, compared in any case
        boolean cases = codes.size() > 1 && codes.stream().map(c -> c.toUpperCase(Locale.ROOT)).distinct().count() == 1;
        if (cases) {
            codes = List.of(codes.get(0).toUpperCase(Locale.ROOT));
        }
        String code = codes.size() == 1 ? codes.get(0) : null;
        String aside = (m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5) != null ? m.group(5) : "")
                .toLowerCase(Locale.ROOT) + (cases ? ", any case" : "");
        if (m.group(4) != null && !aside.matches("(?:\\s*(?:(?:in\\s+)?any\\s+case|(?:in\\s+)?either\\s+case|case[- ]insensitive|ignoring\\s+case"
                + "|after\\s+trimming|trimmed|after\\s+trim|ignoring\\s+(?:the\\s+)?spaces|(?:possibly\\s+|maybe\\s+|perhaps\\s+)?padded"
                + "(?:\\s+with\\s+spaces)?|with\\s+or\\s+without\\s+(?:surrounding\\s+)?spaces)\\s*,?)+")) {
            // "status V, which marks a void" says more than how to compare
            return condition;
        }
        boolean anyCase = aside.matches(".*\\b(?:any|either)\\s+case\\b.*|.*case[- ]insensitive.*|.*ignor\\w*\\s+case.*");
        boolean trimmed = aside.matches(".*\\btrim\\w*.*|.*\\bspac\\w*.*");
        String compared = code != null ? " = " + code : " IN (" + String.join(", ", codes) + ")";
        return m.group(1) + compared + (anyCase || trimmed ? " (" + (anyCase ? "any case" : "") + (anyCase && trimmed ? ", " : "")
                + (trimmed ? "after trimming" : "") + ")" : "");
    }

}
