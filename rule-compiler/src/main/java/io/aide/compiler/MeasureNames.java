package io.aide.compiler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Column names that say the column holds a number (dr_amt, unitPrice, qty_on_hand): the words of measure-names.txt. */
final class MeasureNames {
    private static final Set<String> WORDS = load();

    private MeasureNames() {
    }

    static boolean measure(String column) {
        for (String part : column.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("[_\\s]+")) {
            if (WORDS.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        try (InputStream in = MeasureNames.class.getResourceAsStream("measure-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("measure-names.txt is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = line.trim();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    out.add(w.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
