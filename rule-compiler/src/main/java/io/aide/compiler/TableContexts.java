package io.aide.compiler;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import io.aide.compiler.rules.ForwardingRuleContext;
import io.aide.compiler.rules.RuleContext;

import java.util.List;
import java.util.Set;

/**
 * The words of a condition read over the columns of one other table, its columns in a relation of their own: the test
 * of a kind of rows in the table that holds what it names ({@link LinkedConditions}), the rows of another target a
 * tally counts ({@link TargetTallies}).
 */
final class TableContexts {

    private TableContexts() {
    }

    /**
     * The row's context with the table's columns as the only ones it names: a name of the table's (qualified with it or
     * not), or the words that spell one of its columns ("first name" for FIRST_NM).
     */
    static RuleContext over(RuleContext row, SchemaCatalog.Table t, String alias) {
        List<Expr.Col> columns = t.columns().stream().map(c -> new Expr.Col(alias, c.name())).toList();
        return new ForwardingRuleContext(row) {
            @Override
            public List<Expr.Col> sources() {
                return columns;
            }

            @Override
            public Expr resolve(String qualifier, String name) {
                if (qualifier != null && !qualifier.equalsIgnoreCase(t.name())) {
                    return null;
                }
                String n = name.replaceAll("^\"|\"$", "");
                Expr exact = t.column(n).map(c -> (Expr) new Expr.Col(alias, c.name())).orElse(null);
                if (exact != null) {
                    return exact;
                }
                if (!n.contains("_") && !n.contains(" ")) {
                    // one word names no column spelled otherwise here ("account" of "account name" is no ACCT_ID): the
                    // grammar reads the words after it too
                    return null;
                }
                // "first name" for FIRST_NM: the one column the words spell
                List<SchemaCatalog.Column> spelled = t.columns().stream()
                        .filter(c -> io.aide.compiler.lang.RuleLanguage.spells(n.replace('_', ' '), c.name())).toList();
                return spelled.size() == 1 ? new Expr.Col(alias, spelled.get(0).name()) : null;
            }

            @Override
            public SqlType typeOf(Expr.Col column) {
                return t.column(column.column()).map(c -> c.type() == null ? SqlType.UNKNOWN : SqlType.parse(c.type()))
                        .orElse(SqlType.UNKNOWN);
            }

            @Override
            public Set<String> columnsOf(String table) {
                return Set.of();
            }
        };
    }
}
