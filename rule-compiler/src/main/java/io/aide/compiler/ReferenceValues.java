package io.aide.compiler;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.ReferenceData;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Values a rule reads from reference data: a scalar parameter as a literal, and the key a lookup matches on. */
final class ReferenceValues {

    private ReferenceValues() {
    }

    /** A parameter's value as a literal: a whole number, a decimal or a text. */
    static Expr.Lit literal(String value) {
        String v = value.trim();
        if (v.matches("-?\\d+")) {
            return new Expr.Lit(Long.parseLong(v));
        } else if (v.matches("-?\\d+\\.\\d+")) {
            return new Expr.Lit(new java.math.BigDecimal(v));
        }
        return new Expr.Lit(v);
    }

    /** The unit a parameter's name says its number counts ("grace_days": DAY), or null. */
    static String unitNamed(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("year") ? "YEAR" : n.contains("month") ? "MONTH" : n.contains("day") ? "DAY" : null;
    }

    /** The lookup's key: the one part, or the parts joined with the map's separator. */
    static Expr key(List<Expr> keyParts, String separator) {
        return keyParts.size() == 1 ? keyParts.get(0) : new Expr.Concat(joined(keyParts, separator));
    }

    /**
     * The key with its last part as "*", where the map has entries for any value of that part ("A|*"); null when the key
     * has one part or the map has no such entry.
     */
    static Expr wildcardKey(ReferenceData.LookupMap map, List<Expr> keyParts, String separator) {
        if (keyParts.size() == 1 || map.entries().keySet().stream().noneMatch(k -> k.endsWith(separator + "*"))) {
            return null;
        }
        List<Expr> parts = joined(keyParts, separator);
        List<Expr> wildcard = new ArrayList<>(parts.subList(0, parts.size() - 1));
        wildcard.add(new Expr.Lit("*"));
        return new Expr.Concat(wildcard);
    }

    private static List<Expr> joined(List<Expr> keyParts, String separator) {
        List<Expr> parts = new ArrayList<>();
        for (int i = 0; i < keyParts.size(); i++) {
            if (i > 0) {
                parts.add(new Expr.Lit(separator));
            }
            parts.add(keyParts.get(i));
        }
        return parts;
    }
}
