package io.aide.compiler.lang;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The words and phrases of the rule language by role, read from {@code lexicon.txt} (data, one place).
 * A phrase is tokenised like a rule, so "system-generated" and "system generated" are the same phrase.
 */
public final class Lexicon {

    /** The roles a phrase can play; one phrase may play several (the grammar asks for the role it expects). */
    public enum Role {
        FILLER, SCOPE, AS_IS, SET, NULL, EMPTY_STRING, COPY, USE, FROM, DERIVED, AT_TIME, TABLE, GENERATED, PER, UNIQUE, ORDERED_BY,
        REMOVE, COLLAPSE, PRIOR, NUMERIC_PART, ADD, PREFIX, SUFFIX, CAST, TYPE_INTEGER, TYPE_NUMBER, TYPE_TEXT, TYPE_DATE, TYPE_BOOLEAN, PERSON, BOUNDED, GREATER_OF, LESSER_OF, TYPE_TIMESTAMP, TRIM,
        UPPER, LOWER, MAP, RECORDS, LOOKUP, WHERE, EQUALS, NOT_EQUALS, STARTS, ENDS, CONTAINS, IN, NOT_IN, IS_NULL, IS_EMPTY, NOT_NULL,
        GT, GE, LT, LE, IF, THEN, ELSE, AND, OR, CHAIN, SEP, SELF, LABEL,
        // arithmetic (with PLUS, MINUS below), rounding and text operations (Operations), concatenation (Concatenations)
        MULTIPLY, DIVIDE, SUBTRACT, PERCENT_OF, INCLUSIVE, BY, TO, ROUND, ROUND_UP, ROUND_DOWN, NEAREST_INTEGER, DECIMALS, WHOLE, INTEGER_PART,
        FIRST_CHARS, LAST_CHARS, CHARS, TRUNCATE, PAD, ZERO_PAD, LEFT, RIGHT, WITH, ZEROS, SPACES, REPLACE, IN_COLUMN, SPLIT, ON,
        TAKE, PART, CONCAT, CONCAT_JOIN, SEPARATED_BY, SPACE_SEPARATED,
        // window functions in prose (Windows)
        LATEST, EARLIEST, PREVIOUS, NEXT, RANK, DENSE_RANK, RUNNING_TOTAL, WIN_PER, WIN_ORDER, ASCENDING, DESCENDING,
        // aggregates in prose (Aggregates)
        AGG_SUM, AGG_COUNT, AGG_MAX, AGG_MIN, AGG_AVG, DISTINCT_VALUES, RECORDS_WORD,
        // dates, null handling, commentary, statement structure
        DATE_PARSE, DATE_FORMAT, DATE_NOUN, DATE_YEAR, DATE_QUARTER, DATE_MONTH, DATE_WEEK, DATE_DAY, DATE_HOUR,
        DATE_MINUTE, DATE_SECOND, DATE_MILLI, EXTRACT, DATE_KEY, TODAY, NOW, DIFFERENCE, BETWEEN, UNTIL, SINCE, AGE,
        BEFORE, AFTER, PLUS, MINUS, MONTH_END, EPOCH, DEFAULT, SENTINEL, BLANK, BECOMES, NULLS_KEPT, EXAMPLE, ACTION,
        OTHER_COLUMN, RENAME, UNIT, VIA, CONSTRAINT, KEEP_UNMATCHED, NOT_FOUND, NEGATIVE, POSITIVE, ZERO_VALUE, DATE_ONLY, TITLE_CASE, UPPER_FIRST, SENTENCE_CASE, FIRST_LETTER, REST_LETTERS, OR_MORE, OR_LESS, END_LEFT_OUT, MONTH_NAME, DAY_NAME, MONTH_ABBREV, DAY_ABBREV, NOT_BLANK, PERCENT, INCLUDING, BUSINESS, LOAD_TIME, FIRST_NON_NULL,
        // one-argument functions in words (Functions): affixes, hashes, edge characters, unit conversions
        ADD_PREFIX, ADD_SUFFIX, HASH, MD5, SHA256, EDGE_TRIM, ALL, ABS, LENGTH, MASK, ALL_BUT,
        // text around a character (Delimiters), the first day of a period (Dates)
        PIECE, FIRST_OCCURRENCE, LONGER, SHORTER, NULLS_AS, WEEK_NUMBER, DAY_OF_WEEK, WEEKEND, WEEKDAY, PERIOD_START, PERIOD_END, PERIOD_START_AFTER, WEEK_MONDAY, WEEK_SUNDAY,
        // whether a text reads as a number (Conditions)
        NUMERIC, NOT_NUMERIC, IN_FUTURE, IN_PAST,
        // a bound on a number (NumberOperations); a comparison that ignores case (Commentary: never a remark)
        CAP_AT, FLOOR_AT, AT, CASE_INSENSITIVE, CASE_AND_SPACES, SPACES_IGNORED,
        // a value set by a verb before its condition (Conditionals): "null out readings below zero"
        NULL_OUT, ZERO_OUT,
        // a grouping column said where the rule goes ("Group by", "part of the grain")
        GROUP_KEY,
        // a blank said to end as NULL ("blank stays NULL")
        BLANK_TO_NULL,
        // what a blank source gives, said after it ("blank -> 0", "blank emails are loaded as NULL", "no room: leave NULL")
        BLANK_GIVES, EXPLAINS,
        // a lookup's clauses in any order (WordedLookups): its verb, the column it brings back, what it matches on
        LOOKUP_VERB, BRING_BACK, MATCH_ON, ROWS_GET
    }

    private static final Lexicon DEFAULT = load("lexicon.txt");

    private final Map<Role, List<List<String>>> phrases;
    /** The phrases of each role by their first word, longest first: a match looks at the few that can start here. */
    private final Map<Role, Map<String, List<List<String>>>> byFirstWord = new EnumMap<>(Role.class);

    /** The phrases of every role of the grammar (all but FILLER and PERSON) by their first word. */
    private final Map<String, List<List<String>>> grammarByFirstWord = new java.util.HashMap<>();

    private Lexicon(Map<Role, List<List<String>>> phrases) {
        this.phrases = phrases;
        phrases.forEach((role, list) -> {
            Map<String, List<List<String>>> index = new java.util.HashMap<>();
            for (List<String> words : list) {
                index.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(words);
                if (role != Role.FILLER && role != Role.PERSON) {
                    grammarByFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(words);
                }
            }
            byFirstWord.put(role, index);
        });
    }

    public static Lexicon standard() {
        return DEFAULT;
    }

    static Lexicon load(String resource) {
        Map<Role, List<List<String>>> phrases = new EnumMap<>(Role.class);
        PhraseTable.forEachLine(resource, (number, l) -> {
            int colon = l.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException(resource + " line " + number + ": expected ROLE: phrase | phrase");
            }
            Role role = Role.valueOf(l.substring(0, colon).strip());
            List<List<String>> list = phrases.computeIfAbsent(role, x -> new ArrayList<>());
            for (String p : expanded(l.substring(colon + 1).split("\\s\\|\\s|^\\|\\s|\\s\\|$"))) {
                String phrase = p.strip().replaceAll("\\s+", " ");
                if (phrase.isEmpty()) {
                    continue;
                }
                List<String> words = phrase.equals("newline") ? List.of("newline")
                        : Lexer.tokens(phrase).stream().map(Token::norm).toList();
                if (!words.isEmpty()) {
                    list.add(words);
                }
            }
        });
        phrases.values().forEach(l -> l.sort(Comparator.comparingInt((List<String> w) -> w.size()).reversed()));
        return new Lexicon(phrases);
    }

    /**
     * The phrases with their choices written out: "{the /}first {character/letter} upper case" is four phrases; an
     * empty choice leaves the part out.
     */
    static List<String> expanded(String[] phrases) {
        List<String> out = new ArrayList<>();
        for (String phrase : phrases) {
            List<String> done = new ArrayList<>(List.of(""));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^{}]*)}").matcher(phrase);
            int at = 0;
            while (m.find()) {
                String before = phrase.substring(at, m.start());
                List<String> next = new ArrayList<>();
                for (String head : done) {
                    for (String choice : m.group(1).split("/", -1)) {
                        next.add(head + before + choice);
                    }
                }
                done = next;
                at = m.end();
            }
            String rest = phrase.substring(at);
            done.forEach(d -> out.add(d + rest));
        }
        return out;
    }

    /** A phrase of the role starts somewhere in the tokens. */
    boolean find(Role role, List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (match(role, tokens, i) > 0) {
                return true;
            }
        }
        return false;
    }

    /** A phrase of any role but filler starts at {@code at}: the word belongs to the grammar. */
    boolean grammarWord(List<Token> tokens, int at) {
        // people are nouns a column may be named by (customer_id), not grammar
        return at < tokens.size() && longest(grammarByFirstWord.get(tokens.get(at).norm()), tokens, at) > 0;
    }

    /** Length in tokens of the longest phrase of the role that starts at {@code from}, or 0. */
    public int match(Role role, List<Token> tokens, int from) {
        if (from >= tokens.size()) {
            return 0;
        }
        Map<String, List<List<String>>> index = byFirstWord.get(role);
        return longest(index == null ? null : index.get(tokens.get(from).norm()), tokens, from);
    }

    /** Length of the first (longest) candidate phrase the tokens spell from {@code from}, or 0. */
    private static int longest(List<List<String>> candidates, List<Token> tokens, int from) {
        if (candidates == null) {
            return 0;
        }
        for (List<String> words : candidates) {
            if (from + words.size() > tokens.size()) {
                continue;
            }
            boolean all = true;
            for (int k = 0; k < words.size() && all; k++) {
                Token t = tokens.get(from + k);
                all = t.kind() != Token.Kind.STRING && t.kind() != Token.Kind.IDENT && t.kind() != Token.Kind.NAME && t.norm().equals(words.get(k));
            }
            if (all) {
                return words.size();
            }
        }
        return 0;
    }
}
