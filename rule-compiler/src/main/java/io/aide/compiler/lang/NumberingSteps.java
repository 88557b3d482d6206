package io.aide.compiler.lang;

/**
 * When a generated key is given, said beside it: "Assign it after the dedupe", "assigned after the de-duplication
 * below", "After the reject and dedupe rules on unit_number have been applied, number ...". A window numbers the rows
 * the view keeps, after its filters and picks anyway, so these words ask for nothing more.
 */
final class NumberingSteps {

    private NumberingSteps() {
    }

    /** Verbs that say when the key is given ("Assign it after the dedupe", "Numbered once duplicates are removed"). */
    private static final java.util.Set<String> ASSIGNING = java.util.Set.of("assign", "assigned", "number", "numbered",
            "generate", "generated", "apply", "applied", "compute", "computed", "regenerated", "regenerate");

    /**
     * A sentence that says the key is given after the rows are chosen: "Assign it after the test-account filter and the
     * dedupe", "Assign after the duplicate member rows have been removed". A numbering in the view numbers the rows it
     * keeps, so it asks for nothing more; the cursor at the sentence's end, or false (unchanged).
     */
    /** Verbs that say a step of the row choice is done. */
    private static final java.util.Set<String> DONE = java.util.Set.of("applied", "removed", "done", "run", "filtered",
            "deduplicated", "de-duplicated", "duplicated", "deduped", "dropped", "excluded", "rejected");

    /**
     * "After the reject and dedupe rules on unit_number have been applied,": the steps the numbering follows, which a
     * window over the rows the view keeps follows anyway; the cursor after the comma, or unchanged (false).
     */
    static boolean stepsBefore(Parser p) {
        int m = p.mark();
        if (!(p.acceptWord("after") || p.acceptWord("once"))) {
            return false;
        }
        boolean done = false;
        Token t;
        while ((t = p.rawPeek()) != null && t.kind() != Token.Kind.SEP && !t.op(",")) {
            done |= DONE.contains(t.norm());
            p.rawNext();
        }
        if (!done || t == null || !t.op(",")) {
            p.reset(m);
            return false;
        }
        p.rawNext();
        return true;
    }

    static boolean timing(Parser p) {
        int m = p.mark();
        Token verb = p.rawNext();
        if (verb == null || !ASSIGNING.contains(verb.norm())) {
            p.reset(m);
            return false;
        }
        p.acceptWord("it");
        p.acceptWord("them");
        p.acceptWord("only");
        int q = p.mark();
        p.skipFiller();
        if (endsClause(p)) {
            // "..., assigned.", "assigned after de-duplication" (the step filler): what a generated key is, said again
            return true;
        }
        p.reset(q);
        if ((p.acceptWord("below") || p.acceptWord("above")) && (p.atEnd() || p.rawPeek().op(",") || p.rawPeek().kind() == Token.Kind.SEP)) {
            // "assigned after the de-duplication below": the step named is filler; the pointer to it is what is left
            return true;
        }
        p.reset(q);
        if (!afterWord(p)) {
            p.reset(m);
            return false;
        }
        Token t;
        int words = 0;
        while ((t = p.rawPeek()) != null && t.kind() != Token.Kind.SEP && !(t.op(",") && words > 0) && !t.op(")")) {
            // "assigned after the de-duplication below, ordered by item_no": the step runs to the comma that ends it
            p.rawNext();
            words++;
        }
        return true;
    }

    /** Nouns that name a step of the row choice ("after the test-account filter", "after de-duplication"). */
    private static final java.util.Set<String> STEPS = java.util.Set.of("filter", "filters", "filtering", "dedupe",
            "dedup", "deduplication", "duplication", "de-duplication", "duplicates", "reject", "rejects", "rejection",
            "exclusion", "exclusions", "removal", "cleanup", "cleansing");

    /**
     * "after the test-account filter", "once de-duplication is done": the step of the row choice the numbering follows,
     * which a window over the rows the view keeps follows anyway; the cursor at the clause's end, or false (unchanged).
     */
    static boolean afterStep(Parser p) {
        return afterStep(p, false);
    }

    /**
     * @param bracketed inside a bracket, the steps may be listed with commas ("(after trimming/upper-casing, test exclusion
     *                  and de-duplication)"): the clause runs to the closing bracket
     */
    static boolean afterStep(Parser p, boolean bracketed) {
        int m = p.mark();
        p.acceptWord("and");
        if (!(p.acceptWord("after") || p.acceptWord("once"))) {
            p.reset(m);
            return false;
        }
        boolean step = false;
        int words = 0;
        Token t;
        while ((t = p.rawPeek()) != null && t.kind() != Token.Kind.SEP && !(t.op(",") && !bracketed) && !t.op(")")
                && words < (bracketed ? 20 : 12)) {
            step |= STEPS.contains(t.norm()) || DONE.contains(t.norm()) || t.norm().equals("removal") || t.norm().startsWith("dup");
            p.rawNext();
            words++;
        }
        if (!step || !(t == null || t.kind() == Token.Kind.SEP || t.op(",") || t.op(")"))) {
            p.reset(m);
            return false;
        }
        return true;
    }

    /** Verbs that say rows are kept for the numbering: "the policies that survive the exclusions", "that are loaded". */
    private static final java.util.Set<String> KEPT = java.util.Set.of("survive", "survives", "remain", "remains", "loaded",
            "kept", "pass", "passes", "left", "retained");

    /**
     * "over the policies that survive the exclusions (quotes, test)", "over the meters that are loaded (after
     * exclusions)": the rows numbered are the rows the view keeps, as a window over the view numbers them; the cursor at
     * the sentence's end, or false (unchanged).
     */
    static boolean rowsNumbered(Parser p) {
        int m = p.mark();
        if (!(p.acceptWord("over") || p.acceptWord("across") || p.acceptWord("among"))) {
            return false;
        }
        boolean that = false;
        boolean kept = false;
        int words = 0;
        Token t;
        while ((t = p.rawPeek()) != null && t.kind() != Token.Kind.SEP && words < 16) {
            that |= t.norm().equals("that") || t.norm().equals("which");
            kept |= that && KEPT.contains(t.norm());
            p.rawNext();
            words++;
        }
        if (!kept) {
            p.reset(m);
            return false;
        }
        return true;
    }

    /**
     * "Draft courses are removed before numbering (G5)": a step said to come before the numbering, as it does; the cursor
     * at the sentence's end, or false (unchanged).
     */
    static boolean removedBefore(Parser p) {
        int m = p.mark();
        boolean done = false;
        boolean before = false;
        int words = 0;
        Token t;
        while ((t = p.rawPeek()) != null && t.kind() != Token.Kind.SEP && words < 16) {
            done |= DONE.contains(t.norm());
            if (done && t.norm().equals("before")) {
                p.rawNext();
                words++;
                Token next = p.rawPeek();
                before = next != null && (next.norm().startsWith("number") || next.norm().equals("the")
                        || next.norm().startsWith("assign") || next.norm().equals("keys"));
                continue;
            }
            p.rawNext();
            words++;
        }
        if (!done || !before) {
            p.reset(m);
            return false;
        }
        return true;
    }

    /** Words that point to where a step is described. */
    private static final java.util.Set<String> POINTING = java.util.Set.of("described", "defined", "explained", "detailed",
            "specified", "documented", "stated", "given");

    /**
     * "..., after the de-duplication described on IMO_NUMBER": where the step the numbering follows is described, left
     * after the step itself is read as filler ("after the de-duplication"); the cursor at the clause's end, or false
     * (unchanged).
     */
    static boolean pointer(Parser p) {
        int m = p.mark();
        p.skipFiller();
        Token t = p.rawPeek();
        if (t == null || t.kind() != Token.Kind.WORD || !POINTING.contains(t.norm()) || p.mark() == m) {
            // only where the step before it was read as filler
            p.reset(m);
            return false;
        }
        p.rawNext();
        int words = 0;
        while (!endsClause(p) && words < 5) {
            p.rawNext();
            words++;
        }
        if (words == 0 || !endsClause(p)) {
            p.reset(m);
            return false;
        }
        return true;
    }

    /** "after" or "once" at the cursor, read as written (the step it names may be filler words too); false if not. */
    private static boolean afterWord(Parser p) {
        Token t = p.rawPeek();
        if (t != null && (t.is(Token.Kind.WORD, "after") || t.is(Token.Kind.WORD, "once"))) {
            p.rawNext();
            return true;
        }
        return p.acceptWord("after") || p.acceptWord("once");
    }

    /** At the end of the words, a sentence, a clause or a bracket. */
    private static boolean endsClause(Parser p) {
        Token t = p.rawPeek();
        return t == null || t.kind() == Token.Kind.SEP || t.op(",") || t.op(")");
    }
}
