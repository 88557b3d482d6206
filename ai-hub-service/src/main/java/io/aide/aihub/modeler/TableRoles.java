package io.aide.aihub.modeler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What each table is in a dimensional model, from the shape of the schema: a table that references others and holds
 * numeric measures is a fact; one that references others and has a date but no measure is a transaction header
 * (folded into the facts that reference it, or a factless fact alone); one that only pairs keys is a bridge; the
 * tables facts point at are dimensions. A lone table is a denormalized fact when it holds measures and dates.
 */
public final class TableRoles {
    public enum Role { FACT, HEADER, FACTLESS_FACT, BRIDGE, DIMENSION }

    /** Integer columns named like ordinals, codes or calendar parts are attributes, not additive measures. */
    private static final Pattern NOT_A_MEASURE = Pattern.compile(
            ".*(_|^)(no|num|number|nr|seq|sequence|year|month|day|week|quarter|flag|code|cd|version|rank|order|"
                    + "position|pos|level|zip|postal|phone|age)$");

    private final SchemaGraph graph;
    private final Map<String, Role> roles = new LinkedHashMap<>();

    private TableRoles(SchemaGraph graph) {
        this.graph = graph;
    }

    public static TableRoles of(SchemaGraph graph) {
        TableRoles r = new TableRoles(graph);
        r.classify();
        return r;
    }

    public Role role(String table) {
        return roles.get(SchemaGraph.lower(table));
    }

    public Map<String, Role> all() {
        return Map.copyOf(roles);
    }

    /** Additive numeric columns of the table: not its key, not a reference, not named as an identifier or code. */
    public List<ColumnProfile> measures(TableProfile t) {
        return t.columns().stream().filter(c -> isMeasure(t, c)).toList();
    }

    public List<ColumnProfile> dates(TableProfile t) {
        return t.columns().stream().filter(c -> c.type().temporal()).toList();
    }

    /** Everything that is neither key, reference, measure nor date: the descriptive columns. */
    public List<ColumnProfile> attributes(TableProfile t) {
        return t.columns().stream().filter(c -> !isKey(t, c) && !graph.referencing(t.name(), c.name())
                && !isMeasure(t, c) && !c.type().temporal()).toList();
    }

    boolean isKey(TableProfile t, ColumnProfile c) {
        return t.key().stream().anyMatch(c.name()::equalsIgnoreCase);
    }

    private boolean isMeasure(TableProfile t, ColumnProfile c) {
        if (!c.type().numeric() || isKey(t, c) || graph.referencing(t.name(), c.name()) || c.identifierName()) {
            return false;
        }
        if (c.type() == ColumnProfile.LogicalType.DECIMAL) {
            return true;
        }
        // an integer with two values on the sample is a flag
        return !NOT_A_MEASURE.matcher(Names.snake(c.name())).matches() && !(c.hasSample() && c.distinct() <= 2);
    }

    private void classify() {
        for (TableProfile t : graph.tables()) {
            roles.put(SchemaGraph.lower(t.name()), firstPass(t));
        }
        // a header nobody's fact points at records events without measures: a factless fact
        for (TableProfile t : graph.tables()) {
            if (role(t.name()) == Role.HEADER && graph.incoming(t.name()).stream()
                    .noneMatch(r -> role(r.fromTable()) == Role.FACT)) {
                roles.put(SchemaGraph.lower(t.name()), Role.FACTLESS_FACT);
            }
        }
    }

    private Role firstPass(TableProfile t) {
        if (graph.manyToMany().stream().anyMatch(m -> m.bridge().equalsIgnoreCase(t.name()))) {
            return Role.BRIDGE;
        }
        boolean references = graph.outgoing(t.name()).stream().anyMatch(r -> !r.toTable().equalsIgnoreCase(t.name()));
        boolean referenced = !graph.incoming(t.name()).isEmpty();
        int measures = measures(t).size();
        int dates = dates(t).size();
        // a table other tables point at and that records no moment (a product with its list price) is a dimension
        if (references && measures > 0 && (dates > 0 || !referenced)) {
            return Role.FACT;
        }
        if (references && dates > 0 && !referencedByDimensionsOnly(t)) {
            return Role.HEADER;
        }
        if (!references && !referenced && measures > 0 && dates > 0) {
            return Role.FACT;
        }
        return Role.DIMENSION;
    }

    /** A table referenced by tables that are no facts (a customer's address book) stays a dimension. */
    private boolean referencedByDimensionsOnly(TableProfile t) {
        List<Relationship> in = graph.incoming(t.name());
        return !in.isEmpty() && in.stream().allMatch(r -> {
            TableProfile from = graph.table(r.fromTable());
            return from != null && measures(from).isEmpty() && dates(from).isEmpty();
        });
    }
}
