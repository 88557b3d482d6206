package io.aide.compiler;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.LayerPlan;
import io.aide.compiler.plan.SqlType;
import io.aide.events.spec.MappingRow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which row of several a pick keeps, per which key: "keep only the row with the highest last_upd per premise_id", "per
 * cleaned member number", "for each store" (the store's identifier), the grain the mapping states where no key is said.
 * A key is the target's value of the column it names (as its rule cleans it) where the target has one; the order is
 * read as the rules that parse it do.
 */
final class PickKeys {
    private static final io.aide.compiler.lang.RuleLanguage WORDS = new io.aide.compiler.lang.RuleLanguage();

    private final SourceTables tables;
    private final ColumnBinder binder;
    private final List<String> grain;

    PickKeys(SourceTables tables, ColumnBinder binder, List<String> grain) {
        this.tables = tables;
        this.binder = binder;
        this.grain = grain;
    }

    private static final String NO_KEY = "the row kept is not said to be one per what (add 'per <key>')";

    /** The cell after its picks, and why they are not applied (null when they are). */
    record Picked(String rest, String problem) {
    }

    /** "after the exclusions above", "once the filters are applied": a pick said to come after the conditions. */
    private static final java.util.regex.Pattern AFTER_FILTERS = java.util.regex.Pattern.compile("(?i)\\b(?:after|once)\\s+(?:the\\s+|all\\s+"
            + "(?:the\\s+)?|these\\s+|those\\s+)?(?:exclusions?|filters?|filtering|removals?|rows?\\s+(?:above\\s+)?(?:are|have\\s+been)\\s+"
            + "(?:removed|excluded|dropped))\\b");

    /**
     * The picks a row's filter cell says, each kept: a cell may say the same pick twice ("keep only the latest record per
     * student by LAST_UPD_TS (see cover sheet)" and the cover's own sentence), each read and agreeing; a pick said vaguely
     * and again in full ("If a code appears more than once keep the row with the most recent EFF_DT. Keep the record with
     * the latest EFF_DT per TEST_CD.") is the one pick.
     *
     * @param afterFilters gets the tables whose pick the cell says comes after the target's conditions
     */
    Picked picksOf(MappingRow r, String baseAlias, Map<String, LayerPlan.Join> joins, Map<String, LayerPlan.Pick> picks,
                   Set<String> afterFilters) {
        String cell = r.filter();
        String problem = null;
        Set<String> pickedBefore = new java.util.HashSet<>(picks.keySet());
        Map<Picks.Read, String> unread = new java.util.LinkedHashMap<>();
        List<Picks.Read> applied = new ArrayList<>();
        for (Picks.Read pick = Picks.read(cell); pick != null && problem == null; pick = Picks.read(cell)) {
            String why = pick(pick, r, baseAlias, joins, picks);
            if (why == null) {
                applied.add(pick);
            } else {
                unread.put(pick, why);
            }
            // (a pick said vaguely, "keep only the row with the highest BATCH_SEQ", may be said again in full after it)
            problem = why != null && (why.contains("is not understood") || why.equals(NO_KEY)) ? null : why;
            cell = pick.rest();
        }
        if (AFTER_FILTERS.matcher(r.filter()).find()) {
            // "after the exclusions above, keep one result per ORDER_NO + TEST_CD - ...": the conditions first
            picks.keySet().stream().filter(a -> !pickedBefore.contains(a)).forEach(afterFilters::add);
        }
        for (Map.Entry<Picks.Read, String> each : unread.entrySet()) {
            Picks.Read pick = each.getKey();
            boolean saidAgain = applied.stream().anyMatch(a -> bare(a.order()).equalsIgnoreCase(bare(pick.order()))
                    && a.descending() == pick.descending());
            if (!saidAgain && problem == null) {
                problem = each.getValue().equals(NO_KEY) ? NO_KEY
                        : "the key '" + pick.key() + "' or the order '" + pick.order() + "' of the row kept is not understood";
            }
        }
        return new Picked(cell, problem);
    }

    /** An order as written without its remarks in brackets ("LAST_UPDATED (format YYYY-MM-DD HH:MM:SS)"). */
    private static String bare(String order) {
        return order.replaceAll("\\([^()]*\\)", " ").replaceAll("\\s+", " ").strip();
    }

    /**
     * Keeps one row per key of the table the pick's values read ("keep only the row with the highest last_upd per
     * premise_id"); why it cannot, or null.
     */
    private String pick(Picks.Read pick, MappingRow row, String baseAlias, Map<String, LayerPlan.Join> joins,
                        Map<String, LayerPlan.Pick> picks) {
        if (LoadedOnce.EVERY_COLUMN.equals(pick.key())) {
            return identicalOnce(row, baseAlias, picks);
        }
        String respective = respectively(pick.key(), row);
        if (respective != null) {
            // "rows with the same EVENT_ID / INVOICE_NO ...": each table's own, the one this table has
            pick = new Picks.Read(respective, respectively(pick.order(), row) != null ? respectively(pick.order(), row) : pick.order(),
                    pick.descending(), pick.rest(), pick.numericOrder(), pick.orderPattern(), pick.sql(), pick.datedOrder(),
                    pick.tieOrder(), pick.tieDescending());
        }
        Picks.Read paired = respective == null ? pairedAlternatives(pick, row) : null;
        if (paired != null) {
            // "one row per business key (STORE_ID, cleaned SKU): the one with the latest LAST_UPD / UPD_TS" said of two
            // tables: the key and the order at the place of the order this table has
            pick = paired;
        }
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
                return NO_KEY;
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
                value = usable(binder.targetValue(named));
                if (value == null) {
                    // "per cleaned item number" on a target with an ITEM_NO column: that column's value
                    value = usable(spelledTargetColumn(cleaned.group(1).trim()));
                }
                if (value == null) {
                    // "per cleaned emp_id" where the target calls it employee_id: the one column that cleans that source
                    value = usable(cleaningOf(named));
                }
                if (value == null) {
                    // "per cleaned crew code" said on the row whose rule reads "Crew code, trimmed and upper-cased"
                    value = usable(describedByOwnRule(cleaned.group(1).trim(), row));
                }
                if (value == null) {
                    // "if a cleaned tag appears more than once" said on BAG_TAG_NO: the row's own column, as its rule cleans it
                    value = usable(ownColumnNamed(cleaned.group(1), row));
                }
            } else {
                // "one row per Student ID" on the grain line of a target with a STUDENT_ID column: that column's value,
                // cleaned as its rule cleans it
                String named = part.trim().replaceAll("\\s+", "_");
                // "PARTITION BY EVENT_ID" written in SQL: the source column as the rows hold it, before any rule cleans it
                value = part.isBlank() || pick.sql() ? null : named.matches("\\w+") ? usable(binder.targetValue(named)) : null;
                if (value == null && !part.isBlank() && !part.contains("_")) {
                    // "per customer number" on a target with a CUSTOMER_NO column: that column's value (ORDER_LINE_ID
                    // as written is a column's name, never words spelling ORDER_NUMBER)
                    value = usable(spelledTargetColumn(part.trim()));
                }
                if (value == null && !part.isBlank()) {
                    value = usable(WORDS.value(part, binder.filterContext(row)));
                }
                if (value == null) {
                    value = usable(entityKey(part.trim(), row));
                }
                if (value == null && !part.isBlank()) {
                    value = usable(describedByOwnRule(part.trim(), row));
                }
                if (value == null && !part.isBlank() && part.matches("[A-Za-z ]+")) {
                    // "if a code appears more than once" said on STORE_CODE: the row's own column
                    value = usable(ownColumnNamed(part, row));
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
        if (before != null && identical(before, alias, row)) {
            // rows alike in every column are alike in the key too: the pick per key keeps one of them
            before = null;
        }
        if (before != null && before.orderBy().equals(chosen.orderBy()) && (before.partitionBy().equals(chosen.partitionBy())
                || sameColumns(before.partitionBy(), chosen.partitionBy()))) {
            // the same pick said again (in a rule and on the cover sheet), its key perhaps cleaned another way ("one row per
            // store" and "per STORE_ID", the store number cast to a whole number): the rows it keeps are the same
            return null;
        }
        if (!read || before != null) {
            return "the key and the order of the row kept must be columns of one table the view reads, kept once";
        }
        picks.put(alias, chosen);
        return null;
    }

    /**
     * The one alternative of "EVENT_ID / INVOICE_NO" (said of two tables at once, each its own) that names a column of
     * the row's table; null when the words hold no such alternatives or not exactly one of them is this table's.
     */
    private String respectively(String words, MappingRow row) {
        if (words == null || !words.contains("/")) {
            return null;
        }
        List<String> own = new ArrayList<>();
        for (String alternative : words.split("\\s*/\\s*")) {
            if (alternative.matches("[A-Za-z_][\\w.]*") && binder.filterContext(row).resolve(null, alternative) instanceof Expr.Col c
                    && binder.filterContext(row).known(c)) {
                own.add(alternative);
            }
        }
        return own.size() == 1 ? own.get(0) : null;
    }

    /**
     * A value rows can be told apart by: never one numbered or counted over the rows themselves ("the same ward" is the
     * ward's code, not the surrogate the target numbers its rows with); null for such a value.
     */
    private static Expr usable(Expr value) {
        return value == null || Expr.hasWindow(value) || Expr.hasAggregate(value) ? null : value;
    }

    /** Two keys read the same source columns, one per part. */
    private static boolean sameColumns(List<Expr> a, List<Expr> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Expr.columns(a.get(i)).equals(Expr.columns(b.get(i))) || Expr.columns(a.get(i)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Keys and orders listed side by side for several tables, each table's at the same place ("(STORE_ID, cleaned SKU)
     * ... the latest LAST_UPD / UPD_TS"): the pick at the one place whose order is a column of the row's table; null
     * when the lists differ in length or not exactly one place is this table's.
     */
    private Picks.Read pairedAlternatives(Picks.Read pick, MappingRow row) {
        if (pick.key() == null || pick.order() == null || !pick.order().contains("/")) {
            return null;
        }
        String[] orders = pick.order().split("\\s*/\\s*");
        String[] keys = pick.key().replaceAll("^\\s*\\(|\\)\\s*$", "").split("\\s*(?:,|/|\\bor\\b)\\s*");
        if (orders.length < 2 || orders.length != keys.length) {
            return null;
        }
        int at = -1;
        for (int i = 0; i < orders.length; i++) {
            String o = orders[i].strip();
            if (o.matches("[A-Za-z_][\\w.]*") && binder.filterContext(row).resolve(null, o) instanceof Expr.Col c
                    && binder.filterContext(row).known(c)) {
                if (at >= 0) {
                    return null;
                }
                at = i;
            }
        }
        return at < 0 ? null : new Picks.Read(keys[at].strip(), orders[at].strip(), pick.descending(), pick.rest(), pick.numericOrder(),
                pick.orderPattern(), pick.sql(), pick.datedOrder(), pick.tieOrder(), pick.tieDescending());
    }

    /**
     * "Exact duplicate rows are loaded once": one of each set of the row's table's rows alike in every column; said
     * beside a pick per key, which keeps one of them already, it adds nothing.
     */
    private String identicalOnce(MappingRow row, String baseAlias, Map<String, LayerPlan.Pick> picks) {
        List<Expr.Col> all = tables.columnsOfOwnTable(row.sourceTable());
        if (all.isEmpty() || !all.get(0).relation().equals(baseAlias)) {
            return "the rows said to be loaded once are of a table whose columns are not registered or that the view does not read first";
        }
        if (picks.containsKey(baseAlias)) {
            return null;
        }
        picks.put(baseAlias, new LayerPlan.Pick(new ArrayList<>(all), List.of(new Expr.Order(all.get(0), false)), row.ref()));
        return null;
    }

    /** Whether the pick keeps one of each set of rows alike in every column of the row's table. */
    private boolean identical(LayerPlan.Pick pick, String alias, MappingRow row) {
        List<Expr.Col> all = tables.columnsOfOwnTable(row.sourceTable());
        return !all.isEmpty() && all.get(0).relation().equals(alias) && pick.partitionBy().equals(all);
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
            if (!c.flagged() && c.expr() != null && !c.expr().equals(col) && Expr.onlyCleans(c.expr(), col)) {
                cleanings.add(c.expr());
            }
        }
        return cleanings.stream().distinct().count() == 1 ? cleanings.get(0) : null;
    }

    private static final java.util.regex.Pattern NUMBERED_KEY = java.util.regex.Pattern.compile("(?i)\\b(?:surrogate|sequence|sequential"
            + "|numbered|row\\s*number|row_number|auto[- ]?increment|identity|generated|assign\\s+1)\\b");

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
            Expr value = column.startsWith(noun + "_") && ID_PART.matcher(column.substring(noun.length())).matches()
                    ? binder.targetValue(column) : null;
            // "the same ward" is told apart by the ward's code, never by the surrogate numbered over the rows kept
            if (value != null && !Expr.hasWindow(value) && !Expr.hasAggregate(value)) {
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
}
