package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Generated surrogate keys: "System generated", "sequence number", "auto-increment", "incremental integer";
 * "unique per combination of a + b" gives one number per combination (DENSE_RANK), "per x ordered by y" numbers the
 * rows of each x (ROW_NUMBER ... PARTITION BY).
 */
final class GeneratedKeys implements Recognizer {

    @Override
    public Recognition recognize(Parser p) {
        p.accept(Role.SET);
        if (!p.accept(Role.GENERATED) && !numberRows(p)) {
            return Recognition.NOT_MINE;
        }
        while (p.accept(Role.GENERATED)) {
            // "system generated sequence number"
        }
        agent(p);
        List<Expr> partition = new ArrayList<>();
        List<Expr.Order> order = new ArrayList<>();
        boolean unique = false;
        Expr offset = null;
        while (!p.atEnd()) {
            p.acceptSeparator();
            int m = p.mark();
            if (countShown(p) || p.acceptOp("-") || p.acceptOp(",") || p.acceptOp(":") || p.acceptOp("(") && p.acceptOp(")")
                    || ellipsis(p)) {
                // "Surrogate key - sequential number ...", "Generated surrogate key: ...", "row_number()": a dash, a
                // comma, a colon, an empty call, "1, 2, 3 …"
                continue;
            }
            p.reset(m);
            if (NumberingSteps.timing(p) || NumberingSteps.stepsBefore(p) || NumberingSteps.afterStep(p)
                    || NumberingSteps.pointer(p) || NumberingOrder.orderRemark(p, order) || NumberingSteps.rowsNumbered(p)
                    || NumberingSteps.removedBefore(p) || keyRemark(p)) {
                // "Assign it after the dedupe": a window numbers the rows the view keeps, after its filters anyway
                continue;
            }
            p.reset(m);
            if (p.acceptOp("(") && (NumberingSteps.timing(p) || NumberingSteps.afterStep(p, true))
                    && (p.acceptOp(")") || p.tokens().get(p.mark() - 1).op(")"))) {
                // "(assigned after the dedupe described on technician_id)": the same, in brackets
                continue;
            }
            p.reset(m);
            Boolean down = order.isEmpty() || !p.acceptWord("in") ? null : p.accept(Role.DESCENDING) ? Boolean.TRUE
                    : p.accept(Role.ASCENDING) ? Boolean.FALSE : null;
            if (down != null && p.acceptWord("order")) {
                // "by cleaned loan account number (LOAN_ACCOUNT_NO) in descending order": the direction of the keys
                List<Expr.Order> keys = List.copyOf(order);
                order.clear();
                keys.forEach(k -> order.add(new Expr.Order(k.expr(), down || k.descending())));
                continue;
            }
            p.reset(m);
            if ((p.acceptWord("assigned") || p.acceptWord("numbered")) && p.peek(Role.ORDERED_BY)) {
                // "assigned by cleaned loan account number": the verb before the order
                continue;
            }
            p.reset(m);
            if (p.acceptWord("as") && (p.accept(Role.GENERATED) || p.acceptWord("sequence") || p.acceptWord("sequential"))
                    || p.acceptWord("in") && p.acceptWord("sequence") || p.acceptWord("sequentially")) {
                // "number the remaining vehicles 1, 2, 3 ... as a sequence ordered by ...": what the numbers are, said again
                continue;
            }
            p.reset(m);
            if (oneToN(p) || oneTwoThree(p) || numberRows(p)) {
                // "generate 1..n ordered by SKU", "numbered 1 to n": the range of any numbering
                continue;
            }
            p.reset(m);
            Expr start = start(p);
            if (start != null) {
                if (offset != null) {
                    return p.notUnderstood();
                }
                offset = start;
                continue;
            }
            p.reset(m);
            List<Expr.Order> inOrder = NumberingOrder.inOrder(p);
            if (inOrder != null) {
                order.addAll(inOrder);
                continue;
            }
            p.reset(m);
            p.acceptOp("(");
            if (p.peek(Role.ORDERED_BY)) {
                // "(sequence by emp_id)": an order, before "sequence" is read as the key's name again
                p.accept(Role.ORDERED_BY);
                List<Expr.Order> keys = NumberingOrder.orderKeys(p);
                if (keys == null) {
                    keys = NumberingOrder.describedThenBracketed(p);
                }
                if (keys == null) {
                    return p.notUnderstood();
                }
                order.addAll(keys);
                p.acceptOp(")");
                continue;
            }
            p.reset(m);
            if ((p.acceptOp(",") || p.accept(Role.AND) || true) && p.accept(Role.GENERATED)) {
                // "Surrogate key, auto-generated": the same said twice
                while (p.accept(Role.GENERATED)) {
                    // "..., system generated sequence"
                }
                agent(p);
                continue;
            }
            p.reset(m);
            if (p.acceptOp("+")) {
                // "+ 110000000000 (offset)": numbers start after an offset
                Expr n = p.literal();
                if (!(n instanceof Expr.Lit l) || !(l.value() instanceof Long) || offset != null) {
                    p.reset(m);
                    return p.notUnderstood();
                }
                offset = n;
            } else if (p.accept(Role.UNIQUE)) {
                if (!p.accept(Role.PER)) {
                    p.reset(m);
                    return p.notUnderstood();
                }
                if (perRow(p)) {
                    continue;
                }
                List<Expr> cols = NumberingOrder.columns(p);
                if (cols == null) {
                    return p.notUnderstood();
                }
                unique = true;
                cols.forEach(c -> order.add(new Expr.Order(c, false)));
            } else if (p.accept(Role.ORDERED_BY)) {
                List<Expr.Order> keys = NumberingOrder.orderKeys(p);
                if (keys == null) {
                    // "in order of opening (open_dt ascending)": the order in words, then exactly in brackets
                    keys = NumberingOrder.describedThenBracketed(p);
                }
                if (keys == null) {
                    return p.notUnderstood();
                }
                order.addAll(keys);
            } else if (!order.isEmpty() && NumberingOrder.tieBreak(p, order)) {
                // "accounts opened on the same day: lower account number first"
                continue;
            } else if (p.acceptExact(Role.PER) || p.accept(Role.PER)) {
                // exactly first: "for each" is also a scope word, which filler skipping would pass over
                int afterPer = p.mark();
                List<Expr> cols = NumberingOrder.columns(p);
                if (cols == null) {
                    // "for each COST record", "per each row in drug_exposure": one number per row of the target
                    p.reset(afterPer);
                    if (!perRow(p)) {
                        p.reset(m);
                        return p.notUnderstood();
                    }
                    continue;
                }
                partition.addAll(cols);
            } else {
                return p.notUnderstood();
            }
        }
        Expr window = unique ? new Expr.Window("DENSE_RANK", List.of(), partition, order)
                : new Expr.Window("ROW_NUMBER", List.of(), partition, order);
        Expr key = offset == null || offset instanceof Expr.Lit l && Long.valueOf(0L).equals(l.value()) ? window
                : new Expr.Bin("+", window, offset);
        return new Recognition.Recognized(key, null, List.of(), "generated key");
    }

    /**
     * "starting at 1", "starting from 1000", "beginning with 1": where the numbers start; the offset added to ROW_NUMBER
     * (0 for 1), or null (cursor unchanged).
     */
    private static Expr start(Parser p) {
        int m = p.mark();
        boolean starting = p.acceptWord("starting") || p.acceptWord("beginning") || p.acceptWord("starts") || p.acceptWord("begins");
        // "running number from 1 in ascending requisition_id order": "from" alone says where the numbers start
        if (!(starting && (p.acceptWord("at") || p.acceptWord("with")) || p.acceptWord("from"))) {
            p.reset(m);
            return null;
        }
        Expr n = p.literal();
        if (!(n instanceof Expr.Lit l) || !(l.value() instanceof Long first)) {
            p.reset(m);
            return null;
        }
        return new Expr.Lit(first - 1);
    }

    /** "1..n", "1 to n", "1-n", "1 - N": the numbers run from one to the count of rows; the cursor after it or unchanged. */
    private static boolean oneToN(Parser p) {
        int m = p.mark();
        Token one = p.rawNext();
        if (one == null || !one.text().equals("1")) {
            p.reset(m);
            return false;
        }
        Token between = p.rawPeek();
        if (between != null && (between.kind() == Token.Kind.SEP || between.op("-") || between.is(Token.Kind.WORD, "to"))) {
            p.rawNext();
            Token again = p.rawPeek();
            if (again != null && again.kind() == Token.Kind.SEP) {
                p.rawNext();
            }
        }
        Token n = p.rawNext();
        if (n == null || !n.norm().equals("n")) {
            p.reset(m);
            return false;
        }
        return true;
    }

    /**
     * "Number the premises", "number each account", "numbered rows": the verb of a numbering with the rows it numbers
     * (any noun: "the premises"); "number of ..." is a count, never this. The cursor after it, or unchanged.
     */
    private static boolean numberRows(Parser p) {
        int m = p.mark();
        Token verb = p.rawNext();
        if (verb == null || !(verb.is(Token.Kind.WORD, "number") || verb.is(Token.Kind.WORD, "numbers")
                || verb.is(Token.Kind.WORD, "renumber") || verb.is(Token.Kind.WORD, "numbered"))) {
            p.reset(m);
            return false;
        }
        Token det = p.rawPeek();
        boolean determiner = det != null && (det.is(Token.Kind.WORD, "the") || det.is(Token.Kind.WORD, "each")
                || det.is(Token.Kind.WORD, "all") || det.is(Token.Kind.WORD, "every"));
        if (!determiner) {
            // "numbered 1..n", "numbered in premise_id order": the verb alone, before what the numbering says
            if (verb.norm().equals("numbered")) {
                return true;
            }
            // "Number accounts 1..n": a plural noun right after the verb ("number of ..." is a count)
            Token noun = p.rawPeek();
            Token after = p.mark() + 1 < p.tokens().size() ? p.tokens().get(p.mark() + 1) : null;
            if (noun != null && noun.kind() == Token.Kind.WORD && noun.norm().endsWith("s") && !noun.norm().equals("is")
                    && (after == null || !after.is(Token.Kind.WORD, "of"))) {
                p.rawNext();
                return true;
            }
            p.reset(m);
            return false;
        }
        p.rawNext();
        int nouns = 0;
        Token w;
        while (nouns < 3 && (w = p.rawPeek()) != null && w.kind() == Token.Kind.WORD && !w.is(Token.Kind.WORD, "in")
                && !w.is(Token.Kind.WORD, "by") && !w.is(Token.Kind.WORD, "from") && !w.is(Token.Kind.WORD, "starting")
                && !p.peekExact(Role.ORDERED_BY)) {
            p.rawNext();
            nouns++;
        }
        if (nouns == 0) {
            p.reset(m);
            return false;
        }
        return true;
    }

    /** "1, 2, 3 ...", "1,2,3,...", "1, 2, 3 etc.": the numbers written out as a start of the series. */
    private static boolean oneTwoThree(Parser p) {
        int m = p.mark();
        for (int n = 1; n <= 3; n++) {
            Token t = p.rawNext();
            if (t == null || !t.text().equals(String.valueOf(n))) {
                p.reset(m);
                return false;
            }
            Token comma = p.rawPeek();
            if (n < 3 && comma != null && comma.op(",")) {
                p.rawNext();
            }
        }
        Token t;
        while ((t = p.rawPeek()) != null && (t.op(",") || t.kind() == Token.Kind.SEP && !t.text().equals(";")
                || t.text().equals("\u2026") || t.is(Token.Kind.WORD, "etc") || t.norm().equals("n"))) {
            p.rawNext();
        }
        return true;
    }

    /** "(1, 2, 3 ...)": how the numbers count, in brackets (cursor after them when read, else unchanged). */
    private static boolean countShown(Parser p) {
        int m = p.mark();
        if (p.acceptOp("(") && oneTwoThree(p) && p.acceptOp(")")) {
            return true;
        }
        p.reset(m);
        return false;
    }

    /** "…" or "...", after "1, 2, 3": the numbers go on; the cursor after it, or false (unchanged). */
    private static boolean ellipsis(Parser p) {
        Token t = p.rawPeek();
        if (t != null && (t.text().equals("…") || t.text().equals("..."))) {
            p.rawNext();
            return true;
        }
        return false;
    }


    /**
     * "each row in drug_exposure", "each row measurement", "each COST record": one number per row of the target; a
     * table named must be the row's own target or source table.
     */
    private static boolean perRow(Parser p) {
        int m = p.mark();
        Token first = p.next();
        if (first != null && ROW_WORDS.contains(first.norm())) {
            int afterRow = p.mark();
            p.accept(Role.FROM);
            Token table = p.next();
            if (table != null && table.nameLike() && (ownTable(table.text(), p.ctx().row().targetTable())
                    || ownTable(table.text(), p.ctx().row().sourceTable()))) {
                p.accept(Role.TABLE);
                return true;
            }
            p.reset(afterRow);
            Token after = p.peekToken();
            // "each row" alone, or before what follows ("+ 1000 (offset)"); another table's rows are no key of these
            return after == null || !after.nameLike() || after.kind() == Token.Kind.WORD && p.peek(Role.ORDERED_BY);
        }
        // the row word right after the noun, though filler elsewhere: "each order record"
        Token second = p.rawNext();
        if (first != null && second != null && first.nameLike() && ROW_WORDS.contains(second.norm())
                && (ownTable(first.text(), p.ctx().row().targetTable()) || ownTable(first.text(), p.ctx().row().sourceTable()))) {
            return true;
        }
        p.reset(m);
        return false;
    }

    private static final java.util.Set<String> ROW_WORDS = java.util.Set.of("row", "rows", "record", "records");

    /**
     * The table written after "each row" is the row's own: its name with or without schema, singular or plural, its
     * head word ("device" for device_exposure) or a near spelling ("procedure_occurence").
     */
    private static boolean ownTable(String written, String table) {
        if (table == null || table.isBlank()) {
            return false;
        }
        String t = table.trim();
        String name = t.substring(t.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
        String w = written.toLowerCase(java.util.Locale.ROOT);
        return w.equals(t.toLowerCase(java.util.Locale.ROOT)) || RowTables.names(List.of(name), w)
                || name.contains("_") && w.equals(name.substring(0, name.indexOf('_')))
                || nearSpelling(w, name);
    }

    /** A misspelling of a long name: lengths within two, the first seven tenths the same ("procedure_occurence"). */
    private static boolean nearSpelling(String a, String b) {
        if (a.length() < 8 || Math.abs(a.length() - b.length()) > 2) {
            return false;
        }
        int same = 0;
        while (same < Math.min(a.length(), b.length()) && a.charAt(same) == b.charAt(same)) {
            same++;
        }
        return same >= 0.7 * Math.max(a.length(), b.length());
    }

    /**
     * Who makes a key: read only after "generated by/in/during", never grammar words elsewhere (the same nouns name
     * columns: load_dt, source_system).
     */
    private static final java.util.Set<String> AGENTS = java.util.Set.of("load", "loader", "etl", "warehouse", "dw",
            "database", "db", "system", "pipeline", "job", "ingestion", "platform", "sequence", "process", "tool");

    /** "by the load", "in the warehouse", "during the ETL process": who makes the number says nothing more about it. */
    private static void agent(Parser p) {
        int m = p.mark();
        Token t = p.peekToken();
        if (t == null || !(t.is(Token.Kind.WORD, "by") || t.is(Token.Kind.WORD, "in") || t.is(Token.Kind.WORD, "during")
                || t.is(Token.Kind.WORD, "at") || t.is(Token.Kind.WORD, "from"))) {
            return;
        }
        p.next();
        p.acceptWord("the");
        int words = 0;
        Token w;
        while (words < 3 && (w = p.peekToken()) != null && w.kind() == Token.Kind.WORD && AGENTS.contains(w.norm())) {
            // "the load", "the ETL process", "the target database"
            p.next();
            words++;
        }
        if (words == 0) {
            p.reset(m);
        }
    }

    /** "(PK)", "(primary key)": what the key is, said again in brackets; the cursor after it, or false (unchanged). */
    private static boolean keyRemark(Parser p) {
        int m = p.mark();
        if (p.acceptOp("(") && (p.acceptWord("pk") || p.acceptWord("primary") && p.acceptWord("key")) && p.acceptOp(")")) {
            return true;
        }
        p.reset(m);
        return false;
    }
}
