package io.aide.compiler;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.RuleContext;
import io.aide.compiler.rules.RuleOutcome;
import io.aide.compiler.rules.SqlExpressionParser;
import io.aide.events.spec.MappingRow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column that counts or adds up the rows of another target that belong to the target's row: "Count of the invoice's
 * lines in FACT_TREATMENT (match on cleaned INVOICE_NO). 0 if none.", "Sum of FACT_TREATMENT.FEE_AMT for the invoice; 0
 * if no lines", "Total QUANTITY of the session's FACT_SALES_LINE rows with SALE_TYPE = 'Ticket'", "Sum of LINE_AMOUNT
 * over the session's ticket lines (SALE_TYPE = 'Ticket')".
 * <pre>
 * tally     := AGG [OF] [DISTINCT] items [grain] [condition] {bracket} {"." | ";" zero-if-none | match-on}
 * AGG       := count | number | how many | total | sum | average | max | min ...
 * items     := [thing's] (TARGET rows | nouns IN TARGET | TARGET.COLUMN | COLUMN [OF|OVER|FROM] [thing's] [TARGET] [nouns])
 * grain     := (for | of | per | linked to | belonging to) (the | this | each) thing
 * condition := (with | where | whose) test on TARGET's columns      bracket := "(" test ")" | "(" match on COLUMN ")" | remark
 * </pre>
 * The rows of the other target (a view the layer defines before this one) belong to the row when they hold the same
 * value of the identifier both targets have: the one the rule names ("match on INVOICE_NO"), else the shared identifier
 * whose name begins with the thing ("invoice": INVOICE_NO), else the only identifier they share. Anything else the
 * words say (a further condition in words, "confirmed bookings only") leaves the rule unread.
 */
final class TargetTallies {
    static final String ALIAS = "tl";
    private static final io.aide.compiler.lang.RuleLanguage WORDS = new io.aide.compiler.lang.RuleLanguage();

    private static final Pattern HEAD = Pattern.compile("(?i)^\\s*(?:the\\s+)?(count|number|how\\s+many|total|sum|average|avg|mean"
            + "|maximum|max|highest|latest|minimum|min|lowest|earliest)\\b(?:\\s+of)?\\s*(?:(distinct|different|unique)\\s+)?");
    private static final Pattern BRACKET = Pattern.compile("\\s*\\(([^()]*)\\)");
    private static final Pattern MATCH_ON = Pattern.compile("(?i)^\\s*(?:i\\.e\\.?\\s+)?(?:match(?:ed|ing)?|joined|linked)\\s+on\\s+(?:the\\s+)?"
            + "(?:cleaned\\s+|trimmed\\s+)?([A-Za-z][A-Za-z0-9_]*)\\s*[.]?\\s*$");
    private static final Pattern COMPARES = Pattern.compile("(?i)=|<|>|\\b(?:starts?\\s+with|begins?\\s+with|ends?\\s+with|in\\s*\\(|is\\s+not|is\\s+null)");
    private static final Pattern CONDITION = Pattern.compile("(?i)\\b(?:with|where|whose|having)\\s+(.+?)(?=\\s+(?:linked\\s+to|belonging\\s+to"
            + "|for|of|per|in)\\s+(?:the|this|that|each|its)\\b|\\s*$)");
    private static final Pattern POSSESSIVE = Pattern.compile("(?i)\\b(?:the\\s+|this\\s+|each\\s+)?([a-z][a-z-]*)'s\\b");
    private static final Pattern GRAIN = Pattern.compile("(?i)\\b(?:for|of|per|to|linked\\s+to|belonging\\s+to|against)\\s+(?:the|this|that|each|its)"
            + "\\s+([a-z][a-z-]*)\\b|\\bper\\s+([a-z][a-z-]*)\\b");
    private static final Pattern ZERO = Pattern.compile("(?i)^\\s*0(?:\\.0+)?\\s*(?:(?:if|when|where)\\s+(?:there\\s+(?:are|is)\\s+)?(?:none|no\\s+[a-z]+"
            + "(?:\\s+[a-z]+)?|nothing(?:\\s+[a-z]+)?|not\\s+found|none\\s+[a-z]+)|(?:for|with)\\s+none)?\\s*[.]?\\s*$");
    private static final Pattern ROW_NOUNS = Pattern.compile("(?i)^(?:rows?|records?|lines?|entries|entry|items?)$");
    private static final Set<String> FILLER = Set.of("the", "of", "over", "from", "in", "all", "its", "their", "a", "an", "on", "and",
            "this", "that", "each", "any", "s");
    /** The name parts of a column that identifies a thing. */
    private static final Pattern ID = Pattern.compile("(?i)^(?:[a-z0-9]+_)+(?:id|no|nbr|num|number|code|cd|key|ref|sk)$");

    private final ColumnBinder binder;
    private final SourceTables tables;

    TargetTallies(ColumnBinder binder, SourceTables tables) {
        this.binder = binder;
        this.tables = tables;
    }

    /** The row's value as an aggregate of another target's rows, flagged with why it cannot be, or null when it says none. */
    RuleOutcome read(MappingRow r) {
        String cell = r.transformation();
        SchemaCatalog catalog = tables.catalog();
        if (cell == null || cell.isBlank() || catalog == null) {
            return null;
        }
        List<String> sentences = sentences(cell.strip());
        Matcher head = HEAD.matcher(sentences.get(0));
        if (!head.lookingAt()) {
            return null;
        }
        String fn = function(head.group(1));
        boolean distinct = head.group(2) != null;
        boolean zero = saysZero(r.nullHandling()) || saysZero(r.defaultValue());
        String matchOn = null;
        for (String s : sentences.subList(1, sentences.size())) {
            Matcher on = MATCH_ON.matcher(s);
            if (on.matches()) {
                matchOn = on.group(1);
            } else if (saysZero(s)) {
                zero = true;
            } else {
                return null;
            }
        }
        if (r.nullHandling() != null && !r.nullHandling().isBlank() && !saysZero(r.nullHandling())) {
            return null;
        }
        String rest = sentences.get(0).substring(head.end());
        List<String> conditions = new ArrayList<>();
        Matcher bracket = BRACKET.matcher(rest);
        StringBuilder outside = new StringBuilder();
        int at = 0;
        while (bracket.find()) {
            outside.append(rest, at, bracket.start()).append(' ');
            at = bracket.end();
            Matcher on = MATCH_ON.matcher(bracket.group(1));
            if (on.matches()) {
                matchOn = on.group(1);
            } else if (COMPARES.matcher(bracket.group(1)).find()) {
                conditions.add(bracket.group(1).strip());
            }
            // any other bracket is a remark ("i.e. after the FACT_RIDE exclusions")
        }
        rest = outside.append(rest.substring(at)).toString();
        Matcher condition = CONDITION.matcher(rest);
        if (condition.find()) {
            conditions.add(condition.group(1).strip());
            rest = rest.substring(0, condition.start()) + " " + rest.substring(condition.end());
        }
        String thing = null;
        Matcher possessive = POSSESSIVE.matcher(rest);
        if (possessive.find()) {
            thing = possessive.group(1);
            rest = rest.substring(0, possessive.start()) + " " + rest.substring(possessive.end());
        }
        Matcher grain = GRAIN.matcher(rest);
        if (thing == null && grain.find()) {
            thing = grain.group(1) != null ? grain.group(1) : grain.group(2);
            rest = rest.substring(0, grain.start()) + " " + rest.substring(grain.end());
        }
        if (thing == null) {
            return null;
        }
        // the other target: named, else the one that has the column added up
        List<SchemaCatalog.Table> named = new ArrayList<>();
        String measure = null;
        for (SchemaCatalog.Table t : catalog.tables()) {
            if (!binder.upstream(t.name())) {
                continue;
            }
            Matcher m = Pattern.compile("(?i)\\b" + Pattern.quote(t.name()) + "(?:\\.([A-Za-z][A-Za-z0-9_]*))?\\b").matcher(rest);
            if (m.find()) {
                named.add(t);
                measure = m.group(1) != null ? m.group(1) : measure;
                rest = rest.substring(0, m.start()) + " " + rest.substring(m.end());
            }
        }
        List<String> names = columnNames(rest);
        if (named.isEmpty() && !names.isEmpty()) {
            for (SchemaCatalog.Table t : catalog.tables()) {
                if (binder.upstream(t.name()) && t.column(names.get(0)).isPresent()) {
                    named.add(t);
                }
            }
        }
        if (named.size() != 1) {
            return null;
        }
        SchemaCatalog.Table other = named.get(0);
        if (measure == null && !names.isEmpty() && other.column(names.get(0)).isPresent()) {
            measure = names.get(0);
        }
        if (measure != null) {
            rest = rest.replaceFirst("(?i)\\b" + Pattern.quote(measure) + "\\b", " ");
        }
        if ((measure == null) != (fn.equals("COUNT") && !distinct) || !onlyRowWords(rest, other.name(), !conditions.isEmpty())) {
            return null;
        }
        String shared = sharedIdentifier(other, thing, matchOn);
        if (shared == null) {
            return RuleOutcome.flagged("the " + other.name() + " rows counted for the " + thing + " are not said to match on a column"
                    + " both targets have (add 'match on <column>')");
        }
        Expr own = binder.targetValue(shared);
        if (own == null) {
            return RuleOutcome.flagged("the " + other.name() + " rows are matched on " + shared + ", which this target does not compile");
        }
        Set<String> read = new LinkedHashSet<>(List.of(other.column(shared).orElseThrow().name()));
        if (measure != null) {
            read.add(other.column(measure).orElseThrow().name());
        }
        Expr where = null;
        for (String c : conditions) {
            Expr test = condition(c, r, other);
            if (test == null) {
                return RuleOutcome.flagged("the condition '" + c + "' on the " + other.name() + " rows is not understood");
            }
            Expr.columns(test).forEach(x -> read.add(x.column()));
            where = where == null ? test : new Expr.Bin("AND", where, test);
        }
        for (String column : read) {
            String problem = binder.upstreamProblem(other.name(), column);
            if (problem != null) {
                return RuleOutcome.flagged(problem);
            }
        }
        Expr arg = measure == null ? null : new Expr.Col(ALIAS, other.column(measure).orElseThrow().name());
        Expr tally = new Expr.Tally(other.name(), ALIAS, fn, arg, distinct, List.of(new Expr.Match(
                other.column(shared).orElseThrow().name(), List.of(own))), where);
        if (zero && !fn.equals("COUNT")) {
            // "0 if no lines": an empty set of rows adds up to nothing
            tally = new Expr.Fn("COALESCE", List.of(tally, new Expr.Lit(0L)));
        }
        return new RuleOutcome(tally, null, null, List.of(), null, false,
                List.of(fn.toLowerCase(Locale.ROOT) + " of the " + other.name() + " rows of the " + thing), false);
    }

    private static String function(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return switch (w) {
            case "count", "number", "how many" -> "COUNT";
            case "total", "sum" -> "SUM";
            case "average", "avg", "mean" -> "AVG";
            case "maximum", "max", "highest", "latest" -> "MAX";
            default -> "MIN";
        };
    }

    private static boolean saysZero(String cell) {
        return cell != null && !cell.isBlank() && ZERO.matcher(cell.strip()).matches();
    }

    /** The sentences of the cell, split at full stops and semicolons outside brackets and quotes. */
    private static List<String> sentences(String cell) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            // a quote opens after a space or a bracket and closes before one: "the invoice's" holds no quote
            if (c == '\'' && (quoted ? i + 1 == cell.length() || !Character.isLetterOrDigit(cell.charAt(i + 1))
                    : i == 0 || !Character.isLetterOrDigit(cell.charAt(i - 1)))) {
                quoted = !quoted;
            }
            depth += quoted ? 0 : c == '(' ? 1 : c == ')' ? -1 : 0;
            boolean end = !quoted && depth == 0 && (c == ';' || c == '.' && (i + 1 == cell.length() || Character.isWhitespace(cell.charAt(i + 1))));
            if (end) {
                if (!cell.substring(from, i).isBlank()) {
                    out.add(cell.substring(from, i).strip());
                }
                from = i + 1;
            }
        }
        if (!cell.substring(from).isBlank()) {
            out.add(cell.substring(from).strip());
        }
        return out.isEmpty() ? List.of("") : out;
    }

    /** Names written as columns are written (UPPER_CASE or with an underscore), in order. */
    private static List<String> columnNames(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\b(?:[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+|[A-Z][A-Z0-9]{2,})\\b").matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * Nothing is left but words for the rows counted ("lines", "rows", the other target's thing: "rides" of FACT_RIDE) and
     * a word that names the rows a condition chooses ("ticket lines (SALE_TYPE = 'Ticket')").
     */
    private static boolean onlyRowWords(String rest, String other, boolean conditioned) {
        String[] parts = other.toLowerCase(Locale.ROOT).split("_");
        String thing = io.aide.compiler.lang.RowTables.singular(parts[parts.length - 1]);
        int modifiers = 0;
        for (String w : rest.toLowerCase(Locale.ROOT).split("[^a-z0-9']+")) {
            if (w.isEmpty() || FILLER.contains(w) || ROW_NOUNS.matcher(w).matches()
                    || io.aide.compiler.lang.RowTables.singular(w).equals(thing)) {
                continue;
            }
            if (!conditioned || ++modifiers > 1) {
                return false;
            }
        }
        return true;
    }

    /** The identifier the rows are matched on: the one said, the shared one the thing names, the only shared one. */
    private String sharedIdentifier(SchemaCatalog.Table other, String thing, String said) {
        if (said != null) {
            return other.column(said).isPresent() && binder.columnKeys().contains(said.toLowerCase(Locale.ROOT)) ? said : null;
        }
        List<String> shared = other.columns().stream().map(SchemaCatalog.Column::name)
                .filter(n -> ID.matcher(n).matches() && binder.columnKeys().contains(n.toLowerCase(Locale.ROOT))).toList();
        String word = thing.toLowerCase(Locale.ROOT);
        List<String> named = shared.stream().filter(n -> n.toLowerCase(Locale.ROOT).startsWith(word + "_")).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        return shared.size() == 1 ? shared.get(0) : null;
    }

    /** A test of the other target's rows, its columns in the relation {@link #ALIAS}; null when it does not read. */
    private Expr condition(String text, MappingRow r, SchemaCatalog.Table t) {
        RuleContext ctx = TableContexts.over(binder.filterContext(r), t, ALIAS);
        Expr read;
        try {
            read = new SqlExpressionParser(ctx::resolve).parse(text);
        } catch (SqlExpressionParser.NotCompilable e) {
            read = WORDS.condition(text, ctx);
        }
        return read != null && !(read instanceof Expr.Col) && !(read instanceof Expr.Lit) && !Expr.columns(read).isEmpty()
                && Expr.columns(read).stream().allMatch(c -> ALIAS.equals(c.relation())) ? read : null;
    }
}
