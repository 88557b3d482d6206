package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.RuleContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule language: a cell is tokenised (markup removed), then each family's recogniser reads it from the start.
 * The first answer that is not NotMine wins. A recogniser answers Recognized only when its grammar placed every
 * content word; words it cannot place make it answer Flagged with those words. Order matters only where families
 * share a first word: SQL before prose, lookups ("x from t where ...") before copies, defaults ("'Unknown' if null")
 * before conditions, conditions before constants, copies and their operations before SQL expressions.
 * Remarks (a sentence or parenthesis that asks for nothing, see {@link Commentary}) are left out when the cell does
 * not read with them. A row whose own columns give an algorithm code and a condition (SDTM-style specifications)
 * is read by {@link AlgorithmCodes} first; its condition guards what the text computes.
 */
public final class RuleLanguage {
    private static final List<Recognizer> FAMILIES = List.of(new SqlFragments(),
            // a window function written as SQL (grammar block)
            new SqlWindows(),
            new GeneratedKeys(), new SameRuleAs(), new WordedLookups(), new Lookups(), new TruthValues(),
            // dates, null handling (this block)
            new NullHandling(), new BlankStatements(), new Fallbacks(), new DateTimeJoins(), new Dates(), new ParallelLists(),
            // shared families
            new Conditionals(), new ValueMaps(), new KeptCodes(), new Constants(), new CurrencyText(),
            // concatenation before copies: "`a` || `b`" starts like a copy of `a`; windows ("previous amount per ..."),
            // aggregates in prose (grammar block)
            new GroupJoins(), new Concatenations(), new Windows(), new Aggregates(),
            new Copies(),
            // SQL expressions written as the rule (this block)
            new Expressions());

    private final Lexicon lexicon;

    public RuleLanguage() {
        this(Lexicon.standard());
    }

    RuleLanguage(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * A condition written in words, as a filter cell states which rows to keep or drop ("read_val is negative",
     * "status is blank or 'X'"): the test, or null when the words are not all a condition.
     */
    /** The text says rows are left out ("... are dropped", "... are not loaded and get no number"). */
    public static boolean leavesRowsOut(String text) {
        return Commentary.leavesRowsOut(Lexer.tokens(text));
    }

    /** The words spell the column's whole name ("customer number" for CUSTOMER_NO, "Student ID" for student_id). */
    public static boolean spells(String words, String column) {
        List<Token> tokens = Lexer.tokens(words.strip());
        return !tokens.isEmpty() && tokens.stream().allMatch(t -> t.kind() == Token.Kind.WORD) && ColumnWords.namesWhole(column, tokens);
    }

    public Expr condition(String text, RuleContext ctx) {
        Parser p = cellParser(text, ctx);
        Expr test = p == null ? null : p.condition();
        return test != null && p.atEnd() ? test : null;
    }

    /** A parser over a cell's words without its closing full stop; null when the cell holds none. */
    private Parser cellParser(String text, RuleContext ctx) {
        List<Token> tokens = Lexer.tokens(text.strip().replaceAll("[.;]+$", ""));
        return tokens.isEmpty() ? null : new Parser(tokens, ctx, lexicon);
    }

    /** The tokens without a sentence end after the last word ("Group by."). */
    private static List<Token> withoutEnd(List<Token> tokens) {
        int n = tokens.size();
        while (n > 0 && tokens.get(n - 1).kind() == Token.Kind.SEP) {
            n--;
        }
        return tokens.subList(0, n);
    }

    /**
     * A value written in words where a cell names one ("per trimmed, upper-cased supp_id", "by last_upd"): its
     * expression, or null when the words are not all one row-level value.
     */
    public Expr value(String text, RuleContext ctx) {
        Parser p = cellParser(text, ctx);
        if (p == null) {
            return null;
        }
        return value(p, ctx);
    }

    /** The words as one row-level value ({@link #value(String, RuleContext)}), or null. */
    Expr value(List<Token> tokens, RuleContext ctx) {
        return tokens.isEmpty() ? null : value(new Parser(tokens, ctx, lexicon), ctx);
    }

    private Expr value(Parser p, RuleContext ctx) {
        int m = p.mark();
        Expr column = p.column();
        if (column != null && p.atEnd()) {
            return column;
        }
        p.reset(m);
        return understood(p.tokens(), ctx, 1) instanceof Recognition.Recognized ok && !Expr.hasAggregate(ok.expr())
                && ok.lookupTable() == null ? ok.expr() : null;
    }

    public Recognition read(RuleContext ctx) {
        List<Token> tokens = Lexer.tokens(ctx.row().transformation());
        if (tokens.size() > 1 && tokens.get(0).op("=")) {
            // "= pol.face_amt": a formula written as a spreadsheet cell
            tokens = tokens.subList(1, tokens.size());
        }
        int label = lexicon.match(Lexicon.Role.LABEL, tokens, 0);
        if (label > 0 && label + 1 < tokens.size() && tokens.get(label).op(":")) {
            // "Source: pol.prod_cd", "Formula: a + b": a label before the rule names nothing
            tokens = tokens.subList(label + 1, tokens.size());
        }
        tokens = ImplicitArguments.filled(tokens, ctx);
        tokens = ColumnMinus.split(tokens, ctx, lexicon);
        tokens = PurposeClauses.withoutPurpose(tokens, lexicon);
        tokens = RelativeClauses.bracketed(tokens);
        AlgorithmCodes.Spec spec = AlgorithmCodes.spec(ctx.row());
        Expr condition = null;
        if (spec != null) {
            Recognition r = AlgorithmCodes.read(spec, ctx, tokens);
            if (!(r instanceof Recognition.NotMine)) {
                return r;
            }
            condition = AlgorithmCodes.condition(spec.attrs(), ctx);
        }
        if (tokens.isEmpty()) {
            return Recognition.NOT_MINE;
        }
        if (lexicon.match(Lexicon.Role.CONSTRAINT, tokens, 0) == tokens.size() && ctx.sources().size() == 1) {
            // "Not null", "PK": a constraint written where the rule goes asks for no transformation
            return new Recognition.Recognized(ctx.sources().get(0), null, List.of(), "a constraint, not a transformation: copy");
        }
        if (lexicon.match(Lexicon.Role.GROUP_KEY, withoutEnd(tokens), 0) == withoutEnd(tokens).size() && ctx.sources().size() == 1) {
            // "Group by", "part of the grain": the column is copied; the target is grouped by its non-aggregate columns
            return new Recognition.Recognized(ctx.sources().get(0), null, List.of(), "a grouping column: copy");
        }
        Recognition r = understood(tokens, ctx, 1);
        Recognition.Flagged dateAsNumber = r instanceof Recognition.Recognized read ? DatesIntoNumbers.check(read.expr(), ctx) : null;
        if (dateAsNumber != null) {
            return dateAsNumber;
        }
        if (r instanceof Recognition.Recognized ok && condition != null) {
            return new Recognition.Recognized(AlgorithmCodes.guard(condition, ok.expr()), ok.lookupTable(), ok.accepted(),
                    ok.note() + ", under the row's condition", ok.keepUnmatched());
        }
        return r;
    }

    /**
     * The cell read by the families, then, when none reads it whole, as one of the shapes around a rule: remarks left
     * what missing operands count as, remarks left out, an adjustment after it, a label before it, the greater or
     * lesser of two rules, a sum of values named one by one, a guard, the passive, a map after
     * a computed value, a preface, a label without its colon, the rule in a parenthesis. A shape's own rule is read the
     * same way again, {@code depth} times ("Total: a plus b (treat missing b as 0)").
     */
    private Recognition understood(List<Token> tokens, RuleContext ctx, int depth) {
        Recognition r = families(tokens, ctx);
        // what missing operands count as before remarks are left out: "(missing bonus counts as 0)" is no remark
        if (!(r instanceof Recognition.Recognized)) {
            Recognition counted = NullsAs.read(tokens, t -> new Parser(t, ctx, lexicon), t -> families(t, ctx), lexicon);
            if (counted != null) {
                r = counted;
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            List<Token> core = Commentary.withoutRemarks(tokens, ctx, lexicon);
            if (core != tokens && !core.isEmpty()) {
                Recognition without = families(core, ctx);
                if (without instanceof Recognition.Recognized ok) {
                    r = new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (remarks left out)",
                            ok.keepUnmatched());
                }
            }
        }
        int seconds = r instanceof Recognition.Recognized ? -1 : SecondsSaidZero.clauseStart(tokens);
        if (seconds > 0 && families(tokens.subList(0, seconds), ctx) instanceof Recognition.Recognized ok
                && SecondsSaidZero.withoutSeconds(ok.expr())) {
            // "Source text 'DD/MM/YYYY HH:MM'. Convert to timestamp, seconds = 00": what the parse gives anyway
            r = new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (zero seconds, as parsed)",
                    ok.keepUnmatched());
        }
        if (!(r instanceof Recognition.Recognized)) {
            Recognition restated = Restatements.afterIe(tokens, ctx, t -> rest(t, ctx, depth));
            if (restated == null) {
                restated = Restatements.sameAsRestated(tokens, ctx, t -> rest(t, ctx, depth));
            }
            if (restated == null) {
                restated = Restatements.conditionAfterIe(tokens, ctx, t -> rest(t, ctx, depth));
            }
            if (restated != null) {
                r = restated;
            }
            List<Token> stripped = restated == null ? NamedThenStripped.rewritten(tokens, lexicon) : null;
            if (stripped != null && rest(stripped, ctx, depth) instanceof Recognition.Recognized ok) {
                r = new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note()
                        + " (the characters named before removed)", ok.keepUnmatched());
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            // "... Codes are keyed by hand (mixed case, padded)": a note on the data, which the map's keys follow
            List<Token> tidy = UntidyCodes.withoutNote(tokens);
            Expr tidied = tidy != tokens && !tidy.isEmpty() && rest(tidy, ctx, depth) instanceof Recognition.Recognized ok
                    && ok.expr() instanceof Expr.Case && UntidyCodes.comparesText(ok.expr()) ? UntidyCodes.tidiedTests(ok.expr()) : null;
            if (tidied != null) {
                // the note's cleaning applied to every comparison of a column with a code ("TRUE when x is Y (after
                // trimming, any case)" once lost it)
                Recognition.Recognized ok = (Recognition.Recognized) rest(tidy, ctx, depth);
                r = new Recognition.Recognized(tidied, ok.lookupTable(), ok.accepted(), ok.note() + " (codes tidied as the note says)",
                        ok.keepUnmatched());
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            // "Direct (trimmed)", "1:1 (cast to integer)": a copy, then in brackets what is done to the value
            List<Token> opened = Brackets.afterCopy(tokens, lexicon);
            if (opened != null && rest(opened, ctx, depth) instanceof Recognition.Recognized ok) {
                r = new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (the bracket after the copy)",
                        ok.keepUnmatched());
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            Recognition adjusted = Adjustments.read(tokens, t -> new Parser(t, ctx, lexicon), t -> rest(t, ctx, depth));
            if (adjusted instanceof Recognition.Recognized) {
                r = adjusted;
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            // "Major version: part of fw_ver before the first '.'": a few words naming the value, then the rule
            // "Nights = departure date - arrival date": the target's own name in words, then "=" and the rule
            int colon = -1;
            boolean equals = false;
            for (int i = 1; i < Math.min(tokens.size() - 1, 9) && colon < 0; i++) {
                // "Calendar days from order to receipt = receipt_date - order_date": a name of up to eight words
                equals = tokens.get(i).op("=");
                colon = tokens.get(i).op(":") || equals ? i : -1;
            }
            List<Token> words = colon > 0 ? tokens.subList(0, colon) : List.of();
            // "Day: taken from the open date": a part of the value named before the colon is no label
            // "First two digits of MPAN: 10 = Eastern, ...": words that compute a value are no label
            if (colon > 0 && words.stream().allMatch(t -> t.kind() == Token.Kind.WORD) && !Labels.namesAPart(lexicon, words)
                    && !Labels.computes(lexicon, words)
                    && !(families(words, ctx) instanceof Recognition.Recognized computed && !(computed.expr() instanceof Expr.Col))
                    // "From the open hour: 4 to 10 is Breakfast, ...": the value the map that follows is keyed on
                    && !(words.size() > 1 && words.get(0).is(Token.Kind.WORD, "from")
                    && families(words.subList(1, words.size()), ctx) instanceof Recognition.Recognized keyed
                    && !(keyed.expr() instanceof Expr.Col))
                    && rest(tokens.subList(colon + 1, tokens.size()), ctx, depth) instanceof Recognition.Recognized ok
                    && (equals ? Labels.namesTarget(words, ctx) && Commentary.isRemark(words, ctx, lexicon) || namesAValue(words, ok, ctx)
                    : Commentary.isRemark(words, ctx, lexicon) || asksForMap(words) && ok.expr() instanceof Expr.Case
                    || namesTheKeyedColumn(words, ok, ctx)
                    // "Total compensation: salary plus bonus": two words or more naming what is computed
                    || words.size() >= 2 && !(ok.expr() instanceof Expr.Col) && namesAValue(words, ok, ctx))) {
                Expr labelled = cleans(words) ? tidied(ok.expr()) : ok.expr();
                // "Translate the species code (ignore surrounding spaces and letter case): CAN = Dog, ...": the cleaning
                // the label asks for applies to the map's tests; a label whose cleaning cannot be applied reads nothing
                r = labelled == null ? r : new Recognition.Recognized(labelled, ok.lookupTable(), ok.accepted(),
                        ok.note() + " (after its label)", ok.keepUnmatched());
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            Recognition extreme = Extremes.ofRules(tokens, t -> new Parser(t, ctx, lexicon), t -> families(t, ctx), lexicon);
            if (extreme == null) {
                extreme = RowSums.read(tokens, t -> new Parser(t, ctx, lexicon), t -> families(t, ctx));
            }
            if (extreme == null) {
                extreme = RowSums.followedBy(tokens, t -> families(t, ctx));
            }
            if (extreme != null) {
                r = extreme;
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            Recognition guarded = GuardedOperations.read(tokens, t -> new Parser(t, ctx, lexicon), t -> families(t, ctx), lexicon);
            if (guarded != null) {
                r = guarded;
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            Recognition passive = Passives.read(tokens, t -> families(t, ctx), lexicon);
            if (passive != null) {
                r = passive;
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            // "From the same ref_course match, DEPT_CD trimmed and upper case"
            Recognition same = SameLookups.read(tokens, ctx, t -> rest(t, ctx, depth));
            if (same == null) {
                // "Trim and upper-case x and match it to dim_maker.maker_id, return maker_key"
                same = LookupClauses.read(tokens, ctx, lexicon, t -> rest(t, ctx, depth));
            }
            if (same != null) {
                r = same;
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            Recognition mapped = new MappedAfter(lexicon, this::families, (t, c) -> understood(t, c, 0)).read(tokens, ctx);
            if (mapped != null) {
                r = mapped;
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            Recognition prefaced = prefaced(tokens, ctx);
            if (prefaced != null) {
                r = prefaced;
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            Recognition unlabelled = unlabelled(tokens, ctx, depth);
            if (unlabelled != null) {
                r = unlabelled;
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            Recognition beside = RuleAsides.around(tokens, ctx, t -> rest(t, ctx, depth));
            if (beside != null) {
                r = beside;
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            Recognition truth = namedTruth(tokens, ctx);
            if (truth == null) {
                truth = Restatements.withoutTruthTail(tokens, ctx, t -> rest(t, ctx, depth));
            }
            if (truth == null) {
                // "True only if the flag is Y (either case). N or blank = false."
                truth = Restatements.withElseCodes(tokens, ctx, t -> rest(t, ctx, depth));
            }
            if (truth != null) {
                r = truth;
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            Recognition fallback = orFallback(tokens, ctx, depth);
            if (fallback != null) {
                r = fallback;
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            Recognition chained = OperationsAfter.read(tokens, t -> new Parser(t, ctx, lexicon), t -> rest(t, ctx, depth));
            if (chained != null) {
                r = chained;
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            Recognition inParens = parenthesised(tokens, ctx, depth);
            if (inParens != null) {
                r = inParens;
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            // "Date the carrier was set up. Source text is MM/DD/YYYY – convert to a date.": what the column is, then the rule
            Recognition defined = Definitions.read(tokens, ctx, lexicon, t -> rest(t, ctx, depth));
            if (defined != null) {
                r = defined;
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            // last: "Trim leading/trailing spaces, keep original casing", "... else false. Never null.": said, and borne
            // out by what the rest computes
            Recognition reassured = Reassurances.read(tokens, ctx, lexicon, t -> rest(t, ctx, depth));
            if (reassured != null) {
                r = reassured;
            }
        }
        if (!(r instanceof Recognition.Recognized)) {
            // "Trim and lower-case. If the address is empty or only spaces, leave NULL.": each sentence on the value so far
            Recognition sentences = Sentences.read(tokens, ctx, lexicon, t -> rest(t, ctx, depth));
            if (sentences == null) {
                sentences = Sentences.nullByDesign(tokens, ctx, lexicon, t -> rest(t, ctx, depth));
            }
            if (sentences != null) {
                r = sentences;
            }
        }
        return r;
    }

    /**
     * "Calculated from `test_outcome`<br> `test_outcome` equals "N" then ...": a first sentence that only says which
     * columns are read, before the sentences that say how. The rest must read at least one of them.
     */
    private Recognition prefaced(List<Token> tokens, RuleContext ctx) {
        int sep = -1;
        for (int i = 0; i < tokens.size() && sep < 0; i++) {
            sep = tokens.get(i).kind() == Token.Kind.SEP ? i : -1;
        }
        if (sep < 0 || sep + 1 >= tokens.size()) {
            return null;
        }
        Parser p = new Parser(tokens.subList(0, sep), ctx, lexicon);
        if (!p.accept(Lexicon.Role.DERIVED)) {
            return null;
        }
        java.util.Set<Expr> read = new java.util.HashSet<>();
        do {
            Expr c = p.column();
            if (c == null) {
                return null;
            }
            read.add(c);
        } while (p.acceptOp(",") || p.accept(Lexicon.Role.AND));
        if (!p.atEnd() || !(families(tokens.subList(sep + 1, tokens.size()), ctx) instanceof Recognition.Recognized ok)
                || Expr.columns(ok.expr()).stream().noneMatch(read::contains)) {
            return null;
        }
        return new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (after what it reads)",
                ok.keepUnmatched());
    }


    /**
     * "Outstanding amount = claim_amt - paid_amt", "Line total = qty * price": words that name the value computed after
     * '=' (a remark: no column, no operation) where what follows reads the row's columns; a value map's key ("Y = 1")
     * never gets here, since the whole cell reads as the map first.
     */
    private boolean namesAValue(List<Token> words, Recognition.Recognized ok, RuleContext ctx) {
        for (int i = 0; i < words.size(); i++) {
            // "Decode the code after trimming:" asks for operations, which a name of the value does not
            for (Lexicon.Role r : new Lexicon.Role[]{Lexicon.Role.IF, Lexicon.Role.THEN, Lexicon.Role.ELSE, Lexicon.Role.AND,
                    Lexicon.Role.OR, Lexicon.Role.NULL, Lexicon.Role.TRIM, Lexicon.Role.UPPER, Lexicon.Role.LOWER, Lexicon.Role.MAP,
                    Lexicon.Role.ROUND, Lexicon.Role.REPLACE, Lexicon.Role.REMOVE, Lexicon.Role.PAD,
                    Lexicon.Role.TITLE_CASE, Lexicon.Role.DATE_PARSE}) {
                if (lexicon.match(r, words, i) > 0 && !(r == Lexicon.Role.AND && i > 0)) {
                    return false;
                }
            }
            if (ctx.resolve(null, words.get(i).text()) instanceof Expr.Col c && ctx.known(c)
                    && (words.size() < 2 || !Expr.columns(ok.expr()).contains(c))) {
                // "Price after discount = price * ...": a column among the name's words is what the value is computed from
                return false;
            }
        }
        // a value map's key ("Y = 1", "ACT = Active") is a short code, never a word naming a value
        // an acronym names a value computed from the row ("BMI = weight / height squared"), not a copy of one column
        return !Expr.columns(ok.expr()).isEmpty() && words.stream().anyMatch(w -> w.text().matches("[A-Za-z]{4,}")
                && !w.text().equals(w.text().toUpperCase(java.util.Locale.ROOT))
                || w.text().matches("[A-Z]{3,}") && !(ok.expr() instanceof Expr.Col));
    }

    /**
     * "FICO score band: 800+ Excellent, ...": words naming the column a value map or bands read (and what they give),
     * before ':'.
     */
    private boolean namesTheKeyedColumn(List<Token> words, Recognition.Recognized ok, RuleContext ctx) {
        if (!(ok.expr() instanceof Expr.Case) || new java.util.HashSet<>(Expr.columns(ok.expr())).size() != 1) {
            return false;
        }
        Expr.Col keyed = Expr.columns(ok.expr()).get(0);
        boolean named = false;
        for (int i = 0; i < words.size(); i++) {
            if (ctx.resolve(null, words.get(i).text()) instanceof Expr.Col c && ctx.known(c)) {
                if (!c.equals(keyed)) {
                    return false;
                }
                named = true;
            } else if (lexicon.grammarWord(words, i)) {
                return false;
            }
        }
        return named;
    }

    /**
     * "Reorder needed when on hand quantity <= reorder point" for a true/false column: words naming the true case,
     * then its condition; TRUE when it holds, FALSE otherwise.
     */
    private Recognition namedTruth(List<Token> tokens, RuleContext ctx) {
        if (ctx.targetType().kind() != io.aide.compiler.plan.SqlType.Kind.BOOLEAN) {
            return null;
        }
        for (int i = 1; i <= 4 && i < tokens.size(); i++) {
            Token t = tokens.get(i - 1);
            if (t.kind() != Token.Kind.WORD || ctx.resolve(null, t.text()) instanceof Expr.Col c && ctx.known(c)
                    || lexicon.grammarWord(tokens, i - 1) && lexicon.match(Lexicon.Role.FILLER, tokens, i - 1) == 0) {
                return null;
            }
            if (lexicon.match(Lexicon.Role.IF, tokens, i) == 0) {
                continue;
            }
            Parser p = new Parser(tokens.subList(i, tokens.size()), ctx, lexicon);
            p.accept(Lexicon.Role.IF);
            Expr condition = p.condition();
            p.acceptSeparator();
            if (condition == null || !p.atEnd() || condition instanceof Expr.Col) {
                return null;
            }
            return new Recognition.Recognized(new Expr.Case(List.of(new Expr.When(condition, new Expr.Lit(true))),
                    new Expr.Lit(false)), null, List.of(), "a truth value named by its words");
        }
        return null;
    }

    /**
     * "Source order_no as is", "Formula qty * price": a label ("source", "formula", "derivation") written without its
     * colon, before a rule that reads the row's columns.
     */
    private Recognition unlabelled(List<Token> tokens, RuleContext ctx, int depth) {
        int label = lexicon.match(Lexicon.Role.LABEL, tokens, 0);
        for (int i = 1; i <= 4 && label == 0 && i < tokens.size(); i++) {
            // "Transaction date taken from the timestamp": words naming the value, then where it comes from
            if (!(tokens.get(i - 1).kind() == Token.Kind.WORD)) {
                break;
            }
            if ((lexicon.match(Lexicon.Role.USE, tokens, i) > 0 || lexicon.match(Lexicon.Role.DERIVED, tokens, i) > 0)
                    && Commentary.isRemark(tokens.subList(0, i), ctx, lexicon) && !Labels.namesAPart(lexicon, tokens.subList(0, i))) {
                label = i;
            } else if (tokens.get(i).is(Token.Kind.WORD, "at") && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Token.Kind.NUMBER
                    && Labels.namesTarget(tokens.subList(0, i), ctx)) {
                // "VAT at 5% of the net charge": the value's name, then its rate
                label = i + 1;
            }
        }
        if (label == 0 || label >= tokens.size() || !(rest(tokens.subList(label, tokens.size()), ctx, depth) instanceof Recognition.Recognized ok)
                || Expr.columns(ok.expr()).isEmpty()) {
            return null;
        }
        return new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (after its label)",
                ok.keepUnmatched());
    }

    /**
     * "Referrer, or 'direct' when empty": the value, then "or" a value for when a condition holds; read without the "or"
     * ("Referrer, 'direct' when empty").
     */
    private Recognition orFallback(List<Token> tokens, RuleContext ctx, int depth) {
        for (int i = 1; i + 2 < tokens.size(); i++) {
            Token next = tokens.get(i + 1);
            if (!tokens.get(i).is(Token.Kind.WORD, "or") || next.kind() != Token.Kind.STRING && next.kind() != Token.Kind.NUMBER
                    && !next.is(Token.Kind.WORD, "zero") || lexicon.match(Lexicon.Role.IF, tokens, i + 2) == 0) {
                continue;
            }
            List<Token> without = new java.util.ArrayList<>(tokens.subList(0, i));
            if (!tokens.get(i - 1).op(",")) {
                without.add(Token.of(Token.Kind.OP, ","));
            }
            without.addAll(tokens.subList(i + 1, tokens.size()));
            if (rest(without, ctx, depth) instanceof Recognition.Recognized ok) {
                return ok;
            }
        }
        return null;
    }

    /**
     * "Call duration in minutes (call_secs / 60), 2 decimal places", "Convert usage to GB (divide by 1024)": words that
     * describe the value, then the rule itself in a parenthesis (and what follows it). The words before hold no value
     * of their own (no number, no text) and name no column the parenthesis does not read.
     */
    private Recognition parenthesised(List<Token> tokens, RuleContext ctx, int depth) {
        int open = -1;
        for (int i = 1; i < tokens.size() && open < 0; i++) {
            open = tokens.get(i).op("(") ? i : -1;
        }
        if (open < 0) {
            return null;
        }
        int nesting = 0;
        int close = -1;
        for (int i = open; i < tokens.size() && close < 0; i++) {
            nesting += tokens.get(i).op("(") ? 1 : tokens.get(i).op(")") ? -1 : 0;
            close = nesting == 0 ? i : -1;
        }
        List<Token> before = tokens.subList(0, open);
        if (before.size() < 2 || tokens.get(open - 1).text().contains("_")
                || io.aide.compiler.rules.SqlExpressionParser.knownFunction(tokens.get(open - 1).text())) {
            // "DATE_TRUNC('week', d)", "ROUND(x)", "Decode UPPER(TRIM(x))": a call, not a description before the rule
            return null;
        }
        if (close < 0 || close == open + 1 || before.stream().anyMatch(t -> t.kind() == Token.Kind.STRING
                || t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.SEP || t.kind() == Token.Kind.DATE_PATTERN
                // "Blank = EUR (home currency)": words that assign or compare are a rule of their own, no description;
                // "Margin % = (a - b) / a * 100" names the value the parenthesis starts
                || t.kind() == Token.Kind.OP && !t.op(",") && !t.op("-") && !t.op("/") && !t.op("%")
                && !(t.op("=") && t == before.get(before.size() - 1)))
                // "True when the indicator is Y (any case); false for N": a condition before the parenthesis is the rule
                || before.stream().anyMatch(t -> t.kind() == Token.Kind.WORD
                && java.util.Set.of("if", "when", "whenever", "unless").contains(t.norm()))) {
            return null;
        }
        for (int i = 0; i < before.size(); i++) {
            for (Lexicon.Role change : CHANGES) {
                if (lexicon.match(change, before, i) > 0) {
                    // "Remove the comma, convert to square metres (multiply by 0.092903)": an operation of its own before
                    // the parenthesis, which a description never holds (read as one, the comma stayed and the number
                    // was lost)
                    return null;
                }
            }
        }
        List<Token> rule = new java.util.ArrayList<>(tokens.subList(open + 1, close));
        rule.addAll(tokens.subList(close + 1, tokens.size()));
        if (!(rest(rule, ctx, depth) instanceof Recognition.Recognized ok)) {
            return null;
        }
        java.util.Set<Expr.Col> read = new java.util.HashSet<>(Expr.columns(ok.expr()));
        if (read.isEmpty()) {
            return null;
        }
        // "(trim, ignore case): MOC, MTC -> VOICE": the parenthesis's words are how codes compare, never codes ('trim')
        java.util.Set<String> inside = new java.util.HashSet<>();
        tokens.subList(open + 1, close).forEach(t -> inside.add(t.norm()));
        if (!onlyCleaning(tokens.subList(open + 1, close))) {
            inside.clear();
        }
        boolean[] keyed = {false};
        Expr.visit(ok.expr(), x -> keyed[0] |= x instanceof Expr.Lit l && l.value() instanceof String v
                && java.util.Arrays.stream(v.toLowerCase(java.util.Locale.ROOT).split("\\s+")).allMatch(inside::contains));
        if (keyed[0]) {
            return null;
        }
        for (int i = 0; i < before.size(); i++) {
            Token t = before.get(i);
            if (t.nameLike() && ctx.resolve(null, t.text()) instanceof Expr.Col c && ctx.known(c) && !read.contains(c)) {
                return null;
            }
            if (t.kind() == Token.Kind.WORD && t.text().contains("_") && !(ctx.resolve(null, t.text()) instanceof Expr.Col c2 && read.contains(c2))
                    || t.kind() == Token.Kind.WORD && ASKING.contains(t.norm())) {
                // "Look up PLAN_KEY in DIM_PLAN on the cleaned plan code (trim and upper case)": words that ask for
                // something or name another table's column are no description of the value
                return null;
            }
        }
        return new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (the rule in its parenthesis)",
                ok.keepUnmatched());
    }

    /** Operations that change a value, which words describing it never name. */
    /** The words only say how values are cleaned or compared: "trim, ignore case", "any case / spaces". */
    private boolean onlyCleaning(List<Token> words) {
        for (int i = 0; i < words.size(); ) {
            int n = 0;
            for (Lexicon.Role r : new Lexicon.Role[]{Lexicon.Role.CASE_AND_SPACES, Lexicon.Role.CASE_INSENSITIVE, Lexicon.Role.SPACES_IGNORED,
                    Lexicon.Role.TRIM, Lexicon.Role.UPPER, Lexicon.Role.LOWER, Lexicon.Role.AND}) {
                n = Math.max(n, lexicon.match(r, words, i));
            }
            if (n == 0 && !(words.get(i).op(",") || words.get(i).op("/"))) {
                return false;
            }
            i += Math.max(n, 1);
        }
        return !words.isEmpty();
    }

    private static final Lexicon.Role[] CHANGES = {Lexicon.Role.REMOVE, Lexicon.Role.TRIM, Lexicon.Role.UPPER, Lexicon.Role.LOWER,
            Lexicon.Role.ADD, Lexicon.Role.COLLAPSE, Lexicon.Role.REPLACE, Lexicon.Role.PAD,
            // "Sum of MS_PLAYED in minutes (/ 60000)": an aggregate is no description of the value either
            Lexicon.Role.AGG_SUM, Lexicon.Role.AGG_COUNT, Lexicon.Role.AGG_MAX, Lexicon.Role.AGG_MIN, Lexicon.Role.AGG_AVG};

    /** The words ask for a cleaning of the value: trimmed, any case, spaces ignored. */
    private boolean cleans(List<Token> words) {
        for (int i = 0; i < words.size(); i++) {
            for (Lexicon.Role role : new Lexicon.Role[]{Lexicon.Role.CASE_AND_SPACES, Lexicon.Role.CASE_INSENSITIVE,
                    Lexicon.Role.SPACES_IGNORED, Lexicon.Role.TRIM, Lexicon.Role.UPPER, Lexicon.Role.LOWER}) {
                if (lexicon.match(role, words, i) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A map's tests of text codes made on the trimmed, upper-cased value; null when that cannot be done. */
    private static Expr tidied(Expr e) {
        return e instanceof Expr.Case && UntidyCodes.comparesText(e) ? UntidyCodes.tidiedTests(e) : null;
    }

    /** "Map using lookup", "Lookup", "Decode as follows": words before ':' that ask for the value map after it. */
    private boolean asksForMap(List<Token> label) {
        int at = 0;
        boolean map = false;
        while (at < label.size()) {
            int n = Math.max(lexicon.match(Lexicon.Role.MAP, label, at), lexicon.match(Lexicon.Role.LOOKUP, label, at));
            if (n > 0) {
                map = true;
            } else {
                n = lexicon.match(Lexicon.Role.VIA, label, at);
            }
            if (n == 0 && java.util.Set.of("the", "a", "following", "table", "list").contains(label.get(at).norm())) {
                n = 1;
            }
            if (n == 0 && map && !lexicon.grammarWord(label, at) && label.get(at).kind() == Token.Kind.WORD) {
                // "Map status codes:", "Decode order status:": after the verb, the words naming what is mapped
                n = 1;
            }
            if (n == 0) {
                return false;
            }
            at += n;
        }
        return map;
    }

    /** The rule inside a shape: read by the families, and by the shapes again while {@code depth} allows. */
    private Recognition rest(List<Token> tokens, RuleContext ctx, int depth) {
        return depth > 0 ? understood(tokens, ctx, depth - 1) : families(tokens, ctx);
    }

    private Recognition families(List<Token> tokens, RuleContext ctx) {
        for (Recognizer family : FAMILIES) {
            Recognition r = family.recognize(new Parser(tokens, ctx, lexicon));
            if (r instanceof Recognition.Recognized ok && comparesIntoAValue(ok.expr(), ctx)) {
                // "Bonus amount = salary * bonus percentage / 100" into a number: '=' names the value, it tests nothing
                continue;
            }
            if (r instanceof Recognition.Flagged && !(family instanceof Expressions) && writtenInSql(tokens)
                    && SQL.recognize(new Parser(tokens, ctx, lexicon)) instanceof Recognition.Recognized sql) {
                // "CASE WHEN UPPER(TRIM(ACTIVE_YN)) = 'Y' THEN 1 ELSE 0 END": SQL as written, which the words of a
                // family before could not place
                return sql;
            }
            if (!(r instanceof Recognition.NotMine)) {
                return r;
            }
        }
        return Recognition.NOT_MINE;
    }

    private static final Expressions SQL = new Expressions();

    /** "CASE WHEN ... END", "COALESCE(...)": a cell that opens as SQL does, in capitals (the parser is slow). */
    private static boolean writtenInSql(List<Token> tokens) {
        Token first = tokens.isEmpty() ? null : tokens.get(0);
        return first != null && first.kind() == Token.Kind.WORD && first.text().equals("CASE")
                || first != null && tokens.size() > 1 && tokens.get(1).op("(") && first.text().matches("[A-Z_]{3,}")
                && io.aide.compiler.rules.SqlExpressionParser.knownFunction(first.text());
    }

    /** Verbs that ask for a value from elsewhere: words before a parenthesis with them are no description of it. */
    private static final java.util.Set<String> ASKING = java.util.Set.of("look", "lookup", "fetch", "retrieve", "get", "obtain",
            "join");

    /** A test of equality as the whole value of a number, date or timestamp target. */
    private static boolean comparesIntoAValue(Expr expr, RuleContext ctx) {
        io.aide.compiler.plan.SqlType.Kind kind = ctx.targetType().kind();
        boolean value = kind != io.aide.compiler.plan.SqlType.Kind.BOOLEAN && kind != io.aide.compiler.plan.SqlType.Kind.VARCHAR
                && kind != io.aide.compiler.plan.SqlType.Kind.UNKNOWN;
        return value && expr instanceof Expr.Bin b && b.op().equals("=");
    }
}

