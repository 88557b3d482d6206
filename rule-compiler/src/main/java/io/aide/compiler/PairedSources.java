package io.aide.compiler;

import io.aide.events.spec.MappingRow;
import io.aide.events.spec.SourceRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A row that reads a second table beside its target's own, written as two cells split alike: "BAG_SCAN / CHECKPOINT_REF"
 * over "SCAN_LOC / CHECKPOINT_NAME", "FLIGHT_SCHED / AIRPORT_REF" over "ORIG_APT, DEST_APT / COUNTRY_CODE". Each group of
 * columns is of the table in the same place; the row reads the first table, as the target's other rows do. Where most of
 * the target's rows name the same two tables side by side, the target's rows come from both (a union), which is read
 * elsewhere: those rows are returned as they are.
 */
final class PairedSources {
    private static final Pattern SLASH = Pattern.compile("\\s+/\\s+|\\s*/\\s*(?=[A-Za-z_])");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][\\w.]*");

    private PairedSources() {
    }

    static List<MappingRow> expand(List<MappingRow> rows) {
        long paired = rows.stream().filter(r -> tables(r) != null).count();
        long reading = rows.stream().filter(r -> r.sourceTable() != null && !r.sourceTable().isBlank()).count();
        if (paired == 0 || paired * 2 >= reading) {
            // none, or the target's rows come from the two tables side by side
            return rows;
        }
        List<MappingRow> out = new ArrayList<>(rows.size());
        for (MappingRow r : rows) {
            List<String> tables = tables(r);
            List<SourceRef> refs = tables == null ? null : refs(r, tables);
            out.add(refs == null ? r : new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(),
                    r.targetType(), r.sourceSystem(), tables.get(0), refs, r.rawSource(), r.transformation(), r.join(), r.filter(),
                    r.key(), r.nullable(), r.defaultValue(), r.nullHandling(), r.description(), r.attributes()));
        }
        return out;
    }

    /** The table names of a source table cell split by slashes, two at least; null otherwise. */
    private static List<String> tables(MappingRow r) {
        if (r.sourceTable() == null || r.sourceTable().indexOf('/') < 0 || r.rawSource() == null || r.rawSource().indexOf('/') < 0) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String t : SLASH.split(r.sourceTable().strip())) {
            if (!NAME.matcher(t.strip()).matches()) {
                return null;
            }
            out.add(t.strip());
        }
        return out.size() >= 2 ? out : null;
    }

    /** The columns of each group qualified by the table in its place; null when the groups do not pair with the tables. */
    private static List<SourceRef> refs(MappingRow r, List<String> tables) {
        String[] groups = SLASH.split(r.rawSource().strip());
        if (groups.length != tables.size()) {
            return null;
        }
        List<SourceRef> out = new ArrayList<>();
        for (int g = 0; g < groups.length; g++) {
            for (String c : groups[g].split("\\s*,\\s*|\\s+and\\s+")) {
                String column = c.strip();
                if (!NAME.matcher(column).matches()) {
                    return null;
                }
                int dot = column.lastIndexOf('.');
                String table = dot > 0 ? column.substring(0, dot) : tables.get(g);
                if (dot > 0 && !table.toLowerCase(Locale.ROOT).equals(tables.get(g).toLowerCase(Locale.ROOT))) {
                    return null;
                }
                out.add(new SourceRef(r.sourceSystem(), table, dot > 0 ? column.substring(dot + 1) : column));
            }
        }
        return out;
    }
}
