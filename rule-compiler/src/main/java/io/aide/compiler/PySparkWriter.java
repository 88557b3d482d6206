package io.aide.compiler;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.LayerPlan;
import io.aide.compiler.dialect.SqlDialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A PySpark DataFrame job computing the same rows as the layer's SQL (expressions in Spark SQL syntax). */
final class PySparkWriter {
    private static final SqlDialect SPARK = Dialect.SPARK.sql();

    private PySparkWriter() {
    }

    static String functionName(String target) {
        return "build_" + target.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    static String job(LayerPlan plan) {
        StringBuilder py = new StringBuilder();
        py.append("def ").append(functionName(plan.target())).append("(spark: SparkSession) -> DataFrame:\n");
        py.append("    \"\"\"Rows of ").append(plan.target().replace("\"", "'")).append(", as the SQL view computes them.\"\"\"\n");
        for (LayerPlan.Cte cte : plan.ctes()) {
            String var = var(cte.name());
            if (cte instanceof LayerPlan.ValuesCte v) {
                py.append("    ").append(var).append(" = spark.createDataFrame(\n        [");
                List<String> tuples = new ArrayList<>();
                for (List<String> row : v.rows()) {
                    tuples.add("(" + String.join(", ", row.stream().map(PySparkWriter::str).toList()) + ")");
                }
                py.append(String.join(",\n         ", tuples)).append("],\n        [")
                        .append(String.join(", ", v.columns().stream().map(PySparkWriter::str).toList()))
                        .append("],\n    )\n");
            } else if (cte instanceof LayerPlan.AggregateCte a) {
                py.append("    ").append(var).append(" = (\n        ").append(table(a.from())).append("\n");
                for (LayerPlan.Join j : a.joins()) {
                    py.append("        .join(").append(table(j.relation())).append(", F.expr(").append(str(SPARK.render(j.on())))
                            .append("), ").append(str(joinType(j.type()))).append(")\n");
                }
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < a.groupKeys().size(); i++) {
                    keys.add("F.expr(" + str(SPARK.render(a.groupKeys().get(i))) + ").alias(" + str(a.keyNames().get(i)) + ")");
                }
                py.append("        .groupBy(").append(String.join(", ", keys)).append(")\n        .agg(\n");
                for (LayerPlan.Item item : a.items()) {
                    py.append("            F.expr(").append(str(SPARK.render(item.expr()))).append(").alias(")
                            .append(str(item.name())).append("),\n");
                }
                py.append("        )\n        .alias(").append(str(a.name())).append(")\n    )\n");
            }
        }
        LayerPlan.Branch main = plan.branches().get(0);
        List<String> branchVars = new ArrayList<>();
        int n = 0;
        for (LayerPlan.Branch b : plan.branches()) {
            String df = n == 0 ? "df" : "df_" + n;
            branchVars.add(df);
            py.append("    ").append(df).append(" = ").append(b.from() == null ? "spark.range(1)" : table(b.from())).append("\n");
            for (LayerPlan.Join j : b.joins()) {
                String right = j.relation().cte() ? var(j.relation().name()) + ".alias(" + str(j.relation().alias()) + ")"
                        : table(j.relation());
                py.append("    ").append(df).append(" = ").append(df).append(".join(").append(right).append(", F.expr(")
                        .append(str(SPARK.render(j.on()))).append("), ").append(str(joinType(j.type()))).append(")\n");
            }
            if (!b.where().isEmpty()) {
                py.append("    ").append(df).append(" = ").append(df).append(".where(F.expr(")
                        .append(str(SPARK.render(Expr.and(b.where())))).append("))\n");
            }
            for (String todo : b.whereTodos()) {
                py.append("    # ").append(LayerRenderer.oneLine(todo)).append("\n");
            }
            if (!b.groupBy().isEmpty()) {
                List<String> keys = new ArrayList<>();
                List<String> aggs = new ArrayList<>();
                for (LayerPlan.Item item : b.items()) {
                    String col = "F.expr(" + str(SPARK.render(item.expr())) + ").alias(" + str(item.name()) + ")";
                    if (Expr.hasAggregate(item.expr())) {
                        aggs.add(col);
                    } else {
                        keys.add(col);
                    }
                }
                py.append("    ").append(df).append(" = ").append(df).append(".groupBy(\n        ")
                        .append(String.join(",\n        ", keys)).append(",\n    ).agg(\n        ")
                        .append(String.join(",\n        ", aggs)).append(",\n    )\n");
                py.append("    ").append(df).append(" = ").append(df).append(".select(")
                        .append(String.join(", ", b.items().stream().map(i -> str(i.name())).toList())).append(")\n");
            } else {
                py.append("    ").append(df).append(" = ").append(df).append(".select(\n");
                for (LayerPlan.Item item : b.items()) {
                    py.append("        F.expr(").append(str(SPARK.render(item.expr()))).append(").alias(").append(str(item.name()))
                            .append("),  # ").append(item.mappingRef() == null ? "" : item.mappingRef());
                    if (item.todo() != null) {
                        py.append(' ').append(LayerRenderer.oneLine(item.todo()));
                    }
                    py.append("\n");
                }
                py.append("    )\n");
            }
            n++;
        }
        py.append("    return ").append(branchVars.get(0));
        for (String v : branchVars.subList(1, branchVars.size())) {
            py.append(".unionByName(").append(v).append(")");
        }
        if (plan.distinct()) {
            py.append(".distinct()");
        }
        py.append("\n");
        return py.toString();
    }

    private static String table(LayerPlan.Relation rel) {
        String name = rel.schema() == null ? rel.name() : rel.schema() + "." + rel.name();
        String alias = str(rel.alias() == null ? rel.name() : rel.alias());
        String table = "spark.table(" + str(name.contains(" ") || name.contains("-") ? "`" + name + "`" : name) + ").alias("
                + alias + ")";
        if (rel.pick() == null) {
            return table;
        }
        // one row per key, the first in the stated order
        String numbered = SPARK.render(new Expr.Window("ROW_NUMBER", List.of(), rel.pick().partitionBy(), rel.pick().orderBy()));
        String first = rel.pick().before().isEmpty() ? "" : ".filter(F.expr(" + str(SPARK.render(Expr.and(rel.pick().before()))) + "))";
        return table + first + ".withColumn(" + str(LayerPlan.Pick.COLUMN) + ", F.expr(" + str(numbered) + ")).filter(F.col("
                + str(LayerPlan.Pick.COLUMN) + ") == 1).alias(" + alias + ")";
    }

    private static String joinType(String sqlJoin) {
        return sqlJoin.startsWith("LEFT") ? "left" : "inner";
    }

    private static String var(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
    }

    static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
