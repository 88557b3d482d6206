package io.aide.events.spec;

import java.util.regex.Pattern;

/**
 * A null-handling cell that only states the column's nullability ("Not null", "Never null", "Mandatory", "Always
 * populated in source", "Not expected to be blank"): the document reader declares the column NOT NULL, the compiler
 * reads no step of the rule from it, and the not_null check tests it on data. One list, read by both.
 */
public final class NullabilityWords {
    private static final Pattern NOT_NULL = Pattern.compile(
            "(?i)\\s*(?:not\\s+null(?:able)?|never\\s+null|no\\s+nulls?(?:\\s+allowed)?|nulls?\\s+not\\s+allowed|mandatory|required"
                    + "|must\\s+(?:not\\s+be\\s+null|be\\s+populated|have\\s+a\\s+value)|always\\s+populated"
                    // "Not expected to be blank", "Should never be null", "Cannot be empty": an expectation of the data
                    + "|(?:not\\s+expected\\s+to\\s+be|should\\s+(?:never|not)\\s+be|(?:cannot|can\\s*not|will\\s+never)\\s+be"
                    + "|is\\s+never)\\s+(?:null|blank|empty|missing))"
                    + "(?:\\s+in\\s+(?:the\\s+)?(?:source|extract|file|feed))?"
                    + "\\s*[.!]?\\s*");

    private NullabilityWords() {
    }

    /** The cell states only that the column always has a value. */
    public static boolean saysNotNull(String cell) {
        return cell != null && NOT_NULL.matcher(cell).matches();
    }
}
