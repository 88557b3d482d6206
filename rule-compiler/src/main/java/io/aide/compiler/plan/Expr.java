package io.aide.compiler.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The typed expression tree a rule compiles to; rendered per dialect, never string-pasted. */
public sealed interface Expr {

    /** A column of a relation in the FROM/JOIN block (a source table, a CTE or a reference table). */
    record Col(String relation, String column) implements Expr {
        public Col {
            Objects.requireNonNull(column, "column");
        }
    }

    /** String, Long, java.math.BigDecimal or Boolean. */
    record Lit(Object value) implements Expr {
        public Lit {
            Objects.requireNonNull(value, "value");
        }
    }

    record TypedNull(SqlType type) implements Expr {
    }

    record Cast(Expr expr, SqlType type, boolean safe) implements Expr {
    }

    /** A portable scalar function: UPPER, LOWER, TRIM, LTRIM, RTRIM, COALESCE, NULLIF, ABS, ROUND, LENGTH, REPLACE, FLOOR, CEIL. */
    record Fn(String name, List<Expr> args) implements Expr {
        public Fn {
            args = List.copyOf(args);
        }
    }

    /** Arithmetic, comparison or logical operator: + - * / % = <> < > <= >= AND OR LIKE. */
    record Bin(String op, Expr left, Expr right) implements Expr {
    }

    record Not(Expr expr) implements Expr {
    }

    record Neg(Expr expr) implements Expr {
    }

    record When(Expr condition, Expr result) {
    }

    record Case(List<When> whens, Expr otherwise) implements Expr {
        public Case {
            whens = List.copyOf(whens);
        }
    }

    record InList(Expr expr, List<Expr> items, boolean negated) implements Expr {
        /**
         * A list of written values that holds both text and numbers ("Y or 1") compares text: a number can be written as
         * text, a text never read as a number.
         */
        public InList {
            boolean text = items.stream().anyMatch(i -> i instanceof Lit l && l.value() instanceof String);
            items = List.copyOf(!text ? items : items.stream().map(i -> i instanceof Lit l && l.value() instanceof Number n
                    ? (Expr) new Lit(n instanceof java.math.BigDecimal d ? d.toPlainString() : n.toString()) : i).toList());
        }
    }

    record IsNull(Expr expr, boolean negated) implements Expr {
    }

    /** SUM, COUNT, MIN, MAX, AVG; arg null = COUNT(*). */
    record Agg(String fn, Expr arg, boolean distinct) implements Expr {
    }

    record Concat(List<Expr> parts) implements Expr {
        public Concat {
            parts = List.copyOf(parts);
        }
    }

    /** 1-based start; length null = to the end. */
    record Substr(Expr expr, Expr start, Expr length) implements Expr {
    }

    /** Text to date with a strftime pattern (%d-%b-%y). */
    record ParseDate(Expr expr, String strftime, boolean timestamp) implements Expr {
    }

    /** date + amount unit (YEAR, MONTH, DAY); a timestamp + amount HOUR, MINUTE or SECOND. */
    record DateAdd(Expr expr, Expr amount, String unit) implements Expr {
        /** A unit of the clock: the value moved is a timestamp, and stays one. */
        public static boolean clock(String unit) {
            return java.util.Set.of("HOUR", "MINUTE", "SECOND").contains(unit);
        }
    }

    /** Whole days from start to end. */
    record DateDiff(Expr start, Expr end) implements Expr {
    }

    /** Seconds elapsed from start to end, with their fraction (two timestamps). */
    record SecondsBetween(Expr start, Expr end) implements Expr {
    }

    /** Date part: YEAR, MONTH, DAY. */
    record Extract(String part, Expr expr) implements Expr {
    }

    /** The text is a number. */
    record IsNumeric(Expr expr) implements Expr {
    }

    record CurrentDate() implements Expr {
    }

    record CurrentTimestamp() implements Expr {
    }

    /** A date or timestamp written as text with a strftime pattern (%m/%d/%Y). */
    record FormatDate(Expr expr, String strftime) implements Expr {
    }

    /** Seconds since 1970-01-01 00:00:00 UTC as a timestamp. */
    record EpochSeconds(Expr expr) implements Expr {
    }

    /** The last day of the month of a date. */
    record LastDay(Expr expr) implements Expr {
    }

    /** The first day of the calendar period (WEEK from Monday, MONTH, QUARTER, YEAR) that holds a date, as a date. */
    record TruncDate(String unit, Expr expr) implements Expr {
    }

    /** A timestamp cut to the start of its HOUR or MINUTE, as a timestamp. */
    record TruncTimestamp(String unit, Expr expr) implements Expr {
    }

    /** A sort key of a window: ORDER BY expr [DESC]. */
    record Order(Expr expr, boolean descending) {
    }

    /**
     * A window function: ROW_NUMBER, RANK, DENSE_RANK, LAG, LEAD, FIRST_VALUE, LAST_VALUE, or an aggregate, over
     * (PARTITION BY .. ORDER BY ..). ROW_NUMBER with neither is a generated surrogate key.
     */
    record Window(String fn, List<Expr> args, List<Expr> partitionBy, List<Order> orderBy) implements Expr {
        public Window {
            args = List.copyOf(args);
            partitionBy = List.copyOf(partitionBy);
            orderBy = List.copyOf(orderBy);
        }
    }

    /**
     * A condition on a column of a lookup table: column = value, or column IN (values); the column as the functions of
     * {@code cleaning} give it, in order ("both sides trimmed and upper-cased": TRIM, then UPPER).
     */
    record Match(String column, List<Expr> values, List<String> cleaning) {
        public Match {
            values = List.copyOf(values);
            cleaning = List.copyOf(cleaning);
        }

        public Match(String column, List<Expr> values) {
            this(column, values, List.of());
        }
    }

    /** The value of {@code column} in the row of the named table that satisfies every match (a scalar subquery). */
    record Lookup(String table, String column, List<Match> matches) implements Expr {
        public Lookup {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            matches = List.copyOf(matches);
        }
    }

    /**
     * Whether the named table has a row that satisfies every match (a semi-join): "keep only nights whose reservation is
     * loaded in FACT_RESERVATION", or has none when negated ("charges whose lease is not in FACT_LEASE are dropped").
     * {@code where}, when not null, is a further condition on that table's row, its columns in the relation "lk"
     * ("leases on a property whose PROP_NAME contains TEST"); it reads no column of the row tested, so rewrites of the
     * row's columns leave it alone.
     */
    record Exists(String table, String alias, List<Match> matches, Expr where, boolean negated) implements Expr {
        public Exists {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(alias, "alias");
            matches = List.copyOf(matches);
        }

        public Exists(String table, List<Match> matches, boolean negated) {
            this(table, "lk", matches, null, negated);
        }
    }

    /**
     * An aggregate of the rows of another table that belong to the row at hand (a correlated scalar subquery): "Count of
     * the invoice's lines in FACT_TREATMENT", "Sum of FACT_TREATMENT.FEE_AMT for the invoice". {@code arg} (null for a
     * count of rows) and {@code where} read that table's columns in the relation {@code alias}; the matches tie its rows
     * to the row at hand, their values read the row's own columns.
     */
    record Tally(String table, String alias, String fn, Expr arg, boolean distinct, List<Match> matches, Expr where) implements Expr {
        public Tally {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(fn, "fn");
            matches = List.copyOf(matches);
        }
    }

    static Expr and(List<Expr> conditions) {
        Expr out = null;
        for (Expr c : conditions) {
            out = out == null ? c : new Bin("AND", out, c);
        }
        return out;
    }

    /** Every column the expression reads. */
    static List<Col> columns(Expr e) {
        List<Col> out = new ArrayList<>();
        visit(e, x -> {
            if (x instanceof Col c) {
                out.add(c);
            }
        });
        return out;
    }

    static boolean hasWindow(Expr e) {
        return contains(e, Window.class);
    }

    /**
     * The value is the column trimmed, upper- or lower-cased (with the document's NULL texts as NULL), or read as a whole
     * number ('04' and '4' are screen 4), nothing more.
     */
    static boolean onlyCleans(Expr e, Col col) {
        Expr x = e;
        while (x instanceof Fn f && !f.args().isEmpty() && java.util.Set.of("TRIM", "UPPER", "LOWER", "NULLIF").contains(
                f.name().toUpperCase(java.util.Locale.ROOT)) && (f.args().size() == 1 || f.name().equalsIgnoreCase("NULLIF")
                && f.args().get(1) instanceof Expr.Lit)
                || x instanceof Cast c && (c.type().kind() == SqlType.Kind.INTEGER || c.type().kind() == SqlType.Kind.BIGINT)) {
            x = x instanceof Cast c ? c.expr() : ((Fn) x).args().get(0);
        }
        return x.equals(col);
    }

    static boolean hasAggregate(Expr e) {
        return contains(e, Agg.class);
    }

    /** The expression or one under it is of the kind. */
    private static boolean contains(Expr e, Class<? extends Expr> kind) {
        boolean[] found = {false};
        visit(e, x -> found[0] |= kind.isInstance(x));
        return found[0];
    }

    /** Calls the visitor on e and every sub-expression. */
    static void visit(Expr e, java.util.function.Consumer<Expr> visitor) {
        mapColumns(e, c -> c, visitor);
    }

    /** Rewrites every column reference; used to move expressions into and out of CTEs. */
    /** A value that has an else or a default for every row: a literal, a CASE whose branches are, a COALESCE ending in one. */
    static boolean neverNull(Expr e) {
        if (e instanceof Cast c) {
            return neverNull(c.expr());
        }
        if (e instanceof Lit l) {
            return l.value() != null;
        }
        if (e instanceof Case c) {
            return c.otherwise() != null && neverNull(c.otherwise()) && c.whens().stream().allMatch(w -> neverNull(w.result()));
        }
        if (e instanceof Fn f && f.name().equalsIgnoreCase("COALESCE") && !f.args().isEmpty()) {
            return neverNull(f.args().get(f.args().size() - 1));
        }
        // a row's number in its window: "Never null" on a surrogate key
        return e instanceof Window w && java.util.Set.of("ROW_NUMBER", "RANK", "DENSE_RANK").contains(w.fn().toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * A blank source stays NULL in this value, without a default: a number, date or truth value read from text is NULL
     * for a blank anyway (a text keeps its blank, a COALESCE gives another value).
     */
    static boolean blankStaysNull(Expr value, SqlType target) {
        return target.known() && target.kind() != SqlType.Kind.VARCHAR
                && !(value instanceof Fn f && f.name().equalsIgnoreCase("COALESCE"));
    }

    /**
     * The value is NULL, never an empty text, where its inputs are blank: NULLIF(x, ''), CASE WHEN TRIM(x) = '' THEN NULL
     * ELSE x END, a COALESCE of such values, a text joined with one of them (NULL joins to NULL), a trim or case of one.
     */
    static boolean blankIsNull(Expr e) {
        if (e instanceof Fn f && f.name().equalsIgnoreCase("NULLIF") && f.args().size() == 2 && f.args().get(1) instanceof Lit l
                && "".equals(l.value())) {
            return true;
        }
        if (e instanceof Case c && c.whens().size() == 1 && (c.whens().get(0).result() instanceof TypedNull
                || c.whens().get(0).result() instanceof Lit l && l.value() == null)
                && c.whens().get(0).condition() instanceof Bin b && b.op().equals("=") && b.right() instanceof Lit blank
                && "".equals(blank.value()) && b.left() instanceof Fn trim && trim.name().equalsIgnoreCase("TRIM")
                && trim.args().get(0).equals(c.otherwise())) {
            return true;
        }
        if (e instanceof Fn f && f.name().equalsIgnoreCase("COALESCE")) {
            return f.args().stream().allMatch(Expr::blankIsNull);
        }
        if (e instanceof Fn f && java.util.Set.of("TRIM", "UPPER", "LOWER").contains(f.name().toUpperCase(java.util.Locale.ROOT))
                && f.args().size() == 1) {
            return blankIsNull(f.args().get(0));
        }
        return e instanceof Concat c && c.parts().stream().anyMatch(Expr::blankIsNull);
    }

    static Expr mapColumns(Expr e, java.util.function.Function<Col, Expr> f) {
        return mapColumns(e, f, x -> { });
    }

    private static Expr mapColumns(Expr e, java.util.function.Function<Col, Expr> f,
                                   java.util.function.Consumer<Expr> visitor) {
        if (e == null) {
            return null;
        }
        visitor.accept(e);
        if (e instanceof Col c) {
            return f.apply(c);
        }
        return withChildren(e, x -> mapColumns(x, f, visitor));
    }

    /** Rewrites every node bottom-up: f sees each node with its children already rewritten. */
    static Expr rewrite(Expr e, java.util.function.UnaryOperator<Expr> f) {
        if (e == null) {
            return null;
        }
        return f.apply(e instanceof Col ? e : withChildren(e, x -> rewrite(x, f)));
    }

    /** The node with each child replaced by m of it (a column or a leaf as it is): for rewrites that stop at a node. */
    static Expr children(Expr e, java.util.function.Function<Expr, Expr> m) {
        return withChildren(e, m);
    }

    /** The node with each child replaced by m of it (a column or a leaf as it is). */
    private static Expr withChildren(Expr e, java.util.function.Function<Expr, Expr> m) {
        if (e instanceof Cast c) {
            return new Cast(m.apply(c.expr()), c.type(), c.safe());
        } else if (e instanceof Fn fn) {
            return new Fn(fn.name(), fn.args().stream().map(m).toList());
        } else if (e instanceof Bin b) {
            return new Bin(b.op(), m.apply(b.left()), m.apply(b.right()));
        } else if (e instanceof Not n) {
            return new Not(m.apply(n.expr()));
        } else if (e instanceof Neg n) {
            return new Neg(m.apply(n.expr()));
        } else if (e instanceof Case c) {
            return new Case(c.whens().stream().map(w -> new When(m.apply(w.condition()), m.apply(w.result()))).toList(),
                    m.apply(c.otherwise()));
        } else if (e instanceof InList i) {
            return new InList(m.apply(i.expr()), i.items().stream().map(m).toList(), i.negated());
        } else if (e instanceof IsNull i) {
            return new IsNull(m.apply(i.expr()), i.negated());
        } else if (e instanceof Agg a) {
            return new Agg(a.fn(), m.apply(a.arg()), a.distinct());
        } else if (e instanceof Concat c) {
            return new Concat(c.parts().stream().map(m).toList());
        } else if (e instanceof Substr s) {
            return new Substr(m.apply(s.expr()), m.apply(s.start()), m.apply(s.length()));
        } else if (e instanceof ParseDate p) {
            return new ParseDate(m.apply(p.expr()), p.strftime(), p.timestamp());
        } else if (e instanceof DateAdd d) {
            return new DateAdd(m.apply(d.expr()), m.apply(d.amount()), d.unit());
        } else if (e instanceof DateDiff d) {
            return new DateDiff(m.apply(d.start()), m.apply(d.end()));
        } else if (e instanceof SecondsBetween s) {
            return new SecondsBetween(m.apply(s.start()), m.apply(s.end()));
        } else if (e instanceof Extract x) {
            return new Extract(x.part(), m.apply(x.expr()));
        } else if (e instanceof IsNumeric n) {
            return new IsNumeric(m.apply(n.expr()));
        } else if (e instanceof FormatDate fd) {
            return new FormatDate(m.apply(fd.expr()), fd.strftime());
        } else if (e instanceof EpochSeconds es) {
            return new EpochSeconds(m.apply(es.expr()));
        } else if (e instanceof LastDay ld) {
            return new LastDay(m.apply(ld.expr()));
        } else if (e instanceof TruncDate t) {
            return new TruncDate(t.unit(), m.apply(t.expr()));
        } else if (e instanceof TruncTimestamp t) {
            return new TruncTimestamp(t.unit(), m.apply(t.expr()));
        } else if (e instanceof Window w) {
            return new Window(w.fn(), w.args().stream().map(m).toList(), w.partitionBy().stream().map(m).toList(),
                    w.orderBy().stream().map(o -> new Order(m.apply(o.expr()), o.descending())).toList());
        } else if (e instanceof Lookup l) {
            return new Lookup(l.table(), l.column(), l.matches().stream()
                    .map(x -> new Match(x.column(), x.values().stream().map(m).toList(), x.cleaning())).toList());
        } else if (e instanceof Exists x) {
            return new Exists(x.table(), x.alias(), x.matches().stream()
                    .map(y -> new Match(y.column(), y.values().stream().map(m).toList(), y.cleaning())).toList(), x.where(),
                    x.negated());
        } else if (e instanceof Tally t) {
            return new Tally(t.table(), t.alias(), t.fn(), t.arg(), t.distinct(), t.matches().stream()
                    .map(y -> new Match(y.column(), y.values().stream().map(m).toList(), y.cleaning())).toList(), t.where());
        }
        return e;
    }
}
