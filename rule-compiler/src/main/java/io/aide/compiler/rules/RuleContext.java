package io.aide.compiler.rules;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import io.aide.events.spec.MappingRow;

import java.util.List;

/** What a rule can see while it compiles: its row, its source columns, names it may refer to. */
public interface RuleContext {
    MappingRow row();

    SqlType targetType();

    /** The row's source columns, resolved to relation columns (empty when the row names none). */
    List<Expr.Col> sources();

    /** Resolves a name written in a rule: a source column, another target column, a parameter; null if unknown. */
    Expr resolve(String qualifier, String name);

    /** Type of a relation column when known (from the registered schema), else UNKNOWN. */
    SqlType typeOf(Expr.Col column);

    ReferenceData references();

    /** False when a name was taken as a column of the row's source table without a registered schema to confirm it. */
    default boolean known(Expr.Col column) {
        return true;
    }

    /**
     * The columns of a table the registered schema (or a target this one reads) gives, lower case; empty when the table
     * is not known so (a lookup in it is then not checked).
     */
    default java.util.Set<String> columnsOf(String table) {
        return java.util.Set.of();
    }

    /** The rule chooses rows (a filter) rather than computing the row's own column. */
    default boolean choosesRows() {
        return false;
    }

    /** The name is a column of the row's own target (its value flagged or not). */
    default boolean namesTargetColumn(String name) {
        return false;
    }

    /**
     * The columns of another target this one reads (a dimension) computed from the source column of that name alone
     * ("member_number" from MEMBER_NO).
     */
    default List<String> upstreamColumnsFrom(String target, String sourceColumn) {
        return List.of();
    }

    /** Whether a column of a table may be read: not one another target of the mapping could not compile. */
    default boolean readableColumn(String table, String column) {
        return true;
    }

    /**
     * Whether the name is another target of the mapping whose view this target does not read first (it reads this one,
     * so the two would make a cycle): a lookup in it cannot be made here.
     */
    default boolean unreadTarget(String name) {
        return false;
    }

    /** Whether the other target's column is its source column copied as it is ("Direct", "1:1"). */
    default boolean copiedUpstream(String target, String column) {
        return false;
    }

    /**
     * The other columns of the target whose rows name the table as their source (lower case); empty where the rule is
     * read on its own.
     */
    default java.util.Set<String> targetColumnsFrom(String table) {
        return java.util.Set.of();
    }

    /** A lookup column that reads a reference map by key; the planner adds the CTE and the LEFT JOIN. */
    Expr lookup(ReferenceData.LookupMap map, List<Expr> keyParts, String separator);
}
