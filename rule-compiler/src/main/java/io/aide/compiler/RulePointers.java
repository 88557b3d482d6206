package io.aide.compiler;

import io.aide.events.spec.MappingRow;

import java.util.List;

/**
 * Remarks that point to a general rule for the rows a target holds ("Bills starting with 'TEST' are excluded (see General
 * Rules #3)", "turnstile re-scans collapsed first (General Rules 7)"), checked against what the target's view does: a
 * pointer whose rule the target does not read is said, never dropped.
 */
final class RulePointers {

    /** A remark whose pointer is not borne out: the row, the remark and why. */
    record Unborne(MappingRow row, String remark, String why) {
    }

    private RulePointers() {
    }

    /**
     * The first remark not borne out, or null.
     *
     * @param filtered whether the target's view leaves rows out
     * @param picked   whether it keeps one of several rows anywhere
     */
    static Unborne check(List<MappingRow> rows, boolean filtered, boolean picked) {
        for (MappingRow r : filtered ? List.<MappingRow>of() : rows) {
            String pointed = NoteFilters.pointedChoice(r.description());
            if (pointed != null) {
                return new Unborne(r, pointed, "it points to a general rule for the rows it leaves out, but no rule leaves rows of this "
                        + "target out");
            }
        }
        for (MappingRow r : picked ? List.<MappingRow>of() : rows) {
            String pointed = NoteFilters.pointedCollapse(r.description());
            pointed = pointed != null ? pointed : NoteFilters.pointedCollapse(r.filter());
            if (pointed != null) {
                return new Unborne(r, pointed, "it points to a general rule that keeps one of several rows, but no rule the target "
                        + "reads says which");
            }
        }
        return null;
    }
}
