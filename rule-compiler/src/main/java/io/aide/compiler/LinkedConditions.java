package io.aide.compiler;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.RuleContext;
import io.aide.compiler.rules.SqlExpressionParser;
import io.aide.events.spec.MappingRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
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
    /** table.column standing alone: no more dotted parts around it, not inside quotes. */
    private static final Pattern TABLE_COLUMN = Pattern.compile("(?<![\\w.'])[A-Za-z]\\w*\\.[A-Za-z]\\w*(?![\\w.'])");

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
    Expr leftOut(RowClasses.RowClass kind, String sentence, MappingRow r, String baseAlias, String[] why) {
        SourceTables.Table base = tables.all().stream().filter(t -> t.alias().equals(baseAlias)).findFirst().orElse(null);
        SchemaCatalog catalog = tables.catalog();
        if (base == null || catalog == null) {
            why[0] = "the " + kind.names().get(0) + " rows are left out, but the target reads no registered table";
            return null;
        }
        Expr any = null;
        int unconcerned = 0;
        for (String written : kind.conditions()) {
            Expr f = null;
            String failed = written;
            for (ChoiceWords.Reading reading : readings(written)) {
                DocumentConventions compared = new DocumentConventions(reading.anyCase(), reading.trimmed(), false, List.of());
                Expr all = null;
                for (String condition : reading.conditions()) {
                    Expr one = one(condition, r, base, catalog, compared);
                    if (one == null) {
                        failed = condition;
                        all = null;
                        break;
                    }
                    all = all == null || all instanceof Expr.Lit ? one : one instanceof Expr.Lit ? all : new Expr.Bin("OR", all, one);
                }
                if (all != null) {
                    f = all;
                    break;
                }
            }
            if (f == null) {
                why[0] = "'" + failed + "' (what makes a " + kind.names().get(0) + ") reads columns " + base.name()
                        + " does not have, and it shares no key column with the one table that has them";
                return null;
            }
            if (f instanceof Expr.Lit) {
                unconcerned++;
                continue;
            }
            any = any == null ? f : new Expr.Bin("OR", any, f);
        }
        if (any == null && unconcerned > 0 && namesTable(withoutKind(sentence, kind), base.name(), r.targetTable())) {
            // "Test properties and their leases are ignored" where the lease names its property otherwise
            why[0] = "the " + kind.names().get(0) + " rows are said to be left out of " + base.name() + ", which holds no "
                    + "identifier of them";
            return null;
        }
        if (any == null) {
            // none of the target's rows can be of the kind, nor belong to one, and the sentence names none of them
            return unconcerned > 0 ? new Expr.Lit(true) : null;
        }
        return new Expr.Not(new Expr.Fn("COALESCE", List.of(any, new Expr.Lit(false))));
    }

    private static final Pattern ASIDE = Pattern.compile("\\s*\\(([^()]*)\\)\\s*$");

    /**
     * The ways to read a condition: as the row-choice words read it ("members whose LAST_NM is 'TEST' (any case) in
     * FFP_MEMBER"), and as written, with how it compares in the bracket after it ("email ends with '@test.io'").
     */
    private static List<ChoiceWords.Reading> readings(String written) {
        List<ChoiceWords.Reading> out = new ArrayList<>();
        ChoiceWords.Reading words = ChoiceWords.read("Exclude " + written);
        if (words != null) {
            out.add(words);
        }
        java.util.regex.Matcher aside = ASIDE.matcher(written);
        boolean said = aside.find();
        String how = said ? aside.group(1).toLowerCase(Locale.ROOT) : "";
        String plain = said ? written.substring(0, aside.start()) : written;
        out.add(new ChoiceWords.Reading(List.of(plain.strip()), true, how.matches(".*\\b(?:any|either)\\s+case\\b.*|.*\\bignor\\w*\\s+case.*"),
                how.matches(".*\\btrim\\w*.*")));
        return out;
    }

    /** One condition: read in the target's table, else through another (TRUE: none of its rows can be one); null if neither. */
    private Expr one(String condition, MappingRow r, SourceTables.Table base, SchemaCatalog catalog, DocumentConventions compared) {
        Expr f = own(condition, r, base.alias());
        // "store numbers 900-999" of a text column: compared as numbers, as any filter's comparison is
        return f != null ? compared.applied(types.typeFix(f, null), x -> TypeCoercion.textual(types.infer(x)))
                : linked(condition, r, base, catalog, compared);
    }

    /**
     * The condition without the table it names ("LAST_NM is 'TEST' in FFP_MEMBER", "FFP_MEMBER.LAST_NM is 'TEST'") when
     * that is the table given; as it is otherwise (the table named stays, and the condition reads in no other).
     */
    private static String ofTable(String condition, String table) {
        return condition.replaceAll("(?i)\\b" + Pattern.quote(table) + "\\.", "")
                .replaceAll("(?i)\\s+(?:in|of|from)\\s+(?:the\\s+)?" + Pattern.quote(table) + "(?:\\s+table)?\\s*$", "");
    }

    private static final Pattern TABLE_NAMED = Pattern.compile("(?is).*?(?:\\s(?:in|of|from)\\s+(?:the\\s+)?([A-Za-z]\\w*)"
            + "(?:\\s+table)?\\s*$|\\b([A-Za-z]\\w*)\\.[A-Za-z]\\w*\\b.*)");

    /** The condition names a registered table: "... in FFP_MEMBER", "FFP_MEMBER.LAST_NM ...". */
    private boolean namesATable(String condition) {
        java.util.regex.Matcher m = TABLE_NAMED.matcher(condition);
        if (!m.matches() || tables.catalog() == null) {
            return false;
        }
        String table = m.group(1) != null ? m.group(1) : m.group(2);
        return table != null && tables.catalog().table(table).isPresent();
    }

    /** The condition read in the target's own table, or null when it names what that table does not have. */
    private Expr own(String condition, MappingRow r, String baseAlias) {
        SourceTables.Table base = tables.all().stream().filter(t -> t.alias().equals(baseAlias)).findFirst().orElse(null);
        String stated = base == null ? condition : ofTable(condition, base.name());
        if (namesATable(stated)) {
            // "LAST_NM is 'TEST' in FFP_MEMBER" read in another table
            return null;
        }
        try {
            Expr f = reader.read(stated, binder.filterContext(r));
            return Expr.columns(f).stream().allMatch(c -> baseAlias.equals(c.relation())) ? f : null;
        } catch (SqlExpressionParser.NotCompilable e) {
            return null;
        }
    }

    /**
     * EXISTS a row of the one other registered table the condition reads in, matched on that table's identifier where
     * the target's table holds it ("members whose LAST_NM is TEST": the tier row's MEMBER_NO), or through one table in
     * between that the target's table names by its identifier and that holds the other's (a charge's lease, on a test
     * property); TRUE when the target's table names neither, so none of its rows is one of them or belongs to one; null
     * when the condition reads in no other table or in several.
     */
    private Expr linked(String condition, MappingRow r, SourceTables.Table base, SchemaCatalog catalog,
                        DocumentConventions compared) {
        SchemaCatalog.Table own = catalog.table(base.schema(), base.name()).orElse(null);
        if (own == null) {
            return null;
        }
        Map<SchemaCatalog.Table, Expr> reading = new LinkedHashMap<>();
        for (SchemaCatalog.Table t : catalog.tables()) {
            Expr f = t == own ? null : inTable(condition, r, t);
            if (f != null) {
                reading.put(t, f);
            }
        }
        if (reading.size() > 1 && reading.keySet().stream().anyMatch(t -> !binder.upstream(t.name()))) {
            // "first name is 'TEST'": the source table's column, not the one another target's view copies from it
            reading.keySet().removeIf(t -> binder.upstream(t.name()));
        }
        if (reading.size() > 1) {
            // "emp_id starts with 'TST'" reads in the employees and in the timesheets: the table it identifies a row of
            reading.keySet().removeIf(t -> Expr.columns(reading.get(t)).stream().noneMatch(c -> c.column().equalsIgnoreCase(identifier(t))));
        }
        if (reading.size() != 1) {
            // no other table holds what it names, or several could and which one is meant is not said
            return null;
        }
        SchemaCatalog.Table owner = reading.keySet().iterator().next();
        Expr found = reading.get(owner);
        String id = identifier(owner);
        if (id == null) {
            return null;
        }
        Expr inner = compared.applied(found, x -> true);
        if (own.column(id).isPresent()) {
            return exists(owner, INNER, id, new Expr.Col(base.alias(), own.column(id).get().name()), inner);
        }
        List<SchemaCatalog.Table> between = new ArrayList<>();
        for (SchemaCatalog.Table m : catalog.tables()) {
            String mid = m == own || m == owner ? null : identifier(m);
            if (mid != null && own.column(mid).isPresent() && m.column(id).isPresent()) {
                between.add(m);
            }
        }
        if (between.size() == 1) {
            // a charge whose lease is on a test property: the lease row, then the property row
            SchemaCatalog.Table m = between.get(0);
            String mid = identifier(m);
            if (Expr.columns(inner).stream().allMatch(c -> c.column().equalsIgnoreCase(id))) {
                // "any MRN beginning with TST": the identifier the row in between holds tells it, whatever table lists it
                // (read as the identifiers are matched: trimmed, in any case)
                Expr held = Expr.mapColumns(inner, c -> new Expr.Fn("UPPER", List.of(new Expr.Fn("TRIM", List.of(
                        new Expr.Col(INNER, m.column(id).get().name()))))));
                return new Expr.Exists(SourceTables.qualifiedName(new SourceTables.Table(m.schema(), m.name(), INNER)), INNER,
                        List.of(new Expr.Match(m.column(mid).orElseThrow().name(), List.of(new Expr.Fn("UPPER", List.of(
                                new Expr.Fn("TRIM", List.of(new Expr.Col(base.alias(), own.column(mid).get().name())))))),
                                List.of("TRIM", "UPPER"))), held, false);
            }
            Expr deeper = Expr.mapColumns(inner, c -> new Expr.Col(INNER + "2", c.column()));
            Expr onOwner = exists(owner, INNER + "2", id, new Expr.Col(INNER, m.column(id).get().name()), deeper);
            return exists(m, INNER, mid, new Expr.Col(base.alias(), own.column(mid).get().name()), onOwner);
        }
        if (!between.isEmpty() || refersToAnother(own, catalog)) {
            return null;
        }
        // a department row holds no employee, nor a row that holds one: leaving out test employees leaves out none of it
        return new Expr.Lit(true);
    }

    /** The sentence without the words of the kind's names ("test" of "test patients" names no DIM_LAB_TEST). */
    private static String withoutKind(String sentence, RowClasses.RowClass kind) {
        String out = sentence.toLowerCase(Locale.ROOT);
        for (String condition : kind.conditions()) {
            // "Holders whose HOLDER_ID starts with 'TST', policies whose ...": each thing the kind is said of
            out = out.replace(condition.toLowerCase(Locale.ROOT), " ");
        }
        out = out.replaceAll("\\b[a-z][\\w-]*\\s+(?:whose|that|which)\\b", " ");
        for (String name : kind.names()) {
            for (String word : name.split(" ")) {
                out = out.replaceAll("\\b" + Pattern.quote(word) + "\\w*", " ");
            }
        }
        return out;
    }

    /** The sentence names the table or the target, or the thing either holds ("leases" for LEASE). */
    private static boolean namesTable(String sentence, String table, String target) {
        Set<String> words = new java.util.HashSet<>();
        java.util.regex.Matcher w = Pattern.compile("[A-Za-z][A-Za-z0-9_]*").matcher(sentence.toLowerCase(Locale.ROOT));
        while (w.find()) {
            words.add(w.group());
            words.add(io.aide.compiler.lang.RowTables.singular(w.group()));
        }
        for (String name : new String[] {table, target}) {
            if (name != null && (words.contains(name.toLowerCase(Locale.ROOT)) || words.contains(thing(name)))) {
                return true;
            }
        }
        return false;
    }

    private static Expr exists(SchemaCatalog.Table table, String alias, String column, Expr value, Expr where) {
        Expr cleaned = new Expr.Fn("UPPER", List.of(new Expr.Fn("TRIM", List.of(value))));
        return new Expr.Exists(SourceTables.qualifiedName(new SourceTables.Table(table.schema(), table.name(), alias)), alias,
                List.of(new Expr.Match(table.column(column).orElseThrow().name(), List.of(cleaned), List.of("TRIM", "UPPER"))),
                where, false);
    }

    /** The table holds another table's identifier beside its own: its rows may belong to rows further away. */
    private static boolean refersToAnother(SchemaCatalog.Table own, SchemaCatalog catalog) {
        String self = identifier(own);
        for (SchemaCatalog.Table t : catalog.tables()) {
            String id = t == own ? null : identifier(t);
            if (id != null && !id.equalsIgnoreCase(self) && own.column(id).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The column that identifies a row of the table: its declared key, else the identifier named after the thing the
     * table holds (EMP_ID of HR_EMPLOYEE, PROP_CD of PROPERTY), else its first column when that is an identifier.
     */
    static String identifier(SchemaCatalog.Table t) {
        if (t.primaryKey().size() == 1) {
            return t.primaryKey().get(0);
        }
        String head = thing(t.name());
        List<String> named = new ArrayList<>();
        for (SchemaCatalog.Column c : t.columns()) {
            String n = c.name().toLowerCase(Locale.ROOT);
            int cut = n.indexOf('_');
            String first = cut < 0 ? n : n.substring(0, cut);
            if (ID.matcher(n).matches() && !STATE.matcher(n).find() && first.length() >= 3
                    && (head.startsWith(first) || first.startsWith(head))) {
                named.add(c.name());
            }
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        String first = t.columns().isEmpty() ? null : t.columns().get(0).name();
        return named.isEmpty() && first != null && ID.matcher(first).matches() && !STATE.matcher(first).find() ? first : null;
    }

    /** Words of a table's name that say what kind of table it is, not what it holds. */
    private static final Set<String> TABLE_WORDS = Set.of("dim", "fact", "fct", "stg", "src", "tbl", "raw", "ref", "lkp", "mart",
            "dw", "ods", "hist", "master", "mstr", "table", "data", "extract", "feed", "file", "header", "hdr", "detail", "dtl");

    /** The thing a table holds: HR_EMPLOYEE -> employee, CUST_MASTER -> cust, PAY_RUN_LINE -> line. */
    private static String thing(String name) {
        String[] parts = name.toLowerCase(Locale.ROOT).replaceAll("^.*\\.", "").split("_");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!TABLE_WORDS.contains(parts[i]) && parts[i].length() > 1) {
                return io.aide.compiler.lang.RowTables.singular(parts[i]);
            }
        }
        return parts[parts.length - 1];
    }

    /** The condition read over the columns of table t (as relation "lk"), or null when it names what t lacks. */
    private Expr inTable(String condition, MappingRow r, SchemaCatalog.Table t) {
        String qualified = ofTable(condition, t.name());
        if (TABLE_COLUMN.matcher(qualified).find() && !qualified.matches("(?s).*\\d\\.\\d.*")) {
            // another table's column, named with its table (a name of three dotted parts is a domain: qa.tunely.io)
            return null;
        }
        RuleContext ctx = TableContexts.over(binder.filterContext(r), t, INNER);
        try {
            Expr f = reader.read(qualified, ctx);
            return !Expr.columns(f).isEmpty() && Expr.columns(f).stream().allMatch(c -> INNER.equals(c.relation())) ? f : null;
        } catch (SqlExpressionParser.NotCompilable e) {
            return null;
        }
    }

    /** A column that holds a state or a kind, which no row is identified by. */
    private static final Pattern STATE = Pattern.compile("(?i)(?:^|_)(?:status|stat|state|sts|type|typ|flag|flg|ind|class|cat)(?:_|$)");
}
