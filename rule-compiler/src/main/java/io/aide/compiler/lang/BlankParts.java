package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Blank parts of a joined text left out with their separators: "City and state joined by ', '. If only one of them is
 * present, show that one on its own (no comma)", "address lines joined with a comma, skipping blank lines", "first and
 * last name with a space; if either is missing use the other alone". Without it, a blank part left a dangling
 * separator ("MEMPHIS, ") or a NULL part nulled the whole text.
 * <pre>
 * left_out := SKIP [any|all] MISSING PARTS [and their separators]           "skipping blank parts"
 *           | MISSING PARTS [are] SKIPPED                                   "empty values are left out"
 *           | IF only one [of them] is PRESENT [,] SHOW [that one] [ALONE] ["(no comma)"]
 *           | IF (one|either) [of them] is MISSING [,] SHOW the other [one] [ALONE]
 *           | (no|without [a|the]) SEPARATOR (when|if) (a|one|either|any) [part] is MISSING
 * </pre>
 * The text is NULL when every part is blank. Two parts: COALESCE(a || sep || b, a, b); more with one separator: each
 * present part after the separator, the first separator cut off.
 */
final class BlankParts {
    private static final String SKIP = "{skip/skipping/skips/skipped/ignore/ignoring/ignores/omit/omitting/omits/leave out/leaving out"
            + "/drop/dropping/drops/exclude/excluding/excludes/without}";
    private static final String MISSING = "{blank/blanks/empty/missing/null/nulls/absent/unpopulated}";
    private static final String PARTS = "{parts/part/values/items/fields/lines/columns/ones/components/elements/pieces/names/words}";
    private static final String PRESENT = "{present/populated/filled/filled in/given/there/available/not blank/non-blank/not null/not empty}";
    private static final String IF = "{if/when/where}";
    private static final String SHOW = "{show/use/load/take/return/keep/output/display/write/give/put}";
    private static final String ALONE = "{on its own/alone/by itself/only/without a separator/without the separator/without separator/}";
    private static final String SEPARATOR = "{separator/separators/comma/commas/hyphen/dash/delimiter/space/spaces/slash}";
    private static final String NO_SEPARATOR = "{( no " + SEPARATOR.substring(1, SEPARATOR.length() - 1).replace("/", " )/( no ")
            + " )/}";

    private static final List<WordPattern> SAYINGS = WordPattern.all(
            SKIP + " {any/all/the/} " + MISSING + " " + PARTS + " {and their separators/and their separator/with their separators/}",
            SKIP + " " + MISSING,
            MISSING + " " + PARTS + " {are/is/get/} {skipped/ignored/omitted/left out/dropped/excluded/not shown/not included/not joined}",
            IF + " only one {of them/of the two/of both/part/value/} {is/has} " + PRESENT + " {, /}" + SHOW + " {that one/it/the one present"
                    + "/that value/that part/the present one/} " + ALONE + " " + NO_SEPARATOR,
            IF + " only one {of them/of the two/of both/part/value/} {is/has} " + PRESENT + " {, /}{then /}{just /}{that one/it} {is shown/is used"
                    + "/is loaded} " + ALONE + " " + NO_SEPARATOR,
            IF + " {one/either/either one/one of them/either of them/one part/a part} is " + MISSING + " {, /}{then /}" + SHOW
                    + " the other {one/part/} " + ALONE + " " + NO_SEPARATOR,
            "{no/without/without a/without the/with no/omit the/leave out the/drop the/skip the} " + SEPARATOR + " " + IF
                    + " {a/one/either/any/one of them/either of them} {part/value/of them/} is " + MISSING,
            // "Any part that is blank is left out", "A part that is blank is simply left out"
            "{any/a/each/every/} {part/value/name/field/component/element/piece} {that is/which is/that's/that are} " + MISSING
                    + " {is/gets/are/} {simply /just /}{left out/skipped/omitted/dropped/ignored/excluded/not shown/not included}",
            // "If one of the two is null/blank, use the other one alone"
            IF + " {one of the two/one of the parts/one part/either part/either name/one name} is " + MISSING
                    + " {, /}{then /}" + SHOW + " the other {one/part/name/} " + ALONE,
            IF + " {one of the two/one of the parts/one part/either part/either name/one name} is " + MISSING + " / " + MISSING
                    + " {, /}{then /}" + SHOW + " the other {one/part/name/} " + ALONE);
    /**
     * What the joined text never has, said after the saying: "(no double spaces)", "(no leading or trailing space)",
     * ", so there are never leading or double spaces", ", no comma".
     */
    private static final List<WordPattern> TAILS = WordPattern.all(
            "( {no/never} {leading/trailing/double/dangling/extra/stray/} {or leading/or trailing/or double/and double/and trailing/} "
                    + SEPARATOR + " {at the end/at the start/} )",
            "{, /}{so /}{there are/there is/there will be/you get/} never {a/any/} {leading/trailing/double/dangling/extra/stray} "
                    + "{or leading/or trailing/or double/and double/and trailing/} " + SEPARATOR,
            ", no " + SEPARATOR);

    private BlankParts() {
    }

    /** A saying at the cursor that blank parts are left out: consumed, true; else false (cursor unchanged). */
    static boolean accept(Parser p) {
        int m = p.mark();
        p.skipFiller();
        for (WordPattern saying : SAYINGS) {
            int n = saying.match(p.tokens(), p.mark());
            if (n > 0) {
                p.reset(p.mark() + n);
                tails(p);
                return true;
            }
        }
        p.reset(m);
        return false;
    }

    private static void tails(Parser p) {
        boolean more = true;
        while (more) {
            more = false;
            for (WordPattern tail : TAILS) {
                int n = tail.match(p.tokens(), p.mark());
                if (n > 0) {
                    p.reset(p.mark() + n);
                    more = true;
                }
            }
        }
    }

    /**
     * The joined text with blank parts left out, from its items (parts with the literal separators between them); null
     * when the items are not parts and separators (a text before the first part or after the last, or two parts with
     * different separators among more than two).
     */
    static Expr leftOut(List<Expr> items) {
        List<Expr> parts = new ArrayList<>();
        List<String> separators = new ArrayList<>();
        StringBuilder sep = null;
        for (Expr item : items) {
            if (item instanceof Expr.Lit l && l.value() instanceof String s) {
                if (sep == null) {
                    return null;
                }
                sep.append(s);
            } else if (item instanceof Expr.Lit) {
                return null;
            } else {
                if (sep != null) {
                    separators.add(sep.toString());
                }
                // a trimmed part is blank when it is empty: NULLIF says so shortly; any other is tested trimmed
                parts.add(trimmed(item) ? new Expr.Fn("NULLIF", List.of(item, new Expr.Lit(""))) : NullHandling.blankToNull(item));
                sep = new StringBuilder();
            }
        }
        if (parts.size() < 2 || sep == null || sep.length() > 0) {
            return null;
        }
        if (parts.size() == 2) {
            Expr a = parts.get(0);
            Expr b = parts.get(1);
            List<Expr> both = separators.get(0).isEmpty() ? List.of(a, b) : List.of(a, new Expr.Lit(separators.get(0)), b);
            return new Expr.Fn("COALESCE", List.of(new Expr.Concat(both), a, b));
        }
        if (separators.stream().distinct().count() != 1) {
            return null;
        }
        String s = separators.get(0);
        List<Expr> each = new ArrayList<>();
        for (Expr part : parts) {
            Expr withSeparator = s.isEmpty() ? part : new Expr.Concat(List.of(new Expr.Lit(s), part));
            each.add(new Expr.Fn("COALESCE", List.of(withSeparator, new Expr.Lit(""))));
        }
        Expr joined = new Expr.Substr(new Expr.Concat(each), new Expr.Lit((long) s.length() + 1), null);
        return new Expr.Fn("NULLIF", List.of(joined, new Expr.Lit("")));
    }

    private static boolean trimmed(Expr e) {
        return e instanceof Expr.Fn f && f.args().size() == 1 && (f.name().equalsIgnoreCase("TRIM")
                || java.util.Set.of("UPPER", "LOWER").contains(f.name().toUpperCase(java.util.Locale.ROOT)) && trimmed(f.args().get(0)));
    }

    /**
     * "... separated by one space. When one part is missing use the other; when both are missing put 'N/A'": where the
     * rule reads a part as missing when it is blank (NULLIF(TRIM(part), '')), the exception's "missing" is read so too.
     */
    static Expr missingAsRead(Expr condition, Expr rule) {
        java.util.Map<Expr, Expr> blankAsNull = new java.util.HashMap<>();
        Expr.visit(rule, x -> {
            if (x instanceof Expr.Fn f && f.name().equals("NULLIF") && f.args().size() == 2 && f.args().get(1) instanceof Expr.Lit l
                    && "".equals(l.value()) && f.args().get(0) instanceof Expr.Fn t && t.name().equals("TRIM") && t.args().size() == 1
                    && t.args().get(0) instanceof Expr.Col) {
                blankAsNull.put(t.args().get(0), x);
            }
        });
        return blankAsNull.isEmpty() ? condition : Expr.rewrite(condition, x -> x instanceof Expr.IsNull n
                && blankAsNull.containsKey(n.expr()) ? new Expr.IsNull(blankAsNull.get(n.expr()), n.negated()) : x);
    }
}
