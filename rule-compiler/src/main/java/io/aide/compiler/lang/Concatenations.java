package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A text joined from columns and literals, then the operations of {@link Copies} if any follow:
 * <pre>
 * concat := CONCAT [OF] item (JOIN item)+ [SEPARATED_BY text] (CHAIN operation)*
 *         | item CONCAT (JOIN item)+ [SEPARATED_BY text] (CHAIN operation)*         "a concatenated with b"
 *         | item (JOIN item)+ SEPARATED_BY text (CHAIN operation)*                 "a and b separated by ' '"
 *         | item ("||" item)+ (CHAIN operation)*
 *         | item ("+" item)+ (CHAIN operation)*    where an item is a quoted text (SQL Server's string +)
 * item   := column | the row's own value | text | a character's name ("comma", "space")
 *         | operation OF column (where "||" or CONCAT says it joins)
 * JOIN   := , | and | with | followed by | + | &amp; | ||
 * </pre>
 * "Concatenate `first_name`, ' ' and `last_name`", "concat code and label separated by ' - '", "`a` || '-' || `b`".
 */
final class Concatenations implements Recognizer {

    @Override
    public Recognition recognize(Parser p) {
        int start = p.mark();
        boolean keyword = p.accept(Role.CONCAT);
        Token paren = p.peekToken();
        if (keyword && paren != null && paren.op("(")) {
            // CONCAT(a, b): a SQL call
            p.reset(start);
            return Recognition.NOT_MINE;
        }
        if (keyword) {
            p.accept(Role.FROM);
        }
        List<Expr> items = new ArrayList<>();
        // an item may be an operation on a column ("'Q' || quarter of txn_dt") where the rule says it joins
        // "'Q' + quarter of d + '-' + year of d": '+' beside a quoted text joins texts, as SQL Server writes it
        boolean plusJoins = p.tokens().stream().anyMatch(t -> t.op("+")) && p.tokens().stream()
                .anyMatch(t -> t.kind() == Token.Kind.STRING && !t.text().matches("\\s*[-+]?\\d+(\\.\\d+)?\\s*"));
        // "'SUP' followed by the supplier id padded to 6 digits": a quoted text joined in words to what follows
        boolean textJoined = p.tokens().stream().anyMatch(t -> t.kind() == Token.Kind.STRING)
                && p.lexicon().find(Role.CONCAT_JOIN, p.tokens()) && p.rawPeek() != null && p.rawPeek().kind() == Token.Kind.STRING;
        boolean computed = keyword || plusJoins || textJoined || p.tokens().stream().anyMatch(t -> t.op("||"))
                || namedSeparatorItem(p);
        Expr first = item(p, computed);
        if (first == null) {
            return keyword ? p.notUnderstood() : Recognition.NOT_MINE;
        }
        items.add(first);
        int afterFirst = p.mark();
        if (!keyword && p.accept(Role.CONCAT)) {
            // "given_name concatenated with family_name": the verb after the first item
            keyword = true;
        }
        if (!keyword) {
            // "first name and last name separated by a space": a separator commits joins written in words
            join(p, items, true, computed, plusJoins);
            // a separator written as an item ("last name, comma, space, first name") also says it joins
            boolean separatorItem = items.stream().anyMatch(e -> e instanceof Expr.Lit l && l.value() instanceof String t
                    && !t.isEmpty() && t.chars().noneMatch(Character::isLetterOrDigit));
            // a quoted text first ("'SUP' followed by supplier_id") says so too
            boolean textFirst = first instanceof Expr.Lit l && l.value() instanceof String t && !t.isEmpty()
                    && afterFirst < p.tokens().size() && p.tokens().get(afterFirst).kind() == Token.Kind.WORD;
            int beforeEach = p.mark();
            p.acceptOp(",");
            List<Expr> each = items.size() >= 2 ? eachItem(p, items) : null;
            p.acceptOp(",");
            if (each != null && (p.peek(Role.SPACE_SEPARATED) || p.peek(Role.SEPARATED_BY))) {
                // "First name and last name, each trimmed, joined with a single space"
                items = new ArrayList<>(each);
            } else {
                p.reset(beforeEach);
            }
            if (items.size() >= 2 && (separatorItem || textFirst || p.peek(Role.SPACE_SEPARATED) || p.peek(Role.SEPARATED_BY))) {
                keyword = true;
            } else {
                items.subList(1, items.size()).clear();
                p.reset(afterFirst);
            }
        }
        join(p, items, keyword, computed, plusJoins);
        if (items.size() < 2) {
            p.reset(start);
            return keyword ? p.notUnderstood() : Recognition.NOT_MINE;
        }
        boolean spaced = keyword && p.accept(Role.SPACE_SEPARATED);
        if (spaced || keyword && p.accept(Role.SEPARATED_BY)) {
            Expr sep = spaced ? new Expr.Lit(" ") : separator(p);
            if (!(sep instanceof Expr.Lit l) || !(l.value() instanceof String)) {
                return p.notUnderstood();
            }
            List<Expr> with = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    with.add(sep);
                }
                with.add(items.get(i));
            }
            items = with;
        }
        UnaryOperator<Expr> ops = UnaryOperator.identity();
        boolean firstOp = true;
        boolean blanksLeftOut = false;
        while (!p.atEnd()) {
            boolean separated = p.acceptSeparator() | p.accept(Role.CHAIN);
            List<Expr> each = eachItem(p, items);
            if (each != null) {
                // "(trim both)", "both trimmed", "each in upper case": said of every column joined, not of the whole
                items = each;
                continue;
            }
            if (BlankParts.accept(p)) {
                // "skipping blank parts", "if only one of them is present, show that one on its own"
                blanksLeftOut = true;
                continue;
            }
            Copies.Operation op = Copies.operation(p);
            if (op == null || op.column() != null) {
                return p.notUnderstood();
            }
            if (firstOp && !separated && (onDates(op) || textFirst(items))) {
                // "a || '_' || dep_dt formatted YYYYMMDD": a date's operation right after the last item is that item's
                // (a concatenation is a text, never a date); so is any operation after a quoted text and a column
                // ("'SUP' followed by the supplier id padded to 6 digits": the id is padded, not 'SUP' with it)
                items = new ArrayList<>(items);
                items.set(items.size() - 1, op.apply().apply(items.get(items.size() - 1)));
                firstOp = false;
                continue;
            }
            firstOp = false;
            UnaryOperator<Expr> before = ops;
            ops = x -> op.apply().apply(before.apply(x));
        }
        Expr joined = blanksLeftOut ? BlankParts.leftOut(items) : new Expr.Concat(items);
        if (joined == null) {
            p.problem("blank parts are to be left out, but the text joins more than parts and separators (a text before the"
                    + " first part or after the last, or different separators): say which separator goes with which part");
            return p.notUnderstood();
        }
        return new Recognition.Recognized(ops.apply(joined), null, List.of(), "concatenation");
    }

    /**
     * A value said as a text joined to what follows ("'Station ' followed by the station_code", "'N/A-' || code"), the
     * first item already read: the joined text (cursor after it), or null (cursor unchanged) when nothing is joined.
     * Joins in words need a quoted text on one side, since "a followed by b" of two columns may be an order.
     */
    static Expr continued(Parser p, Expr first) {
        int m = p.mark();
        List<Expr> items = new ArrayList<>(List.of(first));
        Token next = p.peekToken();
        boolean symbol = next != null && next.op("||");
        boolean words = !symbol && next != null && next.kind() == Token.Kind.WORD && !next.is(Token.Kind.WORD, "and")
                && !next.is(Token.Kind.WORD, "with") && p.peek(Role.CONCAT_JOIN);
        if (!symbol && !words) {
            return null;
        }
        join(p, items, words, true, false);
        boolean text = items.stream().anyMatch(e -> e instanceof Expr.Lit l && l.value() instanceof String);
        if (items.size() < 2 || words && !text) {
            p.reset(m);
            return null;
        }
        return new Expr.Concat(items);
    }

    /** Words that say an operation is each item's: "both", "each", "all", "every one". */
    private static boolean eachWord(Parser p) {
        return p.acceptWord("both") || p.acceptWord("each") || p.acceptWord("all") || p.acceptWord("every");
    }

    /**
     * "(trim both)", "both trimmed", "trim each": an operation said of every column item (each trimmed before they are
     * joined); the items with it applied, the cursor after the words; null (cursor unchanged) otherwise.
     */
    static List<Expr> eachItem(Parser p, List<Expr> items) {
        int m = p.mark();
        boolean paren = p.acceptOp("(");
        if (!paren && !p.acceptOp("–") && !p.acceptOp("—")) {
            // "... then the first name – both trimmed": a dash before what is said of every item
            p.acceptOp("-");
        }
        boolean before = eachWord(p);
        p.accept(Role.SELF);
        Copies.Operation op = Copies.operation(p);
        UnaryOperator<Expr> all = op == null || op.column() != null ? null : op.apply();
        while (all != null && before) {
            // "each trimmed and in upper case": the operations one after another, all said of every item
            int more = p.mark();
            Copies.Operation then = p.accept(Role.AND) ? Copies.operation(p) : null;
            if (then == null || then.column() != null) {
                p.reset(more);
                break;
            }
            UnaryOperator<Expr> first = all;
            all = x -> then.apply().apply(first.apply(x));
        }
        boolean after = all != null && (eachWord(p) || p.acceptWord("of") && (p.acceptWord("them") || eachWord(p)));
        if (all == null || before == after || paren && !p.acceptOp(")")) {
            p.reset(m);
            return null;
        }
        List<Expr> out = new ArrayList<>();
        for (Expr item : items) {
            out.add(item instanceof Expr.Lit ? item : all.apply(item));
        }
        return out;
    }

    /** A bracket at the cursor that says the value's case is kept: passed over (true), else the cursor unchanged. */
    private static boolean caseKept(Parser p) {
        int m = p.mark();
        if (!p.acceptOp("(")) {
            return false;
        }
        int close = p.mark();
        while (close < p.tokens().size() && !p.tokens().get(close).op(")") && !p.tokens().get(close).op("(")) {
            close++;
        }
        if (close >= p.tokens().size() || !p.tokens().get(close).op(")") || !Reassurances.saysCaseKept(p.tokens().subList(p.mark(), close))) {
            p.reset(m);
            return false;
        }
        p.reset(close + 1);
        return true;
    }

    /** "last name, comma, space, first name": a character named as an item of its own, between commas. */
    private static boolean namedSeparatorItem(Parser p) {
        List<Token> t = p.tokens();
        for (int i = 1; i < t.size(); i++) {
            if (!t.get(i - 1).op(",")) {
                continue;
            }
            // "a space", "one comma", "then a comma": the article before the character's name, the order said again
            int at = i;
            if (t.get(at).is(Token.Kind.WORD, "then") && at + 1 < t.size()) {
                at++;
            } else if (t.get(at).is(Token.Kind.WORD, "followed") && at + 2 < t.size() && t.get(at + 1).is(Token.Kind.WORD, "by")) {
                // "..., followed by a comma and a space, ..."
                at += 2;
            }
            if (t.get(at).kind() == Token.Kind.WORD && java.util.Set.of("a", "an", "one", "the").contains(t.get(at).norm())
                    && at + 1 < t.size()) {
                at++;
            }
            PhraseTable.Match named = PhraseTable.CHARACTERS.at(t, at);
            int end = named == null ? at : at + named.length();
            if (named != null && end + 1 < t.size() && t.get(end).is(Token.Kind.WORD, "and")) {
                // "a comma and a single space": two characters named one after the other
                int second = t.get(end + 1).kind() == Token.Kind.WORD && java.util.Set.of("a", "an", "one").contains(t.get(end + 1).norm())
                        ? end + 2 : end + 1;
                PhraseTable.Match next = second < t.size() ? PhraseTable.CHARACTERS.at(t, second) : null;
                end = next == null ? end : second + next.length();
            }
            if (named != null && (end >= t.size() || t.get(end).op(","))) {
                return true;
            }
        }
        return false;
    }

    /** A quoted text, then one column: what follows the column without a separator is said of the column. */
    private static boolean textFirst(List<Expr> items) {
        return items.size() == 2 && items.get(0) instanceof Expr.Lit l && l.value() instanceof String
                && !(items.get(1) instanceof Expr.Lit);
    }

    /** The operation works on a date (a format, a part, a period's start, a shift): never on a concatenated text. */
    private static boolean onDates(Copies.Operation op) {
        Expr probe = op.apply().apply(new Expr.Col("t", "c"));
        while (probe instanceof Expr.Cast c) {
            probe = c.expr();
        }
        return probe instanceof Expr.FormatDate || probe instanceof Expr.Extract || probe instanceof Expr.TruncDate
                || probe instanceof Expr.DateAdd || probe instanceof Expr.LastDay || probe instanceof Expr.EpochSeconds;
    }

    /**
     * The text between the items: a literal, or characters by name in order ("a comma and a space", "a hyphen",
     * "a colon followed by a space"); null (cursor unchanged) when neither.
     */
    static Expr separator(Parser p) {
        int m = p.mark();
        StringBuilder text = new StringBuilder();
        PhraseTable.Match named = p.phrase(PhraseTable.CHARACTERS);
        while (named != null) {
            text.append(named.entries().get(0).key());
            int before = p.mark();
            named = null;
            if (p.accept(Role.AND) || p.acceptWord("then") || p.acceptWord("followed") && p.acceptWord("by")) {
                named = p.phrase(PhraseTable.CHARACTERS);
                if (named == null) {
                    p.reset(before);
                }
            }
        }
        if (!text.isEmpty()) {
            // "the pipe "|" delimiter": the character named, then written, then called a delimiter
            Token written = p.peekToken();
            if (written != null && written.kind() == Token.Kind.STRING && written.text().equals(text.toString())) {
                p.next();
            }
            separatorNoun(p);
            return new Expr.Lit(text.toString());
        }
        p.reset(m);
        Expr written = p.literal();
        if (written != null) {
            separatorNoun(p);
        }
        return written;
    }

    private static void separatorNoun(Parser p) {
        for (String noun : new String[]{"delimiter", "separator", "character", "sign", "symbol"}) {
            if (p.acceptWord(noun)) {
                break;
            }
        }
        // "joined with one space between them", "a hyphen in between"
        int m = p.mark();
        boolean in = p.acceptWord("in");
        if (!(p.acceptWord("between") && (in || p.acceptWord("them") || p.acceptWord("each") || p.acceptWord("the") && p.acceptWord("parts")
                || true))) {
            p.reset(m);
        }
    }

    /** Appends the items that follow, each after a join (words when the rule joins in words, else "||"). */
    private static void join(Parser p, List<Expr> items, boolean words, boolean computed, boolean plusJoins) {
        while (true) {
            if (p.peek(Role.SPACE_SEPARATED) || p.peek(Role.SEPARATED_BY)) {
                // "with a space": the separator, not one more item
                return;
            }
            int m = p.mark();
            boolean joined = words ? p.acceptOp(",") | p.accept(Role.CONCAT_JOIN) : p.acceptOp("||") || plusJoins && p.acceptOp("+");
            if (!joined) {
                return;
            }
            if (words) {
                // "last name, a comma and a space, then first name": the order said once more
                p.acceptWord("then");
            }
            Expr next = item(p, computed);
            if (next == null) {
                p.reset(m);
                return;
            }
            items.add(next);
        }
    }

    /**
     * A column, the row's own value or a text (a number written in quotes stays a text); where computed, also an
     * operation on the column it names ("quarter of txn_dt", "first 3 characters of code").
     */
    private static Expr item(Parser p, boolean computed) {
        int m = p.mark();
        Token raw = p.rawPeek();
        Expr e = null;
        if (raw != null && raw.kind() == Token.Kind.WORD && p.ctx().resolve(null, raw.text()) instanceof Expr.Col c
                && p.ctx().known(c)) {
            // a column whose name is also a filler word ("a", "value")
            p.rawNext();
            e = c;
            Token next = p.rawPeek();
            if (!computed || next == null || next.kind() != Token.Kind.WORD || p.peek(Role.CONCAT_JOIN) || p.peek(Role.AND)
                    || p.peek(Role.SPACE_SEPARATED) || p.peek(Role.SEPARATED_BY)) {
                // nothing said of the column right after it ("surname in capitals, ..." is)
                return e;
            }
        }
        PhraseTable.Match named = e == null ? p.phrase(PhraseTable.CHARACTERS) : null;
        if (named != null) {
            // "comma", "a space", "hyphen": the character itself
            return new Expr.Lit(named.entries().get(0).key());
        }
        e = e != null ? e : p.operand();
        if (e != null && !(e instanceof Expr.Lit) && computed) {
            // "Last name in upper case, comma, space, first name": the item's own operation, said right after it
            int after = p.mark();
            Copies.Operation own = Copies.operation(p);
            if (own != null) {
                // "the first name trimmed (keep the case as entered)": a bracket that says its case is kept
                caseKept(p);
            }
            Token next = p.rawPeek();
            if (own != null && own.column() == null && (next == null || next.op(",") || next.kind() == Token.Kind.SEP
                    || p.peek(Role.CONCAT_JOIN))) {
                Expr done = own.apply().apply(e);
                while (true) {
                    // "Last name trimmed and in upper case, then ...": the item's operations one after another
                    int more = p.mark();
                    Copies.Operation then = p.accept(Role.AND) ? Copies.operation(p) : null;
                    Token end = p.rawPeek();
                    if (then == null || then.column() != null || !(end == null || end.op(",") || end.kind() == Token.Kind.SEP
                            || p.peek(Role.CONCAT_JOIN))) {
                        p.reset(more);
                        return done;
                    }
                    done = then.apply().apply(done);
                }
            }
            p.reset(after);
        }
        if (e instanceof Expr.Col || e instanceof Expr.Lit l && l.value() instanceof String) {
            return e;
        }
        if (e != null && !(e instanceof Expr.Lit) && !(e instanceof Expr.TypedNull)) {
            return e;
        }
        p.reset(m);
        if (computed) {
            Copies.Operation op = Copies.operation(p);
            if (op != null && op.column() != null) {
                return op.apply().apply(op.column());
            }
            p.reset(m);
        }
        return null;
    }
}
