package io.aide.compiler;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key of a pick as written beside its cleaning, and the cleaning words said of codes or columns, as SQL:
 * "ITEM_NO (trimmed, upper)" -> UPPER(TRIM(ITEM_NO)), "MEMBER_NO, TIER_CD and EFF_FROM (after trim / upper)" -> each
 * cleaned, "vehicle_id (vehicle_id = trimmed, upper-cased VEH_ID)" -> UPPER(TRIM(VEH_ID)), "flight (cleaned
 * CARRIER_CODE + FLIGHT_NUMBER)" -> the columns named in the bracket.
 */
final class PickKeyWords {
    /** "vehicle_id (vehicle_id = trimmed, upper-cased VEH_ID)": a key named, then defined as a column cleaned. */
    private static final Pattern KEY_DEFINED = Pattern.compile("(?i)^[A-Za-z_][\\w.]*\\s*\\(\\s*[A-Za-z_][\\w.]*\\s*(?:=|is|means)\\s*"
            + "((?:(?:trim(?:med)?|upper(?:[- ]?cased?)?|lower(?:[- ]?cased?)?)\\s*(?:,|/|\\+|&|\\band\\b)?\\s*)+)([A-Za-z_][\\w.]*)\\s*\\)\\s*$");
    /** "flight (cleaned CARRIER_CODE + FLIGHT_NUMBER + FLIGHT_DATE)": a key in words, its columns in the bracket after it. */
    private static final Pattern KEY_NAMED = Pattern.compile("(?i)^\\s*[a-z][\\w\\s-]{0,30}?\\s*\\(\\s*((?:cleaned\\s+)?[A-Za-z_][\\w.]*"
            + "(?:\\s*(?:\\+|,|&|\\band\\b)\\s*(?:cleaned\\s+)?[A-Za-z_][\\w.]*)+)\\s*\\)\\s*$");
    /**
     * "ITEM_NO (trimmed, upper)", "WO_NUM (trim/upper case)", "MEMBER_NO, TIER_CD and EFF_FROM (after trim / upper)": the
     * columns, then how each is cleaned before rows compare.
     */
    private static final Pattern KEY_CLEANED = Pattern.compile("(?i)^([A-Za-z_][\\w.]*(?:\\s*(?:\\+|,|&|\\band\\b)\\s*[A-Za-z_][\\w.]*)*)"
            + "\\s*\\(\\s*((?:(?:trim(?:med)?|upper(?:[- ]?cased?)?|lower(?:[- ]?cased?)?|(?:in\\s+)?upper\\s+case|(?:in\\s+)?lower\\s+case"
            + "|after\\s+trim(?:ming)?)\\s*(?:,|/|\\+|&|\\band\\b)?\\s*)+)\\)\\s*[.,;]?$");

    private PickKeyWords() {
    }

    /** A pick's key as the words give it, and whether it is cleaned already (so no bracket of it is a remark). */
    record Key(String text, boolean cleaned) {
    }

    static Key read(String written) {
        String key = written;
        Matcher defined = KEY_DEFINED.matcher(key.strip());
        if (defined.matches()) {
            // "per vehicle_id (vehicle_id = trimmed, upper-cased VEH_ID)": the key as its bracket defines it
            key = defined.group(2) + " (" + defined.group(1) + ")";
        }
        Matcher cleaned = KEY_CLEANED.matcher(key.strip());
        if (cleaned.matches()) {
            // "per ITEM_NO (trimmed, upper)": the key as the bracket cleans it
            return new Key(cleaned(cleaned.group(1), cleaned.group(2)), true);
        }
        Matcher named = KEY_NAMED.matcher(key);
        // "per flight (cleaned CARRIER_CODE + FLIGHT_NUMBER + FLIGHT_DATE)": the bracket names the key's columns
        return new Key(named.matches() ? named.group(1) : key, false);
    }

    /** Each column's name wrapped in the cleaning the words say: UPPER(TRIM(ITEM_NO)) + UPPER(TRIM(LINE_NO)). */
    static String cleaned(String columns, String how) {
        return java.util.Arrays.stream(columns.split("\\s*(?:\\+|,|&|\\band\\b)\\s*")).map(c -> cleanedOne(c.strip(), how))
                .collect(java.util.stream.Collectors.joining(" + "));
    }

    /**
     * One column's name wrapped as the words say: trimmed ("trim", "spaces", "padding"), then upper-cased ("upper",
     * "any case", "case-insensitive") or lower-cased.
     */
    static String cleanedOne(String column, String how) {
        String out = how.matches("(?is).*\\b(?:trim\\w*|spaces|padding)\\b.*") ? "TRIM(" + column + ")" : column;
        if (how.matches("(?is).*\\b(?:upper\\w*|any\\s+case|case[- ]insensitive\\w*|ignor\\w*\\s+case)\\b.*")) {
            out = "UPPER(" + out + ")";
        } else if (how.matches("(?is).*\\blower.*")) {
            out = "LOWER(" + out + ")";
        }
        return out;
    }
}
