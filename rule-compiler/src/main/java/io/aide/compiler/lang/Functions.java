package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * One-argument functions written in words, chained after a copy like the other operations of {@link Copies}:
 * <pre>
 * affix   := ADD_PREFIX text [CAST PREFIX] | ADD_SUFFIX text [CAST SUFFIX]         -- "Prefix with 'SKU-'"
 * hash    := [HASH [WITH]] MD5 [HASH] [OF column]                                   -- "MD5 hash of code"
 * unary   := (ABS | LENGTH) [OF column]                                          -- "Length of code"
 * mask    := see {@link Masks}                                                 -- "Mask all but the last 4 characters with '*'"
 * remove  := (REMOVE [ALL] character | REMOVE ALL text) [CHARS] [FROM column]              -- "Remove all spaces", "remove hyphens"
 *          | REMOVE [ALL] kind [CHARS] [FROM column]                              -- "Remove all non-numeric characters"
 * keep    := [TAKE] ONLY kind [FROM column] | kind ONLY                          -- "Digits only", "keep only letters"
 * edge    := EDGE_TRIM (PREFIX | SUFFIX | PREFIX AND SUFFIX) (ZEROS | SPACES)      -- "Trim leading zeros"
 * convert := [CAST] [FROM] unit (CAST | TO) unit                                   -- "from cents to dollars"
 * temperature := see {@link Temperatures}                                        -- "Temperature in Fahrenheit"
 * template := see {@link Templates}
 * host     := see {@link UrlParts}                                              -- "Referrer domain"                                               -- "Format SSN as XXX-XX-XXXX"
 * </pre>
 * Units and their factors ({@code units.txt}), the names of characters ({@code characters.txt}) and of kinds of
 * characters ({@code character-classes.txt}, as bracket expressions) are data; a conversion between units of different dimensions, or
 * between two currencies, is a problem named in the flag, never a guess.
 */
final class Functions {
    private static final MathContext EXACT = MathContext.UNLIMITED;

    private Functions() {
    }

    /** One operation at the cursor, or null (cursor unchanged). */
    static Copies.Operation operation(Parser p) {
        return Copies.first(p, PRODUCTIONS);
    }

    private static final List<Copies.Production> PRODUCTIONS = List.of(Functions::affix, Functions::hash,
            Functions::unary, Masks::mask, Masks::shownPart, Functions::removeAll, Functions::keepOnly, Functions::numericPart, Functions::edge, Temperatures::convert, Functions::convert, Templates::template, UrlParts::host);

    private static Copies.Operation affix(Parser p) {
        boolean prefix;
        if (p.accept(Role.ADD_PREFIX)) {
            prefix = true;
        } else if (p.accept(Role.ADD_SUFFIX)) {
            prefix = false;
        } else {
            return null;
        }
        // "Prefix order_no with 'ORD-'": the column between the verb and the text
        int beforeColumn = p.mark();
        Expr column = p.column();
        if (column != null && !p.accept(Role.WITH)) {
            p.reset(beforeColumn);
            column = null;
        }
        if (column == null && !(p.accept(Role.SELF) && p.accept(Role.WITH))) {
            // "prefix it with 'IMO '": the value itself between the verb and the text
            p.reset(beforeColumn);
        }
        Expr text = p.literal();
        if (!(text instanceof Expr.Lit l) || l.value() == null) {
            return null;
        }
        Expr lit = new Expr.Lit(String.valueOf(l.value()));
        int m = p.mark();
        if (!(p.accept(Role.CAST) && p.accept(prefix ? Role.PREFIX : Role.SUFFIX))) {
            p.reset(m);
        }
        if (column == null) {
            // "Prefix 'V' to vnd_cd", "append '-X' to code": the column after the text
            int to = p.mark();
            Token word = p.peekToken();
            if (word != null && (word.is(Token.Kind.WORD, "to") || word.is(Token.Kind.WORD, "onto"))) {
                p.next();
                column = p.column();
            }
            if (column == null) {
                p.reset(to);
            }
        }
        return new Copies.Operation(x -> new Expr.Concat(prefix ? List.of(lit, x) : List.of(x, lit)), column);
    }

    private static Copies.Operation hash(Parser p) {
        int m = p.mark();
        if (p.accept(Role.HASH)) {
            p.accept(Role.WITH);
        } else {
            p.reset(m);
        }
        String fn = p.accept(Role.MD5) ? "MD5" : p.accept(Role.SHA256) ? "SHA256" : null;
        if (fn == null) {
            return null;
        }
        p.accept(Role.HASH);
        int beforeOf = p.mark();
        p.accept(Role.FROM);
        Expr column = p.column();
        if (column == null) {
            p.reset(beforeOf);
        }
        return new Copies.Operation(x -> new Expr.Fn(fn, List.of(x)), column);
    }

    private static Copies.Operation unary(Parser p) {
        int start = p.mark();
        String fn = p.accept(Role.ABS) ? "ABS" : p.accept(Role.LENGTH) ? "LENGTH" : null;
        if (fn == null) {
            return null;
        }
        if (fn.equals("LENGTH") && p.peekToken() != null && p.peekToken().is(Token.Kind.WORD, "in")) {
            // "Session length in minutes": a duration wanted in a unit, never the length of a text
            p.reset(start);
            return null;
        }
        int beforeOf = p.mark();
        Expr column = null;
        if (p.accept(Role.FROM)) {
            column = p.column();
            if (column == null) {
                p.reset(beforeOf);
            }
        }
        return new Copies.Operation(x -> new Expr.Fn(fn, List.of(x)), column);
    }

    private static final java.util.Set<String> ONLY = java.util.Set.of("only");

    /**
     * "Digits only", "keep only letters", "only the numeric characters": every character not of the kind removed (the
     * kind's bracket expression complemented).
     */
    /** "Numeric part of line_cd", "the digits of code": the text's digits (a cast to a number reads them). */
    private static Copies.Operation numericPart(Parser p) {
        if (!p.accept(Role.NUMERIC_PART)) {
            return null;
        }
        return new Copies.Operation(x -> new Expr.Fn("REGEXP_REPLACE", List.of(x, new Expr.Lit("[^0-9]"), new Expr.Lit(""))),
                fromColumn(p));
    }

    private static Copies.Operation keepOnly(Parser p) {
        int m = p.mark();
        boolean verb = p.accept(Role.TAKE);
        Token only = p.peekToken();
        boolean before = only != null && ONLY.contains(only.norm());
        if (before) {
            p.next();
        }
        PhraseTable.Match kind = p.phrase(PhraseTable.CHARACTER_CLASSES);
        if (kind == null || kind.entries().get(0).key().startsWith("[^")) {
            p.reset(m);
            return null;
        }
        Token after = p.peekToken();
        if (!before && (after == null || !ONLY.contains(after.norm()))) {
            p.reset(m);
            return null;
        }
        if (!before) {
            p.next();
        }
        if (!verb && !before && p.peekToken() != null && !p.peek(Role.FROM)) {
            // "digits only" must stand alone or name its column
            p.reset(m);
            return null;
        }
        String pattern = "[^" + kind.entries().get(0).key().substring(1);
        return new Copies.Operation(x -> new Expr.Fn("REGEXP_REPLACE", List.of(x, new Expr.Lit(pattern), new Expr.Lit(""))),
                fromColumn(p));
    }

    private static Copies.Operation removeAll(Parser p) {
        int start = p.mark();
        if (p.acceptWord("no")) {
            // "Policy number, upper case, no spaces": none of the named characters left in the value
            PhraseTable.Match named = p.phrase(PhraseTable.CHARACTERS);
            Token after = p.peekToken();
            if (named != null && (after == null || after.kind() == Token.Kind.SEP || after.op(","))) {
                Expr c = new Expr.Lit(named.entries().get(0).key());
                return new Copies.Operation(x -> new Expr.Fn("REPLACE", List.of(x, c, new Expr.Lit(""))), null);
            }
            p.reset(start);
            return null;
        }
        boolean collapse = p.accept(Role.COLLAPSE);
        if (!collapse && !p.accept(Role.REMOVE)) {
            return null;
        }
        boolean all = p.accept(Role.ALL);
        int beforeKind = p.mark();
        PhraseTable.Match kind = p.phrase(PhraseTable.CHARACTER_CLASSES);
        if (kind != null && !collapse && PLAIN_SET.matcher(kind.entries().get(0).key()).matches() && listFollows(p)) {
            // "strip the currency sign and commas": a plain set first in a list, read with the list below
            p.reset(beforeKind);
            kind = null;
        }
        if (kind != null) {
            // "Remove all non-numeric characters from phone_no": every character of a kind; "remove extra spaces",
            // "collapse multiple spaces": a run of one character is left once
            String pattern = kind.entries().get(0).key();
            java.util.regex.Matcher run = RUN.matcher(pattern);
            if (collapse && !run.matches()) {
                return null;
            }
            String left = run.matches() ? run.group(1) : "";
            p.accept(Role.CHARS);
            Expr column = fromColumn(p);
            if (collapse) {
                // "collapse double spaces to one", "... into a single space": what a run becomes, said again
                int to = p.mark();
                if ((p.accept(Role.TO) || p.acceptWord("into")) && (p.acceptWord("one") || p.acceptWord("single")
                        || p.acceptWord("a") && p.acceptWord("single"))) {
                    p.phrase(PhraseTable.CHARACTERS);
                } else {
                    p.reset(to);
                }
            }
            return new Copies.Operation(x -> new Expr.Fn("REGEXP_REPLACE", List.of(x, new Expr.Lit(pattern),
                    new Expr.Lit(left))), column);
        }
        if (collapse) {
            // "collapse spaces": runs of the named character
            PhraseTable.Match named = p.phrase(PhraseTable.CHARACTERS);
            if (named == null) {
                return null;
            }
            String c = named.entries().get(0).key();
            String pattern = "[" + (c.equals("]") || c.equals("\\") || c.equals("^") ? "\\" + c : c) + "]{2,}";
            return new Copies.Operation(x -> new Expr.Fn("REGEXP_REPLACE", List.of(x, new Expr.Lit(pattern),
                    new Expr.Lit(c))), fromColumn(p));
        }
        List<String> chars = new java.util.ArrayList<>();
        List<String> classes = new java.util.ArrayList<>();
        PhraseTable.Match named = p.phrase(PhraseTable.CHARACTERS);
        String firstSet = named == null ? plainSet(p) : null;
        if (firstSet != null) {
            // "strip the currency sign and commas": a set of characters first
            classes.add(firstSet);
        }
        if (named != null || firstSet != null) {
            if (named != null) {
                chars.add(named.entries().get(0).key());
            }
            // "Strip spaces and dashes", "remove dots, commas or slashes", "dashes, spaces and parentheses": each of them
            while (true) {
                int m = p.mark();
                if (!(p.acceptOp(",") | p.accept(Role.AND) | p.accept(Role.OR))) {
                    break;
                }
                PhraseTable.Match more = p.phrase(PhraseTable.CHARACTERS);
                if (more != null) {
                    chars.add(more.entries().get(0).key());
                    continue;
                }
                String key = plainSet(p);
                if (key == null) {
                    p.reset(m);
                    break;
                }
                classes.add(key);
            }
        } else if (p.literal() instanceof Expr.Lit l && l.value() instanceof String text && !text.isEmpty()) {
            // "remove all '+'", "Remove '+', then ...": every occurrence (a prefix or suffix says so, below)
            chars.add(text);
            while (true) {
                // "remove '$', ',' and ' '": each of them
                int m = p.mark();
                if (!(p.acceptOp(",") | p.accept(Role.AND)) || !(p.literal() instanceof Expr.Lit more && more.value() instanceof String t
                        && !t.isEmpty())) {
                    p.reset(m);
                    break;
                }
                chars.add(t);
            }
        } else {
            return null;
        }
        p.accept(Role.CHARS);
        if (p.peek(Role.PREFIX) || p.peek(Role.SUFFIX)) {
            return null;
        }
        return new Copies.Operation(x -> {
            Expr out = x;
            for (String ch : chars) {
                out = new Expr.Fn("REPLACE", List.of(out, new Expr.Lit(ch), new Expr.Lit("")));
            }
            for (String set : classes) {
                out = new Expr.Fn("REGEXP_REPLACE", List.of(out, new Expr.Lit(set), new Expr.Lit("")));
            }
            return out;
        }, fromColumn(p));
    }

    /**
     * A plain set of characters named at the cursor ("[()]" for parentheses, "[£$€¥]" for currency signs), consumed;
     * null (cursor unchanged) for none or for a kind that is no plain set (non-digits, runs of spaces).
     */
    private static String plainSet(Parser p) {
        int m = p.mark();
        PhraseTable.Match set = p.phrase(PhraseTable.CHARACTER_CLASSES);
        String key = set == null ? null : set.entries().get(0).key();
        if (key == null || !PLAIN_SET.matcher(key).matches()) {
            p.reset(m);
            return null;
        }
        return key;
    }

    /** A bracket expression of plain characters: "[()]", "[£$€¥]". */
    private static final java.util.regex.Pattern PLAIN_SET = java.util.regex.Pattern.compile("\\[[^\\^\\]][^\\]]*\\]");

    /** ", commas", "and spaces": another character or set of them after a list separator (cursor unchanged). */
    private static boolean listFollows(Parser p) {
        int m = p.mark();
        boolean more = (p.acceptOp(",") | p.accept(Role.AND) | p.accept(Role.OR))
                && (p.phrase(PhraseTable.CHARACTERS) != null || plainSet(p) != null);
        p.reset(m);
        return more;
    }

    /** A run of one character in character-classes.txt: "[ ]{2,}". */
    private static final java.util.regex.Pattern RUN = java.util.regex.Pattern.compile("\\[(.)\\]\\{2,}");

    /** FROM column, or null (cursor unchanged). */
    private static Expr fromColumn(Parser p) {
        int beforeFrom = p.mark();
        if (p.accept(Role.FROM)) {
            Expr column = p.column();
            if (column != null) {
                return column;
            }
        }
        p.reset(beforeFrom);
        return null;
    }

    private static Copies.Operation edge(Parser p) {
        // "Left trim zeros", "right-trim spaces": the side before the verb
        Boolean side = p.accept(Role.LEFT) ? Boolean.TRUE : p.accept(Role.RIGHT) ? Boolean.FALSE : null;
        if (!p.accept(Role.EDGE_TRIM)) {
            return null;
        }
        // "remove surrounding spaces": both ends
        boolean around = side == null && (p.acceptWord("surrounding") || p.acceptWord("outer"));
        boolean leading = around || (side == null ? p.accept(Role.PREFIX) : side);
        boolean trailing;
        if (around) {
            trailing = true;
        } else if (side != null) {
            trailing = !side;
        } else if (leading) {
            int m = p.mark();
            // "leading and trailing", "leading/trailing"
            trailing = (p.accept(Role.AND) || p.acceptOp("/")) && p.accept(Role.SUFFIX);
            if (!trailing) {
                p.reset(m);
            }
        } else {
            trailing = p.accept(Role.SUFFIX);
        }
        if (!leading && !trailing) {
            return null;
        }
        String fn = leading && trailing ? "TRIM" : leading ? "LTRIM" : "RTRIM";
        if (p.accept(Role.ZEROS)) {
            if (fn.equals("TRIM")) {
                p.problem("zeros taken from both ends change the number; say leading or trailing");
                return null;
            }
            return new Copies.Operation(x -> new Expr.Fn(fn, List.of(x, new Expr.Lit("0"))), fromColumn(p));
        }
        if (p.accept(Role.SPACES)) {
            return new Copies.Operation(x -> new Expr.Fn(fn, List.of(x)), fromColumn(p));
        }
        return null;
    }

    private static final java.util.Map<String, Long> SCALES = java.util.Map.of("hundreds", 100L, "thousands", 1_000L,
            "millions", 1_000_000L, "billions", 1_000_000_000L);

    /** Participles that only introduce the scale or unit a value is wanted in: "expressed in thousands". */
    private static final java.util.Set<String> EXPRESSED = java.util.Set.of("expressed", "shown", "stated", "given",
            "reported", "presented", "displayed");

    private static Copies.Operation convert(Parser p) {
        int start = p.mark();
        Token participle = p.peekToken();
        if (participle != null && participle.kind() == Token.Kind.WORD && EXPRESSED.contains(participle.norm())) {
            p.next();
        }
        Token scale = p.acceptWord("in") ? p.peekToken() : null;
        if (scale != null && scale.kind() == Token.Kind.WORD && SCALES.containsKey(scale.norm())) {
            // "Balance in thousands": the value divided by the scale (its own unit kept: "in thousands of dollars")
            p.next();
            if (p.acceptWord("of")) {
                p.phrase(PhraseTable.UNITS);
            }
            Expr by = new Expr.Lit(SCALES.get(scale.norm()));
            return new Copies.Operation(x -> new Expr.Bin("/", x, by), null);
        }
        p.reset(start);
        if (p.acceptWord("in") && p.ctx().sources().size() == 1) {
            // "Rate in dollars" for rate_cents: the unit the value is wanted in; the row's one source column, whose
            // name gives its own unit (or a remark after it: "(source is in pounds)"), is what the value so far reads;
            // "in whole minutes" truncates
            PhraseTable.Match own = unitOfName(p.ctx().sources().get(0).column());
            int said = p.mark();
            boolean whole = p.accept(Role.WHOLE);
            PhraseTable.Match wanted = p.phrase(PhraseTable.UNITS);
            if (own == null && wanted != null) {
                own = sourceUnit(p);
            } else if (own != null && wanted != null) {
                // the name gives the unit; a remark may say it again
                int again = p.mark();
                PhraseTable.Match repeated = sourceUnit(p);
                PhraseTable.Match named = own;
                if (repeated == null || repeated.entries().stream().noneMatch(r -> named.entries().stream()
                        .anyMatch(n -> n.key().equals(r.key())))) {
                    p.reset(again);
                }
            }
            if (own == null) {
                p.reset(said);
                wanted = null;
            }
            Token next = p.peekToken();
            if (wanted != null && (p.atEnd() || next.op(",") || next.kind() == Token.Kind.SEP || p.peek(Role.ROUND)
                    || p.peek(Role.ROUND_UP) || p.peek(Role.ROUND_DOWN))) {
                // "Duration in minutes, two decimals": what is done to the converted value follows
                Copies.Operation scaled = scaled(p, own, wanted, null);
                return scaled == null || !whole ? scaled
                        : new Copies.Operation(x -> new Expr.Fn("TRUNC", List.of(scaled.apply().apply(x))), null);
            }
        }
        p.reset(start);
        boolean cast = p.accept(Role.CAST);
        if (cast && p.mark() > start && (p.tokens().get(p.mark() - 1).is(Token.Kind.WORD, "to")
                || p.tokens().get(p.mark() - 1).is(Token.Kind.WORD, "into"))) {
            // "converted to kilograms" over weight_lb: the unit wanted; the one source column's name gives its own
            int to = p.mark();
            PhraseTable.Match wanted = p.phrase(PhraseTable.UNITS);
            PhraseTable.Match own = p.ctx().sources().size() == 1 ? unitOfName(p.ctx().sources().get(0).column()) : null;
            if (wanted != null && own != null) {
                return scaled(p, own, wanted, null);
            }
            p.reset(to);
        }
        p.accept(Role.FROM);
        PhraseTable.Match from = p.phrase(PhraseTable.UNITS);
        Expr column = null;
        if (from == null) {
            // "Convert duration_sec to minutes", "weight_lb to kg": the unit the column's name ends with
            column = p.column();
            int m = p.mark();
            // "Convert bytes_used from bytes to gigabytes": the unit said after the column
            from = column != null && p.accept(Role.FROM) ? p.phrase(PhraseTable.UNITS) : null;
            if (from == null) {
                p.reset(m);
                // "Weight converted to kilograms" over weight_lb: the named column's unit, or the row's one source column's
                Expr read = column != null ? column : p.ctx().sources().size() == 1 ? p.ctx().sources().get(0) : null;
                from = read instanceof Expr.Col c ? unitOfName(c.column()) : null;
            }
        }
        // "weight_lbs in kg": the unit the value is wanted in, after a column whose name gives its own
        boolean in = column != null && p.acceptWord("in");
        if (from == null || !(in || p.accept(Role.CAST) || p.accept(Role.TO))) {
            return null;
        }
        PhraseTable.Match to = p.phrase(PhraseTable.UNITS);
        if (to == null) {
            return null;
        }
        return scaled(p, from, to, column);
    }

    /**
     * "(source is in pounds)", "(stored in cm)", "; source unit: inches" after the wanted unit: the unit the value is read
     * in; null (cursor unchanged) when none is said.
     */
    private static PhraseTable.Match sourceUnit(Parser p) {
        int m = p.mark();
        boolean paren = p.acceptOp("(");
        p.acceptSeparator();
        for (String w : new String[]{"source", "value", "it", "data", "input", "original", "raw"}) {
            p.acceptWord(w);
        }
        // "source amounts are in cents": the values named by a plural noun
        for (String w : new String[]{"amounts", "values", "figures", "prices", "numbers", "readings", "measures",
                "quantities", "weights", "lengths", "durations", "times", "distances", "sizes", "volumes"}) {
            if (p.acceptWord(w)) {
                break;
            }
        }
        p.acceptWord("unit");
        p.acceptOp(":");
        if (!(p.acceptWord("is") || p.acceptWord("are") || p.acceptWord("stored") || p.acceptWord("given")
                || p.acceptWord("recorded") || p.acceptWord("captured") || p.acceptWord("held") || p.acceptWord("measured"))) {
            p.acceptWord("in");
        }
        p.acceptWord("stored");
        p.acceptWord("given");
        p.acceptWord("recorded");
        p.acceptWord("measured");
        p.acceptWord("in");
        PhraseTable.Match unit = p.phrase(PhraseTable.UNITS);
        if (unit == null || paren && !p.acceptOp(")")) {
            p.reset(m);
            return null;
        }
        return unit;
    }

    /** The factor from one unit to another of the same kind; null (with the problem) across kinds or currencies. */
    private static Copies.Operation scaled(Parser p, PhraseTable.Match from, PhraseTable.Match to, Expr column) {
        Unit a = null;
        Unit b = null;
        for (PhraseTable.Entry u : from.entries()) {
            for (PhraseTable.Entry v : to.entries()) {
                Unit x = Unit.of(u);
                Unit y = Unit.of(v);
                if (x.dimension().equals(y.dimension()) && a == null) {
                    a = x;
                    b = y;
                }
            }
        }
        if (a == null) {
            p.problem("a conversion between units of different kinds (" + Unit.of(from.entries().get(0)).dimension() + " and "
                    + Unit.of(to.entries().get(0)).dimension() + ")");
            return null;
        }
        if (a.dimension().equals("money") && a.factor().compareTo(BigDecimal.ONE) > 0 && b.factor().compareTo(BigDecimal.ONE) > 0) {
            p.problem("converting between two currencies needs an exchange rate; name the rate column or table");
            return null;
        }
        java.util.function.UnaryOperator<Expr> stated = StatedFactors.read(p, a, b);
        if (stated != null) {
            return new Copies.Operation(stated, column);
        }
        return p.problem() != null ? null : new Copies.Operation(scale(a.factor(), b.factor()), column);
    }


    /** The unit a column's name ends with (duration_sec, weightLbs, amt_cents), or null. */
    static PhraseTable.Match unitOfName(String name) {
        String[] parts = name.replaceAll("([a-z])([A-Z])", "$1_$2").split("_");
        // "SQ_FT", "area_sq_m": a unit of two words, the last two parts of the name
        PhraseTable.Match two = parts.length < 2 ? null : ColumnWords.unitOfPart(parts[parts.length - 2] + " " + parts[parts.length - 1]);
        return two != null ? two : parts.length < 2 ? null : ColumnWords.unitOfPart(parts[parts.length - 1]);
    }

    /** A unit of units.txt: its dimension and its size in the dimension's base unit (the entry's key). */
    record Unit(String dimension, BigDecimal factor) {
        static Unit of(PhraseTable.Entry e) {
            String[] parts = e.key().split("\\s+");
            return new Unit(parts[0], new BigDecimal(parts[1]));
        }
    }

    /** x in units of size {@code from} expressed in units of size {@code to}: an exact factor where there is one. */
    private static java.util.function.UnaryOperator<Expr> scale(BigDecimal from, BigDecimal to) {
        int c = from.compareTo(to);
        if (c == 0) {
            return x -> x;
        }
        BigDecimal big = c > 0 ? from : to;
        BigDecimal small = c > 0 ? to : from;
        Expr ratio;
        try {
            ratio = literal(big.divide(small, EXACT));
        } catch (ArithmeticException e) {
            // no exact decimal ratio: multiply by one factor and divide by the other
            Expr f = literal(from);
            Expr t = literal(to);
            return x -> new Expr.Bin("/", new Expr.Bin("*", x, f), t);
        }
        String op = c > 0 ? "*" : "/";
        return x -> new Expr.Bin(op, x, ratio);
    }

    /**
     * A number written with its unit ("50000 sq ft", "10 lbs") compared with a column: the number in the unit the
     * column's name ends with (weight_kg), or as written when the name gives none; null (with the problem) when the
     * two units measure different things.
     */
    static Expr inUnitOf(Parser p, Expr column, Expr.Lit number, PhraseTable.Match written) {
        PhraseTable.Match own = column instanceof Expr.Col c ? unitOfName(c.column()) : null;
        if (own == null) {
            return number;
        }
        for (PhraseTable.Entry u : written.entries()) {
            for (PhraseTable.Entry v : own.entries()) {
                Unit a = Unit.of(u);
                Unit b = Unit.of(v);
                if (a.dimension().equals(b.dimension())) {
                    BigDecimal value = new BigDecimal(String.valueOf(number.value()));
                    return literal(value.multiply(a.factor()).divide(b.factor(), java.math.MathContext.DECIMAL64));
                }
            }
        }
        p.problem("the number's unit and the column's (" + Unit.of(written.entries().get(0)).dimension() + " and "
                + Unit.of(own.entries().get(0)).dimension() + ") measure different things");
        return null;
    }

    static Expr literal(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() <= 0 ? new Expr.Lit(s.longValueExact()) : new Expr.Lit(s);
    }
}
