package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.events.spec.MappingRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tables a mapping row speaks of (its source and target tables and those its join cell names), and whether a
 * word of a rule names one: "orders" names raw_orders, "customer" names customers, "payment" names stg_payments.
 * A noun phrase of such words and columns ("all payment amounts of the customer's orders") says what a rule reads.
 */
public final class RowTables {
    /** Prefixes that mark a layer or a kind of table, not what the table holds. */
    private static final List<String> PREFIXES = List.of("raw_", "stg_", "stage_", "staging_", "src_", "source_", "tbl_",
            "dim_", "fct_", "fact_", "int_", "ods_", "dw_", "t_", "d_", "f_");

    private RowTables() {
    }

    static List<String> of(MappingRow row) {
        List<String> out = new ArrayList<>();
        add(out, row.sourceTable());
        add(out, row.targetTable());
        if (row.join() != null) {
            for (Token t : Lexer.tokens(row.join())) {
                if (t.kind() == Token.Kind.NAME) {
                    add(out, t.text().substring(0, t.text().lastIndexOf('.')));
                } else if (t.kind() == Token.Kind.WORD && t.text().contains("_")) {
                    add(out, t.text());
                }
            }
        }
        return out;
    }

    private static void add(List<String> out, String table) {
        if (table != null && !table.isBlank()) {
            String t = table.trim();
            out.add(t.substring(t.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The word names one of the tables, in the singular or the plural, with or without a layer prefix, or the last
     * noun of a compound name.
     */
    static boolean names(List<String> tables, String word) {
        String w = singular(word.toLowerCase(Locale.ROOT));
        if (w.length() < 3) {
            return false;
        }
        for (String t : tables) {
            String bare = t;
            for (String prefix : PREFIXES) {
                if (bare.startsWith(prefix) && bare.length() > prefix.length()) {
                    bare = bare.substring(prefix.length());
                    break;
                }
            }
            if (w.equals(singular(bare)) || w.equals(singular(t))) {
                return true;
            }
            // "the event" for usage_events, "the line" for sales lines: the last noun of a compound name is what a row is
            int cut = Math.max(bare.lastIndexOf('_'), bare.lastIndexOf(' '));
            if (cut > 0 && cut < bare.length() - 1 && w.equals(singular(bare.substring(cut + 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the words spell a table's whole name but its layer prefix, each word one part in order, in full or short
     * ("member" for DIM_MEMBER, "order header" for ORD_HDR, "order lines" for FACT_ORDER_LINE).
     */
    public static boolean namesTable(String words, String table) {
        String bare = table.strip().toLowerCase(Locale.ROOT);
        bare = bare.substring(bare.lastIndexOf('.') + 1);
        for (String prefix : PREFIXES) {
            if (bare.startsWith(prefix) && bare.length() > prefix.length()) {
                bare = bare.substring(prefix.length());
                break;
            }
        }
        String[] parts = bare.split("[_\\s]+");
        String[] said = words.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (parts.length != said.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (!PhraseTable.abbreviates(singular(parts[i]), singular(said[i])) && !parts[i].equals(said[i])) {
                return false;
            }
        }
        return true;
    }

    /** orders -> order, categories -> category, addresses -> address; a word not in the plural is itself. */
    /** A plural noun in the singular ("properties" -> property, "branches" -> branch); lower case. */
    /** The word in its American spelling ("licence": "license", "centre": "center"), the word itself when it has no British ending. */
    public static String american(String word) {
        return PhraseTable.american(word);
    }

    public static String singular(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** What a noun phrase names: the one column among its words, or none (then it names rows of the tables). */
    record Described(Expr column) {
    }

    /** {ALL | table noun | column | 's | OF}: at least one noun; every word placed; at most one column. */
    static Described described(Parser p) {
        List<String> tables = of(p.ctx().row());
        Expr column = null;
        int nouns = 0;
        while (true) {
            int m = p.mark();
            if (p.accept(Role.ALL)) {
                continue;
            }
            Token t = p.peekToken();
            if (t == null) {
                break;
            }
            if (t.is(Token.Kind.WORD, "'s")) {
                p.next();
                continue;
            }
            if (nouns > 0 && t.kind() == Token.Kind.WORD && (t.norm().equals("of") || t.norm().equals("in"))) {
                // "of" between nouns; "in" only before another noun ("amounts in the orders")
                p.next();
                Token n = p.peekToken();
                if (n != null && (names(tables, n.text()) || n.kind() == Token.Kind.WORD
                        && p.ctx().resolve(null, singular(n.text())) instanceof Expr.Col)) {
                    continue;
                }
                p.reset(m);
                break;
            }
            if (t.kind() == Token.Kind.WORD && names(tables, t.text())) {
                p.next();
                nouns++;
                continue;
            }
            Expr c = p.column();
            if (c == null && t.kind() == Token.Kind.WORD && t.norm().endsWith("s")) {
                Expr singular = p.ctx().resolve(null, singular(t.text()));
                if (singular instanceof Expr.Col col && p.ctx().known(col)) {
                    p.next();
                    c = singular;
                }
            }
            if (c == null) {
                p.reset(m);
                break;
            }
            if (column != null && !column.equals(c)) {
                p.problem("an aggregate of several columns written in words is not understood; write it as SQL, e.g. SUM(a + b)");
                return null;
            }
            column = c;
            nouns++;
        }
        return nouns == 0 ? null : new Described(column);
    }

}
