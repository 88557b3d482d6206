package io.aide.cli.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of a phrasebook that a row's rule refers to: rows of the same document, section and target that define a
 * target column the rule names ("calculated from `visit_start_date`"), and, in turn, the columns their rules name.
 */
final class Siblings {
    private static final Pattern WORD = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");

    /** A phrasebook row with its position in the file (1-based). */
    record Numbered(PhrasebookRow row, int number) {
    }

    private Siblings() {
    }

    static List<Numbered> referenced(List<PhrasebookRow> all, int index) {
        PhrasebookRow row = all.get(index);
        List<Integer> sameTarget = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            PhrasebookRow o = all.get(i);
            if (i != index && same(o.doc(), row.doc()) && same(o.section(), row.section())
                    && same(o.target(), row.target()) && o.targetColumn() != null && !o.targetColumn().isBlank()) {
                sameTarget.add(i);
            }
        }
        Set<String> seen = new HashSet<>();
        seen.add(key(row.targetColumn()));
        Deque<String> todo = new ArrayDeque<>(words(row.rule()));
        List<Numbered> out = new ArrayList<>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) {
                continue;
            }
            for (int i : sameTarget) {
                PhrasebookRow o = all.get(i);
                if (key(o.targetColumn()).equals(name)) {
                    out.add(new Numbered(o, i + 1));
                    todo.addAll(words(o.rule()));
                }
            }
        }
        return out;
    }

    private static List<String> words(String rule) {
        List<String> out = new ArrayList<>();
        if (rule != null) {
            Matcher m = WORD.matcher(rule);
            while (m.find()) {
                out.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static String key(String column) {
        return column == null ? "" : column.trim().toLowerCase(Locale.ROOT);
    }

    private static boolean same(String a, String b) {
        return (a == null ? "" : a.trim()).equalsIgnoreCase(b == null ? "" : b.trim());
    }
}
