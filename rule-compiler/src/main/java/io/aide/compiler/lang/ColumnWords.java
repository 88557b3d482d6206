package io.aide.compiler.lang;

import java.util.List;

/**
 * How the words of a rule spell a column's name: each part the word itself, its listed or contracted short form
 * (abbreviations.txt; rcvd for received) or the initials of several words (mrr for monthly recurring revenue); a
 * kind noun the name leaves out ("allowed amount" for allowed) or a last part naming the kind or unit the words leave
 * out ("bonus" for bonus_amt, "store size" for store_size_sqft); a table's prefix before the name.
 */
final class ColumnWords {

    private ColumnWords() {
    }

    /**
     * The parts of a column name, lower case, split at underscores (cust_first_nm: cust, first, nm), kept for the names
     * met again. The array is shared: read it, never change it.
     */
    static String[] parts(String column) {
        return PARTS.get(column);
    }

    private static final Memo<String, String[]> PARTS = new Memo<>(20_000,
            column -> column.toLowerCase(java.util.Locale.ROOT).split("_"));

    /** Words for what column names call otherwise, from synonyms.txt: "surname" -> "last name". */
    private static final java.util.Map<String, String> SYNONYMS = synonyms();

    /** The first words of {@link #SYNONYMS}' keys: words no key starts with need no lookup. */
    private static final java.util.Set<String> SYNONYM_FIRST_WORDS = SYNONYMS.keySet().stream()
            .map(k -> k.split(" ", 2)[0]).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static java.util.Map<String, String> synonyms() {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        PhraseTable.forEachLine("synonyms.txt", (n, line) -> {
            int colon = line.indexOf(':');
            String words = line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
            out.put(words, line.substring(colon + 1).strip());
            // "e-mail" is read as the words "e" and "mail"
            out.putIfAbsent(words.replace('-', ' '), line.substring(colon + 1).strip());
        });
        return java.util.Map.copyOf(out);
    }

    /** Kinds a column's last part names and words often leave out (amt, cd, flg, ind, dt, qty, pct, txt). */
    private static final java.util.Set<String> KIND_WORDS = java.util.Set.of("amount", "value", "date", "code", "name",
            "number", "flag", "text", "id", "indicator", "count", "percent", "quantity", "timestamp", "key", "total", "address");

    /**
     * The kinds a single word leaves out: a measure's ("bonus" for bonus_amt) or an identifier's ("carrier" for
     * carrier_id, "account" for acct_no); never a date's, code's or name's, whose first part is often a label too.
     */
    private static final java.util.Set<String> MEASURE_KINDS = java.util.Set.of("amount", "value", "count", "percent",
            "quantity", "total", "id", "number", "key", "address");

    /** A column name's last part that names what kind of value it holds or its unit ("amt", "cd", "sqft", "usd"). */
    private static boolean kindPart(String part, boolean oneWord) {
        for (String w : oneWord ? MEASURE_KINDS : KIND_WORDS) {
            if (PhraseTable.abbreviates(part, w)) {
                return true;
            }
        }
        return unitOfPart(part) != null;
    }

    /** The word spells every part of the name but its last, which names a kind (currency for currency_cd). */
    static boolean namesLeavingKind(String column, Token word) {
        String[] parts = parts(column);
        return parts.length >= 2 && kindPart(parts[parts.length - 1], false)
                && spells(parts, 0, parts.length - 1, List.of(word), 0);
    }

    /** Short forms of units that only a column name uses: a sentence's "in" is never inches (height_in is). */
    private static final java.util.Map<String, String> NAME_UNITS = java.util.Map.of("in", "inches");

    /** The unit a part of a column's name spells ("lb", "secs", "cents", "in" of height_in), or null. */
    static PhraseTable.Match unitOfPart(String part) {
        if (part.length() < 2) {
            return null;
        }
        List<Token> unit = Lexer.tokens(NAME_UNITS.getOrDefault(part.toLowerCase(java.util.Locale.ROOT), part));
        PhraseTable.Match m = PhraseTable.UNITS.at(unit, 0);
        return m != null && m.length() == unit.size() ? m : null;
    }

    /** Nouns a column name often leaves out: "allowed amount" for allowed, "billed amount" for billed. */
    static final java.util.Set<String> KIND_NOUNS = java.util.Set.of("amount", "value", "date", "code", "name",
            "number", "flag", "text", "field", "column", "id", "address", "abbreviation", "identifier", "indicator");

    /**
     * Words before a name that change the value it stands for ("net amount", "previous balance", "half the fee"):
     * never read as a mere description of the column ("Annual salary", "Source order_no", see ColumnReferences).
     */
    static final java.util.Set<String> MEANING_WORDS = java.util.Set.of("net", "gross", "half", "double", "twice",
            "triple", "negative", "positive", "absolute", "cumulative", "running", "average", "avg", "mean", "median",
            "total", "sum", "max", "maximum", "min", "minimum", "previous", "prior", "next", "last", "first", "latest",
            "earliest", "oldest", "newest", "distinct", "unique", "count", "number", "rounded", "adjusted", "converted",
            "normalized", "normalised", "cleansed", "standardised", "standardized", "inverse", "reverse", "reversed", "remaining", "other", "second", "third",
            "lower", "upper", "trimmed", "padded", "masked", "hashed", "encrypted", "null", "empty", "blank", "missing",
            "invalid", "valid", "default", "not", "no", "non", "each", "every", "all", "any", "only", "except",
            "excluding", "including", "without", "plus", "minus", "times", "percent", "percentage", "share", "ratio",
            "rate", "new", "old", "original", "raw", "clean", "cleaned", "formatted", "parsed", "derived", "calculated",
            "computed", "estimated", "projected", "expected", "cents", "dollars", "year", "month", "day", "hour",
            "week", "quarter", "date", "time", "length", "size", "part", "portion", "digits", "characters", "letters");

    /** The quantities each kind of unit measures ("length" in seconds, "weight" in pounds). */
    private static final java.util.Map<String, java.util.Set<String>> QUANTITIES = java.util.Map.of(
            "duration", java.util.Set.of("length", "duration", "time", "period"),
            "mass", java.util.Set.of("weight", "mass"),
            "length", java.util.Set.of("length", "distance", "height", "width", "depth"),
            "volume", java.util.Set.of("volume", "capacity"),
            "area", java.util.Set.of("area", "size"));

    /** The word names the quantity that the unit the column's name ends with measures (session_secs: "length"). */
    static boolean measuredBy(String column, Token word) {
        PhraseTable.Match unit = Functions.unitOfName(column);
        return unit != null && unit.entries().stream().anyMatch(e -> QUANTITIES.getOrDefault(e.key().split("\\s+")[0],
                java.util.Set.of()).contains(word.norm()));
    }

    /** The column's last part and the words name the same unit ("lb" and "pounds", "secs" and "seconds"). */
    static boolean sameUnit(String part, List<Token> words) {
        PhraseTable.Match a = unitOfPart(part);
        PhraseTable.Match b = PhraseTable.UNITS.at(words, 0);
        if (a == null || b == null || b.length() != words.size()) {
            return false;
        }
        return a.entries().stream().anyMatch(x -> b.entries().stream().anyMatch(y -> y.key().equals(x.key())));
    }

    /**
     * The words name the column's parts in order: all of them, or its last parts (emp_last_name for "last name"), or
     * all of them and one kind noun the name leaves out, or all but a last part naming its kind or unit (bonus_amt for
     * "bonus"); a part may be the initials of several words (mrr_cents for "monthly recurring revenue", dc_cd for "data
     * center code"). A single word must differ from the name itself.
     */
    static boolean namedBy(String[] parts, List<Token> run, Token first) {
        String meant = SYNONYM_FIRST_WORDS.contains(run.get(0).norm())
                ? SYNONYMS.get(String.join(" ", run.stream().map(Token::norm).toList())) : null;
        if (meant != null && namedBy(parts, Lexer.tokens(meant), first)) {
            // "surname" for last_nm, "forename" for first_nm (synonyms.txt)
            return true;
        }
        int n = run.size();
        if (n == 1 && parts.length >= 2 && sameUnit(parts[parts.length - 1], run)) {
            // "seconds" for call_secs, "MB" for data_mb: the unit of one column of the row
            return true;
        }
        if (parts.length == 1 && n >= 2 && sameUnit(parts[0], run)) {
            // "square feet" for sqft: a name that is a unit, written out
            return true;
        }
        if (n >= 3 && parts.length >= 2 && run.get(n - 2).norm().equals("in")
                && sameUnit(parts[parts.length - 1], run.subList(n - 1, n))
                && spells(parts, 0, parts.length - 1, run.subList(0, n - 2), 0)) {
            // "weight in pounds" for weight_lb, "duration in seconds" for duration_secs: the unit said after "in"
            return true;
        }
        if (n == 1 && parts.length == 1 && parts[0].equals(first.norm())) {
            return false;
        }
        if (n == 3 && parts.length == 2 && run.get(1).is(Token.Kind.WORD, "of")
                && spells(parts, 0, 2, List.of(run.get(2), run.get(0)), 0)) {
            // "time of sale" for sale_ts, "date of birth" for birth_dt: the name's words the other way round
            return true;
        }
        if (n == 2 && parts.length == 2 && !SENTENCE_WORDS.contains(run.get(0).norm())
                && spells(new String[]{parts[1], parts[0]}, 0, 2, run, 0) && !spells(parts, 0, 2, run, 0)) {
            // "upload bytes" for bytes_up, "good quantity" for qty_good: a name whose qualifier comes last
            return true;
        }
        for (int words = n; words >= Math.max(1, n - 1); words--) {
            if (words < n && (!KIND_NOUNS.contains(run.get(n - 1).norm())
                    || !nounFits(String.join("_", parts), run.get(n - 1)))) {
                // "customer name" leaves out no part of cust_id: a name is not an id
                break;
            }
            List<Token> said = run.subList(0, words);
            if (spells(parts, 0, parts.length, said, 0)
                    // one leading part more (a table's prefix: emp_last_name, claimant_first for "first name") only for
                    // two words or more, a kind noun the name leaves out included
                    || n >= 2 && parts.length >= 2 && spells(parts, 1, parts.length, said, 0)
                    // "bonus" for bonus_amt, "store size" for store_size_sqft: the kind or unit the words leave out; one
                    // word leaves out only a measure's or an identifier's kind ("Closed otherwise" is no closed_dt)
                    || parts.length >= 2 && kindPart(parts[parts.length - 1], words == 1)
                    && spells(parts, 0, parts.length - 1, said, 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tokens name every part of the column, short forms allowed, a kind noun after them allowed ("email address"),
     * no part left out: after a describing word ("personal email") only a column's whole name counts, never the last
     * part of a longer one (work_email).
     */
    static boolean namesWhole(String column, List<Token> tokens) {
        String[] parts = parts(column);
        if (tokens.size() == 1 && tokens.get(0).kind() != Token.Kind.WORD) {
            // `order_no`, [order_no], t.order_no: the name itself
            return true;
        }
        List<Token> words = tokens;
        String meant = !words.isEmpty() && SYNONYM_FIRST_WORDS.contains(words.get(0).norm())
                ? SYNONYMS.get(String.join(" ", words.stream().map(Token::norm).toList())) : null;
        if (meant != null && !meant.equalsIgnoreCase(String.join(" ", words.stream().map(Token::norm).toList()))
                && namesWhole(column, Lexer.tokens(meant))) {
            // "e-mail" for EMAIL, "surname" for LAST_NM (synonyms.txt)
            return true;
        }
        if (words.size() > 1 && KIND_NOUNS.contains(words.get(words.size() - 1).norm())) {
            List<Token> shorter = words.subList(0, words.size() - 1);
            if (spells(parts, 0, parts.length, shorter, 0)) {
                return true;
            }
        }
        return String.join("_", words.stream().map(Token::norm).toList()).equals(String.join("_", parts))
                || spells(parts, 0, parts.length, words, 0)
                // "Annual cost" for cost_cents, "Annual premium" for premium_amt: the last part a unit or a measure's kind
                // the words leave out (never a first part: "personal email" is no work_email)
                || parts.length >= 2 && kindPart(parts[parts.length - 1], true) && spells(parts, 0, parts.length - 1, words, 0);
    }

    /** Endings that make a word of a verb: its participles and the nouns of its action. */
    private static final List<String> DERIVATIONS = List.of("d", "ed", "ing", "ation", "ment");

    /**
     * {@code done} is made of {@code verb} by an ending ("closed" of "close", "reading" of "read", "installation" of
     * "install", "payment" of "pay", "shipping" of "ship"), the verb 3 letters or more.
     */
    private static boolean participle(String done, String verb) {
        int v = verb.length();
        if (v < 3 || done.length() <= v || done.charAt(0) != verb.charAt(0)) {
            return false;
        }
        for (String ending : DERIVATIONS) {
            int e = ending.length();
            if (!done.endsWith(ending)) {
                continue;
            }
            int stem = done.length() - e;
            // verb + ending, verb + its last letter again + ending, or a verb's final e dropped before the ending
            if (stem == v && done.startsWith(verb)
                    || stem == v + 1 && done.startsWith(verb) && done.charAt(v) == verb.charAt(v - 1)
                    || stem == v - 1 && verb.charAt(v - 1) == 'e' && done.regionMatches(0, verb, 0, v - 1)) {
                return true;
            }
        }
        return false;
    }

    /** Words that join a sentence, never parts of a name spelled by initials. */
    private static final java.util.Set<String> SENTENCE_WORDS = java.util.Set.of("and", "the", "for", "from", "with", "per",
            "not", "all", "any", "into", "than", "then", "when", "where", "else", "each", "its", "their", "this", "that");

    /** The words from {@code w} on spell the parts {@code from}..{@code to}: each part one word, or the initials of 2-4. */
    private static boolean spells(String[] parts, int from, int to, List<Token> words, int w) {
        if (from == to || w == words.size()) {
            return from == to && w == words.size();
        }
        String part = parts[from];
        boolean oneWord = PhraseTable.abbreviates(part, words.get(w).text());
        if ((oneWord
                // "claim count" for claims_cnt: a plural part said in the singular
                || part.length() > 4 && part.endsWith("s") && !part.endsWith("ss")
                && part.substring(0, part.length() - 1).equals(words.get(w).norm())
                // "close date" for closed_dt, "reading timestamp" for read_ts, "installation date" for install_dt
                || participle(part, words.get(w).norm()) || participle(words.get(w).norm(), part))
                && spells(parts, from + 1, to, words, w + 1)) {
            return true;
        }
        int k = part.length();
        if (k < 2 || k > 4 || w + k > words.size() || oneWord) {
            // a part one word spells is not also initials ("report date truncated" is no report_dt)
            return false;
        }
        for (int i = 0; i < k; i++) {
            // words of the sentence around a name ("received date to ...") never give their initials, except "of"
            // inside an acronym of three letters or more ("length of stay" for los)
            String word = words.get(w + i).norm();
            boolean inner = word.equals("of") && i > 0 && i < k - 1;
            if (!inner && (word.length() < 3 || !word.chars().allMatch(Character::isLetter) || SENTENCE_WORDS.contains(word))
                    || word.charAt(0) != part.charAt(i)) {
                return false;
            }
        }
        return spells(parts, from + 1, to, words, w + k);
    }

    /**
     * One word names a date column leaving its kind out ("arrival" for arr_dt, "signup" for signup_ts). Read only where
     * the grammar expects a date (between two dates of a difference): elsewhere such a word is as often a label.
     */
    static boolean namesDate(String[] parts, Token word) {
        if (parts.length < 2 || word.kind() != Token.Kind.WORD) {
            return false;
        }
        String last = parts[parts.length - 1];
        // "end" for call_end, "start" for shift_start: the moment a name ends with is the date's own word
        int from = 0;
        while (from < parts.length - 2 && ORDINALS.contains(parts[from])) {
            // "transaction" for last_txn_dt: the date of the last one is the date of the thing
            from++;
        }
        return datedPart(last, true) && (spells(parts, 0, parts.length - 1, List.of(word), 0)
                || from > 0 && spells(parts, from, parts.length - 1, List.of(word), 0))
                || (last.equals("start") || last.equals("end")) && word.norm().equals(last);
    }

    /** Words before a name's noun that pick one of several events (last_txn_dt, first_visit_dt, latest_order_ts). */
    private static final java.util.Set<String> ORDINALS = java.util.Set.of("last", "latest", "first", "recent", "prev",
            "previous", "next", "most");

    /** The kinds of value a name's last part may say, each with its short forms in abbreviations.txt. */
    private static final List<java.util.Set<String>> KINDS = List.of(java.util.Set.of("id", "number", "key", "identifier",
            "code"), java.util.Set.of("name", "description", "text", "label"),
            java.util.Set.of("amount", "value", "total", "price", "cost", "balance"), java.util.Set.of("date", "timestamp", "time"),
            java.util.Set.of("count", "quantity"), java.util.Set.of("flag", "indicator"), java.util.Set.of("percent", "rate"));

    /** The kind a name's last part says (an index into KINDS), or -1. */
    private static int kindOf(String column) {
        String[] parts = parts(column);
        if (parts.length < 2) {
            return -1;
        }
        String last = parts[parts.length - 1];
        for (int i = 0; i < KINDS.size(); i++) {
            if (KINDS.get(i).stream().anyMatch(k -> PhraseTable.abbreviates(last, k))) {
                return i;
            }
        }
        return last.equals("ts") || last.equals("dttm") ? 4 : -1;
    }

    /** A kind noun said after a column's words fits the kind its name says ("customer name" is no cust_id). */
    static boolean nounFits(String column, Token noun) {
        int kc = kindOf(column);
        if (kc < 0) {
            return true;
        }
        for (int i = 0; i < KINDS.size(); i++) {
            if (KINDS.get(i).contains(noun.norm())) {
                return i == kc;
            }
        }
        return true;
    }

    /** Two names do not say different kinds of value (customer_name and cust_id do; phone_number and msisdn do not). */
    static boolean sameKind(String a, String b) {
        int ka = kindOf(a);
        int kb = kindOf(b);
        return ka < 0 || kb < 0 || ka == kb;
    }

    /** The name's last part says the column holds a flag (refund_ind, active_flg, smoker_yn). */
    static boolean flagNamed(String column) {
        String[] parts = parts(column);
        String last = parts[parts.length - 1];
        return parts.length >= 2 && (java.util.stream.Stream.of("flag", "indicator")
                .anyMatch(k -> PhraseTable.abbreviates(last, k)) || last.equals("yn"));
    }

    /** The name's last part says the column holds a number: a count, an amount, a total, a price, a rate (paid_amt). */
    static boolean holdsAMeasure(String column) {
        String[] parts = parts(column);
        String last = parts[parts.length - 1];
        return holdsACount(column) || parts.length >= 2 && java.util.stream.Stream.of("amount", "total", "value", "number",
                "percent", "price", "cost", "fee", "rate", "balance").anyMatch(k -> PhraseTable.abbreviates(last, k));
    }

    /** The name's last part says the column holds a date or a timestamp (sale_dt, created_ts, order_date). */
    static boolean holdsADate(String column) {
        String[] parts = parts(column);
        return parts.length >= 2 && datedPart(parts[parts.length - 1], false);
    }

    /** The name's last part says the column holds a year as a number (vehicle_year, birth_yr, model_yyyy). */
    static boolean holdsAYear(String column) {
        String[] parts = parts(column);
        String last = parts[parts.length - 1];
        return parts.length >= 2 && (last.equals("year") || last.equals("yr") || last.equals("yyyy"));
    }

    /** A name's last part that says date or timestamp (dt, date, ts, dttm; also time where {@code time} is asked). */
    private static boolean datedPart(String last, boolean time) {
        return java.util.stream.Stream.of("date", "timestamp", "datetime", time ? "time" : "datetime")
                .anyMatch(k -> PhraseTable.abbreviates(last, k)) || last.equals("ts") || last.equals("dttm")
                // the moment of an event: call_start, shift_end, created_at
                || last.equals("start") || last.equals("end") || last.equals("at");
    }

    /** The name's last part says the column holds a count or a quantity (seat_cnt, line_qty, visit_count). */
    static boolean holdsACount(String column) {
        String[] parts = parts(column);
        if (parts.length < 2) {
            return false;
        }
        String last = parts[parts.length - 1];
        return PhraseTable.abbreviates(last, "count") || PhraseTable.abbreviates(last, "quantity");
    }

    /** Plural words that name text or codes, never a number of things (notes, remarks, tags, terms). */
    private static final java.util.Set<String> TEXT_PLURALS = java.util.Set.of("notes", "comments", "remarks", "details",
            "tags", "terms", "keywords", "words", "names", "codes", "ids", "keys", "labels", "values", "flags", "units",
            "types", "dates", "times", "hours", "days", "minutes", "seconds", "months", "years", "weeks", "instructions");

    /**
     * The name's last part is a plural noun of countable things (beds, seats, num_rooms, guest_nights): the column holds
     * how many there are, so "number of bedrooms" over it is the column, never a COUNT of its rows. Not words ending as
     * singulars do (status, address, class, bonus, analysis) nor plurals of text or of units.
     */
    static boolean namesCountedThings(String column) {
        String[] parts = parts(column);
        String last = parts[parts.length - 1];
        return last.length() >= 4 && last.endsWith("s") && !last.endsWith("ss") && !last.endsWith("us")
                && !last.endsWith("is") && !TEXT_PLURALS.contains(last)
                && last.chars().allMatch(Character::isLetter);
    }

    /** The name says the column holds a percentage (disc_pct, tax_percent, discount_percentage, pct_off). */
    static boolean holdsAPercentage(String column) {
        for (String part : parts(column)) {
            if (part.equals("pct") || part.equals("percent") || part.equals("percentage") || part.equals("perc")) {
                return true;
            }
        }
        return false;
    }
}
