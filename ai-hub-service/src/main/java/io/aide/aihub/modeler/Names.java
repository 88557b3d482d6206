package io.aide.aihub.modeler;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How data engineers name things: the entity a table or key column stands for, and star-schema table names. */
public final class Names {
    /** Layer prefixes of source and warehouse tables, not part of the entity's name. */
    private static final Pattern LAYER_PREFIX = Pattern.compile(
            "^(raw|stg|staging|src|source|tbl|tb|t|dim|fact|fct|ods|lnd|landing|bronze|silver|gold)_", Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_SUFFIX = Pattern.compile("^(.+?)_?(id|key|fk|no|num|number|code|cd)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IDENTIFIER = Pattern.compile("(.*_)?(id|key|uuid|guid|fk|pk)");
    /** Upper-case names glued together, as in clinical and mainframe extracts: USUBJID, STUDYID. */
    private static final Pattern UPPER_IDENTIFIER = Pattern.compile("[A-Z0-9]+ID");

    private Names() {
    }

    /** snake_case of any spelling: "Order Items" and OrderItems become order_items. */
    public static String snake(String name) {
        String s = name.strip().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        s = s.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() ? "col" : (Character.isDigit(s.charAt(0)) ? "c_" + s : s);
    }

    /** The entity of a table: raw_customers is customer, order_items is order_item. */
    public static String entity(String table) {
        String s = snake(table);
        String stripped;
        do {
            stripped = s;
            s = LAYER_PREFIX.matcher(s).replaceFirst("");
        } while (!s.equals(stripped) && !s.isEmpty());
        if (s.isEmpty()) {
            s = snake(table);
        }
        int last = s.lastIndexOf('_');
        return s.substring(0, last + 1) + singular(s.substring(last + 1));
    }

    /** The entity a key column points at by name: customer_id and CustomerID are customer; a bare id is none. */
    public static String referencedEntity(String column) {
        String s = snake(column);
        Matcher m = KEY_SUFFIX.matcher(s);
        if (!m.matches() || m.group(1).isEmpty()) {
            return null;
        }
        String stem = m.group(1).replaceAll("_+$", "");
        return stem.isEmpty() ? null : entity(stem);
    }

    public static boolean isIdentifier(String column) {
        return IDENTIFIER.matcher(snake(column)).matches() || UPPER_IDENTIFIER.matcher(column.strip()).matches();
    }

    static String singular(String word) {
        if (word.length() <= 3 || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word;
        }
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")
                || word.endsWith("uses")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
