package io.aide.compiler;

import io.aide.compiler.lang.RowTables;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.LayerPlan;
import io.aide.compiler.rules.RuleContext;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows chosen by whether another table has a row for them: "Keep only nights whose reservation is loaded in
 * FACT_RESERVATION", "charges whose lease is not in FACT_LEASE are dropped", "results whose ORDER_NO has no row in
 * LIS_ORDER are not loaded", "Reads for meters not in DIM_METER are dropped - do not load with -1", "Redemptions with
 * no matching member are rejected (not loaded)", "Only lines whose shipment exists in FACT_SHIPMENT are loaded; all
 * other lines are dropped".
 * <pre>
 * semi-join := [KEEP-ONLY | LEAVE-OUT] rows ( ("whose" | "where the") thing presence table
 *                                           | ("for" | "of" | "on") things presence table
 *                                           | ("with" | "having") "no matching" thing ["in" table]
 *                                           | "without a matching" thing ["in" table] ) {verdict | remark}
 * presence  := IS [NOT] [loaded|found|present|listed] IN | EXISTS IN | DOES NOT EXIST IN | IS MISSING FROM
 *            | CANNOT BE FOUND IN | HAS [NO] (row|match|record) IN | NOT IN
 * verdict   := ARE (dropped|not loaded|...|loaded|kept) [from this table] | drop the rest | everything else is dropped
 *            | do not load with -1 | not set to -1 | reported to ...
 * </pre>
 * The match is the one the target already makes with that table (a column looking its key up there: "Look up
 * DIM_MEMBER.MEMBER_KEY on the trimmed MEMBER_NO"), an inner join with it (its rows are then already the ones kept), or
 * the thing's column (itself, or the column its name begins: reservation -> RES_ID) matched with the other table's
 * column of that name, or the one that table copies from it. Otherwise the sentence is not read.
 */
final class SemiJoins {
    private static final String LEAD = "(?i)^\\s*(?:(keep\\s+only|load\\s+only|only\\s+load|only\\s+keep|include\\s+only|only|keep|load)"
            + "|(drop|exclude|remove|skip|reject|discard|ignore|do\\s+not\\s+load))?\\s*(?:the\\s+|any\\s+|all\\s+)?"
            + "(?:[a-z][\\w/-]*\\s+){0,2}?[a-z][\\w-]*?\\s+";
    private static final String PRESENCE = "((?:is|are)\\s+(?:not\\s+)?(?:already\\s+)?(?:loaded\\s+|found\\s+|present\\s+|listed\\s+|kept\\s+|held\\s+)?in"
            + "|(?:is|are)\\s+(?:missing|absent)\\s+from|exists?\\s+in|(?:does|do)\\s+not\\s+exist\\s+in"
            + "|(?:cannot|can't|could\\s+not)\\s+be\\s+(?:found|matched)\\s+in|(?:has|have)\\s+(?:no|an?)\\s+(?:row|rows|match|matching\\s+row"
            + "|record|entry)\\s+in|(?:that\\s+are\\s+|which\\s+are\\s+)?not\\s+(?:loaded\\s+|found\\s+|present\\s+|listed\\s+)?in"
            + "|unknown\\s+to|(?:that|which)\\s+are\\s+(?:loaded\\s+|found\\s+|present\\s+|listed\\s+)?in)";
    private static final String TABLE = "\\s+(?:the\\s+)?([A-Za-z][\\w.]*)\\b";
    /** A thing of one word, or of two ("order line"): each form is tried with the shorter first. */
    private static final List<String> THINGS = List.of("([A-Za-z]\\w*)", "([A-Za-z]\\w*\\s+[a-z]+)");
    /** "... whose reservation is loaded in FACT_RESERVATION ...": the thing, how it is present, the table, the rest. */
    private static final List<Pattern> WHOSE = forms(LEAD + "(?:whose|where\\s+the|where\\s+their|where\\s+its)\\s+"
            + "THING\\s+" + PRESENCE + TABLE + "(.*)$");
    /** "Reads for meters not in DIM_METER ...". */
    private static final List<Pattern> FOR = forms(LEAD + "(?:for|of|on|against)\\s+(?:a\\s+|an\\s+|the\\s+)?"
            + "THING\\s+" + PRESENCE + TABLE + "(.*)$");
    /** "Redemptions with no matching member ...", "Lines without a matching order header in ORD_HDR ...". */
    private static final List<Pattern> UNMATCHED = forms(LEAD + "(?:(?:with|having)\\s+no|without\\s+an?)\\s+"
            + "(?:matching|corresponding)\\s+THING(?:\\s+(?:in|on)\\s+(?:the\\s+)?([A-Za-z][\\w.]*))?\\b(.*)$");
    private static final Pattern ABSENT = Pattern.compile("(?i)\\b(?:not|no|missing|absent|cannot|can't|unknown)\\b");

    /** What may follow: that the rows are left out or kept, what happens to the rest, remarks. */
    private static final Pattern OUT = Pattern.compile("(?i)(?:and\\s+)?(?:are|is|get|will\\s+be|should\\s+be|must\\s+be|to\\s+be)\\s+"
            + "(?:not\\s+loaded|not\\s+included|dropped|rejected|excluded|skipped|removed|ignored|discarded|filtered\\s+out|left\\s+out)"
            + "(?:\\s+(?:from\\s+(?:this|the)\\s+(?:table|target|fact|load)|from\\s+[A-Za-z]\\w*|here))?");
    private static final Pattern IN = Pattern.compile("(?i)(?:and\\s+)?(?:are|is|get|will\\s+be)\\s+(?:loaded|kept|included)"
            + "(?:\\s+(?:in|into|to)\\s+(?:this\\s+table|[A-Za-z]\\w*))?");
    /** "drop the rest", beside "everything else is dropped" ({@link FilterText#restDropped}). */
    private static final Pattern REST_OUT = Pattern.compile("(?i)(?:and\\s+)?(?:drop|exclude|remove|skip|reject)\\s+(?:the\\s+)?"
            + "(?:rest|others|all\\s+others)");
    private static final Pattern REMARK = Pattern.compile("(?i)(?:do\\s+not|don't)\\s+(?:load|keep)\\s+(?:them\\s+|it\\s+)?(?:with|as)\\s+-?\\d+"
            + "|(?:not|never)\\s+(?:set|defaulted)\\s+to\\s+-?\\d+|(?:and\\s+)?(?:are\\s+)?(?:reported|logged|sent)\\s+to\\b.*");
    private static final Pattern CLAUSES = Pattern.compile("\\s*(?:[;,.:]|\\s[-–]\\s|\\sand\\s)\\s*");
    private static final Set<String> ID_PARTS = Set.of("id", "no", "nbr", "num", "number", "code", "cd", "key", "ref");

    /** What the sentence says: rows kept (or left out) by whether the table, or the thing's table, has a row for the thing. */
    record Said(String thing, String table, boolean absent, boolean keeping) {
    }

    private SemiJoins() {
    }

    private static List<Pattern> forms(String form) {
        return THINGS.stream().map(t -> Pattern.compile(form.replace("THING", t))).toList();
    }

    /** The sentence read, or null when it is no such sentence. */
    static Said said(String sentence) {
        String s = sentence.strip();
        for (List<Pattern> form : List.of(WHOSE, FOR, UNMATCHED)) {
            for (Pattern p : form) {
                Matcher m = p.matcher(s);
                Said said = m.matches() ? said(m, form == UNMATCHED) : null;
                if (said != null) {
                    return said;
                }
            }
        }
        return null;
    }

    private static Said said(Matcher m, boolean unmatched) {
        String presence = unmatched ? "no" : m.group(4);
        String table = m.group(unmatched ? 4 : 5);
        Verdict verdict = verdict(m.group(unmatched ? 5 : 6));
        boolean keepingLead = m.group(1) != null;
        boolean leavingLead = m.group(2) != null;
        // "... are loaded" alone says these rows load too, not that only these do
        if (verdict == null || verdict == Verdict.NONE && keepingLead == leavingLead || verdict == Verdict.KEPT && !keepingLead
                || (verdict == Verdict.KEPT || verdict == Verdict.ONLY) && leavingLead || verdict == Verdict.LEFT_OUT && keepingLead) {
            return null;
        }
        boolean keeping = verdict != Verdict.LEFT_OUT && !leavingLead;
        return new Said(m.group(3).strip(), table, ABSENT.matcher(presence).find(), keeping);
    }

    /** What the words after the table say of the rows: loaded, loaded and no others, left out, nothing. */
    private enum Verdict { KEPT, ONLY, LEFT_OUT, NONE }

    /** The verdict of the words after the table; NONE when they only remark, null when they are not read. */
    private static Verdict verdict(String rest) {
        String text = rest.replaceAll("\\([^()]*\\)", " ").strip();
        Verdict out = Verdict.NONE;
        for (String clause : CLAUSES.split(text)) {
            String c = clause.strip();
            Verdict says;
            if (c.isEmpty() || REMARK.matcher(c).matches()) {
                continue;
            } else if (OUT.matcher(c).matches()) {
                says = Verdict.LEFT_OUT;
            } else if (IN.matcher(c).matches()) {
                says = Verdict.KEPT;
            } else if (REST_OUT.matcher(c).matches() || FilterText.restDropped(c)) {
                says = Verdict.ONLY;
            } else {
                return null;
            }
            if (out == Verdict.NONE || out == says || out != Verdict.LEFT_OUT && says != Verdict.LEFT_OUT) {
                out = out == Verdict.NONE || out == says ? says : Verdict.ONLY;
            } else {
                return null;
            }
        }
        return out;
    }

    /**
     * The condition the sentence states, or null when it is no such sentence or its thing or table cannot be matched.
     *
     * @param ctx     the filter's context: it resolves the row's names and knows the other table's columns
     * @param made    the lookups the target's compiled columns make, and their values
     * @param joins   the tables the target's view joins, by alias
     */
    static Expr read(String sentence, RuleContext ctx, RowChoices.Made made, Map<String, LayerPlan.Join> joins) {
        List<Expr.Lookup> lookups = made.lookups();
        Said said = said(sentence);
        if (said == null) {
            return null;
        }
        // kept where found, or left out where not found: EXISTS; the other two: NOT EXISTS
        boolean exists = said.keeping() != said.absent();
        String table = said.table() != null ? said.table() : tableOf(said.thing(), lookups, joins);
        if (table == null) {
            return null;
        }
        Expr.Col own = thing(said.thing(), ctx);
        Set<List<Expr.Match>> matched = new LinkedHashSet<>();
        String lookedUp = null;
        for (Expr.Lookup l : lookups) {
            if (sameTable(l.table(), table) && (own == null || l.matches().stream().anyMatch(m -> m.values().stream()
                    .anyMatch(v -> Expr.columns(v).contains(own))))) {
                matched.add(l.matches());
                lookedUp = l.table();
            }
        }
        if (matched.size() == 1) {
            // "Look up DIM_MEMBER.MEMBER_KEY on the trimmed MEMBER_NO ... whose member is not in DIM_MEMBER": that match
            return new Expr.Exists(lookedUp, matched.iterator().next(), !exists);
        }
        if (!matched.isEmpty()) {
            return null;
        }
        for (LayerPlan.Join j : joins.values()) {
            if (!sameTable(j.relation().name(), table) || j.relation().cte()) {
                continue;
            }
            if (!j.type().toUpperCase(Locale.ROOT).contains("LEFT") && !j.type().toUpperCase(Locale.ROOT).contains("FULL")) {
                // an inner join: the rows without a match are not there; the ones with a match are all there
                return exists ? new Expr.Lit(true) : null;
            }
            // an outer join the row states ("ORD_LINE join ORD_HDR on ORDER_NO"): its condition, as a row of that table
            List<Expr.Match> on = matchesOf(j.on(), j.relation().alias());
            return on == null ? null : new Expr.Exists(SourceTables.qualifiedName(new SourceTables.Table(j.relation().schema(),
                    j.relation().name(), "lk")), on, !exists);
        }
        if (said.table() == null) {
            return null;
        }
        Expr bySame = sameNamed(said.thing(), own, table, exists, ctx, made.values());
        return bySame != null ? bySame : own == null ? null : byName(own, table, exists, ctx);
    }

    /**
     * The target's one column that the other table has too, computed from the thing's column (or named after the thing
     * where no column is): "Keep only nights whose reservation is loaded in FACT_RESERVATION" with RESERVATION_ID in
     * both, each trimmed from RES_ID. Theirs matched with this target's value of it; null when none or several.
     */
    private static Expr sameNamed(String thing, Expr.Col own, String table, boolean exists, RuleContext ctx, Map<String, Expr> values) {
        Set<String> theirs = ctx.columnsOf(table);
        String prefix = RowTables.singular(thing.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_")) + "_";
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, Expr> v : values.entrySet()) {
            String name = v.getKey().toLowerCase(Locale.ROOT);
            if (v.getValue() == null || !theirs.contains(name) || Expr.hasAggregate(v.getValue()) || Expr.hasWindow(v.getValue())) {
                continue;
            }
            boolean fromThing = own != null ? Expr.columns(v.getValue()).equals(List.of(own))
                    : name.startsWith(prefix) && ID_PARTS.contains(name.substring(prefix.length()).replaceAll(".*_", ""));
            if (fromThing) {
                found.add(v.getKey());
            }
        }
        if (found.size() != 1 || !ctx.readableColumn(table, found.get(0))) {
            return null;
        }
        String column = found.get(0);
        return new Expr.Exists(table, List.of(new Expr.Match(column, List.of(values.get(column)))), !exists);
    }

    /** Functions that clean a key before it matches. */
    private static final Set<String> CLEANING = Set.of("TRIM", "UPPER", "LOWER", "LTRIM", "RTRIM");

    /** A join's condition as matches of the joined table's columns ("lk.ORDER_NO = TRIM(o.ORDER_NO)"); null when it is no such. */
    private static List<Expr.Match> matchesOf(Expr on, String alias) {
        if (on instanceof Expr.Bin b && b.op().equalsIgnoreCase("AND")) {
            List<Expr.Match> left = matchesOf(b.left(), alias);
            List<Expr.Match> right = left == null ? null : matchesOf(b.right(), alias);
            if (right == null) {
                return null;
            }
            List<Expr.Match> both = new ArrayList<>(left);
            both.addAll(right);
            return both;
        }
        if (on instanceof Expr.Bin b && b.op().equals("=")) {
            for (Expr[] sides : new Expr[][]{{b.left(), b.right()}, {b.right(), b.left()}}) {
                // ("UPPER(TRIM(lk.ORDER_NO)) = ...": their column as the join cleans it, the functions innermost first)
                List<String> cleaning = new ArrayList<>();
                Expr x = sides[0];
                while (x instanceof Expr.Fn f && f.args().size() == 1 && CLEANING.contains(f.name().toUpperCase(Locale.ROOT))) {
                    cleaning.add(0, f.name().toUpperCase(Locale.ROOT));
                    x = f.args().get(0);
                }
                if (x instanceof Expr.Col theirs && theirs.relation().equals(alias) && !Expr.columns(sides[1]).isEmpty()
                        && Expr.columns(sides[1]).stream().noneMatch(c -> c.relation().equals(alias))) {
                    return List.of(new Expr.Match(theirs.column(), List.of(sides[1]), cleaning));
                }
            }
        }
        return null;
    }

    /** The thing's column matched with the other table's column of the same name, or the one it copies from it. */
    private static Expr byName(Expr.Col own, String table, boolean exists, RuleContext ctx) {
        Set<String> columns = ctx.columnsOf(table);
        if (columns.isEmpty()) {
            return null;
        }
        String theirs = columns.contains(own.column().toLowerCase(Locale.ROOT)) ? own.column() : null;
        if (theirs == null) {
            // the other target's column copied from it; one it cleans would hold other values than the row's column
            List<String> made = ctx.upstreamColumnsFrom(table, own.column());
            theirs = made.size() == 1 && ctx.copiedUpstream(table, made.get(0)) ? made.get(0) : null;
        }
        if (theirs == null || !ctx.readableColumn(table, theirs)) {
            // (a target whose rows or column could not be compiled says nothing of which rows it holds)
            return null;
        }
        return new Expr.Exists(table, List.of(new Expr.Match(theirs, List.of(own))), !exists);
    }

    /** The one table the target looks up or joins whose name the thing's words spell ("member": DIM_MEMBER). */
    private static String tableOf(String thing, List<Expr.Lookup> lookups, Map<String, LayerPlan.Join> joins) {
        Set<String> named = new LinkedHashSet<>();
        for (Expr.Lookup l : lookups) {
            if (RowTables.namesTable(thing, l.table())) {
                named.add(bare(l.table()));
            }
        }
        for (LayerPlan.Join j : joins.values()) {
            if (!j.relation().cte() && RowTables.namesTable(thing, j.relation().name())) {
                named.add(bare(j.relation().name()));
            }
        }
        return named.size() == 1 ? named.iterator().next() : null;
    }

    private static boolean sameTable(String a, String b) {
        return bare(a).equals(bare(b));
    }

    private static String bare(String table) {
        String t = table.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        return t.substring(t.lastIndexOf('.') + 1);
    }

    /** The row's column the words name: itself ("ORDER_NO"), or the identifier of the thing ("lease": LEASE_NO). */
    private static Expr.Col thing(String words, RuleContext ctx) {
        if (ctx.resolve(null, words.replaceAll("\\s+", "_")) instanceof Expr.Col c && ctx.known(c)) {
            return c;
        }
        if (words.contains(" ")) {
            // "licence key" for LICENSE_KEY, "order number" for ORDER_NO: the one column of the row the words spell whole
            List<Expr.Col> spelled = ctx.sources().stream().filter(c -> io.aide.compiler.lang.RuleLanguage.spells(words, c.column()))
                    .toList();
            return spelled.size() == 1 ? spelled.get(0) : null;
        }
        String noun = RowTables.singular(words);
        List<Expr.Col> named = new ArrayList<>();
        for (Expr.Col c : ctx.sources()) {
            String name = c.column().toLowerCase(Locale.ROOT);
            int cut = name.indexOf('_');
            // "lease": LEASE_NO; "reservation": RES_ID (the first part of the name begins the noun)
            if (cut >= 3 && name.indexOf('_', cut + 1) < 0 && noun.startsWith(name.substring(0, cut))
                    && ID_PARTS.contains(name.substring(cut + 1))) {
                named.add(c);
            }
        }
        return named.size() == 1 ? named.get(0) : null;
    }
}
