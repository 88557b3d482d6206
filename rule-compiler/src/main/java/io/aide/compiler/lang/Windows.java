package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * Window functions in prose: a value read from other rows of the same partition, the row count unchanged.
 * <pre>
 * window := kind [OF] [column] (WIN_PER columns | WIN_ORDER column [direction] (, column [direction])*)*
 * kind   := LATEST | EARLIEST         -- FIRST_VALUE(column) ordered latest / earliest first
 *         | PREVIOUS | NEXT           -- LAG / LEAD (column)
 *         | RANK | DENSE_RANK         -- RANK() / DENSE_RANK(); the order is required
 *         | RUNNING_TOTAL             -- SUM(column) up to the row; the order is required
 * </pre>
 * "Latest status per customer by created_at", "previous amount for each customer ordered by visit_date",
 * "rank per customer by amount descending", "running total of amount per customer ordered by created_at".
 * "Latest visit_date per customer" with no order orders by the value itself when it is a date, a timestamp or a
 * number; for another value the rule must say by what, else it is flagged.
 */
final class Windows implements Recognizer {
    private enum Kind { LATEST, EARLIEST, PREVIOUS, NEXT, RANK, DENSE_RANK, RUNNING_TOTAL }

    @Override
    public Recognition recognize(Parser p) {
        p.accept(Role.SET);
        int start = p.mark();
        Kind kind = kind(p);
        Expr value = null;
        if (kind == null) {
            // "Admit date of the previous encounter of the same patient": the value first, then the row it is read from
            value = p.operand();
            // the value may be another target column, computed ("the read_date of the previous reading")
            if (value != null && !(value instanceof Expr.Lit) && !(value instanceof Expr.TypedNull) && p.acceptWord("of")) {
                p.acceptWord("the");
                kind = kind(p);
            }
            if (kind != Kind.PREVIOUS && kind != Kind.NEXT || !rowNoun(p)) {
                p.reset(start);
                return Recognition.NOT_MINE;
            }
        }
        boolean needsValue = kind != Kind.RANK && kind != Kind.DENSE_RANK;
        if (needsValue && value == null) {
            p.accept(Role.FROM);
            value = p.operand();
            if (value == null || value instanceof Expr.Lit || value instanceof Expr.TypedNull) {
                // "first 3 characters", "last day of the month": another family's words
                return Recognition.NOT_MINE;
            }
        }
        if (!needsValue) {
            // "Rank readings per meter ...": the rows ranked, named by a plural noun that is no column
            int noun = p.mark();
            Token rows = p.peekToken();
            if (rows != null && rows.kind() == Token.Kind.WORD && rows.norm().endsWith("s") && p.next() != null
                    && !(p.peek(Role.WIN_PER) || p.peek(Role.WIN_ORDER))) {
                p.reset(noun);
            }
        }
        List<Expr> partition = new ArrayList<>();
        List<Expr.Order> order = new ArrayList<>();
        while (!p.atEnd()) {
            p.acceptSeparator();
            if (!partition.isEmpty() && (kind == Kind.PREVIOUS || kind == Kind.NEXT) && edgeIsNull(p, kind)) {
                // "Null for the meter's first reading": what LAG gives the first row anyway
                continue;
            }
            List<Expr.Order> named = bracketedOrder(p);
            if (named != null) {
                // "(LAG by read_date)": the function named again with the order it reads the rows in
                order.addAll(named);
                continue;
            }
            // "for each" is also a scope filler: read it here before filler is skipped
            if (sameAs(p)) {
                // "of the same patient": the rows sharing the column the noun names
                int at = p.mark();
                Expr shared = p.column();
                Token noun = p.peekToken();
                if (shared == null && noun != null && noun.kind() == Token.Kind.WORD) {
                    // "the same patient" for patient_id: the column the noun names by its first word
                    shared = entityKey(p, RowTables.singular(noun.norm()));
                    if (shared != null) {
                        p.next();
                    }
                }
                if (shared == null) {
                    p.reset(at);
                    return p.notUnderstood();
                }
                partition.add(shared);
            } else if (p.acceptExact(Role.WIN_PER) || p.accept(Role.WIN_PER)) {
                List<Expr> cols = NumberingOrder.columns(p);
                if (cols == null) {
                    return p.notUnderstood();
                }
                partition.addAll(cols);
            } else if (p.accept(Role.WIN_ORDER)) {
                do {
                    Expr c = p.column();
                    if (c == null) {
                        return p.notUnderstood();
                    }
                    // "by reading timestamp, latest first": the direction after a comma
                    int direction = p.mark();
                    p.acceptOp(",");
                    boolean desc = p.accept(Role.DESCENDING);
                    if (!desc && !p.accept(Role.ASCENDING)) {
                        p.reset(direction);
                    }
                    order.add(new Expr.Order(c, desc));
                } while (p.acceptOp(",") || p.accept(Role.AND));
            } else if (partition.isEmpty() && order.isEmpty()) {
                // "earliest order_date of the customer's orders": not a window this grammar reads
                return Recognition.NOT_MINE;
            } else {
                return p.notUnderstood();
            }
        }
        if (order.isEmpty()) {
            SqlType t = value instanceof Expr.Col c ? p.ctx().typeOf(c) : SqlType.UNKNOWN;
            boolean ordered = t.known() && (t.numeric() || t.kind() == SqlType.Kind.DATE || t.kind() == SqlType.Kind.TIMESTAMP);
            if ((kind == Kind.LATEST || kind == Kind.EARLIEST) && ordered) {
                order.add(new Expr.Order(value, false));
            } else if ((kind == Kind.PREVIOUS || kind == Kind.NEXT) && DateColumns.dated(p.ctx(), value)) {
                // "previous admit date per patient": the dates in their own order
                order.add(new Expr.Order(value, false));
            } else {
                return new Recognition.Flagged("not understood: '" + Parser.describe(p.tokens()) + "' does not say in which"
                        + " order to read the rows (add 'ordered by <column>')");
            }
        }
        Expr w = switch (kind) {
            case LATEST -> new Expr.Window("FIRST_VALUE", List.of(value), partition, reversed(order));
            case EARLIEST -> new Expr.Window("FIRST_VALUE", List.of(value), partition, order);
            case PREVIOUS -> new Expr.Window("LAG", List.of(value), partition, order);
            case NEXT -> new Expr.Window("LEAD", List.of(value), partition, order);
            case RANK -> new Expr.Window("RANK", List.of(), partition, order);
            case DENSE_RANK -> new Expr.Window("DENSE_RANK", List.of(), partition, order);
            case RUNNING_TOTAL -> new Expr.Window("SUM", List.of(value), partition, order);
        };
        return new Recognition.Recognized(w, null, List.of(), "window: " + kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static Kind kind(Parser p) {
        // the longer phrase first: "dense rank" before "rank"
        if (p.accept(Role.DENSE_RANK)) {
            return Kind.DENSE_RANK;
        }
        if (p.accept(Role.RANK)) {
            return Kind.RANK;
        }
        if (p.accept(Role.RUNNING_TOTAL)) {
            return Kind.RUNNING_TOTAL;
        }
        if (p.accept(Role.PREVIOUS)) {
            return Kind.PREVIOUS;
        }
        if (p.accept(Role.NEXT)) {
            return Kind.NEXT;
        }
        if (p.accept(Role.LATEST)) {
            return Kind.LATEST;
        }
        if (p.accept(Role.EARLIEST)) {
            return Kind.EARLIEST;
        }
        return null;
    }

    /** "Latest" is the first row in the reverse of the order written. */
    private static List<Expr.Order> reversed(List<Expr.Order> order) {
        return order.stream().map(o -> new Expr.Order(o.expr(), !o.descending())).toList();
    }

    /** A noun naming the row's table ("encounter" for encounters): the row the value is read from. */
    private static boolean rowNoun(Parser p) {
        Token t = p.peekToken();
        if (t != null && t.kind() == Token.Kind.WORD && RowTables.names(RowTables.of(p.ctx().row()), t.text())) {
            p.next();
            return true;
        }
        // "the previous surviving reading of the same meter": a noun (and an adjective) for the rows, no column, right
        // before the rows they share
        int m = p.mark();
        for (int words = 0; words < 2; words++) {
            Token w = p.rawPeek();
            if (w == null || w.kind() != Token.Kind.WORD || p.ctx().resolve(null, w.text()) != null
                    || Lexicon.standard().grammarWord(p.tokens(), p.mark())) {
                break;
            }
            p.rawNext();
            int after = p.mark();
            if (sameAs(p)) {
                p.reset(after);
                return true;
            }
            p.reset(after);
        }
        p.reset(m);
        return false;
    }

    /** "(LAG by read_date)", "(ordered by read_date)": the order in brackets; null (cursor unchanged) otherwise. */
    private static List<Expr.Order> bracketedOrder(Parser p) {
        int m = p.mark();
        if (!p.acceptOp("(")) {
            return null;
        }
        Token fn = p.rawPeek();
        if (fn != null && (fn.norm().equals("lag") || fn.norm().equals("lead"))) {
            p.rawNext();
        }
        if (p.accept(Role.WIN_ORDER)) {
            List<Expr.Order> out = new ArrayList<>();
            do {
                Expr c = p.column();
                if (c == null) {
                    p.reset(m);
                    return null;
                }
                boolean desc = p.accept(Role.DESCENDING);
                if (!desc) {
                    p.accept(Role.ASCENDING);
                }
                out.add(new Expr.Order(c, desc));
            } while (p.acceptOp(",") || p.accept(Role.AND));
            if (p.acceptOp(")")) {
                return out;
            }
        }
        p.reset(m);
        return null;
    }

    /**
     * NULL (for | on | at) [the] [words] (first | earliest) [words]: the row without a previous one (last / latest for
     * NEXT); the cursor after it (to the sentence end), or unchanged (false).
     */
    private static boolean edgeIsNull(Parser p, Kind kind) {
        int m = p.mark();
        if (!p.accept(Role.NULL) && !p.accept(Role.IS_NULL)) {
            return false;
        }
        boolean edge = false;
        Token t;
        while ((t = p.rawPeek()) != null && t.kind() != Token.Kind.SEP) {
            String w = t.norm();
            edge |= kind == Kind.PREVIOUS ? w.equals("first") || w.equals("earliest") || w.equals("initial")
                    : w.equals("last") || w.equals("latest") || w.equals("final");
            if (t.op("=") || t.op("->") || t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.NUMBER) {
                break;
            }
            p.rawNext();
        }
        if (!edge || p.rawPeek() != null && p.rawPeek().kind() != Token.Kind.SEP) {
            p.reset(m);
            return false;
        }
        return true;
    }

    /** "of the same", "for the same", "with the same": the words before the column the rows share. */
    private static boolean sameAs(Parser p) {
        int m = p.mark();
        if (p.acceptWord("of") || p.acceptWord("for") || p.acceptWord("with")) {
            // "the" may already be passed over as filler
            p.acceptWord("the");
            if (p.acceptWord("same")) {
                return true;
            }
        }
        p.reset(m);
        return false;
    }

    private static final java.util.Set<String> KEY_PARTS = java.util.Set.of("id", "key", "no", "nbr", "num", "number",
            "code", "cd", "sk");

    /** The one source column of the row that identifies the entity a noun names (patient_id, pat_key for "patient"). */
    private static Expr entityKey(Parser p, String noun) {
        Expr.Col found = null;
        for (Expr.Col c : p.ctx().sources()) {
            String[] parts = ColumnWords.parts(c.column());
            if (parts.length == 2 && KEY_PARTS.contains(parts[1])
                    && (parts[0].equals(noun) || PhraseTable.abbreviates(parts[0], noun))) {
                if (found != null) {
                    return null;
                }
                found = c;
            }
        }
        return found != null ? found : namedKey(p, noun);
    }

    /**
     * The key a noun names among the names the rule can read, when the row's own source columns hold none ("the same
     * meter" for meter_no): a source column noun_id, noun_no, ...; where a target column of the same kind cleans that
     * column (meter_number = UPPER(TRIM(meter_no))), the cleaned one, since rows of one meter are told apart by it.
     */
    private static Expr namedKey(Parser p, String noun) {
        Expr.Col source = null;
        List<Expr> computed = new ArrayList<>();
        for (String part : KEY_PARTS) {
            Expr e = p.ctx().resolve(null, noun + "_" + part);
            if (e instanceof Expr.Col c) {
                if (source != null && !source.equals(c)) {
                    return null;
                }
                source = c;
            } else if (e != null && !computed.contains(e)) {
                computed.add(e);
            }
        }
        Expr.Col raw = source;
        List<Expr> cleaning = computed.stream().filter(e -> raw != null && Expr.columns(e).equals(List.of(raw))).toList();
        return cleaning.size() == 1 ? cleaning.get(0) : source;
    }
}
