package io.aide.compiler.rules;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import io.aide.events.spec.MappingRow;

import java.util.regex.Pattern;

/**
 * A null-handling cell that says more than a default, the values taken or rows kept: it goes on from the rule ("Blank →
 * 'UNKNOWN'", "A blank count counts as 0", "No matching vehicle → -1"), so the rule is read with it; a cell that only
 * reassures ("Blank → NULL" for a number or a date) is borne out by the value the rule gives; one that states the
 * column's nullability ("Not null", "Never null", "Mandatory") is a constraint, tested on data by the not_null check.
 * Ignoring such a cell gave values it asks to change without a word.
 */
final class NullCells {
    /** Cells that ask for nothing: "N/A", "-", "None", "as is". */
    private static final Pattern NOTHING = Pattern.compile("(?i)^\\s*(?:n/?a|-+|none|no|nothing|as[- ]is|not\\s+applicable|tbd|null)\\s*[.]?\\s*$");
    /**
     * What may follow a NULL kept: "- do not default to 0", "– no default", ", row still loaded", then a remark in
     * brackets ("(load not tested)").
     */
    private static final String KEPT_TAIL = "(?:\\s*[-–—,;.]\\s*(?:do\\s+not\\s+default(?:\\s+to\\s+\\S+)?|no\\s+default"
            + "|(?:the\\s+)?row\\s+(?:is\\s+)?still\\s+(?:loaded|kept)))*(?:\\s*\\([^()]{1,60}\\))?";
    // ("Blank / 'NULL' -> null", "'NULL'/blank stays NULL": the text NULL in quotes, a slash with or without spaces)
    private static final Pattern NULL_KEPT = Pattern.compile("(?i)^\\s*(?:(?:(?:both|all|every|each)\\s+(?:of\\s+them\\s+|parts?\\s+|inputs?\\s+|sources?\\s+)?)?'?(?:blank|empty|missing|null)'?(?:(?:\\s+or\\s+|\\s*/\\s*)'?(?:blank|empty|missing|null)'?)?"
            + "\\s*(?:→|->|=>|=|becomes|stays?|remains?|is\\s+left|left\\s+as|to|gives|yields|returns|means)\\s*null" + KEPT_TAIL
            + "|(?:leave|keep|load)\\s+(?:it\\s+)?(?:as\\s+)?null(?:\\s+(?:if|when)\\s+(?:it\\s+is\\s+)?(?:null|blank|empty|missing))?" + KEPT_TAIL
            + "|do\\s+not\\s+default(?:\\s+to\\s+\\S+)?|nullable"
            // "NULL when the customer has no orders", "NULL when distance_km is NULL": no value where an input is missing
            + "|null\\s+(?:when|if|for|where)\\s+[\\w\\s']{1,60}?\\b(?:has|have|there\\s+is|there\\s+are)\\s+no\\s+[\\w\\s]{1,30}"
            + "|null\\s+(?:when|if)\\s+[\\w.]+\\s+is\\s+(?:null|blank|missing|empty)"
            // "Null when blank (permit not issued yet)", "NULL if empty or missing": the value itself missing
            + "|null\\s+(?:when|if|where)\\s+(?:it\\s+is\\s+|the\\s+source\\s+is\\s+)?(?:blank|empty|missing|null|not\\s+given)"
            + "(?:\\s*(?:,|/|or)\\s*(?:blank|empty|missing|null))*" + KEPT_TAIL
            // "NULL when not delivered", "NULL when the order line is not found (EVENT_SK = -1)": what has not happened
            + "|null\\s+(?:when|if|while|until)\\s+(?:[\\w']+\\s+){0,6}?(?:is\\s+|are\\s+|has\\s+|have\\s+)?(?:not|never)\\s+(?:yet\\s+)?"
            + "(?:found|matched|delivered|present|available|known|set|returned|arrived|shipped|completed|closed|paid)"
            + "(?:\\s+[\\w']+){0,4}(?:\\s*\\([^()]{1,40}\\))?)\\s*[.]?\\s*$");
    /** "Leave null if null", "Keep NULL when it is null": a NULL input gives NULL, said of NULL alone. */
    private static final Pattern NULL_IF_NULL = Pattern.compile("(?i)^\\s*(?:leave|keep|load)\\s+(?:it\\s+)?(?:as\\s+)?null\\s+(?:if|when)"
            + "\\s+(?:it\\s+is\\s+|the\\s+source\\s+is\\s+)?null\\s*[.]?\\s*$");

    /**
     * "Blank/null = false", "Blank or null → 'Other'", "Other / blank codes -> Unknown", "Any other distributor ID ->
     * Other": what a missing (or any other) value gives, which the value's else branch gives already.
     */
    private static final Pattern ELSE_SAID = Pattern.compile("(?i)^\\s*(?:(?:blank|empty|missing|null)(?:\\s*(?:/|,|or)\\s*(?:blank|empty"
            + "|missing|null))*(?:\\s+[\\w]+){0,2}|(?:any\\s+)?other(?:\\s*(?:/|,|or|and)\\s*(?:blank|empty|missing|null))*(?:\\s+[\\w]+){0,3})"
            + "\\s*(?:→|->|=>|=|:|gives|becomes|is)\\s*'?([^'.;]{1,40}?)'?\\s*[.]?\\s*$");

    private NullCells() {
    }

    /** Words of a value that is not there: a null-handling cell without one is a note, read elsewhere or not at all. */
    private static final Pattern MISSING = Pattern.compile("(?i)\\b(?:blanks?|nulls?|missing|empty|no\\s+match(?:ing)?|not\\s+found"
            + "|absent|unmatched|not\\s+in\\s+the|not\\s+(?:stated|given|provided|supplied|known|recorded)"
            // "-1 when no owner is found", "when the pet was not matched"
            + "|no\\s+(?:[\\w']+\\s+){1,3}(?:is\\s+|was\\s+|can\\s+be\\s+)?(?:found|matched|match(?:es)?)|not\\s+(?:be\\s+)?matched)\\b");

    /** The cell asks for nothing about missing values ("N/A", "Grain: one row per customer"): it is no instruction here. */
    static boolean saysNothing(String cell) {
        // "0 → 1", "N/A becomes 0": a value for another value is an instruction, whatever it names
        return NOTHING.matcher(cell).matches() || !MISSING.matcher(cell).find() && !GIVES.matcher(cell).find()
                && !VALUE_FIRST.matcher(cell).find();
    }

    /** "Normal (also for any code not listed)", "'N/A' (...)": a value first, then what it is for in a bracket. */
    private static final Pattern VALUE_FIRST = Pattern.compile("^\\s*(?:(?:'[^']*'|\"[^\"]*\"|-?\\d+(?:\\.\\d+)?|[A-Z][\\w-]*(?:\\s+[A-Z][\\w-]*){0,2})"
            + "\\s*\\("
            // "'Unnamed Stop ' followed by stop_id": a quoted text that starts a value built from it
            + "|(?:'[^']*'|\"[^\"]*\")\\s*(?:(?i:followed\\s+by|then|plus|concatenated\\s+with)\\b|\\+|\\|\\|))");

    /** An arrow or a verb that gives one value for another. */
    private static final Pattern GIVES = Pattern.compile("(?i)→|->|=>|\\s=\\s|\\bbecomes?\\b|\\bmaps?\\s+to\\b|\\bturns?\\s+into\\b"
            // "-1 when ...", "'Unknown' if ...": a value, then when it is given
            + "|^\\s*(?:-?\\d+(?:\\.\\d+)?|'[^']*'|\"[^\"]*\"|true|false)\\s+(?:when|if|where|for)\\b");

    /** "Nullable", "NULLs allowed", "may be null", "nulls expected": a statement that the column may have no value. */
    private static final Pattern NULL_ALLOWED = Pattern.compile("(?i)^\\s*(?:nulls?\\s+(?:are\\s+|is\\s+)?(?:allowed|permitted|expected|ok|accepted)"
            + "|(?:can|may|could)\\s+be\\s+(?:null|blank|empty)|blanks?\\s+(?:are\\s+|is\\s+)?(?:allowed|expected|ok))(?:\\s+[^.;]{0,40})?\\s*[.]?\\s*$");

    /**
     * "Not null", "Never null", "Mandatory": the column's nullability, no step of the rule: the document reader declares the
     * column NOT NULL and the not_null check tests it on data (a value that can be NULL is not proof the rows ever are).
     */
    static boolean statesNullability(String cell) {
        return io.aide.events.spec.NullabilityWords.saysNotNull(cell);
    }

    /** The cell only reassures, and the value bears it out. */
    static boolean borneOut(String cell, Expr value, SqlType target) {
        if (NULL_ALLOWED.matcher(cell).matches()) {
            return true;
        }
        java.util.regex.Matcher elseSaid = ELSE_SAID.matcher(cell);
        if (elseSaid.matches() && givenByElse(value, elseSaid.group(1).strip())) {
            return true;
        }
        if (NULL_IF_NULL.matcher(cell).matches()) {
            return keepsNull(value);
        }
        if (NULL_KEPT.matcher(cell).matches()) {
            // "Both blank → NULL" on a text joined with its blank parts left out: NULL when every part is blank
            return Expr.blankStaysNull(value, target) || Expr.blankIsNull(value);
        }
        return false;
    }

    /**
     * The value's else branch gives the text said (a literal of that text, true/false), and no branch tests for a missing
     * value: a blank or NULL input falls to it.
     */
    private static boolean givenByElse(Expr value, String said) {
        Expr v = value;
        while (v instanceof Expr.Cast c) {
            v = c.expr();
        }
        if (!(v instanceof Expr.Case map) || !(map.otherwise() instanceof Expr.Lit l) || l.value() == null
                || !String.valueOf(l.value()).equalsIgnoreCase(said)) {
            return false;
        }
        boolean[] testsMissing = {false};
        map.whens().forEach(w -> Expr.visit(w.condition(), x -> testsMissing[0] |= x instanceof Expr.IsNull
                || x instanceof Expr.Lit b && "".equals(b.value())));
        return !testsMissing[0];
    }

    /** Functions that give a value for a NULL input. */
    private static final java.util.Set<String> NULL_REPLACING = java.util.Set.of("COALESCE", "IFNULL", "NVL", "NVL2",
            "CONCAT", "CONCAT_WS", "ISNULL", "ZEROIFNULL");

    /** NULL in gives NULL out: a column read through casts, functions and arithmetic that replace no NULL. */
    private static boolean keepsNull(Expr e) {
        if (e instanceof Expr.Col) {
            return true;
        }
        if (e instanceof Expr.Cast c) {
            return keepsNull(c.expr());
        }
        if (e instanceof Expr.Fn f) {
            return !NULL_REPLACING.contains(f.name().toUpperCase(java.util.Locale.ROOT)) && !f.args().isEmpty()
                    && keepsNull(f.args().get(0));
        }
        if (e instanceof Expr.Bin b) {
            return java.util.Set.of("+", "-", "*", "/").contains(b.op()) && (keepsNull(b.left()) || keepsNull(b.right()));
        }
        return false;
    }

    /** The context with the row's rule followed by its null-handling cell, as one rule. */
    static RuleContext withRule(RuleContext ctx) {
        MappingRow r = ctx.row();
        String rule = r.transformation() == null ? "" : r.transformation().strip();
        String joined = (rule.isEmpty() ? "" : rule.replaceAll("[.;]+$", "") + ". ") + io.aide.compiler.lang.RowNotes.withDefault(r.nullHandling().strip(), r.defaultValue());
        MappingRow row = new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), joined, r.join(), r.filter(), r.key(),
                r.nullable(), r.defaultValue(), null, r.description(), r.attributes());
        return new ForwardingRuleContext(ctx) {
            @Override
            public MappingRow row() {
                return row;
            }
        };
    }
}
