package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A value read from a named table:
 * lookup := [LOOKUP] name [(for|LOOKUP) name] FROM table [TABLE] [WHERE match (AND? match)*]
 * match  := lookup_column (EQUALS operand | IN (values))
 * "`concept_id_2` from concept_relationship table where `concept_id_1` equals `x` and `relationship_id` = 'Maps to'",
 * "`provider_id` for mapped `visit_occurrence_id` from visit_occurrence table" (the lookup table's column of the same
 * name matches the row's). A lookup that names no table is flagged.
 */
final class Lookups implements Recognizer {
    private static final java.util.Set<String> LEADS = java.util.Set.of("lookup", "look", "fetch", "retrieve", "link",
            "obtain");

    @Override
    public Recognition recognize(Parser p) {
        Token first = p.peekToken();
        // only a lookup verb commits the cell to this family; "using", "matching" and the like also lead other wording
        boolean verb = first != null && LEADS.contains(first.norm());
        boolean any = false;
        while (p.accept(Role.LOOKUP)) {
            any = true;
        }
        if (any && !verb) {
            return Recognition.NOT_MINE;
        }
        if (verb) {
            Recognition toTable = LookupPhrasings.toATable(p);
            if (toTable != null) {
                return toTable;
            }
        }
        Token qualified = p.peekToken();
        if (verb && qualified != null && qualified.kind() == Token.Kind.NAME && qualified.text().indexOf('.') > 0) {
            // "Look up DIM_PLAN.PLAN_KEY on PLAN_CODE": the table's column, read as "PLAN_KEY from DIM_PLAN on ..."
            int at = p.mark();
            String name = qualified.text();
            int dot = name.lastIndexOf('.');
            List<Token> out = new ArrayList<>(p.tokens().subList(0, at));
            out.add(Token.of(Token.Kind.WORD, name.substring(dot + 1)));
            out.add(Token.of(Token.Kind.WORD, "from"));
            out.add(Token.of(Token.Kind.WORD, name.substring(0, dot)));
            out.addAll(p.tokens().subList(at + 1, p.tokens().size()));
            return recognize(new Parser(out, p.ctx(), Lexicon.standard()));
        }
        if (!verb) {
            // "coming from the x table", "copied from x": words of other families are not a lookup column
            for (Role r : new Role[]{Role.RECORDS, Role.USE, Role.COPY, Role.DERIVED, Role.SET}) {
                if (p.peek(r)) {
                    return Recognition.NOT_MINE;
                }
            }
        }
        if (verb && p.ctx().row().join() != null && !p.ctx().row().join().isBlank()) {
            // "Look up the customer's name": the row's own source column, reached through the join its join cell gives
            int m0 = p.mark();
            RowTables.Described d = RowTables.described(p);
            List<Expr.Col> own = p.ctx().sources();
            if (d != null && p.atEnd() && own.size() == 1 && (d.column() == null || d.column().equals(own.get(0)))) {
                Recognition joined = fromJoinedTable(p, own.get(0));
                if (joined != null) {
                    return joined;
                }
                return new Recognition.Recognized(own.get(0), null, List.of(), "looked up through the row's join", true);
            }
            p.reset(m0);
        }
        int at = p.mark();
        if (p.accept(Role.AGG_COUNT) || p.accept(Role.AGG_SUM) || p.accept(Role.AGG_AVG) || p.accept(Role.AGG_MAX)
                || p.accept(Role.AGG_MIN)) {
            // "Count of events where event_type = 'VOICE'": an aggregate over rows, never a column named Count
            p.reset(at);
            return verb ? p.notUnderstood() : Recognition.NOT_MINE;
        }
        Token column = p.next();
        if (column == null || !column.nameLike() || column.kind() == Token.Kind.NAME) {
            return verb ? p.notUnderstood() : Recognition.NOT_MINE;
        }
        // "category name from ref_category": a column of the lookup table written as words
        String valueColumn = column.text();
        int afterColumn = p.mark();
        StringBuilder words = new StringBuilder(column.text());
        for (int extra = 0; extra < 2 && !p.peek(Role.FROM) && !p.peek(Role.LOOKUP) && !p.peek(Role.IF); extra++) {
            Token more = p.next();
            if (more == null || more.kind() != Token.Kind.WORD) {
                break;
            }
            words.append('_').append(more.text());
            if (p.peek(Role.FROM)) {
                valueColumn = words.toString();
                afterColumn = p.mark();
                break;
            }
        }
        p.reset(afterColumn);
        List<Expr.Match> matches = new ArrayList<>();
        int m = p.mark();
        Token sameName = null;
        if (p.accept(Role.LOOKUP) || p.accept(Role.IF)) {
            while (p.accept(Role.LOOKUP)) {
                // "for mapped", "for the corresponding"
            }
            sameName = p.next();
            if (sameName == null || !sameName.nameLike()) {
                p.reset(m);
                sameName = null;
            }
        }
        boolean onTable = false;
        if (!p.accept(Role.FROM) && !(verb && (onTable = onATable(p)))) {
            if (verb && p.ctx().row().join() != null && !p.ctx().row().join().isBlank()) {
                // the row's join cell says where the value comes from: the planner joins it
                return Recognition.NOT_MINE;
            }
            if (verb && namesAReferenceTab(p)) {
                // "Look up PROD_CD on the 'Product Codes' tab": a map the document supplies, read as one
                return Recognition.NOT_MINE;
            }
            if (verb) {
                return new Recognition.Flagged("the lookup does not name the table to read ('" + p.leftover()
                        + "'): write '<column> from <table> where <column> equals <source column>'");
            }
            return Recognition.NOT_MINE;
        }
        Token table = p.next();
        if (table == null || !table.nameLike()) {
            return verb ? p.notUnderstood() : Recognition.NOT_MINE;
        }
        if (onTable && !p.ctx().columnsOf(table.text()).contains(valueColumn.toLowerCase(java.util.Locale.ROOT))) {
            // "Look up the description on TARIFF_CODES": the row's own source column where it is that table's, else the
            // table's one column the words spell
            String said = valueColumn;
            List<Expr.Col> own = p.ctx().sources().stream().filter(c -> c.relation() != null
                    && c.relation().equalsIgnoreCase(table.text())).toList();
            List<String> spelled = p.ctx().columnsOf(table.text()).stream()
                    .filter(c -> io.aide.compiler.lang.RuleLanguage.spells(said.replace('_', ' '), c)).toList();
            valueColumn = own.size() == 1 ? own.get(0).column() : spelled.size() == 1 ? spelled.get(0) : null;
            if (valueColumn == null) {
                return new Recognition.Flagged("the lookup in " + table.text() + " reads no column '" + said + "'");
            }
        }
        boolean tableWord = p.accept(Role.TABLE);
        Token after = p.peekToken();
        boolean where = after != null && (after.norm().equals("where") || after.norm().equals("whose"));
        if (!verb && !tableWord && !where) {
            // "x from y" alone is a copy written loosely, not a lookup: not this family
            return Recognition.NOT_MINE;
        }
        if (sameName != null) {
            Expr outer = p.ctx().resolve(null, sameName.text());
            if (outer == null) {
                return new Recognition.Flagged("unknown column " + sameName.text() + " to match in " + table.text());
            }
            matches.add(new Expr.Match(sameName.text(), List.of(outer)));
        }
        Expr.Match byWords = verb ? keyInWords(p, table.text()) : null;
        if (byWords != null) {
            matches.add(byWords);
        }
        int using = p.mark();
        if (byWords == null && (p.accept(Role.ON) || p.accept(Role.VIA))) {
            int keyAt = p.mark();
            Expr.Match written = equation(p, table.text());
            if (written != null) {
                // "using acct.cust_ref = customer.ref_no": the join written out, either side first
                matches.add(written);
            } else {
                p.reset(keyAt);
                // "from ref_category using cat_cd": the lookup table's column of the same name matches the row's;
                // "on PLAN_CODE (trim + upper case first)", "on trimmed upper-cased PLAN_CODE": cleaned as said
                Expr keyed = LookupKeys.value(p);
                List<Expr.Col> read = keyed == null ? List.of() : Expr.columns(keyed).stream().distinct().toList();
                java.util.Set<String> lookedIn = p.ctx().columnsOf(table.text());
                String looked = valueColumn;
                List<String> made = read.size() == 1 && !lookedIn.contains(read.get(0).column().toLowerCase(java.util.Locale.ROOT))
                        ? p.ctx().upstreamColumnsFrom(table.text(), read.get(0).column()).stream()
                        .filter(c -> !c.equalsIgnoreCase(looked)).toList() : List.of();
                String fromIt = made.size() == 1 ? made.get(0) : null;
                if (fromIt != null && p.ctx().known(read.get(0))) {
                    // "Look up DIM_MEMBER.MEMBER_KEY on the trimmed MEMBER_NO": the dimension's column made from MEMBER_NO
                    matches.add(new Expr.Match(fromIt, List.of(keyed)));
                } else if (read.size() == 1 && p.ctx().known(read.get(0)) && !lookedIn.isEmpty()
                        && !lookedIn.contains(read.get(0).column().toLowerCase(java.util.Locale.ROOT))) {
                    // "Look up DIM_MEMBER.MEMBER_KEY on the trimmed MEMBER_NO" where DIM_MEMBER calls it otherwise
                    return new Recognition.Flagged("the lookup in " + table.text() + " matches on " + read.get(0).column() + ", which "
                            + table.text() + " has no column of: write '<column> from " + table.text() + " where <its column> = "
                            + read.get(0).column() + "'");
                } else if (read.size() == 1 && p.ctx().known(read.get(0))) {
                    // "on PET_ID, ignoring case and leading/trailing spaces": both sides compared cleaned
                    boolean folded = LookupPhrasings.foldedBothSides(p);
                    matches.add(folded ? new Expr.Match(read.get(0).column(), List.of(new Expr.Fn("UPPER", List.of(new Expr.Fn("TRIM",
                            List.of(keyed))))), List.of("TRIM", "UPPER")) : new Expr.Match(read.get(0).column(), List.of(keyed)));
                } else {
                    p.reset(using);
                }
            }
        }
        if (p.accept(Role.WHERE) || p.accept(Role.LOOKUP)) {
            int next = p.mark();
            do {
                Expr.Match match = match(p, table.text());
                if (match == null && !matches.isEmpty() && p.tokens().get(next).op(",")) {
                    // ", default 'n/a'": what follows the comma is no further match
                    p.reset(next);
                    break;
                }
                if (match == null) {
                    return p.notUnderstood();
                }
                matches.add(match);
                next = p.mark();
            } while (p.accept(Role.AND) || p.acceptOp(",") || startsMatch(p));
        }
        Expr otherwise = null;
        if (!p.atEnd()) {
            p.acceptSeparator();
            otherwise = fallback(p);
            while (p.acceptSeparator()) {
                // a full stop after the default
            }
            if (otherwise == null || !p.atEnd()) {
                return p.notUnderstood();
            }
        }
        Expr.Col viaJoin = matches.isEmpty() ? null : throughJoinCell(p, table.text(), valueColumn);
        if (viaJoin != null) {
            // "Look up plan description in PLANS on plan_cd" with the join cell "subscriptions.plan_cd = plans.plan_cd":
            // the planner joins the table the cell names (a subquery beside that join would read another copy of it)
            Expr value = otherwise == null || otherwise instanceof Expr.TypedNull ? viaJoin
                    : new Expr.Fn("COALESCE", List.of(p.typed(viaJoin), otherwise));
            return new Recognition.Recognized(value, null, List.of(), "read from " + table.text() + " through the row's join",
                    otherwise != null);
        }
        if (matches.isEmpty()) {
            Expr.Col joined = throughJoinCell(p, table.text(), valueColumn);
            if (joined != null) {
                // "Category name from the categories table" with the join cell "products.cat_id = categories.cat_id":
                // the join says which row; the planner joins it, keeping unmatched rows when the rule says what they get
                Expr value = otherwise == null || otherwise instanceof Expr.TypedNull ? joined
                        : new Expr.Fn("COALESCE", List.of(p.typed(joined), otherwise));
                return new Recognition.Recognized(value, null, List.of(), "read from " + table.text()
                        + " through the row's join", otherwise != null);
            }
            return new Recognition.Flagged("the lookup in " + table.text() + " does not say which row to read (add 'where <column> equals <source column>')");
        }
        Expr lookup = new Expr.Lookup(table.text(), valueColumn, matches);
        return new Recognition.Recognized(otherwise == null ? lookup : new Expr.Fn("COALESCE", List.of(p.typed(lookup), otherwise)),
                table.text(), List.of(), "lookup in " + table.text() + (otherwise == null ? "" : " with a default"));
    }

    /** "on TARIFF_CODES": "on" before a table the schema knows, where a lookup names the table it reads. */
    /**
     * "Look up the guest in DIM_GUEST. If not found, -1" with the join cell "RESERVATION.GUEST_ID = DIM_GUEST.GUEST_ID":
     * when the row's source column is its own table's (the key the join matches on), the value is the joined table's
     * column of the target column's name (DIM_GUEST.GUEST_SK); flagged when no joined table has one; null when the
     * row's source column is itself read from the joined table.
     */
    private static Recognition fromJoinedTable(Parser p, Expr.Col own) {
        String base = p.ctx().row().sourceTable();
        if (base == null || base.isBlank() || !own.relation().equalsIgnoreCase(base.strip())) {
            return null;
        }
        String target = p.ctx().row().targetColumn().strip().toLowerCase(java.util.Locale.ROOT);
        List<Expr> found = new ArrayList<>();
        List<String> joined = new ArrayList<>();
        for (String t : RowTables.of(p.ctx().row())) {
            if (t.equalsIgnoreCase(base.strip()) || joined.contains(t.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            joined.add(t.toLowerCase(java.util.Locale.ROOT));
            if (p.ctx().columnsOf(t).contains(target) && p.ctx().resolve(t, target) instanceof Expr.Col c) {
                found.add(c);
            }
        }
        if (joined.isEmpty()) {
            return null;
        }
        if (found.size() == 1) {
            return new Recognition.Recognized(found.get(0), null, List.of(), "the joined table's " + target, true);
        }
        String join = p.ctx().row().join();
        if (join == null || !java.util.regex.Pattern.compile("(?i)(?<![A-Za-z0-9_])" + java.util.regex.Pattern.quote(own.column())
                + "(?![A-Za-z0-9_])").matcher(join).find()) {
            // "Look up the customer's name" over customers.name, joined on orders.customer_id = customers.id: the
            // row's column is the value the join reaches
            return null;
        }
        // the row's column is the key the join matches on, never the value looked up
        return new Recognition.Flagged("the lookup through the join cell does not say which column of " + String.join(" or ", joined)
                + " to read (write '<column> from <table>')");
    }

    private static boolean onATable(Parser p) {
        int m = p.mark();
        Token on = p.peekToken();
        if (on == null || !on.is(Token.Kind.WORD, "on")) {
            return false;
        }
        p.next();
        Token table = p.peekToken();
        if (table != null && table.nameLike() && !p.ctx().columnsOf(table.text()).isEmpty()) {
            return true;
        }
        p.reset(m);
        return false;
    }

    /**
     * "... on TARIFF_CODES by tariff code": the target column the words name, as its rule computes it, matched with the
     * table's column of the name that target column reads; null (cursor unchanged) when the words name no such column.
     */
    private static Expr.Match keyInWords(Parser p, String table) {
        int m = p.mark();
        if (!(p.acceptWord("by") || p.acceptWord("using") || p.acceptWord("matching") && p.acceptWord("on"))) {
            p.reset(m);
            return null;
        }
        java.util.Set<String> columns = p.ctx().columnsOf(table);
        List<String> words = new ArrayList<>();
        for (Token t = p.peekToken(); t != null && t.kind() == Token.Kind.WORD && words.size() < 4; t = p.peekToken()) {
            words.add(t.norm());
            p.next();
            String spelled = String.join(" ", words);
            String targetColumn = p.ctx().namesTargetColumn(String.join("_", words)) ? String.join("_", words) : null;
            if (targetColumn == null || targetColumn.equalsIgnoreCase(p.ctx().row().targetColumn())) {
                continue;
            }
            Expr value = p.ctx().resolve(p.ctx().row().targetTable(), targetColumn);
            List<Expr.Col> read = value == null ? List.of() : Expr.columns(value).stream().distinct().toList();
            String inTable = read.size() == 1 && columns.contains(read.get(0).column().toLowerCase(java.util.Locale.ROOT))
                    ? read.get(0).column() : null;
            if (inTable != null && p.peekToken() != null && (p.peekToken().kind() == Token.Kind.SEP || p.peekToken().op(",")
                    || p.peek(Role.IF) || p.peek(Role.ELSE))) {
                // (the table's column is compared as it is; the row's code as its own rule cleans it)
                return new Expr.Match(inTable, List.of(value));
            }
        }
        p.reset(m);
        return null;
    }

    /**
     * The value when no row matches: "else 0", "0 if the standard concept_id is not found", "if no match, then -1",
     * "default 0". The words between IF and the not-found phrase name what was looked up (a few at most).
     */
    /** The rule names one of the document's reference tables (a lookup tab) by its name. */
    private static boolean namesAReferenceTab(Parser p) {
        String rule = p.ctx().row().transformation();
        if (rule == null) {
            return false;
        }
        String words = rule.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ");
        return p.ctx().references().tables().stream().map(t -> t.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip())
                .anyMatch(n -> !n.isEmpty() && (" " + words + " ").contains(" " + n + " "));
    }

    static Expr fallback(Parser p) {
        int m = p.mark();
        if (p.accept(Role.ELSE) || p.accept(Role.DEFAULT)) {
            Expr v = p.literal();
            if (v != null) {
                // "default 'UNKNOWN' when no match": the not-found phrase said again after the value
                int again = p.mark();
                if (!(p.accept(Role.IF) || p.accept(Role.WHERE)) || !notFound(p)) {
                    p.reset(again);
                }
                return v;
            }
            p.reset(m);
        }
        if (p.accept(Role.IF) && notFound(p)) {
            p.acceptOp(",");
            p.accept(Role.THEN);
            if (!p.accept(Role.SET)) {
                p.accept(Role.USE);
            }
            Expr v = p.literal();
            if (v != null) {
                return v;
            }
        }
        p.reset(m);
        if (notFound(p)) {
            // "No match -> -1", "No match or blank plan code -> -1", "unmatched: -1"; "Codes not in the table, or blank, ->",
            // "codes that are not on the tab, and blank codes, become": a blank code is not found either
            int beforeOr = p.mark();
            p.acceptOp(",");
            if (p.accept(Role.OR) || p.accept(Role.AND) && (p.peekExact(Role.BLANK) || p.peekExact(Role.IS_EMPTY))) {
                for (int words = 0; words < 4 && p.rawPeek() != null && p.rawPeek().kind() == Token.Kind.WORD && !p.peek(Role.BECOMES)
                        && !p.peek(Role.THEN); words++) {
                    p.rawNext();
                }
                p.acceptOp(",");
            } else {
                p.reset(beforeOr);
            }
            if (p.accept(Role.BECOMES) || p.acceptOp(":") || p.accept(Role.THEN)) {
                p.accept(Role.SET);
                Expr v = p.literal();
                if (v != null) {
                    return v;
                }
            }
        }
        p.reset(m);
        Expr v = p.literal();
        if (v != null && p.accept(Role.IF) && notFound(p)) {
            return v;
        }
        p.reset(m);
        return null;
    }

    /** "in DIM_CARRIER", "in the catalog": where the row was looked for, after a not-found phrase; the cursor after it. */
    private static void inTable(Parser p) {
        int m = p.mark();
        if (!p.acceptWord("in")) {
            return;
        }
        p.acceptWord("the");
        Token where = p.rawPeek();
        if (where != null && (where.nameLike() || where.kind() == Token.Kind.WORD) && !p.peek(Role.THEN) && !p.peek(Role.BECOMES)) {
            p.rawNext();
            return;
        }
        p.reset(m);
    }

    /** Up to five words naming the looked-up thing, then a not-found phrase; the cursor after it. */
    static boolean notFound(Parser p) {
        int m = p.mark();
        if (p.acceptWord("no") && (p.acceptWord("matching") || p.acceptWord("match"))) {
            // "-1 when no matching donor", "No matching vehicle → -1": what was looked for, in up to three words
            for (int words = 0; words < 3 && p.rawPeek() != null && p.rawPeek().kind() == Token.Kind.WORD
                    && !p.peek(Role.THEN) && !p.peek(Role.BECOMES) && !p.peek(Role.OR); words++) {
                p.rawNext();
            }
            inTable(p);
            return true;
        }
        p.reset(m);
        if (p.acceptWord("no") || p.acceptWord("none")) {
            // "if no customer is found (unknown account or a test account)": a few words, found or matched, a remark
            for (int skipped = 0; skipped <= 3; skipped++) {
                p.acceptWord("is");
                if (p.acceptWord("found") || p.acceptWord("matches") || p.acceptWord("exists") || p.acceptWord("matched")) {
                    skipBracket(p);
                    p.acceptOp(",");
                    return true;
                }
                Token t = p.next();
                if (t == null || t.kind() != Token.Kind.WORD) {
                    break;
                }
            }
            p.reset(m);
        }
        for (int skipped = 0; skipped <= 5; skipped++) {
            if (p.accept(Role.NOT_FOUND)) {
                Token last = p.tokens().get(p.mark() - 1);
                if (last.is(Token.Kind.WORD, "in") || last.is(Token.Kind.WORD, "on")) {
                    p.acceptWord("the");
                    last = p.tokens().get(p.mark() - 1);
                }
                if (last.is(Token.Kind.WORD, "the") || last.is(Token.Kind.WORD, "in") || last.is(Token.Kind.WORD, "on")) {
                    // "not in the catalog", "not in the reference list": what was looked in, in words
                    for (int words = 0; words < 3 && p.rawPeek() != null && p.rawPeek().kind() == Token.Kind.WORD
                            && !p.peek(Role.THEN) && !p.peek(Role.BECOMES) && !p.peek(Role.OR); words++) {
                        p.rawNext();
                    }
                } else {
                    inTable(p);
                }
                return true;
            }
            Token t = p.next();
            if (t == null || t.kind() == Token.Kind.OP || t.kind() == Token.Kind.SEP) {
                return false;
            }
        }
        return false;
    }

    /** A bracket of plain words and commas ("(unknown account or a test account)", "(unknown ids, trials)"): passed over. */
    static void skipBracket(Parser p) {
        int m = p.mark();
        if (!p.acceptOp("(")) {
            return;
        }
        Token t;
        while ((t = p.next()) != null && !t.op(")")) {
            if (t.kind() != Token.Kind.WORD && !t.op(",")) {
                p.reset(m);
                return;
            }
        }
        if (t == null) {
            p.reset(m);
        }
    }

    private static boolean startsMatch(Parser p) {
        Token t = p.peekToken();
        return t != null && t.kind() == Token.Kind.IDENT;
    }

    /** lookup_column (EQUALS operand | IN (values)) */
    static Expr.Match match(Parser p, String table) {
        int m = p.mark();
        Token col = p.next();
        if (col != null && col.kind() == Token.Kind.NAME && table != null) {
            // "`person.person_source_value` equals ...": the lookup table's column, written with its table
            int dot = col.text().lastIndexOf('.');
            if (col.text().substring(0, dot).equalsIgnoreCase(table)) {
                col = Token.of(Token.Kind.IDENT, col.text().substring(dot + 1));
            }
        }
        if (col == null || !(col.kind() == Token.Kind.WORD || col.kind() == Token.Kind.IDENT)) {
            p.reset(m);
            return null;
        }
        if (p.accept(Role.IN)) {
            List<Expr> items = p.list();
            return items == null ? null : new Expr.Match(col.text(), items);
        }
        Token same = p.peekToken();
        if (same != null && (same.is(Token.Kind.WORD, "matches") || same.is(Token.Kind.WORD, "match"))) {
            // "where fac_id matches": the lookup table's column of that name equals the row's
            p.next();
            Expr outer = p.ctx().resolve(null, col.text());
            return outer instanceof Expr.Col oc && p.ctx().known(oc) ? new Expr.Match(col.text(), List.of(outer)) : null;
        }
        if (!p.accept(Role.EQUALS)) {
            p.reset(m);
            return null;
        }
        // "= ITEM_NO (trimmed, upper)", "= upper(trim(PLAN_CODE))": the row's key as the words clean it
        Expr value = LookupKeys.value(p);
        return value == null ? null : new Expr.Match(col.text(), List.of(value));
    }

    /**
     * The row's own source column of the named table, when the row's join cell names that table (and so says which of
     * its rows belongs to the target's row); null otherwise.
     */
    private static Expr.Col throughJoinCell(Parser p, String table, String valueColumn) {
        String join = p.ctx().row().join();
        if (join == null || !java.util.regex.Pattern.compile("(?i)(^|[^A-Za-z0-9_])" + java.util.regex.Pattern.quote(table)
                + "\\.").matcher(join).find()) {
            return null;
        }
        Expr named = p.ctx().resolve(table, valueColumn);
        if (!(named instanceof Expr.Col c) || !p.ctx().known(c)) {
            named = p.ctx().sources().size() == 1 ? p.ctx().sources().get(0) : null;
            if (!(named instanceof Expr.Col own) || !own.relation().equalsIgnoreCase(table)
                    || !ColumnWords.sameKind(valueColumn, own.column())) {
                return null;
            }
        }
        Expr.Col c = (Expr.Col) named;
        return c.relation().equalsIgnoreCase(table) ? c : null;
    }

    /**
     * table.column "=" table.column where one side is the lookup table's: that column matches the other side, a column
     * of the row; null (cursor unchanged) otherwise.
     */
    private static Expr.Match equation(Parser p, String table) {
        int m = p.mark();
        Token a = p.next();
        boolean eq = p.acceptOp("=");
        Token b = p.next();
        if (a == null || b == null || !eq || a.kind() != Token.Kind.NAME || b.kind() != Token.Kind.NAME) {
            p.reset(m);
            return null;
        }
        Token own = qualifier(a).equalsIgnoreCase(table) ? a : qualifier(b).equalsIgnoreCase(table) ? b : null;
        Token other = own == a ? b : a;
        Expr outer = own == null ? null : p.ctx().resolve(qualifier(other), other.text().substring(other.text().lastIndexOf('.') + 1));
        if (!(outer instanceof Expr.Col oc) || !p.ctx().known(oc)) {
            p.reset(m);
            return null;
        }
        return new Expr.Match(own.text().substring(own.text().lastIndexOf('.') + 1), List.of(outer));
    }

    private static String qualifier(Token name) {
        return name.text().substring(0, name.text().lastIndexOf('.'));
    }
}
