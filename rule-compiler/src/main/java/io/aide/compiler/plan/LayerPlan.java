package io.aide.compiler.plan;

import java.util.List;

/**
 * The dialect-independent plan of one target view: CTEs, one or more SELECT branches (UNION ALL, or SELECT DISTINCT
 * and UNION when the target's rows are distinct values).
 */
public record LayerPlan(String target, List<Cte> ctes, List<Branch> branches, List<ColumnInfo> columns,
                        List<String> sourceTables, List<String> keyColumns, boolean distinct) {

    public LayerPlan(String target, List<Cte> ctes, List<Branch> branches, List<ColumnInfo> columns,
                     List<String> sourceTables, List<String> keyColumns) {
        this(target, ctes, branches, columns, sourceTables, keyColumns, false);
    }

    public LayerPlan withDistinct(boolean distinctRows) {
        if (!distinctRows) {
            return new LayerPlan(target, ctes, branches, columns, sourceTables, keyColumns, false);
        }
        // rows numbered in an order number duplicates alike (DENSE_RANK), so that DISTINCT can still make them one; rows
        // numbered in no order ("system generated") are numbered in the order of their other values, duplicates alike
        List<Branch> numbered = branches.stream().map(b -> {
            List<Expr.Order> values = b.items().stream().map(Item::expr).filter(x -> !Expr.hasWindow(x))
                    .map(x -> new Expr.Order(x, false)).toList();
            return new Branch(b.from(), b.joins(), b.items().stream()
                    .map(i -> new Item(i.name(), Expr.rewrite(i.expr(), e -> e instanceof Expr.Window w && w.fn().equals("ROW_NUMBER")
                            ? new Expr.Window("DENSE_RANK", w.args(), w.partitionBy(), w.orderBy().isEmpty() ? values : w.orderBy()) : e),
                            i.mappingRef(), i.todo())).toList(), b.where(), b.whereTodos(), b.groupBy(), b.mappingRefs(), b.whereRefs());
        }).toList();
        return new LayerPlan(target, ctes, numbered, columns, sourceTables, keyColumns, true);
    }

    /**
     * A relation in FROM/JOIN: a source table (schema may be null) or a CTE (schema null, cte true); a table may keep
     * one row per key ({@code pick}).
     */
    public record Relation(String schema, String name, String alias, boolean cte, Pick pick) {
        public Relation(String schema, String name, String alias, boolean cte) {
            this(schema, name, alias, cte, null);
        }

        public Relation withPick(Pick p) {
            return new Relation(schema, name, alias, cte, p);
        }
    }

    /**
     * One row per key of a source table, the first in an order ("keep only the row with the highest last_upd per
     * premise_id"): ROW_NUMBER() OVER (PARTITION BY key ORDER BY order) = 1, over the table's own columns.
     */
    /**
     * One row per partition, the first in the order. {@code before} holds the target's conditions on the table that
     * the document says come first ("after the exclusions above, keep one result per ..."): the rows they leave out
     * take no part in the choice.
     */
    public record Pick(List<Expr> partitionBy, List<Expr.Order> orderBy, String mappingRef, List<Expr> before) {
        /** The name of the row number a picked table carries beside its columns. */
        public static final String COLUMN = "aide_pick";

        public Pick {
            before = before == null ? List.of() : List.copyOf(before);
        }

        public Pick(List<Expr> partitionBy, List<Expr.Order> orderBy, String mappingRef) {
            this(partitionBy, orderBy, mappingRef, List.of());
        }

        public Pick after(List<Expr> conditions) {
            return new Pick(partitionBy, orderBy, mappingRef, conditions);
        }
    }

    public record Join(String type, Relation relation, Expr on, List<String> mappingRefs) {
    }

    /** One output column of a branch. */
    public record Item(String name, Expr expr, String mappingRef, String todo) {
    }

    public record Branch(Relation from, List<Join> joins, List<Item> items, List<Expr> where, List<String> whereTodos,
                         List<Expr> groupBy, List<String> mappingRefs, List<String> whereRefs) {
    }

    /** A CTE: either rows of a reference table, or a child table aggregated to the parent's key. */
    public sealed interface Cte permits ValuesCte, AggregateCte {
        String name();

        List<String> mappingRefs();
    }

    public record ValuesCte(String name, List<String> columns, List<List<String>> rows, List<String> mappingRefs,
                            String origin) implements Cte {
    }

    public record AggregateCte(String name, Relation from, List<Join> joins, List<Expr> groupKeys,
                               List<String> keyNames, List<Item> items, List<String> mappingRefs) implements Cte {
    }

    /** What the layer says about each target column (lineage, status, tests). */
    public record ColumnInfo(String name, SqlType type, String mappingRef, String status, String reason,
                             List<String> sources, boolean key, Boolean nullable, List<String> acceptedValues,
                             String lookupTable, String rule) {
    }
}
