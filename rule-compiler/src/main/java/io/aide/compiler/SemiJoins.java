package io.aide.compiler;

import io.aide.compiler.lang.RowTables;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows chosen by whether another table has a row for them: "Keep only nights whose reservation is loaded in
 * FACT_RESERVATION", "charges whose lease is not in FACT_LEASE are dropped", "results whose ORDER_NO has no row in
 * LIS_ORDER are not loaded". The thing named (a column, or a word its column is named after: reservation -> RES_ID)
 * is matched with the other table's column of that name, or the one that table computes from it; otherwise the
 * sentence is not read.
 * <pre>
 * semi-join := [KEEP-ONLY | LEAVE-OUT] rows ("whose" | "where the") thing (IS [NOT] [loaded|found|present|listed] IN
 *              | HAS NO (row|match|record) IN) table [LEFT-OUT] [remark]
 * </pre>
 */
final class SemiJoins {
    private static final Pattern SENTENCE = Pattern.compile("(?i)^\\s*(?:(keep\\s+only|load\\s+only|only|keep|load|include\\s+only)"
            + "|(drop|exclude|remove|skip|reject|discard|ignore|do\\s+not\\s+load))?\\s*(?:the\\s+|any\\s+|all\\s+)?"
            + "(?:[a-z][\\w/-]*\\s+){0,2}?[a-z][\\w-]*s?\\s+(?:whose|where\\s+the|where\\s+their)\\s+([A-Za-z][\\w]*(?:\\s+[a-z]+)?)\\s+"
            + "(?:(is|are)\\s+(not\\s+)?(?:already\\s+)?(?:loaded\\s+|found\\s+|present\\s+|listed\\s+|kept\\s+|held\\s+)?in"
            + "|(has|have)\\s+no\\s+(?:row|rows|match|matching\\s+row|record|entry)\\s+in)\\s+(?:the\\s+)?([A-Za-z][\\w.]*)\\b(.*)$");
    /** What may follow the table: that the rows are left out, the rest dropped, a remark in brackets. */
    private static final Pattern REST = Pattern.compile("(?i)^\\s*(?:\\([^()]*\\)\\s*)?(?:(?:[;,.-]|–)?\\s*(?:and\\s+)?(?:(are|is|get)\\s+"
            + "(?:not\\s+loaded|dropped|rejected|excluded|skipped|removed|ignored|discarded)|(drop|exclude|remove|skip)\\s+the\\s+"
            + "(?:rest|others)))?\\s*(?:\\([^()]*\\))?\\s*[.;]?\\s*$");
    private static final Set<String> ID_PARTS = Set.of("id", "no", "nbr", "num", "number", "code", "cd", "key", "ref");

    private SemiJoins() {
    }

    /**
     * The condition the sentence states, or null when it is no such sentence or its thing or table cannot be matched.
     *
     * @param ctx the filter's context: it resolves the row's names and knows the other table's columns
     */
    static Expr read(String sentence, RuleContext ctx) {
        Matcher m = SENTENCE.matcher(sentence.strip());
        if (!m.matches()) {
            return null;
        }
        Matcher rest = REST.matcher(m.group(8));
        if (!rest.matches()) {
            return null;
        }
        boolean keeping = m.group(1) != null;
        boolean leaving = m.group(2) != null || rest.group(1) != null || rest.group(2) != null;
        if (keeping == leaving) {
            return null;
        }
        boolean absent = m.group(5) != null || m.group(6) != null;
        String table = m.group(7);
        Set<String> columns = ctx.columnsOf(table);
        if (columns.isEmpty()) {
            return null;
        }
        Expr.Col own = thing(m.group(3).strip(), ctx);
        if (own == null) {
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
        // kept where found, or left out where not found: EXISTS; the other two: NOT EXISTS
        boolean exists = keeping != absent;
        return new Expr.Exists(table, List.of(new Expr.Match(theirs, List.of(own))), !exists);
    }

    /** The row's column the words name: itself ("ORDER_NO"), or the identifier of the thing ("lease": LEASE_NO). */
    private static Expr.Col thing(String words, RuleContext ctx) {
        if (ctx.resolve(null, words.replaceAll("\\s+", "_")) instanceof Expr.Col c && ctx.known(c)) {
            return c;
        }
        if (words.contains(" ")) {
            return null;
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
