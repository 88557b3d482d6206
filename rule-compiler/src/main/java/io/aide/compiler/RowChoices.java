package io.aide.compiler;

import io.aide.compiler.ColumnBinder.Compiled;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.LayerPlan;
import io.aide.compiler.plan.SqlType;
import io.aide.compiler.rules.SqlExpressionParser;
import io.aide.events.spec.MappingRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which rows a target holds, as its filter cells say: one row per key (a pick, read by {@link PickKeys}), conditions read
 * as SQL or in words, kinds of rows the document defines ({@link RowClasses}, told by {@link LinkedConditions}), a filter
 * of several sentences read one by one, and the codes a row's own map lists.
 */
final class RowChoices {
    /** Kinds of rows the document defines ("test properties") and the sentences that leave them out. */
    private final RowClasses kinds;
    private final LinkedConditions linked;
    private final PickKeys pickKeys;
    private final SourceTables tables;
    private final TypeCoercion types;
    private final ColumnBinder binder;
    /** The target whose rows are chosen. */
    private final String target;

    RowChoices(String target, SourceTables tables, TypeCoercion types, ColumnBinder binder, List<String> grain,
               RowClasses kinds) {
        this.target = target;
        this.kinds = kinds;
        this.pickKeys = new PickKeys(tables, binder, grain);
        this.linked = new LinkedConditions(tables, binder, types, (condition, ctx) -> conditionOf(
                new SqlExpressionParser(ctx::resolve), condition, ctx));
        this.tables = tables;
        this.types = types;
        this.binder = binder;
    }

    /**
     * What the target's compiled columns make that its filters read: the cleaning its codes get (see {@link CodeCleaning})
     * and the lookups it makes ("whose member is not in DIM_MEMBER": the member looked up there), and each compiled
     * column's final value by name ("whose shipment exists in FACT_SHIPMENT": its SHIPMENT_ID beside theirs).
     */
    record Made(Map<Expr.Col, Expr> codeCleaning, List<Expr.Lookup> lookups, Map<String, Expr> values) {
        static Made of(List<Compiled> columns, Map<String, Expr> values) {
            List<Expr.Lookup> lookups = new ArrayList<>();
            for (Compiled c : columns) {
                if (!c.flagged() && c.expr() != null) {
                    Expr.visit(c.expr(), x -> {
                        if (x instanceof Expr.Lookup l) {
                            lookups.add(l);
                        }
                    });
                }
            }
            return new Made(CodeCleaning.of(columns.stream().map(Compiled::expr).toList()), lookups, Map.copyOf(values));
        }
    }

    /** The picks a row's filter cell says, each kept (see {@link PickKeys#picksOf}). */
    PickKeys.Picked picks(MappingRow row, String baseAlias, Map<String, LayerPlan.Join> joins, Map<String, LayerPlan.Pick> picks,
                          Set<String> afterFilters) {
        return pickKeys.picksOf(row, baseAlias, joins, picks, afterFilters);
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


    /** The first reading of a filter text that compiles over the tables the view reads; null (why[0] set) otherwise. */
    Expr readFilter(String text, MappingRow r, String baseAlias, Map<String, LayerPlan.Join> joins,
                            Made made, String[] why) {
        if (destinedElsewhere(text)) {
            // "Its fills are excluded from both fact tables" said on a dimension: rows of other targets
            return new Expr.Lit(true);
        }
        SqlExpressionParser parser = new SqlExpressionParser((q, n) -> binder.resolveFilterName(r, q, n));
        String thing = ChoiceWords.thingWhose(text);
        for (FilterText.Reading reading : FilterText.readings(FilterSentences.definedWhole(text))) {
            try {
                Expr f = CodeCleaning.applyToFilter(types.typeFix(conditionOrKept(parser, reading.condition(), r), null), made.codeCleaning());
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
        Expr worded = byWords(text, r, parser, baseAlias, joins, made);
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
        ChoiceWords.Reading through = ChoiceWords.read(text);
        if (through != null && through.excluding()) {
            // "Events of parcels of shipper account 999999 are dropped": a condition on a row of another table, told
            // through the identifier this table holds of it (never "nothing to leave out": the sentence names these rows)
            // (each condition compared as the sentence says: "TEST_FLAG = 'Y' (any case, ignore spaces)")
            String how = through.anyCase() && through.trimmed() ? ", trimmed, any case" : through.anyCase() ? ", any case"
                    : through.trimmed() ? ", trimmed" : "";
            List<String> conditions = how.isEmpty() ? through.conditions()
                    : through.conditions().stream().map(c -> c.strip().matches("^[A-Za-z_][\\w.]*\\s*(?:=|<>|!=)\\s*(?:'[^']*'|[\\w-]+)$") ? RowClasses.folded(c + how) : c)
                    .toList();
            Expr linkedOut = linked.leftOut(new RowClasses.RowClass(List.of("row"), conditions), text, r, baseAlias,
                    new String[1]);
            if (linkedOut != null && !(linkedOut instanceof Expr.Lit)) {
                return linkedOut;
            }
        }
        // "Keep only nights whose reservation is loaded in FACT_RESERVATION": a row of another table, or none
        Expr semi = SemiJoins.read(text, binder.filterContext(r), made, joins);
        if (semi != null && Expr.columns(semi).stream().allMatch(c -> c.relation().equals(baseAlias))) {
            return semi;
        }
        return exclusionItems(text, r, baseAlias, joins, made);
    }

    /** "Exclude A (...), B, and C": a list of what is left out after one verb. */
    private static final java.util.regex.Pattern EXCLUSION_LIST = java.util.regex.Pattern.compile("(?i)^\\s*(exclude|drop|skip|remove"
            + "|ignore|discard|filter\\s+out|leave\\s+out|omit)\\s+(.+?)\\s*[.;]?\\s*$");

    /**
     * "Exclude cancelled orders (ORDER_STATUS = CANCELLED), orders of test customers, and lines with QTY <= 0": each item
     * of the list a choice of its own, read as "Exclude cancelled orders (...)." and so on, all of them applied; null
     * when the text is no such list or an item does not read.
     */
    private Expr exclusionItems(String text, MappingRow r, String baseAlias, Map<String, LayerPlan.Join> joins, Made made) {
        java.util.regex.Matcher m = EXCLUSION_LIST.matcher(text);
        String[] items = m.matches() ? FilterSentences.outsideBrackets(m.group(2)) : new String[0];
        if (items.length < 2) {
            return null;
        }
        Expr all = null;
        for (String item : items) {
            Expr one = readFilter(m.group(1) + " " + item.replaceFirst("^(?i)and\\s+", "") + ".", r, baseAlias, joins, made, new String[1]);
            if (one == null) {
                return null;
            }
            all = all == null || all instanceof Expr.Lit ? one : one instanceof Expr.Lit ? all : new Expr.Bin("AND", all, one);
        }
        return all;
    }

    /**
     * The sentence read without the words that only say it chooses rows ({@link ChoiceWords}): its conditions, compared
     * as it says ("any case", "trimmed"); null when it is no such sentence or a condition does not read.
     */
    private Expr byWords(String text, MappingRow r, SqlExpressionParser parser, String baseAlias,
                         Map<String, LayerPlan.Join> joins, Made made) {
        ChoiceWords.Reading reading = ChoiceWords.read(text);
        if (reading == null && !FilterSentences.withoutTopic(text).equals(text)) {
            // "Internal plans are not loaded: PLAN_CODE beginning with INT_ (after trim/upper)": read after its label
            reading = ChoiceWords.read(FilterSentences.withoutTopic(text));
        }
        if (reading == null) {
            return null;
        }
        DocumentConventions compared = new DocumentConventions(reading.anyCase(), reading.trimmed(), false, List.of());
        Expr any = null;
        try {
            for (String condition : reading.conditions()) {
                Expr f = CodeCleaning.applyToFilter(types.typeFix(conditionOrKept(parser, condition, r), null), made.codeCleaning());
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

    /** "... are excluded from both fact tables", "... are not loaded to FACT_X": where the rows are said to be left out. */
    private static final java.util.regex.Pattern DESTINATION = java.util.regex.Pattern.compile("(?i)\\b(?:excluded|not\\s+loaded|dropped"
            + "|removed|ignored|skipped)\\s+(?:from|in|to|into)\\s+(?:the\\s+|both\\s+|all\\s+|every\\s+)?(?:(fact|dimension|dim)(?:\\s+tables?|s)?"
            + "|([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+(?:\\s*(?:,|and|&)\\s*[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+)*))\\b");

    /**
     * The one sentence says where its rows are left out, and this target is none of those: the facts where it is a
     * dimension, or targets named that are not it.
     */
    private boolean destinedElsewhere(String text) {
        if (FilterSentences.sentences(text).size() != 1) {
            return false;
        }
        java.util.regex.Matcher m = DESTINATION.matcher(text);
        if (!m.find()) {
            return false;
        }
        if (m.group(1) != null) {
            return m.group(1).toLowerCase(Locale.ROOT).startsWith("fact") ? NoteScope.isDimension(target) : NoteScope.isFact(target);
        }
        // (only targets name where rows go: "removed from MOD_RESULT" names the source the rows come from)
        List<String> named = java.util.Arrays.stream(m.group(2).split("\\s*(?:,|and|&)\\s*")).toList();
        return named.stream().allMatch(tables::isOtherTarget) && named.stream().noneMatch(t -> t.equalsIgnoreCase(target));
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
                        Made made) {
        for (String sentence : FilterSentences.sentences(cell)) {
            if (!NoteFilters.choosingSentences(sentence).isEmpty() && !saysAgain(sentence) && !kinds.definesOnly(sentence)
                    && Picks.read(sentence) == null
                    && readFilter(sentence, r, baseAlias, joins, made, new String[1]) == null) {
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
        return SEE_NOTES.matcher(sentence).matches() || RulePointers.pointsToRule(sentence) || FilterText.restDropped(sentence) || FilterText.theyLeftOut(sentence)
                || FilterText.blankKept(sentence) || FilterText.summaryWord(sentence) != null
                || FilterText.leftOutSummary(sentence) != null || FilterText.excludedCodes(sentence) != null
                || FilterText.restated(sentence) != null;
    }

    /**
     * A sentence that points to a general rule for a kind of rows it leaves out ("tickets of test growers (rule 3)"),
     * where no other sentence of the cell names that kind: the rule it points to was not brought to this target.
     */
    private static boolean pointedElsewhere(String sentence, List<String> sentences) {
        String mark = RowClasses.mark(RulePointers.withoutRulePointer(sentence));
        if (mark == null) {
            return false;
        }
        java.util.regex.Pattern named = java.util.regex.Pattern.compile("(?i)\\b" + java.util.regex.Pattern.quote(mark) + "\\b");
        return sentences.stream().filter(o -> !o.equals(sentence)).noneMatch(o -> named.matcher(o).find());
    }

    /** A filter of several sentences read one by one (all conditions, ANDed), or null when one of them is not read. */
    Expr bySentence(String cell, MappingRow r, String baseAlias, Map<String, LayerPlan.Join> joins,
                            Made made) {
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
            if (RulePointers.pointsToCollapse(sentence)) {
                // "duplicates removed as per General Rule 5": the rule's pick, which the plan makes sure is read
                continue;
            }
            if (RulePointers.pointsToRule(sentence) && !SEE_NOTES.matcher(sentence).matches()) {
                // "... and tickets of test growers (rule 3)": read without its pointer where it reads on its own
                Expr pointed = readFilter(RulePointers.withoutRulePointer(sentence), r, baseAlias, joins, made, new String[1]);
                if (pointed != null) {
                    parts.add(pointed);
                    continue;
                }
                if (pointedElsewhere(sentence, sentences)) {
                    // "... and tickets of test growers (rule 3)" where the rule it points to says nothing of those rows
                    // in this target's cell: not read, so said (never left out in silence)
                    return null;
                }
            }
            if (SEE_NOTES.matcher(sentence).matches() || RulePointers.pointsToRule(sentence) || kinds.definesOnly(sentence)) {
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
            Expr e = readFilter(sentence, r, baseAlias, joins, made, new String[1]);
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
        if (restDropped && parts.stream().allMatch(p -> p instanceof Expr.Not)) {
            // the rest is left out only beside a condition that keeps rows ("Only EVENT_TYPE = 'PLAY'; ... Other event types
            // are out of scope"), whatever else is left out beside it
            return null;
        }
        if (blanksKept && (parts.isEmpty() || !parts.stream().allMatch(p -> p instanceof Expr.Not))) {
            // rows without a value are said to be kept, and a condition that chooses rows would drop them
            return null;
        }
        java.util.Set<String> kept = FilterText.keptCodes(parts);
        java.util.Set<String> excluded = FilterText.excludedCodes(parts);
        for (String sentence : restated) {
            // the codes said not to be loaded are codes the conditions do not keep, or ones they leave out ("Status X
            // rows are excluded entirely - see General Rules" beside STATUS = 'X' excluded): said again, no further condition
            List<String> codes = FilterText.excludedCodes(sentence);
            if (!excluded.containsAll(codes) && (kept.isEmpty() || codes.stream().anyMatch(kept::contains))) {
                return null;
            }
        }
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
