package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.List;
import java.util.Map;

/**
 * Operations on a value, chained after a copy like the other operations of {@link Copies}: the text operations here,
 * the number operations (a share, arithmetic, rounding) in {@link NumberOperations}. Each names its arguments; the
 * value it works on is the value so far, or the column it names ("first 3 characters of `code`"):
 * <pre>
 * substr  := FIRST N CHARS [OF column] | LAST N CHARS [OF column] | CHARS N (TO | -) M [OF column]
 *          | SUBSTRING [OF column] (FROM | AT) [POSITION] N (FOR | LENGTH) M [CHARS]
 * pad     := PAD [LEFT | RIGHT] [column] WITH fill [TO [LENGTH OF]] N [CHARS]   -- fill: 'x', zeros, spaces
 * replace := REPLACE text (WITH | BY) text [IN column]
 * split   := SPLIT [column] (ON | BY) text [CHAIN] [TAKE] ordinal PART
 *          | ordinal PART [OF column] [WHEN [it is]] SPLIT (ON | BY) text
 * edge    := [FIRST_CHARS | LAST_CHARS] N ["-"] CHARS (PREFIX_NOUN | SUFFIX_NOUN) [OF column]  -- "Three-digit prefix of zip"
 * layout  := FORMAT [column] AS pattern                     -- {@link Layouts}: "format tax id as XXX-XX-XXXX"
 * </pre>
 * A number in a text operation is a whole number written as digits, as a word ("three") or as an ordinal ("2nd",
 * "second").
 */
final class Operations {
    private static final Map<String, Long> ORDINALS = Map.ofEntries(Map.entry("first", 1L), Map.entry("second", 2L),
            Map.entry("third", 3L), Map.entry("fourth", 4L), Map.entry("fifth", 5L), Map.entry("sixth", 6L),
            Map.entry("seventh", 7L), Map.entry("eighth", 8L), Map.entry("ninth", 9L), Map.entry("tenth", 10L));

    /** Counts written as words ("the first three characters"). */
    static final Map<String, Long> CARDINALS = Map.ofEntries(Map.entry("one", 1L), Map.entry("two", 2L),
            Map.entry("three", 3L), Map.entry("four", 4L), Map.entry("five", 5L), Map.entry("six", 6L),
            Map.entry("seven", 7L), Map.entry("eight", 8L), Map.entry("nine", 9L), Map.entry("ten", 10L),
            Map.entry("eleven", 11L), Map.entry("twelve", 12L));

    private Operations() {
    }

    /** One operation at the cursor, or null (cursor unchanged). */
    static Copies.Operation operation(Parser p) {
        return Copies.first(p, PRODUCTIONS);
    }

    private static final List<Copies.Production> PRODUCTIONS = List.of(Layouts::layout, NumberOperations::share, NumberOperations::percentOf, NumberOperations::bound, Extremes::extreme,
            NumberOperations::round, NumberOperations::whole, NumberOperations::arithmetic, Delimiters::around, Operations::drop,
            Operations::substring, Operations::sizedEdge, Operations::substringFor, Operations::pad, Operations::replace,
            Operations::split);

    private static final java.util.Set<String> SUBSTRING_WORDS = java.util.Set.of("substring", "substr", "mid", "part");
    private static final java.util.Set<String> START_WORDS = java.util.Set.of("from", "at", "starting");
    private static final java.util.Set<String> POSITION_WORDS = java.util.Set.of("position", "character", "char", "pos",
            "offset", "at");

    /**
     * "Substring of ref from position 3 for 6 characters", "substr(ref) starting at 2 for 4": SQL's SUBSTRING in words.
     * substr_for := SUBSTRING [OF column] (FROM | AT | STARTING [AT]) [POSITION] n (FOR | LENGTH) m [CHARS]
     */
    private static Copies.Operation substringFor(Parser p) {
        Token word = p.next();
        if (word == null || !SUBSTRING_WORDS.contains(word.norm())) {
            return null;
        }
        Expr named = of(p);
        // "substring from position 3 ...": no column, and the cursor is back before "from"
        Expr column = named == NONE ? null : named;
        Token start = p.next();
        if (start == null || !START_WORDS.contains(start.norm())) {
            return null;
        }
        while (p.peekToken() != null && POSITION_WORDS.contains(p.peekToken().norm())) {
            p.next();
        }
        Long from = whole(p);
        Token forWord = p.next();
        if (from == null || from < 1 || forWord == null || !(forWord.norm().equals("for") || forWord.norm().equals("length"))) {
            return null;
        }
        Long length = whole(p);
        if (length == null || length < 1) {
            return null;
        }
        p.accept(Role.CHARS);
        return new Copies.Operation(x -> new Expr.Substr(x, new Expr.Lit(from), new Expr.Lit(length)), column);
    }

    // ---------------------------------------------------------------- text

    private static Copies.Operation substring(Parser p) {
        if (p.accept(Role.TRUNCATE)) {
            // "truncate to 3 characters": the first 3
            Expr column = p.column();
            p.accept(Role.TO);
            Long n = whole(p);
            if (n == null || n < 1 || !p.accept(Role.CHARS)) {
                return null;
            }
            return new Copies.Operation(x -> new Expr.Substr(x, new Expr.Lit(1L), new Expr.Lit(n)), column);
        }
        if (p.accept(Role.FIRST_CHARS)) {
            Long n = count(p);
            if (n == null || n < 1) {
                return null;
            }
            // "first 5 characters", or "left 5 of postal_code" where the column says what is counted
            int unit = p.mark();
            boolean chars = p.accept(Role.CHARS);
            // "first letter of first name": a letter, never the spaces before it
            boolean letters = chars && p.tokens().get(unit).norm().startsWith("letter");
            Expr column = of(p);
            return column == NONE || !chars && column == null ? null : new Copies.Operation(x -> new Expr.Substr(
                    letters ? new Expr.Fn("LTRIM", List.of(x)) : x, new Expr.Lit(1L), new Expr.Lit(n)), column);
        }
        if (p.accept(Role.LAST_CHARS)) {
            Long n = count(p);
            if (n == null || n < 1) {
                return null;
            }
            boolean chars = p.accept(Role.CHARS);
            Expr column = of(p);
            // from max(length - n + 1, 1): a shorter value is kept whole
            return column == NONE || !chars && column == null ? null : new Copies.Operation(x -> new Expr.Substr(x, new Expr.Fn("GREATEST", List.of(
                    new Expr.Bin("-", new Expr.Fn("LENGTH", List.of(x)), new Expr.Lit(n - 1)), new Expr.Lit(1L))), null),
                    column);
        }
        if (p.accept(Role.CHARS)) {
            Long from = whole(p);
            if (from == null || from < 1 || !(p.acceptOp("-") || p.accept(Role.TO))) {
                return null;
            }
            Long to = whole(p);
            if (to == null || to < from) {
                return null;
            }
            Expr column = of(p);
            return column == NONE ? null : new Copies.Operation(x -> new Expr.Substr(x, new Expr.Lit(from),
                    new Expr.Lit(to - from + 1)), column);
        }
        return null;
    }

    /**
     * "Remove the first character", "drop the last 2 characters of code": the rest of the text.
     * drop := REMOVE (FIRST_CHARS | LAST_CHARS) count CHARS [FROM column]
     */
    private static Copies.Operation drop(Parser p) {
        if (!p.accept(Role.REMOVE)) {
            return null;
        }
        boolean first = p.accept(Role.FIRST_CHARS);
        if (!first && !p.accept(Role.LAST_CHARS)) {
            return null;
        }
        Long n = count(p);
        if (n == null || n < 1 || !p.accept(Role.CHARS)) {
            return null;
        }
        Expr column = of(p);
        if (column == NONE) {
            return null;
        }
        Expr k = new Expr.Lit(n);
        if (first) {
            return new Copies.Operation(x -> new Expr.Substr(x, new Expr.Lit(n + 1), null), column);
        }
        // the first length - n characters, none when the text is shorter
        return new Copies.Operation(x -> new Expr.Substr(x, new Expr.Lit(1L), new Expr.Fn("GREATEST", List.of(
                new Expr.Bin("-", new Expr.Fn("LENGTH", List.of(x)), k), new Expr.Lit(0L)))), column);
    }

    /** A number of characters: written, or one when the noun after it is singular ("the first letter"). */
    private static Long count(Parser p) {
        Long n = whole(p);
        Token t = p.peekToken();
        return n != null ? n : t != null && SINGULAR_CHARS.contains(t.norm()) ? Long.valueOf(1L) : null;
    }

    private static final java.util.Set<String> PREFIX_NOUNS = java.util.Set.of("prefix", "start", "beginning", "head",
            "lead");
    private static final java.util.Set<String> SUFFIX_NOUNS = java.util.Set.of("suffix", "end", "ending", "tail");

    /** "Three-digit prefix of the destination zip", "last 2-character suffix of code": the first or last N characters. */
    private static Copies.Operation sizedEdge(Parser p) {
        boolean firstSaid = p.accept(Role.FIRST_CHARS);
        boolean lastSaid = !firstSaid && p.accept(Role.LAST_CHARS);
        Long n = whole(p);
        if (n == null || n < 1) {
            return null;
        }
        p.acceptOp("-");
        if (!p.accept(Role.CHARS)) {
            return null;
        }
        Token noun = p.next();
        boolean prefix = noun != null && PREFIX_NOUNS.contains(noun.norm());
        boolean suffix = noun != null && SUFFIX_NOUNS.contains(noun.norm());
        if (!prefix && !suffix || prefix && lastSaid || suffix && firstSaid) {
            return null;
        }
        Expr column = of(p);
        if (column == NONE) {
            return null;
        }
        Expr len = new Expr.Lit(n);
        return new Copies.Operation(prefix ? x -> new Expr.Substr(x, new Expr.Lit(1L), len)
                : x -> new Expr.Substr(x, new Expr.Fn("GREATEST", List.of(new Expr.Bin("-", new Expr.Fn("LENGTH", List.of(x)),
                new Expr.Lit(n - 1)), new Expr.Lit(1L))), null), column);
    }

    /** Words that make "N-word" a size ("3-character", "9-digit"), never a code's label. */
    static final java.util.Set<String> SIZE_UNITS = java.util.Set.of("character", "characters", "char", "chars", "digit",
            "digits", "letter", "letters", "byte", "bytes", "position", "positions", "place", "places");

    private static final java.util.Set<String> SINGULAR_CHARS = java.util.Set.of("character", "char", "letter", "digit",
            "symbol", "position");

    private static Copies.Operation pad(Parser p) {
        if (p.accept(Role.ZERO_PAD)) {
            Expr column = p.column();
            p.accept(Role.TO);
            Long width = whole(p);
            if (width == null || width < 1) {
                return null;
            }
            int unit = p.mark();
            p.accept(Role.CHARS);
            return ofDigits(padded(column, true, "0", width), p.mark() > unit && p.tokens().get(unit).norm().startsWith("digit"));
        }
        int sideAt = p.mark();
        Boolean left = p.accept(Role.LEFT) ? Boolean.TRUE : p.accept(Role.RIGHT) ? Boolean.FALSE : null;
        // "lpad with '0' to 10": the side and the padding in one word
        boolean padWord = left != null && p.mark() == sideAt + 1 && p.tokens().get(sideAt).norm().matches("[lr]pad");
        if (!padWord && !p.accept(Role.PAD)) {
            return null;
        }
        if (left == null) {
            left = p.accept(Role.LEFT) ? Boolean.TRUE : p.accept(Role.RIGHT) ? Boolean.FALSE : null;
        }
        Expr column = p.column();
        if (p.accept(Role.LEFT)) {
            // "Pad meter number on the left with zeros": the side after the column
            left = left == null ? Boolean.TRUE : left;
        } else if (p.accept(Role.RIGHT)) {
            left = left == null ? Boolean.FALSE : left;
        }
        // "Left pad to 10 with zeros": the width may come before the padding character
        Long widthFirst = null;
        boolean digits = false;
        int beforeWidth = p.mark();
        if (p.accept(Role.TO)) {
            widthFirst = whole(p);
            if (widthFirst == null) {
                p.reset(beforeWidth);
            } else {
                int unit = p.mark();
                p.accept(Role.CHARS);
                digits = p.mark() > unit && p.tokens().get(unit).norm().startsWith("digit");
            }
        }
        boolean with = p.accept(Role.WITH);
        if (!with && digits && widthFirst != null && (left == null || left)) {
            // "left-padded to 3 digits": a number's digits are padded with zeros, on the left
            return ofDigits(padded(column, true, "0", widthFirst), true);
        }
        if (!with) {
            p.problem("the rule pads without saying the padding character (add 'with zeros' or \"with '<character>'\")");
            return null;
        }
        String fill;
        if (p.accept(Role.LEFT)) {
            left = left == null ? Boolean.TRUE : left;
        } else if (p.accept(Role.RIGHT)) {
            left = left == null ? Boolean.FALSE : left;
        }
        if (p.accept(Role.ZEROS)) {
            fill = "0";
        } else if (p.accept(Role.SPACES)) {
            fill = " ";
        } else {
            Expr f = p.literal();
            if (!(f instanceof Expr.Lit l) || String.valueOf(l.value()).length() != 1) {
                return null;
            }
            fill = String.valueOf(l.value());
        }
        if (p.accept(Role.LEFT)) {
            left = left == null ? Boolean.TRUE : left;
        } else if (p.accept(Role.RIGHT)) {
            left = left == null ? Boolean.FALSE : left;
        }
        Long width = widthFirst;
        if (width == null) {
            p.accept(Role.TO);
            width = whole(p);
            int unit = p.mark();
            p.accept(Role.CHARS);
            digits |= p.mark() > unit && p.tokens().get(unit).norm().startsWith("digit");
        }
        if (width == null || width < 1) {
            return null;
        }
        if (left == null) {
            // zeros go in front of a number; other fill without a side is not said
            if (!fill.equals("0")) {
                return null;
            }
            left = true;
        }
        return ofDigits(padded(column, left, fill, width), digits);
    }

    /** "prefixed with 'E' and zero padded to 8 digits": a width in digits is the number's, the prefix stays in front. */
    private static Copies.Operation ofDigits(Copies.Operation pad, boolean digits) {
        if (!digits) {
            return pad;
        }
        return new Copies.Operation(x -> x instanceof Expr.Concat c && c.parts().size() == 2
                && c.parts().get(0) instanceof Expr.Lit l && l.value() instanceof String
                ? new Expr.Concat(List.of(c.parts().get(0), pad.apply().apply(c.parts().get(1)))) : pad.apply().apply(x), pad.column());
    }

    private static Copies.Operation padded(Expr column, boolean left, String fill, long width) {
        String name = left ? "LPAD" : "RPAD";
        Expr w = new Expr.Lit(width);
        Expr filler = new Expr.Lit(fill);
        // a value already as long as the width is kept whole (LPAD/RPAD would cut it)
        return new Copies.Operation(x -> {
            Expr text = new Expr.Cast(x, SqlType.VARCHAR, false);
            return new Expr.Case(List.of(new Expr.When(new Expr.Bin(">=", new Expr.Fn("LENGTH", List.of(text)), w), text)),
                    new Expr.Fn(name, List.of(text, w, filler)));
        }, column);
    }

    /**
     * replace := REPLACE (text | character | kind of characters) [IN column] (WITH | BY) (text | character) [IN column]
     * "Replace '-' with ''", "replace line breaks in memo with a space", "replace commas by ';'".
     */
    private static Copies.Operation replace(Parser p) {
        int start = p.mark();
        Copies.Operation passive = replacedAfter(p);
        if (passive != null) {
            return passive;
        }
        p.reset(start);
        if (!p.accept(Role.REPLACE)) {
            return null;
        }
        String from = null;
        String pattern = null;
        int m = p.mark();
        Expr what = p.literal();
        if (what instanceof Expr.Lit w && !String.valueOf(w.value()).isEmpty()) {
            from = String.valueOf(w.value());
        } else {
            p.reset(m);
            PhraseTable.Match kind = p.phrase(PhraseTable.CHARACTER_CLASSES);
            PhraseTable.Match named = kind == null ? p.phrase(PhraseTable.CHARACTERS) : null;
            if (kind != null) {
                pattern = kind.entries().get(0).key();
            } else if (named != null) {
                from = named.entries().get(0).key();
            } else {
                return null;
            }
        }
        Expr column = inColumn(p);
        if (column == NONE || !(p.accept(Role.WITH) || p.accept(Role.BY))) {
            return null;
        }
        String by;
        int b = p.mark();
        Expr with = p.literal();
        if (with instanceof Expr.Lit l && !(l.value() instanceof Boolean)) {
            by = String.valueOf(l.value());
        } else {
            p.reset(b);
            PhraseTable.Match named = p.phrase(PhraseTable.CHARACTERS);
            if (named == null) {
                return null;
            }
            by = named.entries().get(0).key();
        }
        if (column == null) {
            column = inColumn(p);
            if (column == NONE) {
                return null;
            }
        }
        Expr to = new Expr.Lit(by);
        if (pattern != null) {
            Expr regex = new Expr.Lit(pattern);
            return new Copies.Operation(x -> new Expr.Fn("REGEXP_REPLACE", List.of(x, regex, to)), column);
        }
        Expr text = new Expr.Lit(from);
        return new Copies.Operation(x -> new Expr.Fn("REPLACE", List.of(x, text, to)), column);
    }

    /**
     * The replacement said after what it replaces: "with the word 'Senior' replaced by 'Sr.'" (WITH [the word | the
     * text] thing REPLACE (BY | WITH) thing), "with underscores instead of spaces" ([WITH] thing "instead of" thing).
     * A thing is a text or a character's name (characters.txt). Null (cursor moved) otherwise.
     */
    private static Copies.Operation replacedAfter(Parser p) {
        boolean with = p.accept(Role.WITH);
        for (String w : new String[]{"the", "word", "text", "string", "value", "character"}) {
            p.acceptWord(w);
        }
        String first = thing(p);
        if (first == null) {
            return null;
        }
        String from;
        String by;
        if (with && p.accept(Role.REPLACE) && (p.accept(Role.BY) || p.accept(Role.WITH))) {
            from = first;
            by = thing(p);
        } else if (p.acceptWord("instead") && p.acceptWord("of")) {
            by = first;
            from = thing(p);
        } else {
            return null;
        }
        if (from == null || by == null || from.isEmpty()) {
            return null;
        }
        Expr text = new Expr.Lit(from);
        Expr to = new Expr.Lit(by);
        return new Copies.Operation(x -> new Expr.Fn("REPLACE", List.of(x, text, to)), null);
    }

    /** A quoted text or a character named by its name ("underscores", "a space"); null otherwise. */
    private static String thing(Parser p) {
        int m = p.mark();
        Expr lit = p.literal();
        if (lit instanceof Expr.Lit l && l.value() instanceof String v) {
            return v;
        }
        p.reset(m);
        p.acceptWord("a");
        p.acceptWord("an");
        PhraseTable.Match named = p.phrase(PhraseTable.CHARACTERS);
        return named == null ? null : named.entries().get(0).key();
    }

    /** [IN column]: the column, null when no "in" follows, NONE when "in" is followed by no column. */
    private static Expr inColumn(Parser p) {
        int m = p.mark();
        if (!p.accept(Role.IN_COLUMN)) {
            return null;
        }
        Expr column = p.column();
        if (column == null) {
            p.reset(m);
            return NONE;
        }
        return column;
    }

    private static Copies.Operation split(Parser p) {
        if (p.accept(Role.SPLIT)) {
            Expr column = p.column();
            if (!(p.accept(Role.BY) || p.accept(Role.ON))) {
                return null;
            }
            String delimiter = text(p);
            if (delimiter == null) {
                return null;
            }
            p.acceptSeparator();
            p.accept(Role.CHAIN);
            p.accept(Role.TAKE);
            Long n = ordinal(p);
            if (n == null || !p.accept(Role.PART)) {
                return null;
            }
            return splitPart(column, delimiter, n);
        }
        Long n = ordinal(p);
        if (n == null || !p.accept(Role.PART)) {
            return null;
        }
        Expr column = of(p);
        // "second part of the route code when split on '-'"
        boolean when = p.acceptWord("when") || p.acceptWord("once") || p.acceptWord("after") || p.acceptWord("if");
        if (when) {
            p.acceptWord("it");
            p.acceptWord("is");
        }
        if (column == NONE || !p.accept(Role.SPLIT) || !(p.accept(Role.BY) || p.accept(Role.ON))) {
            return null;
        }
        String delimiter = text(p);
        return delimiter == null ? null : splitPart(column, delimiter, n);
    }

    private static Copies.Operation splitPart(Expr column, String delimiter, long n) {
        Expr d = new Expr.Lit(delimiter);
        Expr k = new Expr.Lit(n);
        return new Copies.Operation(x -> new Expr.Fn("SPLIT_PART", List.of(x, d, k)), column);
    }

    // ---------------------------------------------------------------- arguments

    /** Marks "OF" followed by something that is not a column. */
    static final Expr NONE = new Expr.Lit("<none>");

    /** [OF column]: the column, null when none is named, NONE when "of" is followed by no column. */
    static Expr of(Parser p) {
        int m = p.mark();
        if (!p.accept(Role.FROM)) {
            return null;
        }
        Expr c = p.column();
        if (c == null) {
            // "of the string", "of the value": the value so far
            int at = p.mark();
            if (p.acceptExact(Role.SELF) || p.accept(Role.TYPE_TEXT)) {
                return null;
            }
            p.reset(at);
            p.reset(m);
            return NONE;
        }
        return c;
    }

    private static String text(Parser p) {
        Expr e = p.literal();
        return e instanceof Expr.Lit l && l.value() instanceof String s && !s.isEmpty() ? s : null;
    }

    /** A whole number written as digits ("3") or a number word in ordinal form ("3rd", "third"). */
    static Long whole(Parser p) {
        int m = p.mark();
        Token t = p.next();
        if (t != null && t.kind() == Token.Kind.NUMBER && t.text().matches("\\d{1,6}")) {
            return Long.parseLong(t.text());
        }
        if (t != null && t.kind() == Token.Kind.WORD && CARDINALS.containsKey(t.norm())) {
            return CARDINALS.get(t.norm());
        }
        p.reset(m);
        return ordinal(p);
    }

    private static final java.util.regex.Pattern NUMBERED_ORDINAL = java.util.regex.Pattern.compile("\\d{1,3}(st|nd|rd|th)");

    private static Long ordinal(Parser p) {
        int m = p.mark();
        Token t = p.next();
        if (t != null && t.kind() == Token.Kind.WORD) {
            if (NUMBERED_ORDINAL.matcher(t.norm()).matches()) {
                return Long.parseLong(t.norm().substring(0, t.norm().length() - 2));
            }
            Long n = ORDINALS.get(t.norm());
            if (n != null) {
                return n;
            }
        }
        p.reset(m);
        return null;
    }

    /** A whole number written as a word ("twelve", "one"), the cursor past it; null (cursor unchanged) otherwise. */
    static Long cardinal(Parser p) {
        Token t = p.peekToken();
        if (t != null && t.kind() == Token.Kind.WORD && CARDINALS.containsKey(t.norm())) {
            p.next();
            return CARDINALS.get(t.norm());
        }
        return null;
    }
}
