package io.aide.compiler;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import io.aide.compiler.rules.ForwardingRuleContext;
import io.aide.compiler.rules.RuleContext;
import io.aide.compiler.rules.SqlExpressionParser;
import io.aide.events.spec.MappingRow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rows of a kind ({@link RowClasses}) left out of the table a target reads. Each condition of the kind is tested
 * in that table when it has what the condition names ("member numbers starting with '99'" in FFP_TIER_HIST, which has
 * MEMBER_NO); otherwise in the one registered table that has it, through the column both tables share ("members whose
 * LAST_NM is 'TEST' in FFP_MEMBER": a tier row whose MEMBER_NO has such a member). A row of any condition is left out.
 */
final class LinkedConditions {
    /** Reads one condition in a context: the filter grammar of {@link RowChoices}. */
    interface Reader {
        Expr read(String condition, RuleContext ctx) throws SqlExpressionParser.NotCompilable;
    }

    /** The name parts of a column that identifies a thing ("PROP_CD", "MEMBER_NO", "MRN"). */
    private static final Pattern ID = Pattern.compile("(?i)^(?:mrn|[a-z0-9]+_(?:id|no|nbr|num|number|code|cd|key|ref))$");
    private static final String INNER = "lk";

    private final SourceTables tables;
    private final ColumnBinder binder;
    private final TypeCoercion types;
    private final Reader reader;

    LinkedConditions(SourceTables tables, ColumnBinder binder, TypeCoercion types, Reader reader) {
        this.tables = tables;
        this.binder = binder;
        this.types = types;
        this.reader = reader;
    }

    /**
     * The test that keeps the rows not of the kind, or null (why[0] set) when a condition cannot be told for the
     * table the target reads.
     */
    Expr leftOut(RowClasses.RowClass kind, MappingRow r, String baseAlias, String[] why) {
        SourceTables.Table base = tables.all().stream().filter(t -> t.alias().equals(baseAlias)).findFirst().orElse(null);
        SchemaCatalog catalog = tables.catalog();
        if (base == null || catalog == null) {
            why[0] = "the " + kind.names().get(0) + " rows are left out, but the target reads no registered table";
            return null;
        }
        Expr any = null;
        for (String written : kind.conditions()) {
            ChoiceWords.Reading reading = ChoiceWords.read("Exclude " + written);
            if (reading == null) {
                why[0] = "the condition '" + written + "' of a " + kind.names().get(0) + " is not understood";
                return null;
            }
            DocumentConventions compared = new DocumentConventions(reading.anyCase(), reading.trimmed(), false, List.of());
            for (String condition : reading.conditions()) {
                Expr f = own(condition, r, baseAlias);
                if (f != null) {
                    f = compared.applied(f, x -> TypeCoercion.textual(types.infer(x)));
                } else {
                    f = linked(condition, r, base, catalog, compared);
                }
                if (f == null) {
                    why[0] = "'" + condition + "' (what makes a " + kind.names().get(0) + ") reads columns " + base.name()
                            + " does not have, and it shares no key column with the one table that has them";
                    return null;
                }
                any = any == null ? f : new Expr.Bin("OR", any, f);
            }
        }
        return any == null ? null : new Expr.Not(new Expr.Fn("COALESCE", List.of(any, new Expr.Lit(false))));
    }

    /** The condition read in the target's own table, or null when it names what that table does not have. */
    private Expr own(String condition, MappingRow r, String baseAlias) {
        try {
            Expr f = reader.read(condition, binder.filterContext(r));
            return Expr.columns(f).stream().allMatch(c -> baseAlias.equals(c.relation())) ? f : null;
        } catch (SqlExpressionParser.NotCompilable e) {
            return null;
        }
    }

    /**
     * EXISTS a row of the one other registered table the condition reads in, matched on the column both tables share
     * (trimmed, any case): the column the condition names where the target's table has it, else the one identifier.
     */
    private Expr linked(String condition, MappingRow r, SourceTables.Table base, SchemaCatalog catalog,
                        DocumentConventions compared) {
        SchemaCatalog.Table own = catalog.table(base.schema(), base.name()).orElse(null);
        if (own == null) {
            return null;
        }
        Expr found = null;
        SchemaCatalog.Table owner = null;
        for (SchemaCatalog.Table t : catalog.tables()) {
            if (t == own) {
                continue;
            }
            Expr f = inTable(condition, r, t);
            if (f != null) {
                if (owner != null) {
                    // two tables could hold what it names: which one is meant is not said
                    return null;
                }
                owner = t;
                found = f;
            }
        }
        if (owner == null) {
            return null;
        }
        String link = link(found, own, owner);
        if (link == null) {
            return null;
        }
        Expr value = new Expr.Fn("UPPER", List.of(new Expr.Fn("TRIM", List.of(new Expr.Col(base.alias(),
                own.column(link).orElseThrow().name())))));
        Expr inner = compared.applied(found, x -> true);
        return new Expr.Exists(SourceTables.qualifiedName(new SourceTables.Table(owner.schema(), owner.name(), INNER)),
                List.of(new Expr.Match(owner.column(link).orElseThrow().name(), List.of(value), List.of("TRIM", "UPPER"))),
                inner, false);
    }

    /** The condition read over the columns of table t (as relation "lk"), or null when it names what t lacks. */
    private Expr inTable(String condition, MappingRow r, SchemaCatalog.Table t) {
        String qualified = condition.replaceAll("(?i)\\b" + Pattern.quote(t.name()) + "\\.", "");
        if (qualified.matches("(?s).*\\b[A-Za-z]\\w*\\.[A-Za-z]\\w*.*") && !qualified.matches("(?s).*\\d\\.\\d.*")) {
            // another table's column, named with its table
            return null;
        }
        List<Expr.Col> columns = t.columns().stream().map(c -> new Expr.Col(INNER, c.name())).toList();
        RuleContext ctx = new ForwardingRuleContext(binder.filterContext(r)) {
            @Override
            public List<Expr.Col> sources() {
                return columns;
            }

            @Override
            public Expr resolve(String qualifier, String name) {
                if (qualifier != null && !qualifier.equalsIgnoreCase(t.name())) {
                    return null;
                }
                return t.column(name.replaceAll("^\"|\"$", "")).map(c -> (Expr) new Expr.Col(INNER, c.name())).orElse(null);
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
        try {
            Expr f = reader.read(qualified, ctx);
            return !Expr.columns(f).isEmpty() && Expr.columns(f).stream().allMatch(c -> INNER.equals(c.relation())) ? f : null;
        } catch (SqlExpressionParser.NotCompilable e) {
            return null;
        }
    }

    /** The column both tables have: one the condition names, else the one identifier they share. */
    private static String link(Expr condition, SchemaCatalog.Table own, SchemaCatalog.Table owner) {
        Set<String> named = new LinkedHashSet<>();
        Expr.columns(condition).forEach(c -> named.add(c.column().toLowerCase(Locale.ROOT)));
        List<String> shared = new ArrayList<>();
        for (SchemaCatalog.Column c : owner.columns()) {
            if (own.column(c.name()).isPresent()) {
                shared.add(c.name().toLowerCase(Locale.ROOT));
            }
        }
        List<String> namedShared = shared.stream().filter(named::contains).toList();
        if (namedShared.size() == 1) {
            return namedShared.get(0);
        }
        List<String> ids = shared.stream().filter(c -> ID.matcher(c).matches() && !STATE.matcher(c).find()).toList();
        if (ids.size() > 1) {
            // "MEMBER_NO" of FFP_MEMBER: the identifier named after the table's thing, or its declared key
            String head = io.aide.compiler.lang.RowTables.singular(owner.name().toLowerCase(Locale.ROOT).replaceAll("^.*_", ""));
            List<String> named2 = ids.stream().filter(c -> {
                String first = c.substring(0, c.indexOf('_') < 0 ? c.length() : c.indexOf('_'));
                return first.length() >= 3 && head.startsWith(first);
            }).toList();
            ids = named2.isEmpty() ? ids.stream().filter(c -> owner.primaryKey().stream().anyMatch(c::equalsIgnoreCase)).toList()
                    : named2;
        }
        return ids.size() == 1 ? ids.get(0) : null;
    }

    /** A column that holds a state or a kind, which no row is identified by. */
    private static final Pattern STATE = Pattern.compile("(?i)(?:^|_)(?:status|stat|state|sts|type|typ|flag|flg|ind|class|cat)(?:_|$)");
}
