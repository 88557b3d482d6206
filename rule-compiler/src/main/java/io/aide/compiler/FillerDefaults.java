package io.aide.compiler;

import io.aide.compiler.plan.SqlType;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "N/A" in a default value cell: a filler meaning "no default" in a document that writes it wherever there is none,
 * the text to load in one that leaves the cell blank where there is none and writes "N/A" for a few text columns. The
 * document's own use of the column decides; without it, "Transfers have no reference" with a default of N/A loaded
 * NULL where the analyst asked for 'N/A'.
 */
final class FillerDefaults {
    private static final Set<String> NOT_APPLICABLE = Set.of("n/a", "na", "n.a.", "not applicable");

    private FillerDefaults() {
    }

    /** The rows with "N/A" written as the text it is, where the document uses it so; the rows as they are otherwise. */
    static List<MappingRow> quoted(MappingSpec spec, List<MappingRow> rows) {
        if (!literal(spec.rows())) {
            return rows;
        }
        return rows.stream().map(r -> notApplicable(r) && SqlType.parse(r.targetType()).kind() == SqlType.Kind.VARCHAR
                ? new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), r.transformation(), r.join(), r.filter(),
                r.key(), r.nullable(), "'" + r.defaultValue().strip() + "'", r.nullHandling(), r.description(), r.attributes())
                : r).toList();
    }

    /** Words a default cell says "no default" with, besides N/A. */
    private static final Set<String> NO_DEFAULT = Set.of("null", "none", "-", "--", "(null)", "(blank)", "no default");

    /**
     * The document says "no default" otherwise (a blank cell, NULL, none: at least three times as often) and writes "N/A"
     * in few rows (at most two, or a tenth of them): its N/A is a value.
     */
    private static boolean literal(List<MappingRow> all) {
        long other = all.stream().filter(r -> r.defaultValue() == null || r.defaultValue().isBlank()
                || NO_DEFAULT.contains(r.defaultValue().strip().toLowerCase(Locale.ROOT))).count();
        long filler = all.stream().filter(FillerDefaults::notApplicable).count();
        return filler > 0 && other >= filler * 3 && filler <= Math.max(2, all.size() / 10);
    }

    private static boolean notApplicable(MappingRow r) {
        return r.defaultValue() != null && NOT_APPLICABLE.contains(r.defaultValue().strip().toLowerCase(Locale.ROOT));
    }
}
