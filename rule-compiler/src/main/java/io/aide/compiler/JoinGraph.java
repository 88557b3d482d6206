package io.aide.compiler;

import io.aide.compiler.SourceTables.Table;
import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.MappingRow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.aide.compiler.SourceTables.unquote;

/**
 * The join graph of one target: edges read from the mapping's join cells (conditions, shared columns, arrow chains)
 * and from the registered foreign keys, and the shortest path between two tables.
 */
final class JoinGraph {
    private static final Pattern EQUALITY = Pattern.compile(
            "([\\w\"`\\[\\]]+(?:\\.[\\w\"`\\[\\]]+)?)\\.([\\w\"`\\[\\]]+)\\s*=\\s*([\\w\"`\\[\\]]+(?:\\.[\\w\"`\\[\\]]+)?)\\.([\\w\"`\\[\\]]+)");
    private static final Pattern CHAIN = Pattern.compile("([A-Za-z_][\\w.]*)(?:\\s*(?:->|→|>|=>)\\s*([A-Za-z_][\\w.]*))+");
    /** "JOIN customers c", "FROM orders AS o": aliases an analyst declares in a join written as SQL. */
    private static final Pattern ALIAS_DECLARATION = Pattern.compile(
            "(?i)\\b(?:join|from)\\s+(?:with\\s+|to\\s+)?([A-Za-z_][\\w.]*)(?:\\s+(?:as\\s+)?(?!(?:on|using|where|with|left|right|inner|outer|full|cross|join|and)\\b)([A-Za-z_]\\w*))?");
    /** "Join customers on customer_id", "left join customers using (customer_id)": one column both tables share. */
    /** "join ORD_HDR on ORDER_NO", "ORD_LINE inner join ORD_HDR using (ORDER_NO)": a column both tables have, by name. */
    private static final Pattern JOIN_ON_SHARED_COLUMN = Pattern.compile(
            "(?i)^\\s*(?:([A-Za-z_][\\w.]*)\\s+(?=(?:left|inner|right|full|outer|join)\\b))?(?:(?:left|inner|right|full)?\\s*(?:outer\\s+)?join\\s+"
            + "(?:with\\s+|to\\s+)?)?([A-Za-z_][\\w.]*)\\s+(?:on|using)\\s*\\(?\\s*([A-Za-z_]\\w*)\\s*\\)?\\s*$");

    /**
     * @param cleaning the functions both keys are compared through, in order ("on ORDER_NO (trim/upper both sides)":
     *                 TRIM, then UPPER); empty when they are compared as they are
     */
    record Edge(String leftAlias, String leftColumn, String rightAlias, String rightColumn, boolean left, String ref,
                List<String> cleaning) {
        Edge {
            cleaning = List.copyOf(cleaning);
        }

        Edge(String leftAlias, String leftColumn, String rightAlias, String rightColumn, boolean left, String ref) {
            this(leftAlias, leftColumn, rightAlias, rightColumn, left, ref, List.of());
        }

        /** A key column of the edge as it is compared. */
        io.aide.compiler.plan.Expr key(String alias, String column) {
            io.aide.compiler.plan.Expr c = new io.aide.compiler.plan.Expr.Col(alias, column);
            for (String fn : cleaning) {
                c = new io.aide.compiler.plan.Expr.Fn(fn, List.of(c));
            }
            return c;
        }

        /** right = left, each key as it is compared. */
        io.aide.compiler.plan.Expr on() {
            return new io.aide.compiler.plan.Expr.Bin("=", key(rightAlias, rightColumn), key(leftAlias, leftColumn));
        }

        Edge reversed() {
            return new Edge(rightAlias, rightColumn, leftAlias, leftColumn, left, ref, cleaning);
        }
    }

    /** The functions a bracket that says how both keys are cleaned asks for: TRIM, then UPPER when it says so. */
    private static List<String> cleaningOf(String bracket) {
        String b = bracket.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        if (b.contains("trim")) {
            out.add("TRIM");
        }
        if (b.contains("upper") || b.contains("case")) {
            out.add("UPPER");
        }
        return out;
    }

    /** "(trim/upper both sides)", "(trimmed, any case)": a bracket that says only how both keys are cleaned before they match. */
    private static final Pattern KEYS_CLEANED = Pattern.compile("(?i)\\s*\\((?=[^()]*\\b(?:trim|upper))\\s*(?:(?:trim(?:med)?|upper(?:[- ]?cased?)?"
            + "|case[- ]insensitive|any\\s+case|ignor(?:e|ing)\\s+case|(?:on\\s+)?both\\s+sides|each\\s+side|both|and|then|/|,|\\+)\\s*)+\\)");

    private final SourceTables tables;
    private final SchemaCatalog catalog;
    private final List<Diagnostic> diagnostics;
    private final List<Edge> edges = new ArrayList<>();

    JoinGraph(SourceTables tables, List<Diagnostic> diagnostics) {
        this.tables = tables;
        this.catalog = tables.catalog();
        this.diagnostics = diagnostics;
    }

    /** Reads the join cells of the rows, then adds the registered foreign keys between the tables in use. */
    void read(List<MappingRow> rows) {
        for (MappingRow r : rows) {
            if (r.join() == null || r.join().isBlank()) {
                continue;
            }
            String text = r.join();
            String lower = text.toLowerCase(Locale.ROOT);
            // a join enriches the target's rows: they are kept without a match unless the words ask for the match
            boolean rowLeft = !innerText(lower) || leftText(lower) || leftText(String.valueOf(r.nullHandling()).toLowerCase(Locale.ROOT));
            Matcher m = EQUALITY.matcher(text);
            boolean found = false;
            Map<String, String> aliases = declaredAliases(text);
            // "order_lines ol INNER JOIN orders o": the aliases hold for the target's rules and filters too
            aliases.forEach(tables::declareAlias);
            // "A.ORDER_NO = B.ORDER_NO (trimmed, any case)": both keys cleaned as the bracket says
            Matcher keysCleaned = KEYS_CLEANED.matcher(text);
            List<String> equalityCleaning = keysCleaned.find() ? cleaningOf(keysCleaned.group()) : List.of();
            for (String part : text.split(";|\\band\\b|\\n")) {
                Matcher pm = EQUALITY.matcher(part);
                if (pm.find()) {
                    found = true;
                    Table a = tables.findTable(aliases.getOrDefault(unquote(pm.group(1)).toLowerCase(Locale.ROOT), pm.group(1)));
                    Table b = tables.findTable(aliases.getOrDefault(unquote(pm.group(3)).toLowerCase(Locale.ROOT), pm.group(3)));
                    if (a == null || b == null) {
                        diagnostics.add(new Diagnostic(Diagnostic.WARNING, "join_table_unknown",
                                "join '" + part.trim() + "' names a table that is not a source of the mapping", null, r.ref()));
                        continue;
                    }
                    boolean left = rowLeft || leftText(part.toLowerCase(Locale.ROOT));
                    addEdge(new Edge(a.alias(), tables.canonicalColumn(a, unquote(pm.group(2))), b.alias(),
                            tables.canonicalColumn(b, unquote(pm.group(4))), left, r.ref(), equalityCleaning));
                }
            }
            // "WHSL_ORDER_HDR on ORDER_NO (trim/upper both sides). Inner join: lines without a header are not loaded.": the
            // join in its first sentence, how its keys are cleaned in a bracket, then sentences on what kind of join it is
            Matcher cleanedKeys = KEYS_CLEANED.matcher(text);
            boolean cleaned = cleanedKeys.find();
            List<String> cleaning = cleaned ? cleaningOf(cleanedKeys.group()) : List.of();
            String core = cleaned ? cleanedKeys.replaceAll("") : text;
            String[] sentences = core.strip().split("(?<=\\.)\\s+(?=[A-Z])");
            String first = sentences[0].replaceAll("\\.\\s*$", "");
            boolean restIsKind = true;
            for (int i = 1; i < sentences.length; i++) {
                String said = sentences[i].toLowerCase(Locale.ROOT);
                restIsKind &= innerText(said) || leftText(said) || said.matches("(?s).*\\b(?:not\\s+loaded|dropped|kept)\\b.*");
            }
            Matcher shared = found ? null : JOIN_ON_SHARED_COLUMN.matcher(restIsKind ? first : text);
            if (shared != null && shared.matches()) {
                found = true;
                Table joined = tables.findTable(shared.group(2));
                Table named = shared.group(1) == null ? null : tables.findTable(shared.group(1));
                Table base = named != null && named != joined ? named : tables.all().stream().filter(t -> t != joined).findFirst().orElse(null);
                String column = shared.group(3);
                if (joined == null || base == null || tables.catalogKnows(joined) && !tables.hasColumn(joined, column)
                        || tables.catalogKnows(base) && !tables.hasColumn(base, column)) {
                    diagnostics.add(new Diagnostic(Diagnostic.WARNING, "join_not_understood", "cannot tell how \""
                            + text.trim() + "\" joins: write the condition (a.x = b.y)", null, r.ref()));
                } else {
                    addEdge(new Edge(joined.alias(), tables.canonicalColumn(joined, column), base.alias(),
                            tables.canonicalColumn(base, column), rowLeft, r.ref(), cleaning));
                }
            }
            if (!found) {
                Matcher chain = CHAIN.matcher(text);
                if (chain.find() && (text.contains("->") || text.contains("→") || text.contains(">"))) {
                    String[] names = chain.group().split("\\s*(?:->|→|=>|>)\\s*");
                    for (int i = 0; i + 1 < names.length; i++) {
                        Table a = tables.findTable(names[i]);
                        Table b = tables.findTable(names[i + 1]);
                        Edge e = a == null || b == null ? null : edgeFromKeys(a, b, rowLeft, r.ref());
                        if (e == null) {
                            diagnostics.add(new Diagnostic(Diagnostic.WARNING, "join_not_understood",
                                    "cannot tell how " + names[i] + " joins " + names[i + 1]
                                            + ": register foreign keys or write the condition (a.x = b.y)", null, r.ref()));
                        } else {
                            addEdge(e);
                        }
                    }
                } else if (m.find()) {
                    found = true;
                } else {
                    diagnostics.add(new Diagnostic(Diagnostic.WARNING, "join_not_understood",
                            "join text not understood: \"" + text + "\"", null, r.ref()));
                }
            }
        }
        if (catalog != null) {
            for (Table t : new ArrayList<>(tables.all())) {
                catalog.table(t.schema(), t.name()).ifPresent(ct -> {
                    for (SchemaCatalog.ForeignKey fk : ct.foreignKeys()) {
                        Table ref = tables.all().stream().filter(x -> references(fk, x.schema(), x.name()))
                                .findFirst().orElse(null);
                        if (ref != null && fk.columns().size() == 1 && fk.referencedColumns().size() == 1) {
                            addEdge(new Edge(t.alias(), fk.columns().get(0), ref.alias(), fk.referencedColumns().get(0),
                                    false, null));
                        }
                    }
                });
            }
        }
    }

    /**
     * Alias -> table name: the aliases the text declares, and an undeclared short alias (o, oi) that abbreviates
     * exactly one source table of the layer.
     */
    Map<String, String> declaredAliases(String text) {
        Map<String, String> out = new HashMap<>();
        Matcher d = ALIAS_DECLARATION.matcher(text);
        while (d.find()) {
            if (d.group(2) != null) {
                out.put(d.group(2).toLowerCase(Locale.ROOT), d.group(1));
            }
        }
        Matcher q = EQUALITY.matcher(text);
        while (q.find()) {
            for (String qualifier : List.of(unquote(q.group(1)), unquote(q.group(3)))) {
                String k = qualifier.toLowerCase(Locale.ROOT);
                if (k.length() > 3 || out.containsKey(k) || tables.findTable(qualifier) != null) {
                    continue;
                }
                List<String> named = tables.sourceTableNames().stream().filter(n -> abbreviates(k, n)).toList();
                if (named.size() == 1) {
                    out.put(k, named.get(0));
                }
            }
        }
        return out;
    }

    /** o abbreviates orders, oi abbreviates order_items (first letters of its words). */
    static boolean abbreviates(String alias, String table) {
        String t = table.toLowerCase(Locale.ROOT);
        String base = t.contains(".") ? t.substring(t.lastIndexOf('.') + 1) : t;
        StringBuilder initials = new StringBuilder();
        for (String w : base.split("_+")) {
            if (!w.isEmpty()) {
                initials.append(w.charAt(0));
            }
        }
        return initials.toString().equals(alias) || alias.length() == 1 && base.startsWith(alias) && !base.contains("_");
    }

    /**
     * Words of a join, null-handling or notes cell that keep the rows without a match: "left join", "outer",
     * "without a match", "keep all rows", "even if", "if any", "if unmatched, use NULL", "NULL when not found", "keep
     * payments whose employee is missing", "not on file".
     */
    private static final Pattern LEFT_TEXT = Pattern.compile(".*\\b(left(?!\\s+(?:out|off)\\b)|outer)\\b.*|.*\\bwithout (a )?match.*|.*\\bkeep(s)? (all|rows).*|.*\\beven if\\b.*"
                + "|.*\\bif (any|exists)\\b.*|.*\\b(unmatched|no match(es|ing)?|not matched|not found|does not match|doesn't match)\\b.*"
                // "keep payments whose employee is missing", "customer may not be on file"; rows "left out" are dropped
                + "|.*\\bkeep(s|ing)?\\b.*\\b(missing|absent|unknown)\\b.*|.*\\bnot on file\\b.*|.*\\bmay be missing\\b.*");

    static boolean leftText(String lower) {
        return LEFT_TEXT.matcher(lower).matches();
    }

    /**
     * Words of a join cell that keep only the rows with a match: "inner join", "only where a customer exists", "must
     * match", "exclude rows without". Without them a join keeps the target's rows (a left join): losing rows of the
     * target's grain because a lookup found nothing is a silent error, a missing value is a visible one.
     */
    private static final Pattern INNER_TEXT = Pattern.compile(".*\\binner\\b.*|.*\\bonly\\b.*|.*\\bmust (exist|match|have)\\b.*"
            + "|.*\\b(exclude|drop|discard|skip|remove|filter out)\\b.*|.*\\bmatching (rows|records) only\\b.*");

    static boolean innerText(String lower) {
        return INNER_TEXT.matcher(lower).matches();
    }

    void addEdge(Edge e) {
        boolean dup = edges.stream().anyMatch(x -> sameEdge(x, e));
        if (!dup) {
            edges.add(e);
        } else if (e.left()) {
            edges.replaceAll(x -> sameEdge(x, e) ? new Edge(x.leftAlias(), x.leftColumn(), x.rightAlias(), x.rightColumn(), true, x.ref(),
                    x.cleaning()) : x);
        }
    }

    static boolean sameEdge(Edge a, Edge b) {
        return (a.leftAlias().equalsIgnoreCase(b.leftAlias()) && a.rightAlias().equalsIgnoreCase(b.rightAlias())
                && a.leftColumn().equalsIgnoreCase(b.leftColumn()) && a.rightColumn().equalsIgnoreCase(b.rightColumn()))
                || (a.leftAlias().equalsIgnoreCase(b.rightAlias()) && a.rightAlias().equalsIgnoreCase(b.leftAlias())
                && a.leftColumn().equalsIgnoreCase(b.rightColumn()) && a.rightColumn().equalsIgnoreCase(b.leftColumn()));
    }

    /** A foreign key names its table bare or schema-qualified (as a database with several schemas reports it). */
    static boolean references(SchemaCatalog.ForeignKey fk, String schema, String name) {
        String referenced = fk.referencedTable();
        return referenced.equalsIgnoreCase(name) || schema != null && referenced.equalsIgnoreCase(schema + "." + name);
    }

    /** A join between two tables from the registered keys, or by the naming convention table_id / TableId. */
    Edge edgeFromKeys(Table a, Table b, boolean left, String ref) {
        if (catalog != null) {
            Optional<SchemaCatalog.Table> ca = catalog.table(a.schema(), a.name());
            Optional<SchemaCatalog.Table> cb = catalog.table(b.schema(), b.name());
            for (var pair : List.of(List.of(ca, cb), List.of(cb, ca))) {
                if (pair.get(0).isEmpty() || pair.get(1).isEmpty()) {
                    continue;
                }
                for (SchemaCatalog.ForeignKey fk : pair.get(0).get().foreignKeys()) {
                    if (references(fk, pair.get(1).get().schema(), pair.get(1).get().name()) && fk.columns().size() == 1) {
                        Table from = pair.get(0) == ca ? a : b;
                        Table to = pair.get(0) == ca ? b : a;
                        return new Edge(from.alias(), fk.columns().get(0), to.alias(), fk.referencedColumns().get(0), left, ref);
                    }
                }
            }
            for (var pair : List.of(List.of(a, b), List.of(b, a))) {
                Table child = pair.get(0);
                Table parent = pair.get(1);
                Optional<SchemaCatalog.Table> cp = catalog.table(parent.schema(), parent.name());
                if (cp.isEmpty()) {
                    continue;
                }
                List<String> pk = cp.get().primaryKey();
                String pkCol = pk.size() == 1 ? pk.get(0) : cp.get().column(parent.name() + "Id")
                        .or(() -> cp.get().column(parent.name() + "_id")).map(SchemaCatalog.Column::name).orElse(null);
                if (pkCol != null && tables.hasColumn(child, pkCol)) {
                    return new Edge(child.alias(), tables.canonicalColumn(child, pkCol), parent.alias(), pkCol, left, ref);
                }
            }
        }
        return null;
    }

    /** Shortest join path from one relation to another, as a list of edges oriented from -> to. */
    List<Edge> path(String from, String to) {
        if (from.equalsIgnoreCase(to)) {
            return List.of();
        }
        Map<String, Edge> cameBy = new HashMap<>();
        Map<String, String> prev = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(from.toLowerCase(Locale.ROOT));
        Set<String> seen = new HashSet<>(queue);
        while (!queue.isEmpty()) {
            String cur = queue.poll();
            for (Edge e : edges) {
                Edge oriented = null;
                if (e.leftAlias().equalsIgnoreCase(cur)) {
                    oriented = e;
                } else if (e.rightAlias().equalsIgnoreCase(cur)) {
                    oriented = e.reversed();
                }
                if (oriented == null) {
                    continue;
                }
                String next = oriented.rightAlias().toLowerCase(Locale.ROOT);
                if (seen.add(next)) {
                    cameBy.put(next, oriented);
                    prev.put(next, cur);
                    if (next.equalsIgnoreCase(to)) {
                        List<Edge> out = new ArrayList<>();
                        String n = next;
                        while (cameBy.containsKey(n)) {
                            out.add(0, cameBy.get(n));
                            n = prev.get(n);
                        }
                        return out;
                    }
                    queue.add(next);
                }
            }
        }
        return null;
    }
}
