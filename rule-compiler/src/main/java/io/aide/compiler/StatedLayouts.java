package io.aide.compiler;

import io.aide.compiler.lang.Lexer;
import io.aide.compiler.lang.Token;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.SourceRef;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The layouts a mapping states for its text date columns: a row that reads one source column into a date or timestamp
 * and names one date pattern ("loss_dt arrives as text in DD.MM.YYYY - cast to date") says how that column is written,
 * for every other row that reads it as a date ("Year of loss_date", "YYYYMM of the payment date"). Without it such a
 * row would cast the text as ISO and get NULL for every value. A column given two different layouts has none.
 */
final class StatedLayouts {
    private static final StatedLayouts NONE = new StatedLayouts(Map.of());
    /** The last mapping's layouts: every target of one compilation asks for the same mapping's. */
    private static volatile Object[] last = {null, NONE};

    /** (table lower case, column lower case) and (null, column) -> strftime pattern. */
    private final Map<List<String>, String> layouts;

    private StatedLayouts(Map<List<String>, String> layouts) {
        this.layouts = layouts;
    }

    static StatedLayouts of(MappingSpec spec) {
        Object[] cached = last;
        if (cached[0] == spec) {
            return (StatedLayouts) cached[1];
        }
        Map<List<String>, String> found = new HashMap<>();
        Set<List<String>> conflicting = new HashSet<>();
        for (MappingRow r : spec.rows()) {
            SqlType type = SqlType.parse(r.targetType());
            List<SourceRef> sources = r.sourceColumns().stream().filter(s -> s.column() != null && !s.column().isBlank()).toList();
            String rule = r.transformation();
            if (rule != null) {
                // "Combine DEP_DT (YYYYMMDD) and DEP_TIME (HHMM)": a column named with its full date layout in brackets
                bracketed(r, sources, found, conflicting);
            }
            if (!type.temporal() || sources.size() != 1 || rule == null
                    || !rule.contains("YY") && !rule.contains("yy") && !rule.contains("Yy") && !rule.contains("%")) {
                // a date pattern writes the year with two letters at least, or is strftime
                continue;
            }
            List<String> patterns = Lexer.tokens(r.transformation()).stream().filter(t -> t.kind() == Token.Kind.DATE_PATTERN)
                    .map(Token::text).distinct().toList();
            if (patterns.size() != 1 || !fullDate(patterns.get(0))) {
                continue;
            }
            SourceRef s = sources.get(0);
            String table = s.table() != null && !s.table().isBlank() ? s.table() : r.sourceTable();
            for (List<String> key : List.of(key(table, s.column()), key(null, s.column()))) {
                String before = found.putIfAbsent(key, patterns.get(0));
                if (before != null && !before.equals(patterns.get(0))) {
                    conflicting.add(key);
                }
            }
        }
        conflicting.forEach(found::remove);
        StatedLayouts out = found.isEmpty() ? NONE : new StatedLayouts(Map.copyOf(found));
        last = new Object[]{spec, out};
        return out;
    }

    private static void bracketed(MappingRow r, List<SourceRef> sources, Map<List<String>, String> found,
                                  Set<List<String>> conflicting) {
        List<Token> tokens = Lexer.tokens(r.transformation());
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token name = tokens.get(i);
            Token pattern = tokens.get(i + 2);
            if (tokens.get(i + 1).kind() != Token.Kind.OP || !tokens.get(i + 1).text().equals("(") || pattern.kind() != Token.Kind.DATE_PATTERN || !fullDate(pattern.text())) {
                continue;
            }
            for (SourceRef s : sources) {
                if (s.column().trim().equalsIgnoreCase(name.text())) {
                    String table = s.table() != null && !s.table().isBlank() ? s.table() : r.sourceTable();
                    for (List<String> key : List.of(key(table, s.column()), key(null, s.column()))) {
                        String before = found.putIfAbsent(key, pattern.text());
                        if (before != null && !before.equals(pattern.text())) {
                            conflicting.add(key);
                        }
                    }
                }
            }
        }
    }

    private static boolean fullDate(String strftime) {
        return strftime.contains("%Y") && strftime.contains("%d") && (strftime.contains("%m") || strftime.contains("%b"));
    }

    private static List<String> key(String table, String column) {
        String t = table == null || table.isBlank() ? "" : table.trim().toLowerCase(Locale.ROOT);
        return List.of(t.substring(t.lastIndexOf('.') + 1), column.trim().toLowerCase(Locale.ROOT));
    }

    boolean isEmpty() {
        return layouts.isEmpty();
    }

    /** The expression with each text column of a stated layout read by that layout where it was cast to a date. */
    Expr apply(Expr e, SourceTables tables) {
        if (layouts.isEmpty() || e == null) {
            return e;
        }
        return Expr.rewrite(e, x -> {
            if (x instanceof Expr.Cast c && c.safe() && c.type().temporal() && c.expr() instanceof Expr.Col col) {
                String fmt = layoutOf(col, tables);
                if (fmt != null) {
                    return new Expr.ParseDate(col, fmt, c.type().kind() == SqlType.Kind.TIMESTAMP);
                }
            }
            return x;
        });
    }

    private String layoutOf(Expr.Col col, SourceTables tables) {
        String table = tables.all().stream().filter(t -> t.alias().equals(col.relation())).map(SourceTables.Table::name)
                .findFirst().orElse(null);
        if (table == null) {
            return null;
        }
        String fmt = layouts.get(key(table, col.column()));
        return fmt != null ? fmt : layouts.get(key(null, col.column()));
    }
}
