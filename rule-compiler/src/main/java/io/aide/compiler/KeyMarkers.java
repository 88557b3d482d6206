package io.aide.compiler;

import io.aide.events.spec.MappingRow;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A key marker written at the head of a row's filter cell ("PK. Test attendees excluded", "FK - only open orders"):
 * which key the column is, said where the rows are chosen; the choice is the rest of the cell.
 */
final class KeyMarkers {
    private static final Pattern MARKER = Pattern.compile("(?i)^\\s*(?:pk|fk|bk|nk|uk|ak|primary\\s+key|foreign\\s+key|business\\s+key"
            + "|natural\\s+key|unique\\s+key|surrogate\\s+key)\\s*(?:[.;:,–—]|\\s-)\\s*(?=\\S)");

    private KeyMarkers() {
    }

    /** The rows with a key marker taken from the head of their filter cells. */
    static List<MappingRow> stripped(List<MappingRow> rows) {
        return rows.stream().map(KeyMarkers::stripped).toList();
    }

    private static MappingRow stripped(MappingRow r) {
        if (r.filter() == null || !MARKER.matcher(r.filter()).lookingAt()) {
            return r;
        }
        String filter = MARKER.matcher(r.filter()).replaceFirst("");
        return new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), r.transformation(), r.join(),
                filter, r.key(), r.nullable(), r.defaultValue(), r.nullHandling(), r.description(), r.attributes());
    }
}
