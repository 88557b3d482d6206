package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.RuleContext;
import io.aide.events.spec.MappingRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Specifications that say how a column is computed in their own columns rather than in prose (SDTM-style mapping
 * specs): an algorithm code (ASSIGN_NO_CT, HARDCODE_CT, IF_THEN_ELSE, NOTSUBMITTED, ...), a hard-coded or term value
 * and a condition (left variable, operator, right value). The rule text of such a row names the target
 * ("CM.CMTRT", "CMDRGCD in SUPPCM", "Else CM.CMDOSTXT"); other text is read by the other families and then guarded by
 * the row's condition ({@link #guard}).
 */
final class AlgorithmCodes {

    /** What the row's algorithm columns say, or null when the row has none. */
    record Spec(String algorithm, String sub, Map<String, String> attrs) {
    }

    private AlgorithmCodes() {
    }

    static Spec spec(MappingRow row) {
        Map<String, String> attrs = attributes(row);
        String algorithm = attrs.entrySet().stream()
                .filter(e -> e.getKey().contains("algorithm") && !e.getKey().contains("sub") || e.getKey().equals("rule_type"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        String rule = row.transformation() == null ? "" : row.transformation().trim();
        if (algorithm == null && isCode(rule)) {
            algorithm = rule;
        }
        String sub = attr(attrs, "sub_algorithm", "entity_sub_algorithm");
        if (algorithm == null && attr(attrs, "condition_operator", "operator") == null) {
            return null;
        }
        return new Spec(algorithm == null ? "" : algorithm.toUpperCase(Locale.ROOT),
                sub == null ? "" : sub.toUpperCase(Locale.ROOT), attrs);
    }

    /** An upper-case code with underscores standing alone in the rule cell (ASSIGN_NO_CT), not CURRENT_DATE. */
    private static boolean isCode(String rule) {
        if (rule.isEmpty() || rule.startsWith("CURRENT_")) {
            return false;
        }
        boolean underscore = rule.indexOf('_') > 0;
        for (char c : rule.toCharArray()) {
            if (!(Character.isUpperCase(c) || Character.isDigit(c) || c == '_')) {
                return false;
            }
        }
        return underscore || rule.equals("NOTSUBMITTED") || rule.equals("ASSIGN") || rule.equals("HARDCODE")
                || rule.equals("OTHER");
    }

    /** The row's own answer from its algorithm columns, or NOT_MINE when its rule text says more. */
    static Recognition read(Spec spec, RuleContext ctx, List<Token> tokens) {
        String algorithm = spec.algorithm();
        String sub = spec.sub();
        Map<String, String> attrs = spec.attrs();
        Expr condition;
        try {
            condition = condition(attrs, ctx);
        } catch (IllegalArgumentException e) {
            return new Recognition.Flagged(e.getMessage());
        }
        String hard = attr(attrs, "hardcoded_value", "hardcode_value");
        String term = attr(attrs, "term_value");
        boolean hardcode = algorithm.startsWith("HARDCODE") || sub.startsWith("HARDCODE");
        if (algorithm.startsWith("NOTSUBMITTED") || algorithm.startsWith("NOT_SUBMITTED")) {
            return new Recognition.Flagged("marked not submitted");
        }
        if (hardcode && (hard != null || term != null)) {
            String v = hard != null ? hard : term;
            Expr value = new Expr.Lit(v);
            return new Recognition.Recognized(guard(condition, value), null, List.of(v), "hard-coded value");
        }
        if (algorithm.equals("ASSIGN_CT") || sub.equals("ASSIGN_CT")) {
            String codelist = attr(attrs, "codelist_code", "codelist");
            if (codelist == null) {
                return new Recognition.Flagged("assign with controlled terminology but no codelist given");
            }
            if (ctx.sources().size() != 1) {
                return new Recognition.Flagged("assign with controlled terminology needs exactly one source column, the row names "
                        + ctx.sources().size());
            }
            ControlledTerms.Found ct = ControlledTerms.of(ctx.references(), codelist, attr(attrs, "raw_codelist"));
            if (ct.map() == null) {
                return new Recognition.Flagged(ct.problem());
            }
            // ASSIGN_CT as sdtm.oak defines it: a collected value the codelist does not hold is passed on in upper case
            Expr.Col raw = ctx.sources().get(0);
            Expr looked = new Expr.Fn("COALESCE", List.of(ctx.lookup(ct.map(), List.of(raw), null), new Expr.Fn("UPPER", List.of(raw))));
            return new Recognition.Recognized(guard(condition, looked), ct.map().origin(),
                    List.copyOf(new java.util.LinkedHashSet<>(ct.map().entries().values())),
                    "controlled terminology of codelist " + codelist + " (" + ct.map().origin() + ")");
        }
        boolean assign = algorithm.startsWith("ASSIGN_NO_CT") || algorithm.equals("ASSIGN") || sub.startsWith("ASSIGN_NO_CT")
                || algorithm.matches("DIRECT(_MOVE|_MAP)?|COPY|MOVE|ONE_TO_ONE|STRAIGHT_MOVE");
        boolean codeOnly = tokens.isEmpty() || isCode(ctx.row().transformation().trim());
        if (assign && (codeOnly || namesTarget(tokens, ctx.row()))) {
            if (ctx.sources().size() != 1) {
                return new Recognition.Flagged(algorithm + " needs exactly one source column, the row names " + ctx.sources().size());
            }
            return new Recognition.Recognized(guard(condition, ctx.sources().get(0)), null, List.of(), "assigned from the source");
        }
        if (algorithm.equals("DATASET_LEVEL")) {
            return new Recognition.Flagged("dataset-level instruction (" + sub + ") is not a column rule");
        }
        if (codeOnly && !algorithm.isEmpty()) {
            return new Recognition.Flagged("algorithm " + algorithm + (sub.isEmpty() ? "" : "/" + sub)
                    + " without a rule text the compiler can apply");
        }
        return Recognition.NOT_MINE;
    }

    /** [ELSE] target | table.target [in SUPP--]: the text only names the column the row fills. */
    private static boolean namesTarget(List<Token> tokens, MappingRow row) {
        Parser p = new Parser(tokens, null, Lexicon.standard());
        p.accept(Lexicon.Role.ELSE);
        Token t = p.next();
        if (t == null || !t.nameLike()) {
            return false;
        }
        String name = t.text();
        String col = row.targetColumn();
        boolean self = name.equalsIgnoreCase(col) || name.toUpperCase(Locale.ROOT).endsWith("." + col.toUpperCase(Locale.ROOT));
        if (!self) {
            return false;
        }
        int m = p.mark();
        if (p.accept(Lexicon.Role.FROM)) {
            // SDTM supplemental qualifiers live in SUPP-- datasets ("CMDRGCD in SUPPCM")
            Token supp = p.next();
            if (supp == null || !supp.text().toUpperCase(Locale.ROOT).startsWith("SUPP")) {
                p.reset(m);
            }
        }
        return p.atEnd();
    }

    /** The row's condition guarding a value: CASE WHEN condition THEN value END (no ELSE: the condition says when). */
    static Expr guard(Expr condition, Expr value) {
        return condition == null ? value : new Expr.Case(List.of(new Expr.When(condition, value)), null);
    }

    /** The condition written in the row's condition columns, or null. */
    static Expr condition(Map<String, String> attrs, RuleContext ctx) {
        String op = attr(attrs, "condition_operator", "operator");
        if (op == null) {
            return null;
        }
        String leftName = attr(attrs, "condition_left_raw_variable", "condition_left_variable", "condition_left");
        Expr left = leftName == null ? (ctx.sources().size() == 1 ? ctx.sources().get(0) : null) : resolve(ctx, leftName);
        if (left == null) {
            throw new IllegalArgumentException("condition operator " + op + " without a left-hand column");
        }
        String rightText = attr(attrs, "condition_right_text_value", "condition_right_value");
        String rightVar = attr(attrs, "condition_right_raw_variable", "condition_right_sdtm_variable", "condition_right_variable");
        Expr right = rightText != null ? new Expr.Lit(rightText) : rightVar != null ? resolve(ctx, rightVar) : null;
        return compare(op.replace('_', ' ').toLowerCase(Locale.ROOT).trim(), left, right);
    }

    private static Expr resolve(RuleContext ctx, String name) {
        String n = name.trim();
        int dot = n.lastIndexOf('.');
        Expr e = dot > 0 ? ctx.resolve(n.substring(0, dot), n.substring(dot + 1)) : ctx.resolve(null, n);
        if (e == null) {
            throw new IllegalArgumentException("unknown column " + name);
        }
        return e;
    }

    private static Expr compare(String o, Expr left, Expr right) {
        Expr blankToNull = new Expr.Fn("NULLIF", List.of(new Expr.Fn("TRIM", List.of(left)), new Expr.Lit("")));
        switch (o) {
            case "checked", "is checked", "ticked", "selected", "is selected":
                return checked(left);
            case "not checked", "unchecked", "is not checked", "not selected":
                return new Expr.Bin("OR", new Expr.IsNull(left, false), new Expr.Not(checked(left)));
            case "is numeric", "numeric":
                return new Expr.IsNumeric(left);
            case "is character", "character", "not numeric", "is not numeric":
                return new Expr.Bin("AND", new Expr.IsNull(left, true), new Expr.Not(new Expr.IsNumeric(left)));
            case "is null", "is missing", "missing", "is blank", "blank", "empty", "is empty":
                return new Expr.IsNull(blankToNull, false);
            case "is not null", "not null", "not missing", "not blank", "is present", "present", "populated", "is populated":
                return new Expr.IsNull(blankToNull, true);
            default:
                break;
        }
        if (right == null) {
            throw new IllegalArgumentException("condition '" + o + "' is not understood");
        }
        String sqlOp = switch (o) {
            case "=", "==", "equal to", "equals", "eq", "is", "equal" -> "=";
            case "<>", "!=", "not equal to", "different to", "different from", "ne", "not equal", "is not" -> "<>";
            case ">", "gt", "greater than" -> ">";
            case "<", "lt", "less than" -> "<";
            case ">=", "ge" -> ">=";
            case "<=", "le" -> "<=";
            default -> null;
        };
        if (sqlOp == null) {
            throw new IllegalArgumentException("condition operator '" + o + "' is not understood");
        }
        return new Expr.Bin(sqlOp, left, right);
    }

    /** A ticked box: 1, Y, YES, TRUE, X or CHECKED in any case. */
    private static Expr checked(Expr left) {
        List<Expr> yes = new ArrayList<>();
        for (String v : List.of("1", "Y", "YES", "TRUE", "X", "CHECKED")) {
            yes.add(new Expr.Lit(v));
        }
        return new Expr.InList(new Expr.Fn("UPPER", List.of(new Expr.Fn("TRIM", List.of(left)))), yes, false);
    }

    /** The row's other columns by normalised header (lower case, words joined by '_'), blanks and NA left out. */
    static Map<String, String> attributes(MappingRow row) {
        Map<String, String> out = new LinkedHashMap<>();
        row.attributes().forEach((k, v) -> {
            if (k != null && v != null && !v.isBlank() && !v.equalsIgnoreCase("NA")) {
                out.put(k.replace("\ufeff", "").trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"), v.trim());
            }
        });
        return out;
    }

    /** First attribute whose normalised key is, or ends with, one of the names. */
    static String attr(Map<String, String> attrs, String... names) {
        for (String n : names) {
            for (Map.Entry<String, String> e : attrs.entrySet()) {
                if (e.getKey().equals(n) || e.getKey().endsWith("_" + n)) {
                    return e.getValue();
                }
            }
        }
        return null;
    }
}
