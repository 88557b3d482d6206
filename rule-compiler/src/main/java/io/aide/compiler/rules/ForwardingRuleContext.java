package io.aide.compiler.rules;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import io.aide.events.spec.MappingRow;

import java.util.List;

/** A rule context that answers as another does; a subclass overrides what it sees differently. */
public class ForwardingRuleContext implements RuleContext {
    private final RuleContext ctx;

    public ForwardingRuleContext(RuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public MappingRow row() {
        return ctx.row();
    }

    @Override
    public SqlType targetType() {
        return ctx.targetType();
    }

    @Override
    public List<Expr.Col> sources() {
        return ctx.sources();
    }

    @Override
    public Expr resolve(String qualifier, String name) {
        return ctx.resolve(qualifier, name);
    }

    @Override
    public SqlType typeOf(Expr.Col column) {
        return ctx.typeOf(column);
    }

    @Override
    public ReferenceData references() {
        return ctx.references();
    }

    @Override
    public boolean known(Expr.Col column) {
        return ctx.known(column);
    }

    @Override
    public java.util.Set<String> columnsOf(String table) {
        return ctx.columnsOf(table);
    }

    @Override
    public boolean namesTargetColumn(String name) {
        return ctx.namesTargetColumn(name);
    }

    @Override
    public java.util.Set<String> targetColumnsFrom(String table) {
        return ctx.targetColumnsFrom(table);
    }

    @Override
    public boolean choosesRows() {
        return ctx.choosesRows();
    }

    @Override
    public List<String> upstreamColumnsFrom(String target, String sourceColumn) {
        return ctx.upstreamColumnsFrom(target, sourceColumn);
    }

    @Override
    public boolean readableColumn(String table, String column) {
        return ctx.readableColumn(table, column);
    }

    @Override
    public boolean unreadTarget(String name) {
        return ctx.unreadTarget(name);
    }

    @Override
    public boolean copiedUpstream(String target, String column) {
        return ctx.copiedUpstream(target, column);
    }

    @Override
    public Expr lookup(ReferenceData.LookupMap map, List<Expr> keyParts, String separator) {
        return ctx.lookup(map, keyParts, separator);
    }
}
