package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

import java.util.List;

/** What a recogniser answers about a rule cell: it compiled it, it is not its family, or it is its family but flawed. */
public sealed interface Recognition {

    /**
     * @param expr        the value
     * @param lookupTable the table a lookup reads, or null
     * @param accepted    the values the column can take when the rule lists them (constants, branches)
     * @param note        what was recognised, for the reader of the generated SQL
     * @param keepUnmatched a lookup: rows without a match keep a NULL value (the planner's join is an outer join)
     */
    record Recognized(Expr expr, String lookupTable, List<String> accepted, String note, boolean keepUnmatched)
            implements Recognition {
        public Recognized {
            accepted = accepted == null ? List.of() : List.copyOf(accepted);
        }

        public Recognized(Expr expr, String lookupTable, List<String> accepted, String note) {
            this(expr, lookupTable, accepted, note, false);
        }
    }

    record NotMine() implements Recognition {
    }

    /** The cell is this recogniser's family, but a part of it cannot be placed: never guessed. */
    record Flagged(String reason) implements Recognition {
    }

    NotMine NOT_MINE = new NotMine();
}
