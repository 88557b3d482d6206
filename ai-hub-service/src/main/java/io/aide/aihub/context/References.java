package io.aide.aihub.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference grammar of chat messages and instructions, the same as the portal's (web-ui/src/refs/references.ts):
 * <pre>
 *   @mapping[Sheet:row]      a mapping row (row is a number; the sheet may contain spaces)
 *   @code[block]             a block of the layer, optionally target-qualified: @code[orders.joins]
 *   @schema[table.column]    a source or target column, optionally schema-qualified: @schema[crm.customers.id]
 *   @generation[step]        a step of the generation: a stage (compile, validation) or a checkpoint number
 * </pre>
 * Kind names are case-insensitive; other {@code @word[...]} text is not a reference.
 */
public final class References {
    private static final Pattern PATTERN = Pattern.compile("@([a-z]+)\\[([^\\]\\n]*)]", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAPPING = Pattern.compile("^.+:\\d+$");
    private static final Pattern SCHEMA = Pattern.compile("^[^.\\s]+(\\.[^.\\s]+)+$");

    private References() {
    }

    /** Every reference in the text, in order, each with the problem of its form (null when well-formed). */
    public static List<Reference> parse(String text) {
        List<Reference> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = PATTERN.matcher(text);
        while (m.find()) {
            Reference.Kind kind = kindOf(m.group(1));
            if (kind == null) {
                continue;
            }
            String value = m.group(2).trim();
            found.add(new Reference(kind, value, "@" + kind.label() + "[" + value + "]", m.start(), m.end(),
                    problemOf(kind, value)));
        }
        return found;
    }

    /** The references of several texts (an instruction and a list of references), each once, in order. */
    public static List<Reference> parseAll(List<String> texts) {
        List<Reference> all = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String text : texts) {
            for (Reference r : parse(text)) {
                if (seen.add(r.raw())) {
                    all.add(r);
                }
            }
        }
        return all;
    }

    private static Reference.Kind kindOf(String word) {
        for (Reference.Kind k : Reference.Kind.values()) {
            if (k.label().equals(word.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        return null;
    }

    static String problemOf(Reference.Kind kind, String value) {
        if (value.isEmpty()) {
            return "@" + kind.label() + "[] is empty: write what it refers to inside the brackets";
        }
        return switch (kind) {
            case MAPPING -> MAPPING.matcher(value).matches() ? null
                    : "@mapping[" + value + "] should be @mapping[Sheet:row], e.g. @mapping[Mapping:12]";
            case SCHEMA -> SCHEMA.matcher(value).matches() ? null
                    : "@schema[" + value + "] should be @schema[table.column]";
            default -> null;
        };
    }
}
