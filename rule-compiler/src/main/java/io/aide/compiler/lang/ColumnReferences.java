package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Columns named in a rule ({@link Parser#column()}): marked names, table.column, a known column's own name, and the
 * ways words spell one (see {@link ColumnWords}). The cursor is the parser's.
 */
final class ColumnReferences {

    private ColumnReferences() {
    }

    /**
     * A column written in the rule: `name`, [name], table.column, or a plain word that is a known column.
     * Unknown marked names are a problem (named in the flag); an unknown plain word is simply not a name.
     */
    static Expr column(Parser p) {
        int start = p.mark();
        String owner = owner(p);
        Expr e = column(p, 2);
        if (e instanceof Expr.Col c && owner != null && !RowTables.names(List.of(c.relation()), owner)) {
            // "the order's total" names a column of the order's table only
            e = null;
        }
        if (e == null && owner == null && sized(p)) {
            // "Two-letter state code", "the 9-digit tax id": a size said before the name describes it
            e = column(p, 2);
        }
        if (e == null) {
            p.reset(start);
            return owner == null ? null : column(p, 2);
        }
        if (e instanceof Expr.Col c && owner == null) {
            ofItsTable(p, c);
        }
        return e;
    }

    /**
     * "first and last name", "start and end date": two names sharing their last word, said once after the second; the
     * first word names its own column with that word (first_name) where the second's words do too (last_name). Null
     * otherwise; the cursor stays after the first word, so the second is read as written.
     */
    private static Expr.Col sharedHead(Parser p, Token first) {
        List<Token> t = p.tokens();
        int and = p.mark();
        if (and >= t.size() || !(t.get(and).is(Token.Kind.WORD, "and") || t.get(and).is(Token.Kind.WORD, "or")
                || t.get(and).op("/"))) {
            return null;
        }
        for (int head = and + 2; head <= and + 3 && head < t.size(); head++) {
            StringBuilder second = new StringBuilder();
            boolean words = true;
            for (int i = and + 1; i <= head; i++) {
                words &= t.get(i).kind() == Token.Kind.WORD;
                second.append(i > and + 1 ? "_" : "").append(t.get(i).text());
            }
            if (!words) {
                return null;
            }
            if (p.ctx().resolve(null, first.text() + "_" + t.get(head).text()) instanceof Expr.Col c && p.ctx().known(c)
                    && p.ctx().resolve(null, second.toString()) instanceof Expr.Col c2 && p.ctx().known(c2) && !c2.equals(c)) {
                return c;
            }
        }
        return null;
    }

    /** [the] N ["-"] SIZE_UNIT at the cursor ("Two-letter", "9-digit"), the cursor after it; false (unchanged) otherwise. */
    private static boolean sized(Parser p) {
        int m = p.mark();
        p.acceptWord("the");
        p.acceptWord("a");
        Long n = Operations.whole(p);
        p.acceptOp("-");
        Token unit = n == null ? null : p.next();
        if (unit != null && unit.kind() == Token.Kind.WORD && Operations.SIZE_UNITS.contains(unit.norm())) {
            return true;
        }
        p.reset(m);
        return false;
    }

    /** "the order's": a noun naming one of the row's tables and its possessive, the cursor after it; null (unchanged). */
    private static String owner(Parser p) {
        int m = p.mark();
        p.acceptWord("the");
        p.acceptWord("each");
        Token noun = p.next();
        Token s = p.next();
        if (noun == null || s == null || noun.kind() != Token.Kind.WORD || !s.is(Token.Kind.WORD, "'s")
                || !RowTables.names(RowTables.of(p.ctx().row()), noun.text())) {
            p.reset(m);
            return null;
        }
        return noun.text();
    }

    /**
     * "Customer of the order", "cust_id from the order record": after a column, words naming the table it belongs to
     * say nothing more; the cursor after them, or unchanged.
     */
    private static void ofItsTable(Parser p, Expr.Col c) {
        int m = p.mark();
        Token of = p.next();
        if (of == null || !(of.is(Token.Kind.WORD, "of") || of.is(Token.Kind.WORD, "from") || of.is(Token.Kind.WORD, "on")
                || of.is(Token.Kind.WORD, "for"))) {
            p.reset(m);
            return;
        }
        for (String article : new String[]{"the", "each", "this", "its", "that", "a", "an"}) {
            if (p.acceptWord(article)) {
                break;
            }
        }
        Token noun = p.next();
        if (noun == null || noun.kind() != Token.Kind.WORD || c.relation() == null
                || !RowTables.names(List.of(c.relation()), noun.text())) {
            p.reset(m);
            return;
        }
        int after = p.mark();
        if (!(p.accept(Role.TABLE) || p.acceptWord("record") || p.acceptWord("row"))) {
            p.reset(after);
        }
    }

    /** @param described how many describing words may still stand before the name ("Annual base salary") */
    private static Expr column(Parser p, int described) {
        int start = p.mark();
        Expr.Col counted = countColumn(p);
        if (counted != null) {
            return counted;
        }
        Token t = p.next();
        Expr cleaned = cleanedTargetColumn(p, t);
        if (cleaned != null) {
            return cleaned;
        }
        if (t != null && t.is(Token.Kind.WORD, "the") && changedValue(p, p.peekToken())
                || changedValue(p, t)) {
            // "the hashed status code", "padded account number": the value after an operation, not the column itself
            p.reset(start);
            return null;
        }
        if (t != null && t.kind() == Token.Kind.WORD && isKeyword(p, start)) {
            // "in service date" for in_service_dt: a grammar word opens a name only when the words after it spell it
            int after = p.mark();
            Expr words = spelledOut(p, t);
            if (words instanceof Expr.Col c && p.ctx().known(c) && p.mark() > after) {
                return words;
            }
            p.reset(after);
            // "first and last name": a grammar word naming a column with the word the next name ends in
            Expr.Col shared = sharedHead(p, t);
            if (shared != null) {
                return shared;
            }
            p.reset(start);
            return null;
        }
        if (t == null || !t.nameLike() || isKeyword(p, start)) {
            p.reset(start);
            return null;
        }
        String q = null;
        String n = t.text();
        if (t.kind() == Token.Kind.NAME) {
            int dot = n.lastIndexOf('.');
            q = n.substring(0, dot);
            n = n.substring(dot + 1);
        }
        Expr e = p.ctx().resolve(q, n);
        if (e == null && q == null && n.contains("_") && p.ctx().namesTargetColumn(n)) {
            // "Date portion of event_ts" where event_ts is a column of this target that is not compiled: that column, never a
            // source column its words happen to spell (EVENT_DTTM)
            p.reset(start);
            return null;
        }
        if (e instanceof Expr.Col named && p.ctx().known(named) && t.kind() == Token.Kind.WORD && n.contains("_")) {
            // "rows whose is_test flag is Y": the column as written, then the kind of value it holds
            Token noun = p.peekToken();
            if (noun != null && noun.kind() == Token.Kind.WORD && ColumnWords.KIND_NOUNS.contains(noun.norm())
                    && !(p.ctx().resolve(null, noun.text()) instanceof Expr.Col other && p.ctx().known(other))) {
                p.next();
            }
        }
        if (t.kind() == Token.Kind.WORD && (e == null || e instanceof Expr.Col c0 && !p.ctx().known(c0))) {
            Expr words = spelledOut(p, t);
            if (words instanceof Expr.Col c) {
                // "claimant last name" for claimant_last
                skipKindNoun(p, c);
            }
            if (words != null) {
                return words;
            }
        }
        if (e == null || t.kind() == Token.Kind.WORD && e instanceof Expr.Col c && !p.ctx().known(c)) {
            Expr.Col shared = sharedHead(p, t);
            if (shared != null) {
                return shared;
            }
            if (p.ctx().sources().size() == 1 && t.kind() == Token.Kind.WORD
                    && ColumnWords.namesLeavingKind(p.ctx().sources().get(0).column(), t)
                    // a date's kind is never left out: "Start month" over start_dt names a part of the date
                    && !p.ctx().sources().get(0).column().toLowerCase(java.util.Locale.ROOT)
                    .matches(".*_(?:dt|date|ts|tm|time|timestamp|dttm|datetime|on|at)$")) {
                // "Country, trimmed and upper case" over COUNTRY_CD: the row's one column named without its kind
                return p.ctx().sources().get(0);
            }
            Expr.Col kind = KindNames.column(p, start);
            if (kind != null) {
                return kind;
            }
            if (described > 0 && t.kind() == Token.Kind.WORD && RowTables.names(RowTables.of(p.ctx().row()), t.text())) {
                // "the account status" over crm_accounts.status_cd: the noun of the row's table, then the column
                int from = p.mark();
                Expr named = column(p, 0);
                if (named instanceof Expr.Col c && p.ctx().known(c) && c.relation() != null
                        && RowTables.names(List.of(c.relation()), t.text())) {
                    return named;
                }
                p.reset(from);
                Token word = p.peekToken();
                Expr.Col kindLeft = null;
                for (Expr.Col c : word == null || word.kind() != Token.Kind.WORD ? List.<Expr.Col>of() : p.ctx().sources()) {
                    if (c.relation() != null && RowTables.names(List.of(c.relation()), t.text())
                            && ColumnWords.namesLeavingKind(c.column(), word)) {
                        // "the account status" for status_cd: the column named without its kind
                        kindLeft = kindLeft == null ? c : null;
                    }
                }
                if (kindLeft != null) {
                    p.next();
                    return kindLeft;
                }
            }
            if (described > 0 && describes(p, start)) {
                // "Annual salary", "Source order_no", "the customer email": a word that describes the column named after it
                int from = p.mark();
                Expr named = column(p, described - 1);
                if (named instanceof Expr.Col c && p.ctx().known(c) && ColumnWords.namesWhole(c.column(), p.tokens().subList(from, p.mark()))) {
                    return named;
                }
            }
            if (t.kind() == Token.Kind.WORD) {
                p.reset(start);
                Expr.Col own = targetNamed(p);
                if (own != null) {
                    return own;
                }
            }
            if (t.kind() != Token.Kind.WORD) {
                p.problem("unknown column " + t.text() + " (not a column of the row's sources nor a target column)");
            }
            p.reset(start);
            return null;
        }
        if (t.kind() == Token.Kind.WORD && e instanceof Expr.Col c) {
            skipKindNoun(p, c);
        }
        if (!(e instanceof Expr.Col) && cleanedAside(p)) {
            // "property_code (the cleaned code below)": the target column's value already
            return e;
        }
        if (e instanceof Expr.Col && cleanedAside(p)) {
            // "ordered by tenant_id (cleaned, below)": the target column of that name, as its own rule cleans it
            String target = p.ctx().row().targetTable();
            Expr own = target == null || n.equalsIgnoreCase(p.ctx().row().targetColumn()) ? null : p.ctx().resolve(target, n);
            if (own == null) {
                p.problem("'" + n + "' is said to be cleaned, but no other target column named " + n + " says how");
                p.reset(start);
                return null;
            }
            return own;
        }
        return e;
    }

    /** Words allowed beside "cleaned" in a bracket after a name: "(cleaned, below)", "(the cleaned code below)". */
    private static final java.util.Set<String> ASIDE = java.util.Set.of("the", "a", "value", "code", "id", "key", "as",
            "see", "below", "above", "target", "version", "one", "column", "field", "form", "i.e", "ie", "in", "its");

    /**
     * A bracket after a name that says the value meant is its cleaned one ("(cleaned, below)", "(the cleaned code
     * below)"); the cursor moves past it when it does.
     */
    private static boolean cleanedAside(Parser p) {
        int m = p.mark();
        if (!p.acceptOp("(")) {
            return false;
        }
        boolean cleaned = false;
        while (true) {
            int q = p.mark();
            if (p.rawPeek() != null && p.rawPeek().op(",")) {
                p.rawNext();
            }
            Token raw = p.rawPeek();
            if (raw != null && (raw.is(Token.Kind.WORD, "after") || raw.is(Token.Kind.WORD, "once")) && NumberingSteps.afterStep(p)) {
                // "(the cleaned value, after the dedupe described on policy_number)": when it is cleaned, which is
                // before anything reads it
                continue;
            }
            p.reset(q);
            Token t = p.next();
            if (t == null) {
                break;
            }
            if (t.op(")")) {
                if (cleaned) {
                    return true;
                }
                break;
            }
            if (t.kind() == Token.Kind.WORD && POINTERS.contains(t.norm())) {
                // "(the cleaned value, after the dedupe described on policy_number)": where a step is described
                while (p.rawPeek() != null && !p.rawPeek().op(")") && !p.rawPeek().op(",")) {
                    p.rawNext();
                }
            } else if (t.kind() == Token.Kind.WORD && CLEANED.contains(t.norm())) {
                cleaned = true;
            } else if (!(t.op(",") || t.kind() == Token.Kind.WORD && ASIDE.contains(t.norm()))) {
                break;
            }
        }
        p.reset(m);
        return false;
    }

    /** Words that point to where something is described ("described on policy_number", "see below"). */
    private static final java.util.Set<String> POINTERS = java.util.Set.of("described", "defined", "explained", "detailed",
            "documented", "specified", "see");

    /** Words that say a value is meant as a rule cleans it ("the cleaned code", "tenant_id (cleaned, below)"). */
    static final java.util.Set<String> CLEANED = java.util.Set.of("cleaned", "cleansed", "clean", "standardised",
            "standardized", "normalised", "normalized");

    /**
     * "the cleaned tier_code", "cleaned TEST_CODE": the value of the target column of that name, as its own rule
     * cleans it; null (cursor unchanged) when the word after "cleaned" names no other column of the target.
     */
    private static Expr cleanedTargetColumn(Parser p, Token first) {
        int m = p.mark();
        Token word = first;
        if (word != null && word.is(Token.Kind.WORD, "the")) {
            word = p.next();
        }
        String target = p.ctx().row().targetTable();
        if (word == null || word.kind() != Token.Kind.WORD || !CLEANED.contains(word.norm()) || target == null) {
            p.reset(m);
            return null;
        }
        // "cleansed first name", "the cleaned Student ID": the longest run of words that names a target column
        int from = p.mark();
        for (int n = Math.min(4, p.tokens().size() - from); n >= 1; n--) {
            StringBuilder name = new StringBuilder();
            boolean names = true;
            for (int i = from; i < from + n; i++) {
                Token t = p.tokens().get(i);
                names &= t.nameLike();
                name.append(name.length() == 0 ? "" : "_").append(t.text());
            }
            if (!names || name.toString().equalsIgnoreCase(p.ctx().row().targetColumn()) && !p.ctx().choosesRows()) {
                continue;
            }
            Expr value = p.ctx().resolve(target, name.toString());
            if (value != null) {
                p.reset(from + n);
                return value;
            }
        }
        String own = p.ctx().row().targetColumn();
        Token next = from < p.tokens().size() ? p.tokens().get(from) : null;
        if (p.ctx().choosesRows() && own != null && next != null && next.kind() == Token.Kind.WORD
                && List.of(own.toLowerCase(java.util.Locale.ROOT).split("[_\\s]+")).contains(next.norm())) {
            // "do not load objects whose cleaned number starts with TMP" said on object_number: the row's own column,
            // named by a word of its name, as its rule cleans it
            Expr value = p.ctx().resolve(target, own);
            if (value != null) {
                p.reset(from + 1);
                return value;
            }
        }
        p.reset(m);
        return null;
    }

    /** A participle that changes a value ("hashed", "padded", "trimmed"), and no column of that name. */
    static boolean changedValue(Parser p, Token t) {
        return t != null && t.kind() == Token.Kind.WORD && t.norm().endsWith("ed") && ColumnWords.MEANING_WORDS.contains(t.norm())
                && !(p.ctx().resolve(null, t.text()) instanceof Expr.Col c && p.ctx().known(c));
    }

    /** "allowed amount" for the column allowed: the kind noun the name leaves out, after it. */
    private static void skipKindNoun(Parser p, Expr.Col c) {
        if (p.mark() >= p.tokens().size()) {
            return;
        }
        Token noun = p.tokens().get(p.mark());
        if (noun.kind() == Token.Kind.WORD && ColumnWords.measuredBy(c.column(), noun)) {
            // "session length" for session_secs, "parcel weight" for parcel_kg: the quantity the unit measures
            p.reset(p.mark() + 1);
            return;
        }
        if (noun.kind() == Token.Kind.WORD && ColumnWords.KIND_NOUNS.contains(noun.norm())
                && !c.column().toLowerCase(Locale.ROOT).endsWith(noun.norm()) && ColumnWords.nounFits(c.column(), noun)
                && !(p.ctx().resolve(null, noun.text()) instanceof Expr.Col other && p.ctx().known(other))) {
            p.reset(p.mark() + 1);
        }
    }

    /**
     * "Number of packages" for pkg_cnt: (number | count) of words naming a column that already holds the number; null
     * (cursor unchanged) otherwise.
     */
    private static Expr.Col countColumn(Parser p) {
        int start = p.mark();
        Token t = p.peekToken();
        if (t == null || !(t.is(Token.Kind.WORD, "number") || t.is(Token.Kind.WORD, "count"))) {
            return null;
        }
        p.next();
        if (!p.acceptWord("of")) {
            p.reset(start);
            return null;
        }
        p.acceptWord("the");
        Expr named = column(p, 0);
        if (named instanceof Expr.Col c && p.ctx().known(c) && ColumnWords.holdsACount(c.column())) {
            return c;
        }
        p.reset(start);
        return null;
    }

    /**
     * "Phone number with non-digits removed" for the target phone_number read from msisdn: words that spell the target
     * column's own name stand for the row's one source column, when the two names do not say different kinds of value
     * (customer_name from cust_id is a lookup, never the id). Cursor after the words, or unchanged (null).
     */
    private static Expr.Col targetNamed(Parser p) {
        String target = p.ctx().row().targetColumn();
        if (target == null || p.ctx().sources().size() != 1) {
            return null;
        }
        Token first = p.peekToken();
        if (first == null || first.kind() != Token.Kind.WORD || first.norm().isEmpty()
                || Character.toLowerCase(target.charAt(0)) != first.norm().charAt(0)) {
            // the words spell the name from its first part: they start with its first letter
            return null;
        }
        Expr.Col source = p.ctx().sources().get(0);
        String[] parts = ColumnWords.parts(target);
        if (!ColumnWords.sameKind(target, source.column())) {
            return null;
        }
        int start = p.mark();
        for (int n = Math.min(4, parts.length + 1); n >= 1; n--) {
            List<Token> run = new ArrayList<>();
            int read = 0;
            for (int k = 0; run.size() < n && start + k < p.tokens().size(); k++) {
                Token t = p.tokens().get(start + k);
                // a grammar word ends the name, but for a kind noun after its first word ("phone number")
                boolean kindNoun = k > 0 && ColumnWords.KIND_NOUNS.contains(t.norm());
                if (t.kind() != Token.Kind.WORD || !kindNoun && (ColumnWords.MEANING_WORDS.contains(t.norm())
                        || p.lexicon().grammarWord(p.tokens(), start + k))) {
                    break;
                }
                read = k + 1;
                if (!t.is(Token.Kind.WORD, "'s")) {
                    run.add(t);
                }
            }
            if (run.size() == n && (n >= 2 || parts.length == 1) && ColumnWords.namesWhole(target, run)) {
                p.reset(start + read);
                return source;
            }
        }
        return null;
    }

    /**
     * A column name written as words ("first name" for first_name, "Order Date" for ORDER_DATE): the longest run of
     * two or three words after {@code first} that, joined by underscores, is a known column. Cursor after it.
     */
    private static Expr spelledOut(Parser p, Token first) {
        Expr target = null;
        int targetEnd = -1;
        for (int n = 3; n >= 2; n--) {
            if (p.mark() + n - 1 > p.tokens().size()) {
                continue;
            }
            StringBuilder name = new StringBuilder(first.text());
            boolean words = true;
            for (int k = 0; k < n - 1 && words; k++) {
                Token t = p.tokens().get(p.mark() + k);
                words = t.kind() == Token.Kind.WORD && NAME_WORD.matcher(t.text()).matches();
                name.append('_').append(t.text());
            }
            if (!words || inBeforeUnit(p, p.mark() + n - 2)) {
                continue;
            }
            Expr resolved = p.ctx().resolve(null, name.toString());
            if (resolved instanceof Expr.Col c && p.ctx().known(c)) {
                p.reset(p.mark() + n - 1);
                return c;
            }
            if (target == null && resolved != null && !(resolved instanceof Expr.Col) && p.ctx().namesTargetColumn(name.toString())) {
                target = resolved;
                targetEnd = p.mark() + n - 1;
            }
        }
        Expr source = abbreviated(p, first);
        if (source instanceof Expr.Col c && target != null && p.mark() == targetEnd && Expr.onlyCleans(target, c)) {
            // "Cinema code, a hyphen, then ..." where CINEMA_CODE is the trimmed, upper-cased CINEMA_CD: the words spell
            // the target's column whole and the source's only in short forms; the value meant is the one the target holds
            return target;
        }
        if (source == null && target != null) {
            // "carrier code" for the target's own CARRIER_CODE, when no source column of the row is named so: the value
            // that column computes
            p.reset(targetEnd);
            return target;
        }
        return source;
    }

    /**
     * A source column of the row named by its words where the name has short forms ("first name" for first_nm,
     * "the email address" for email_addr): the longest run of one to three words whose words are, in order, the parts
     * of exactly one of the row's source columns. Cursor after it.
     */
    private static Expr abbreviated(Parser p, Token first) {
        for (int n = 3; n >= 1; n--) {
            if (p.mark() + n - 1 > p.tokens().size()) {
                continue;
            }
            List<Token> run = new ArrayList<>();
            run.add(first);
            // "Manager's id" for mgr_id: a possessive joins the words of one name
            int read = 0;
            for (int k = 0; run.size() < n && p.mark() + k < p.tokens().size(); k++) {
                Token t = p.tokens().get(p.mark() + k);
                if (t.kind() != Token.Kind.WORD) {
                    break;
                }
                read = k + 1;
                if (!t.is(Token.Kind.WORD, "'s")) {
                    run.add(t);
                }
            }
            if (run.size() == n && n >= 2 && inBeforeUnit(p, p.mark() + read - 1)) {
                continue;
            }
            if (run.size() != n || n == 1 && convertedTo(p)) {
                // "grams to kilograms": a unit converted to another names the conversion, not the column of that unit
                continue;
            }
            Expr.Col found = null;
            int matches = 0;
            for (Expr.Col c : p.ctx().sources()) {
                String[] parts = ColumnWords.parts(c.column());
                if (ColumnWords.namedBy(parts, run, first) || ColumnWords.namedBy(withoutOwnTable(parts, c), run, first)) {
                    found = c;
                    matches++;
                }
            }
            if (matches == 1) {
                p.reset(p.mark() + read);
                return found;
            }
        }
        return null;
    }

    /**
     * The name's parts without a first part that is its own table's first word: "status code" names stop_status_cd of
     * stop_master, as people leave out the table a column is in. The parts as they are otherwise (two at least left).
     */
    private static final java.util.regex.Pattern TABLE_WORDS = java.util.regex.Pattern.compile("[_.\\s]");

    private static String[] withoutOwnTable(String[] parts, Expr.Col c) {
        String table = c.relation() == null ? "" : TABLE_WORDS.split(c.relation().toLowerCase(Locale.ROOT), 2)[0];
        return parts.length >= 3 && parts[0].equals(table) ? java.util.Arrays.copyOfRange(parts, 1, parts.length) : parts;
    }

    /** "Height in cm" over height_in: the word at {@code at} is "in" before a unit, the preposition, not inches. */
    private static boolean inBeforeUnit(Parser p, int at) {
        return at >= 0 && at + 1 < p.tokens().size() && p.tokens().get(at).is(Token.Kind.WORD, "in")
                && PhraseTable.UNITS.at(p.tokens(), at + 1) != null;
    }

    /** "to" or "into" and a unit at the cursor. */
    private static boolean convertedTo(Parser p) {
        int at = p.mark();
        return at + 1 < p.tokens().size() && (p.tokens().get(at).is(Token.Kind.WORD, "to") || p.tokens().get(at).is(Token.Kind.WORD, "into"))
                && PhraseTable.UNITS.at(p.tokens(), at + 1) != null;
    }

    private static final java.util.regex.Pattern NAME_WORD = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final java.util.regex.Pattern LETTERS3 = java.util.regex.Pattern.compile("[A-Za-z]{3,}");

    /**
     * The word at {@code at} only describes what follows: a plain word of letters that no grammar phrase starts with,
     * that changes no value (not "net", "previous", "half", see {@link ColumnWords#MEANING_WORDS}), and that is neither a
     * column of the row nor one of the target's own name parts.
     */
    private static boolean describes(Parser p, int at) {
        Token t = p.tokens().get(at);
        if (t.kind() != Token.Kind.WORD || !LETTERS3.matcher(t.text()).matches() || at + 1 >= p.tokens().size()
                || p.lexicon().grammarWord(p.tokens(), at) || ColumnWords.MEANING_WORDS.contains(t.norm())
                || PhraseTable.UNITS.at(p.tokens(), at) != null) {
            return false;
        }
        Token next = p.tokens().get(at + 1);
        return next.nameLike() && !next.op(",");
    }

    static boolean isKeyword(Parser p, int at) {
        for (Role r : new Role[]{Role.IF, Role.THEN, Role.ELSE, Role.AND, Role.OR, Role.FROM, Role.WHERE, Role.NULL,
                Role.SET, Role.TABLE}) {
            if (p.lexicon().match(r, p.tokens(), at) > 0) {
                return true;
            }
        }
        return false;
    }
}
