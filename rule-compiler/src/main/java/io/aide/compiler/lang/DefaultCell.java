package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.math.BigDecimal;
import java.util.List;

/**
 * A "Default Value" cell: the value a column takes where its rule gives NULL. Analysts write it bare more often than
 * quoted ({@code UNK}, {@code Not Available}, {@code -1}, {@code 0.00}, {@code 'N'}, {@code sysdate}), or as a short
 * sentence ({@code default 'Unknown'}, {@code 0 if null}):
 * <pre>
 * cell := NULL-word                       no default ("null", "none", "n/a"; for a text column only those: "Not
 *                                         Available" there is the text to show)
 *       | [+|-] NUMBER | STRING           that value
 *       | TODAY | NOW                     the load date / time
 *       | note                            as {@link RowNotes} reads a null-handling cell
 *       | WORD {WORD}                     for a text column: the words as written ("Unknown Supplier")
 *       | cell (IF | WHEN) condition      that value where the condition holds, see {@link DefaultCondition}
 *                                         ("'UNDECLARED' if blank", "NULL when no match or blank")
 * </pre>
 * Anything else is a problem, not a guess: a default that cannot be used would leave NULLs where the document asks
 * for a value.
 *
 * @param value   the default, or null for none
 * @param problem why the cell cannot be used, or null
 * @param blankToo the value also replaces an empty text or one of only spaces ({@code 'N/A' if blank}); a NULL value
 *                 then means a blank becomes NULL ({@code NULL when blank})
 * @param alsoFor  values the default replaces besides a missing one ({@code 1 if blank or 0}: 0)
 */
record DefaultCell(Expr value, String problem, boolean blankToo, List<Expr> alsoFor) {
    private static final int MAX_BARE_WORDS = 4;
    private static final java.util.Set<String> NO_DEFAULT = java.util.Set.of("null", "none", "nothing", "no default",
            "n/a", "-", "--", "blank", "(blank)", "empty", "(null)", "not applicable");

    DefaultCell(Expr value, String problem) {
        this(value, problem, false);
    }

    DefaultCell(Expr value, String problem, boolean blankToo) {
        this(value, problem, blankToo, List.of());
    }

    private static final DefaultCondition.Names NO_NAMES = DefaultCondition.Names.of(java.util.Set.of());

    /**
     * @param names the column's own names and its inputs (see {@link DefaultCondition.Names}), which a condition may
     *              name ("NULL when DOB is null")
     */
    /** "(also for any code not listed)", "(and for anything else)": the default is the else of the value's map too. */
    private static final java.util.regex.Pattern ALSO_ELSE = java.util.regex.Pattern.compile("(?i)\\s*\\(\\s*(?:also|and)\\s+"
            + "(?:for|when|if)\\s+(?:any(?:thing)?\\s+(?:other\\s+)?(?:else|codes?|values?)|all\\s+other\\s+(?:codes|values)|unknown\\s+codes"
            + "|other\\s+codes)(?:\\s+(?:not\\s+(?:listed|mapped|in\\s+the\\s+list)|that\\s+(?:is|are)\\s+not\\s+listed))?\\s*\\)\\s*$");

    /** A value alone (a number, a quoted text, up to three capitalised words), then a remark in a bracket. */
    private static final java.util.regex.Pattern REMARKED = java.util.regex.Pattern.compile(
            "^(-?\\d+(?:\\.\\d+)?|'[^']*'|\"[^\"]*\"|[A-Z][\\w-]*(?:\\s+[A-Z][\\w-]*){0,2})\\s*\\([^()'\"=<>]*\\)$");

    /** The cell says its default is also the value of codes the rule does not list. */
    static boolean saysAlsoElse(String cell) {
        return cell != null && ALSO_ELSE.matcher(cell.strip().replaceAll("[.;]+$", "")).find();
    }

    static DefaultCell read(String cell, SqlType target, Lexicon lexicon, DefaultCondition.Names names) {
        // "Normal (also for any code not listed)": the default, and the map's else (see saysAlsoElse)
        String text = ALSO_ELSE.matcher(cell.strip().replaceAll("[.;]+$", "")).replaceFirst("").strip();
        List<Token> tokens = Lexer.tokens(text);
        for (int k = 1; k < tokens.size(); k++) {
            int m = lexicon.match(Role.IF, tokens, k);
            if (m == 0 || tokens.get(k).norm().equals("for")) {
                continue;
            }
            DefaultCondition.Reading when = DefaultCondition.read(tokens, k + m, names, lexicon);
            if (when == null) {
                break;
            }
            DefaultCell value = read(text.substring(0, tokenStart(text, tokens, k)), target, lexicon, NO_NAMES);
            if (value.problem() == null && when.ofInput() && value.value() != null) {
                return new DefaultCell(null, "the default value '" + text + "' is for a missing input, not for the value:"
                        + " say it in the rule");
            }
            return value.problem() != null ? value : new DefaultCell(value.value(), null, when.kind() == DefaultCondition.Kind.BLANK,
                    when.values());
        }
        java.util.regex.Matcher remark = REMARKED.matcher(text);
        if (remark.matches() && !remark.group(1).isBlank()) {
            // "Normal (standard priority)", "35.00 (standard contractor rate)": the value, then what it means
            text = remark.group(1).strip();
            tokens = Lexer.tokens(text);
        }
        boolean textColumn = target.kind() == SqlType.Kind.VARCHAR || !target.known();
        if (tokens.isEmpty() || NO_DEFAULT.contains(text.toLowerCase(java.util.Locale.ROOT))
                || !textColumn && lexicon.match(Role.NULL, tokens, 0) == tokens.size()) {
            // "Not Available" in the default cell of a text column is the text an analyst wants shown
            return new DefaultCell(null, null);
        }
        if (target.kind() == SqlType.Kind.BOOLEAN && tokens.size() == 1 && java.util.Set.of("true", "false", "yes", "no")
                .contains(tokens.get(0).norm().replace("'", ""))) {
            // "false" in the default cell of a true/false column
            String v = tokens.get(0).norm().replace("'", "");
            return new DefaultCell(new Expr.Lit(v.equals("true") || v.equals("yes")), null);
        }
        if (tokens.size() == 1 && (tokens.get(0).kind() == Token.Kind.STRING || tokens.get(0).kind() == Token.Kind.NUMBER)) {
            return checked(RowNotes.literal(tokens.get(0)), text, target);
        }
        if (tokens.size() == 2 && (tokens.get(0).op("-") || tokens.get(0).op("+")) && tokens.get(1).kind() == Token.Kind.NUMBER) {
            String n = tokens.get(0).text().equals("-") ? "-" + tokens.get(1).text() : tokens.get(1).text();
            return new DefaultCell(n.contains(".") ? new Expr.Lit(new BigDecimal(n)) : new Expr.Lit(Long.parseLong(n)), null);
        }
        if (lexicon.match(Role.TODAY, tokens, 0) == tokens.size()) {
            return checked(new Expr.CurrentDate(), text, target);
        }
        if (lexicon.match(Role.NOW, tokens, 0) == tokens.size()) {
            return checked(new Expr.CurrentTimestamp(), text, target);
        }
        Expr said = RowNotes.defaultOf(tokens, lexicon);
        if (said != null) {
            return checked(said, text, target);
        }
        boolean bare = tokens.size() <= MAX_BARE_WORDS
                && tokens.stream().allMatch(t -> t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.NUMBER
                || t.op("/") || t.op("-"));
        if (bare && textColumn) {
            return new DefaultCell(new Expr.Lit(text), null);
        }
        return new DefaultCell(null, "the default value '" + text + "' is not understood"
                + (bare ? " for a " + target.display() + " column" : "") + ": write a value (a number, 'text' in quotes, or NULL)");
    }

    /** Verbs between a missing value and what it becomes that the lexicon's arrows leave out. */
    private static final java.util.Set<String> GIVING = java.util.Set.of("load", "loads", "use", "uses", "stays", "stay",
            "remains", "remain", "gets", "get", "goes", "return", "returns", "populate", "output", "put", "write");

    /**
     * A null-handling cell, or a rule's last sentence, that gives the value for a missing one, in any order:
     * <pre>
     * fallback := condition (ARROW | BECOMES | DEFAULT | SET | giving-verb) value     "Blank GVWR → 'Unclassified'",
     *                                                                                   "Missing cost defaults to 0.00"
     *           | IF condition ("," | THEN) [verb] value                               "If blank or null, load 'UNMAPPED'"
     *           | value (IF | WHEN) condition                                          "NULL when gvwr_lbs is null"
     * </pre>
     * with the condition read by {@link DefaultCondition}; null when the text says something else.
     *
     * @param names the column's own names and its inputs, which the condition may name
     */
    static DefaultCell conditional(String cell, SqlType target, Lexicon lexicon, DefaultCondition.Names names) {
        String text = cell.strip().replaceAll("[.;]+$", "").strip();
        // "default to 'OVERHEAD' (time not booked to a project)": words in a bracket after the value say what it means
        text = text.replaceFirst("^(.*(?:'[^']*'|\\b\\d+(?:\\.\\d+)?))\\s*\\([^()'\"=<>\\d]*\\)$", "$1");
        text = phrasedPlainly(text);
        // "missing (blank/null) becomes 0": the missing word, then what it covers in a bracket
        java.util.regex.Matcher covered = java.util.regex.Pattern.compile("(?i)\\b(missing|blank|empty|null)\\s*\\(\\s*((?:blank|null|empty"
                + "|missing)(?:\\s*(?:/|,|\\bor\\b)\\s*(?:blank|null|empty|missing))*)\\s*\\)").matcher(text);
        if (covered.find()) {
            text = text.substring(0, covered.start()) + covered.group(1) + " or " + covered.group(2).replaceAll("\\s*(?:/|,)\\s*", " or ")
                    + text.substring(covered.end());
        }
        // "the text NULL", "the literal NULL", "NULL text": the word as the extract writes it, a value like any quoted one
        text = text.replaceAll("(?i)\\b(?:the\\s+)?(?:text|literal|string|word)\\s+'?NULL'?(?=\\W|$)|(?<![\\w'])NULL\\s+(?:text|string|literal)\\b", "'NULL'");
        // "blank / NULL text", "blank/null": the missing words one or the other
        text = text.replaceAll("(?i)\\b(blank|null|empty|missing)\\s*/\\s*(?='?(?:blank|null|empty|missing)\\b)", "$1 or ");
        List<Token> tokens = Lexer.tokens(text);
        if (tokens.stream().anyMatch(t -> t.kind() == Token.Kind.SEP)) {
            return null;
        }
        int lead = lexicon.match(Role.IF, tokens, 0);
        if (lead > 0) {
            for (int k = lead + 1; k + 1 < tokens.size(); k++) {
                int then = tokens.get(k).op(",") ? 1 : lexicon.match(Role.THEN, tokens, k);
                // "If blank or null default to 'UNASSIGNED'": the verb of the value ends the condition without a comma
                boolean verb = then == 0 && k > lead + 1 && (lexicon.match(Role.DEFAULT, tokens, k) > 0
                        || lexicon.match(Role.SET, tokens, k) > 0 || lexicon.match(Role.USE, tokens, k) > 0);
                if (then == 0 && !verb) {
                    continue;
                }
                DefaultCell given = given(tokens, lead, k, k + then, target, lexicon, names);
                if (given != null) {
                    return given;
                }
            }
            return null;
        }
        for (int k = 1; k + 1 < tokens.size(); k++) {
            // a minus right before a number is its sign ("No match -> -1"), never the verb that gives a value
            int verb = tokens.get(k).op("-") && tokens.get(k + 1).kind() == Token.Kind.NUMBER ? 0 : giving(tokens, k, lexicon);
            DefaultCell given = verb == 0 ? null : given(tokens, 0, k, k + verb, target, lexicon, names);
            if (given != null) {
                return given;
            }
        }
        for (int k = 1; k < tokens.size(); k++) {
            int m = lexicon.match(Role.IF, tokens, k);
            // "0 for new customers" is no condition; "NULL for blank or the text NULL" is
            boolean forMissing = k + 1 < tokens.size() && (lexicon.match(Role.BLANK, tokens, k + 1) > 0
                    || lexicon.match(Role.NULL, tokens, k + 1) > 0 || lexicon.match(Role.IS_EMPTY, tokens, k + 1) > 0);
            if (m > 0 && (!tokens.get(k).norm().equals("for") || forMissing)) {
                if (!plainValue(tokens.subList(0, k), lexicon, names)) {
                    return null;
                }
                DefaultCell whole = read(text, target, lexicon, names);
                DefaultCell read = whole.problem() == null ? whole : read(textOf(tokens.subList(0, k)), target, lexicon, names);
                DefaultCondition.Reading when = read.problem() == null ? DefaultCondition.read(tokens, k + m, names, lexicon) : null;
                // "NULL for blank or the text 'NULL'": the value, and the values it stands for beside the missing one
                return when == null ? null : when.values().isEmpty() ? read
                        : new DefaultCell(read.value(), null, when.kind() == DefaultCondition.Kind.BLANK || read.blankToo(), when.values());
            }
        }
        return null;
    }

    /** The condition of tokens [from, to) and the value from {@code value} on (after a verb, if any); null when not so. */
    private static DefaultCell given(List<Token> tokens, int from, int to, int value, SqlType target, Lexicon lexicon,
                                     DefaultCondition.Names names) {
        DefaultCondition.Reading when = DefaultCondition.read(tokens.subList(from, to), 0, names, lexicon);
        if (when == null) {
            return null;
        }
        // "No match -> -1": a minus right before a number is its sign, never one more arrow
        boolean signed = value + 1 < tokens.size() && tokens.get(value).op("-") && tokens.get(value + 1).kind() == Token.Kind.NUMBER;
        int at = value + (!signed && value < tokens.size() && giving(tokens, value, lexicon) > 0 && value + giving(tokens, value, lexicon)
                < tokens.size() ? giving(tokens, value, lexicon) : 0);
        if (at < tokens.size() && (tokens.get(at).is(Token.Kind.WORD, "as") || tokens.get(at).is(Token.Kind.WORD, "with"))) {
            at++;
        }
        if (at >= tokens.size()) {
            return null;
        }
        List<Token> said = tokens.subList(at, tokens.size());
        if (said.get(0).op("/") || said.get(0).op(",") || said.get(0).is(Token.Kind.WORD, "or") || said.get(0).is(Token.Kind.WORD, "and")) {
            // "NULL if blank / NULL text": the condition goes on, no value follows
            return null;
        }
        if (!plainValue(said, lexicon, names) || lexicon.match(Role.BLANK, said, 0) == said.size()) {
            // "Blank stays blank": an empty text kept, which is no NULL
            return null;
        }
        DefaultCell cell = read(textOf(said), target, lexicon, NO_NAMES);
        if (cell.problem() != null || when.ofInput() && cell.value() != null) {
            // "QTY null means 1" for UNIT_AMT times QTY: a value for a missing input, not for the result
            return null;
        }
        return new DefaultCell(cell.value(), null, when.kind() == DefaultCondition.Kind.BLANK, when.values());
    }

    /**
     * The words are a value, not a column's name: anything but plain words, or a NULL, today or now word, or capitalised
     * words naming no column of the row ("Unclassified"); "use personal email" names a column sooner than a text.
     */
    private static boolean plainValue(List<Token> said, Lexicon lexicon, DefaultCondition.Names names) {
        return !said.stream().allMatch(t -> t.kind() == Token.Kind.WORD) || lexicon.match(Role.NULL, said, 0) == said.size()
                || lexicon.match(Role.TODAY, said, 0) == said.size() || lexicon.match(Role.NOW, said, 0) == said.size()
                || said.stream().allMatch(t -> Character.isUpperCase(t.text().charAt(0)) && !names.own().contains(t.norm())
                && !names.inputs().contains(t.norm()));
    }

    private static final String MISSING = "(?:blank|null|empty|missing|no\\s+\\w+)";
    /** "(general admission)", "(open check)": a remark in brackets after what is missing, before the value it gets. */
    private static final java.util.regex.Pattern CONDITION_REMARK = java.util.regex.Pattern.compile(
            "(?i)(\\b" + MISSING + "[\\w.]*)\\s*\\([^()'\"=<>\\d]{1,40}\\)\\s*(?=,|→|->|=>|=|\\bset\\b|\\buse\\b|\\btreat)");
    /** "Treat a null or empty NUM_CHILD as 0": the verb first, the value after "as". */
    private static final java.util.regex.Pattern TREAT_AS = java.util.regex.Pattern.compile("(?i)^\\s*(?:treat|count|read)\\s+(.+?)\\s+as\\s+(.+)$");
    /** "If PAY_METHOD is blank treat it as QB": the verb and its object before the value. */
    private static final java.util.regex.Pattern TREAT_IT_AS = java.util.regex.Pattern.compile(
            "(?i)\\s*,?\\s*\\b(?:treat|count|read)\\s+(?:it|them|the\\s+value|that)\\s+as\\s+");
    /** "Use 24 hours when sla_hrs is blank": the value first, the condition after. */
    private static final java.util.regex.Pattern USE_WHEN = java.util.regex.Pattern.compile(
            "(?i)^\\s*(?:use|load|set|default\\s+to)\\s+('[^']*'|-?\\d+(?:\\.\\d+)?)(?:\\s+[a-z]+)?\\s+(?:when|if|where)\\s+(.+)$");
    /** "= no discount (0)": words for the value, then the value itself in brackets. */
    private static final java.util.regex.Pattern VALUE_IN_BRACKETS = java.util.regex.Pattern.compile(
            "(?i)(→|->|=>|=|\\bbecomes\\b)\\s*[a-z][a-z ]{1,30}\\(\\s*('[^']*'|-?\\d+(?:\\.\\d+)?)\\s*\\)\\s*$");

    /**
     * The cell in the order the default grammar reads, where an analyst wrote it otherwise: a remark after what is
     * missing dropped, "treat X as V" and "use V when X is blank" turned round, "(0)" after words for the value taken.
     */
    static String phrasedPlainly(String text) {
        String t = CONDITION_REMARK.matcher(text).replaceAll("$1 ");
        java.util.regex.Matcher treat = TREAT_AS.matcher(t);
        if (treat.matches()) {
            t = treat.group(1) + " -> " + treat.group(2);
        }
        t = TREAT_IT_AS.matcher(t).replaceFirst(" -> ");
        java.util.regex.Matcher use = USE_WHEN.matcher(t);
        if (use.matches()) {
            t = "If " + use.group(2) + ", use " + use.group(1);
        }
        java.util.regex.Matcher bracketed = VALUE_IN_BRACKETS.matcher(t);
        if (bracketed.find()) {
            t = t.substring(0, bracketed.start()) + bracketed.group(1) + " " + bracketed.group(2);
        }
        return t.replaceAll("\\s+", " ").strip();
    }

    /** Length of the arrow or verb at k that gives the value after it ("→", "becomes", "defaults to", "load"), or 0. */
    private static int giving(List<Token> tokens, int k, Lexicon lexicon) {
        Token t = tokens.get(k);
        if (t.op("->") || t.op("=>") || t.op("=") || t.op(":")) {
            return 1;
        }
        int verb = Math.max(lexicon.match(Role.DEFAULT, tokens, k), Math.max(lexicon.match(Role.SET, tokens, k),
                lexicon.match(Role.BECOMES, tokens, k)));
        if (verb == 0 && t.kind() == Token.Kind.WORD && GIVING.contains(t.norm())) {
            verb = 1 + (k + 1 < tokens.size() && (tokens.get(k + 1).is(Token.Kind.WORD, "to")
                    || tokens.get(k + 1).is(Token.Kind.WORD, "with")) ? 1 : 0);
        }
        return verb;
    }

    /** The tokens written out again, a text in quotes. */
    private static String textOf(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            // a sign stays on its number ("-1"): apart, the minus reads as a dash
            boolean sign = i > 0 && tokens.get(i - 1).op("-") && t.kind() == Token.Kind.NUMBER
                    && (i == 1 || tokens.get(i - 2).kind() == Token.Kind.OP || tokens.get(i - 2).kind() == Token.Kind.SEP);
            out.append(out.length() == 0 || sign ? "" : " ").append(t.kind() == Token.Kind.STRING ? "'" + t.text() + "'" : t.text());
        }
        return out.toString();
    }

    /** Where the k-th token starts in the text: after the text of the tokens before it. */
    private static int tokenStart(String text, List<Token> tokens, int k) {
        int at = 0;
        for (int i = 0; i < k; i++) {
            String t = tokens.get(i).text();
            int found = text.indexOf(t, at);
            at = found < 0 ? at : found + t.length();
            if (tokens.get(i).kind() == Token.Kind.STRING && at < text.length()) {
                at++; // its closing quote
            }
        }
        return at;
    }

    /** A text default for a number or date column would fail (or worse, be cast) at run time: say so instead. */
    private static DefaultCell checked(Expr value, String text, SqlType target) {
        boolean textValue = value instanceof Expr.Lit l && l.value() instanceof String;
        if (textValue && target.numeric() && !text.replace("'", "").replace("\"", "").strip().matches("-?\\d+(\\.\\d+)?")) {
            return new DefaultCell(null, "the default value " + text + " is text, but the column is " + target.display());
        }
        if (!textValue && value instanceof Expr.Lit && target.temporal()) {
            return new DefaultCell(null, "the default value " + text + " is a number, but the column is " + target.display());
        }
        return new DefaultCell(value, null);
    }
}
