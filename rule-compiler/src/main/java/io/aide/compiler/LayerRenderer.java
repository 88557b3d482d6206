package io.aide.compiler;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.LayerPlan;
import io.aide.compiler.dialect.SqlDialect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a layer plan's blocks in one dialect, formatted by a SQL formatter. */
final class LayerRenderer {
    static final String CTES = "ctes";
    static final String SELECT = "select_clause";
    static final String JOINS = "joins";
    static final String WHERE = "where_clause";
    static final String GROUP_BY = "group_by";
    static final String UNION = "union";
    static final List<String> ORDER = List.of(CTES, SELECT, JOINS, WHERE, GROUP_BY, UNION);


    private static final int SHORT = 70;
    private final java.util.Map<String, String> cache = new java.util.HashMap<>();
    private final SqlDialect r;

    private final Dialect dialect;

    LayerRenderer(Dialect dialect) {
        this.dialect = dialect;
        this.r = dialect.sql();
    }

    /** Something the dialect cannot express: the column or clause is written as NULL / left out and flagged. */
    record Gap(String ref, String place, String reason) {
    }

    private final List<Gap> gaps = new ArrayList<>();

    /** What the last {@link #render} could not express in this dialect. */
    List<Gap> gaps() {
        return List.copyOf(gaps);
    }

    /** Block name -> SQL, only the blocks the plan has (where_clause always). */
    Map<String, String> render(LayerPlan plan) {
        gaps.clear();
        Map<String, String> out = new LinkedHashMap<>();
        if (!plan.ctes().isEmpty()) {
            out.put(CTES, ctes(plan));
        }
        LayerPlan.Branch main = plan.branches().get(0);
        out.put(SELECT, select(main, plan.distinct()));
        out.put(JOINS, from(main));
        out.put(WHERE, where(main));
        if (!main.groupBy().isEmpty()) {
            out.put(GROUP_BY, groupBy(main));
        }
        if (plan.branches().size() > 1) {
            List<String> parts = new ArrayList<>();
            for (LayerPlan.Branch b : plan.branches().subList(1, plan.branches().size())) {
                StringBuilder sb = new StringBuilder(plan.distinct() ? "UNION\n" : "UNION ALL\n").append(select(b, plan.distinct()))
                        .append('\n').append(from(b));
                String w = where(b);
                if (!w.startsWith("--")) {
                    sb.append('\n').append(w);
                }
                if (!b.groupBy().isEmpty()) {
                    sb.append('\n').append(groupBy(b));
                }
                parts.add(sb.toString());
            }
            out.put(UNION, String.join("\n", parts));
        }
        return out;
    }

    String format(String sql) {
        if (sql.length() <= SHORT && sql.indexOf('\n') < 0 && !sql.contains("CASE")) {
            // short single expressions come out of the formatter unchanged; skipping it keeps large mappings fast
            return sql.trim();
        }
        String cached = cache.get(sql);
        if (cached != null) {
            return cached;
        }
        String formatted = formatUncached(sql);
        if (cache.size() < 10_000) {
            cache.put(sql, formatted);
        }
        return formatted;
    }

    private String formatUncached(String sql) {
        try {
            // the formatter splits the || operator into "| |"; protect it through a placeholder token
            return SqlFormatting.format(dialect, sql.replace("||", " aide_concat_op ")).trim().replace("aide_concat_op", "||");
        } catch (RuntimeException e) {
            return sql.trim();
        }
    }

    private String ctes(LayerPlan plan) {
        List<String> defs = new ArrayList<>();
        for (LayerPlan.Cte cte : plan.ctes()) {
            if (cte instanceof LayerPlan.ValuesCte v) {
                List<String> selects = new ArrayList<>();
                for (List<String> row : v.rows()) {
                    List<String> cols = new ArrayList<>();
                    for (int i = 0; i < v.columns().size(); i++) {
                        cols.add(r.literal(row.get(i)) + " AS " + r.quote(v.columns().get(i)));
                    }
                    selects.add("SELECT " + String.join(", ", cols));
                }
                defs.add(r.quote(v.name()) + " AS (\n  " + String.join("\n  UNION ALL\n  ", selects) + "\n)");
            } else if (cte instanceof LayerPlan.AggregateCte a) {
                List<String> cols = new ArrayList<>();
                for (int i = 0; i < a.groupKeys().size(); i++) {
                    cols.add(format(r.render(a.groupKeys().get(i))) + " AS " + r.quote(a.keyNames().get(i)));
                }
                for (LayerPlan.Item item : a.items()) {
                    unsupported(item.expr(), item.mappingRef(), a.name() + "." + item.name());
                    cols.add(format(r.render(item.expr())).replace("\n", "\n  ") + " AS " + r.quote(item.name()));
                }
                StringBuilder sb = new StringBuilder("SELECT\n  ").append(String.join(",\n  ", cols))
                        .append("\nFROM ").append(relation(a.from()));
                for (LayerPlan.Join j : a.joins()) {
                    sb.append('\n').append(j.type()).append(' ').append(relation(j.relation())).append(" ON ")
                            .append(oneLine(format(r.render(j.on()))));
                }
                sb.append("\nGROUP BY\n  ").append(a.groupKeys().stream().map(k -> format(r.render(k))).collect(Collectors.joining(",\n  ")));
                defs.add(r.quote(a.name()) + " AS (\n" + sb.toString().replaceAll("(?m)^", "  ") + "\n)");
            }
        }
        return "WITH\n" + String.join(",\n", defs);
    }

    private String select(LayerPlan.Branch b, boolean distinct) {
        StringBuilder sb = new StringBuilder(distinct ? "SELECT DISTINCT\n" : "SELECT\n");
        for (int i = 0; i < b.items().size(); i++) {
            LayerPlan.Item item = b.items().get(i);
            String expr = format(r.render(item.expr()));
            String line = expr.replace("\n", "\n  ") + " AS " + r.quote(item.name());
            sb.append("  ").append(line).append(i + 1 < b.items().size() ? "," : "").append(" -- ")
                    .append(item.mappingRef() == null ? "" : item.mappingRef());
            if (item.todo() != null) {
                sb.append(' ').append(oneLine(item.todo()));
            }
            List<String> missing = unsupported(item.expr(), item.mappingRef(), item.name());
            if (!missing.isEmpty()) {
                sb.append(" TODO ").append(dialect.id()).append(": ").append(oneLine(String.join("; ", missing)));
            }
            sb.append('\n');
        }
        return sb.toString().trim();
    }

    private String from(LayerPlan.Branch b) {
        if (b.from() == null) {
            return "-- no source table: one row of constants";
        }
        StringBuilder sb = new StringBuilder("FROM ").append(relation(b.from()));
        for (LayerPlan.Join j : b.joins()) {
            sb.append('\n').append(j.type()).append(' ').append(relation(j.relation())).append(" ON ")
                    .append(oneLine(format(r.render(j.on()))));
            if (!j.mappingRefs().isEmpty()) {
                sb.append(" -- ").append(String.join(" ", j.mappingRefs().stream().distinct().toList()));
            }
        }
        return sb.toString();
    }

    private String where(LayerPlan.Branch b) {
        StringBuilder sb = new StringBuilder();
        for (String todo : b.whereTodos()) {
            sb.append("-- ").append(oneLine(todo)).append('\n');
        }
        if (b.where().isEmpty()) {
            return sb.append("-- no filter in the mapping").toString();
        }
        for (String missing : unsupported(Expr.and(b.where()), String.join(" ", b.whereRefs()), "WHERE")) {
            sb.append("-- TODO ").append(dialect.id()).append(": ").append(oneLine(missing)).append('\n');
        }
        String cond = format(r.render(Expr.and(b.where())));
        return sb.append("WHERE\n  ").append(cond.replace("\n", "\n  ")).toString();
    }

    private String groupBy(LayerPlan.Branch b) {
        return "GROUP BY\n  " + b.groupBy().stream().map(e -> oneLine(format(r.render(e))))
                .collect(Collectors.joining(",\n  "));
    }

    private String relation(LayerPlan.Relation rel) {
        String name = rel.schema() == null ? r.quote(rel.name()) : r.quote(rel.schema()) + "." + r.quote(rel.name());
        if (rel.pick() != null) {
            // one row per key: the table numbered in the stated order, the first of each key kept
            String alias = r.quote(rel.alias() == null ? rel.name() : rel.alias());
            String numbered = oneLine(format(r.render(new Expr.Window("ROW_NUMBER", List.of(), rel.pick().partitionBy(),
                    rel.pick().orderBy()))));
            String col = r.quote(LayerPlan.Pick.COLUMN);
            // (the conditions said to come first choose the rows the numbering sees)
            String first = rel.pick().before().isEmpty() ? "" : " WHERE " + oneLine(format(r.render(Expr.and(rel.pick().before()))));
            return "(SELECT * FROM (SELECT " + alias + ".*, " + numbered + " AS " + col + " FROM " + name + " AS " + alias
                    + first + ") AS " + alias + " WHERE " + col + " = 1) AS " + alias;
        }
        return rel.alias() == null || rel.alias().equals(rel.name()) ? name : name + " AS " + r.quote(rel.alias());
    }

    /** The reasons the dialect cannot express parts of e, each recorded as a gap of the given place. */
    private List<String> unsupported(Expr e, String ref, String place) {
        java.util.Set<String> reasons = new java.util.LinkedHashSet<>();
        Expr.visit(e, node -> {
            String why = r.unsupported(node);
            if (why != null) {
                reasons.add(why);
            }
        });
        reasons.forEach(why -> gaps.add(new Gap(ref, place, why)));
        return List.copyOf(reasons);
    }

    static String oneLine(String s) {
        return s.replace("\r", " ").replace("\n", " ").replaceAll("\\s+", " ").trim();
    }
}
