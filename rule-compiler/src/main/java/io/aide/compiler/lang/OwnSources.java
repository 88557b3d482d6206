package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.events.spec.MappingRow;

import java.util.List;
import java.util.Locale;

/** Which of a row's several source columns a rule means when it speaks of "the source value". */
final class OwnSources {
    private OwnSources() {
    }

    /**
     * "Trim and upper-case. Keep only the latest version per cleaned maker_id, latest = highest last_updated" on a row
     * naming maker_id and last_updated: the sentence that chooses the rows moved to the row's filter, and with it the
     * columns it reads; the one source column the filter does not name is the value's own, or where it names them all,
     * the one of the target column's name. Null when not exactly one.
     */
    static Expr.Col among(List<Expr.Col> sources, MappingRow row) {
        String filter = row.filter();
        if (filter == null || filter.isBlank()) {
            return null;
        }
        String said = filter.toLowerCase(Locale.ROOT);
        List<Expr.Col> unnamed = sources.stream()
                .filter(c -> !java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(c.column().toLowerCase(Locale.ROOT)) + "\\b")
                        .matcher(said).find())
                .toList();
        if (unnamed.size() == 1 && unnamed.size() < sources.size()) {
            return unnamed.get(0);
        }
        // "... per cleaned maker_id, latest = highest last_updated" on maker_id: the filter names every column, the one
        // of the target column's own name is the value's
        List<Expr.Col> own = unnamed.isEmpty() ? sources.stream().filter(c -> c.column().equalsIgnoreCase(row.targetColumn())).toList()
                : List.of();
        return own.size() == 1 ? own.get(0) : null;
    }
}
