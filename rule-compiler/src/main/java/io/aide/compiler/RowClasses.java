package io.aide.compiler;

import io.aide.compiler.lang.RowTables;
import io.aide.events.spec.DocumentNote;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kinds of rows a document defines once and then names: "a property is a test property if its PROP_CD starts with TST
 * or its PROP_NAME contains the text TEST", "Test accounts: member numbers starting with '99', and members whose
 * LAST_NM is 'TEST' in FFP_MEMBER", "any MRN beginning with TST is a lab QC / test patient". A sentence that leaves
 * such rows out ("Test properties are not loaded, and LEASE records belonging to a test property are ignored in every
 * target", "no leases on test properties", "They are excluded from all four targets") is read as the definition's
 * conditions, which {@link LinkedConditions} tests in the table a target reads or, through a column both share, in the
 * table that holds them.
 * <pre>
 * definition := (a|an|any|the) noun IS [a|an] kind (IF|WHEN|WHERE) conditions      "a property is a test property if ..."
 *             | [any|every] conditions IS [a|an] kind {"/" kind}                 "any MRN beginning with TST is a test patient"
 *             | kind ":" conditions                                               "Test accounts: member numbers starting with '99'"
 * conditions := condition {("," [and|or] | or | and | ";") condition}
 * use        := words that name the kind (or "they", after its definition), that leave rows out, and otherwise only
 *               name tables, targets and rows ("records", "lines", "orders of")
 * </pre>
 */
final class RowClasses {
    /** A kind of rows: its names (singular, lower case) and the conditions that define it, as written. */
    record RowClass(List<String> names, List<String> conditions) {
    }

    private static final String KIND = "((?:[A-Za-z][\\w-]*(?:\\s+[A-Za-z][\\w-]*){0,2}\\s*/\\s*)?[A-Za-z][\\w-]*(?:\\s+[A-Za-z][\\w-]*){0,3}?)";
    private static final Pattern IS_A_IF = Pattern.compile("(?i)^(?:an?|any|the)\\s+[A-Za-z][\\w-]*(?:\\s+[A-Za-z][\\w-]*)?\\s+"
            + "(?:is|are)\\s+(?:considered\\s+|treated\\s+as\\s+|deemed\\s+)?(?:an?\\s+)?" + KIND
            + "\\s+(?:if|when|where|whenever)\\s+(.+?)\\s*[.;]?$");
    private static final Pattern COND_IS_A = Pattern.compile("(?i)^(?:any|every|each|all)?\\s*(.+?)\\s+(?:is|are)\\s+"
            + "(?:considered\\s+|treated\\s+as\\s+|deemed\\s+)?(?:an?\\s+)?" + KIND + "\\s*[.;]?$");
    /** "Test and training stores use store numbers 900-999": a kind, then the values its rows carry. */
    private static final Pattern KIND_USES = Pattern.compile("(?i)^(?:the\\s+)?" + KIND + "\\s+(?:use|have|carry|hold|are\\s+given|are\\s+numbered"
            + "|are\\s+identified\\s+by|are\\s+the\\s+ones\\s+with)\\s+(.+?)\\s*[.;]?$");
    /** "A test account is a user whose (latest) row has is_test_account = 'Y' OR whose email ends with ..." */
    private static final Pattern KIND_IS_WHOSE = Pattern.compile("(?i)^(?:an?|the)\\s+" + KIND + "\\s+(?:is|are|means)\\s+"
            + "(?:an?|any|every|one)\\s+[a-z][\\w-]*\\s+((?:whose|with|where|that|which)\\s.+?)\\s*[.;]?$");
    /** "Test customers (IS_TEST = 'Y', any case) ...", "Exclude test customers (IS_TEST = Y)": a kind, its condition in brackets. */
    private static final Pattern BRACKETED = Pattern.compile("((?:[A-Za-z][\\w-]*\\s+){0,3}[A-Za-z][\\w-]*)\\s*\\(([^()]*(?:=|<>|!=|\\b(?i:starts?|starting|"
            + "begins?|beginning|contains?|containing|ends?|ending)\\b)[^()]*)\\)");
    /** The words that say how codes compare: "any case", "trimmed". */
    private static final String FOLD_WORDS = "any\\s+case|case[- ]insensitive|ignoring\\s+case|trimmed|trim";
    /** How a bracket says its codes compare: ", any case", ", trimmed". */
    private static final Pattern FOLDING = Pattern.compile("(?i)\\s*,\\s*((?:" + FOLD_WORDS + ")"
            + "(?:\\s*(?:,|/|and|&)\\s*(?:" + FOLD_WORDS + "|spaces))*)\\s*$");
    /** "IS_TEST = 'Y'": a column compared with one value. */
    private static final Pattern ONE_VALUE = Pattern.compile("^([A-Za-z_][\\w.]*)\\s*(=|<>|!=)\\s*'?([^',]+?)'?$");
    /** "Test accounts: ...", "Test / UAT data: ...": a few words (slashes between alternatives), a colon, then the text. */
    private static final Pattern LABEL = Pattern.compile("^([A-Za-z][\\w-]*(?:(?:\\s+|\\s*/\\s*)[A-Za-z][\\w-]*){1,3})\\s*:\\s*(.+?)\\s*[.;]?$");
    /** "Test / internal accounts are excluded from DIM_CUSTOMER: IS_TEST = 'Y', ...": the kind left out, a colon, its conditions. */
    private static final Pattern LEFT_OUT_THEN_DEFINED = Pattern.compile("(?i)^" + KIND + "\\s+(?:are|is)\\s+(?:not\\s+loaded|excluded"
            + "|dropped|removed|ignored|skipped|left\\s+out)(?:\\s+(?:from|in|into|to)\\s+[\\w ,&]{1,60}?)?\\s*:\\s*(.+?)\\s*[.;]?$");
    /** The words that say a kind is a kind of rows left out: its name carries one of them. */
    private static final Set<String> MARKS = Set.of("test", "dummy", "demo", "sample", "qa", "qc", "internal", "fake", "training",
            "sandbox", "placeholder", "synthetic", "staff", "employee", "duplicate", "void", "voided", "cancelled", "invalid");
    /** Words of a comparison: a condition names a value and how it is tested. */
    private static final Pattern COMPARES = Pattern.compile("(?i)\\b(?:start(?:s|ing)?|begin(?:s|ning)?|end(?:s|ing)?|contain(?:s|ing)?"
            + "|is|are|equals?|like|in|matching|matches|=|<>|!=)\\b|[=<>]"
            // "store numbers 900-999": a range of numbers, both ends included
            + "|\\b\\d+\\s*(?:-|\u2013|to|through)\\s*\\d+\\b");
    /** A label that tells what to do ("Exclude test accounts: ..."): an exclusion, read as one, not a definition. */
    private static final Pattern INSTRUCTION = Pattern.compile("(?i)^(?:exclude|drop|remove|skip|ignore|reject|discard|omit|filter"
            + "|keep|load|only|do\\s+not|don't|never|include)\\b");
    /** A definition, then what happens to the rows it defines: "Test accounts: ... - they are excluded from ...". */
    private static final Pattern JOINED = Pattern.compile("^(.+?)(?:\\s+[-\u2013]|\\s*[:;])\\s+((?i:they|these|those|excluded|ignored|dropped|removed"
            + "|skipped|not\\s+loaded)\\b.*)$");
    /** A pronoun that stands for the kind just defined. */
    private static final Pattern PRONOUN = Pattern.compile("(?i)^(?:they|these|those|such\\s+\\w+|them|their)\\b");

    /** Words a sentence that leaves a kind's rows out may use besides the kind and the names of tables and targets. */
    private static final Set<String> LEAVING = Set.of("excluded", "exclude", "excludes", "excluding", "ignored", "ignore", "removed",
            "remove", "dropped", "drop", "skipped", "skip", "rejected", "reject", "omitted", "omit", "discarded", "discard",
            "filtered", "not", "no", "never", "none");
    private static final Set<String> FILLER = Set.of("are", "is", "be", "been", "were", "was", "will", "must", "should", "shall", "get",
            "gets", "from", "to", "in", "into", "on", "of", "for", "the", "a", "an", "any", "all", "every", "each", "both", "and",
            "or", "by", "with", "belonging", "belong", "belongs", "made", "linked", "related", "attached", "raised", "placed",
            "against", "their", "its", "they", "them", "those", "these", "such", "also", "as", "well", "including", "out",
            "loaded", "load", "loads", "target", "targets", "table", "tables", "fact", "facts", "dimension", "dimensions", "dim",
            "mart", "records", "record", "rows", "row", "lines", "line", "data", "entries", "entry", "transactions", "either",
            "two", "three", "four", "five", "six", "other", "downstream", "at", "that", "which", "whatever", "anywhere",
            "everywhere", "where", "stage", "layer", "output", "outputs", "further", "later", "level", "same", "way",
            // "Test customers and everything they ordered or returned are excluded": what belongs to them
            "everything", "anything", "ordered", "returned", "bought", "purchased", "booked", "owned", "own", "have", "has", "had",
            "events", "event", "items", "item", "activity", "activities",
            // "... and neither are test accounts' jobs", "so their visits do not reach FACT_VISIT", "they do not go to ..."
            "neither", "nor", "so", "do", "does", "reach", "reaches", "go", "goes", "up", "off",
            // "Test catalogue entries are excluded before numbering": when, which the order of the steps says
            "before", "numbering", "numbered", "else", "first");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private final List<RowClass> classes;
    private final Set<String> nameParts;

    private RowClasses(List<RowClass> classes, Set<String> nameParts) {
        this.classes = classes;
        this.nameParts = nameParts;
    }

    /** The kinds the document's notes and row cells define. */
    static RowClasses of(MappingSpec spec) {
        List<String> texts = new ArrayList<>();
        for (DocumentNote n : spec.notes()) {
            texts.add(n.text().replaceAll("^\\s*\\(?[\\w.]{1,4}[).]?\\s*\\|\\s*", "").replace(" | ", ". "));
        }
        Set<String> parts = new HashSet<>();
        for (MappingRow r : spec.rows()) {
            for (String cell : new String[] {r.filter(), r.description()}) {
                if (cell != null && !cell.isBlank()) {
                    texts.add(cell);
                }
            }
            addParts(parts, r.targetTable());
            addParts(parts, r.sourceTable());
            r.sourceColumns().forEach(s -> addParts(parts, s.table()));
        }
        return of(texts, parts);
    }

    /** The kinds the texts define; parts: the words of the document's table and target names. */
    static RowClasses of(List<String> texts, Set<String> parts) {
        Map<String, RowClass> found = new LinkedHashMap<>();
        for (String text : texts) {
            if (!MARKED.matcher(text).find()) {
                continue;
            }
            for (String sentence : sentences(text)) {
                RowClass c = definition(sentence);
                c = c != null ? c : bracketed(sentence);
                if (c != null) {
                    found.putIfAbsent(c.names().get(0), c);
                    for (RowClass each : itemKinds(c)) {
                        found.putIfAbsent(each.names().get(0), each);
                    }
                    continue;
                }
                for (RowClass part : partDefinitions(sentence)) {
                    found.putIfAbsent(part.names().get(0), part);
                }
            }
        }
        return new RowClasses(List.copyOf(found.values()), parts);
    }

    /** "members with TEST_ACCT = 'Y'": the rows' noun, then the test of each of them. */
    private static final Pattern NOUN_WITH = Pattern.compile("(?i)^([a-z][a-z-]*s)\\s+(?:with|whose|where|having|that\\s+have)\\s+(.+)$");
    /** The generic nouns of a kind that gathers several things' rows: "test data", "test records". */
    private static final Set<String> GATHERING = Set.of("data", "record", "row", "entry", "item");

    /**
     * "Test data is excluded: stations whose code starts with 'TST'; members with TEST_ACCT = 'Y'": each item names its
     * own thing's rows, a kind of its own ("test member": TEST_ACCT = 'Y'), which other sentences name back ("rides of
     * test members"). None unless the kind gathers things and every condition names its thing first.
     */
    private static List<RowClass> itemKinds(RowClass gathered) {
        String[] name = gathered.names().get(0).split(" ");
        if (name.length != 2 || !MARKS.contains(name[0]) || !GATHERING.contains(name[1]) || gathered.conditions().size() < 2) {
            return List.of();
        }
        List<RowClass> out = new ArrayList<>();
        for (String condition : gathered.conditions()) {
            Matcher item = NOUN_WITH.matcher(condition.strip());
            if (item.matches()) {
                out.add(new RowClass(List.of(name[0] + " " + RowTables.singular(item.group(1).toLowerCase(Locale.ROOT))),
                        List.of(item.group(2))));
            }
        }
        return out;
    }

    /** "3. Test patients: ...", "G4 A test account is ...": the line's number, no part of what it says. */
    static final Pattern STEP_NUMBER = Pattern.compile("^\\(?(?:\\d{1,2}|[A-Z]\\d{1,2})[).]?\\s+(?=[A-Za-z])");
    static final Pattern MARKED = Pattern.compile("(?i)\\b(?:" + String.join("|", MARKS) + ")\\b");

    /** The first word of the text that marks a kind of rows ("test", "training", "void"), lower case; null when none. */
    static String mark(String text) {
        Matcher m = MARKED.matcher(text);
        return m.find() ? m.group().toLowerCase(Locale.ROOT) : null;
    }

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private static void addParts(Set<String> parts, String name) {
        if (name == null) {
            return;
        }
        for (String p : NOT_ALPHANUMERIC.split(name.toLowerCase(Locale.ROOT))) {
            if (p.length() >= 3) {
                // "licences" of LIC_LICENSE: compared in one spelling
                parts.add(RowTables.american(RowTables.singular(p)));
            }
        }
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.strip().split("(?<=[.;!?])\\s+(?=[A-Z(])")) {
            // "3. Test patients: ...": the line's number is no part of it
            String t = STEP_NUMBER.matcher(s.strip()).replaceFirst("");
            if (!t.isBlank()) {
                out.add(t);
            }
        }
        return out;
    }

    /** "Test data is not loaded: ...": the topic a sentence's definitions are said under. */
    private static final Pattern TOPIC = Pattern.compile("^[^:]{1,60}:\\s+(?=\\S)");

    /**
     * The kinds each part of a sentence defines, its parts split at semicolons and said under a topic: "Test data is not
     * loaded: wards whose WARD_CD starts with 'ZZ' are test/training wards; patients whose SURNAME contains 'TEST' ...
     * are test patients". None unless every part is a definition.
     */
    private static List<RowClass> partDefinitions(String sentence) {
        String[] parts = TOPIC.matcher(withoutRemarks(sentence).strip()).replaceFirst("").split("\\s*;\\s+");
        List<RowClass> out = new ArrayList<>();
        for (String part : parts) {
            RowClass c = definition(part.replaceAll("[.;]+$", ""));
            if (c == null) {
                return List.of();
            }
            out.add(c);
        }
        return parts.length > 1 || !parts[0].equals(withoutRemarks(sentence).strip()) ? out : List.of();
    }

    /** The kind a sentence defines, or null. */
    static RowClass definition(String sentence) {
        String s = withoutRemarks(sentence).strip();
        Matcher joined = JOINED.matcher(s);
        if (joined.matches()) {
            // "... are training/QA hotels - they are not loaded to DIM_PROPERTY": the definition before what happens to them
            s = joined.group(1);
        }
        Matcher leftOut = LEFT_OUT_THEN_DEFINED.matcher(s);
        if (leftOut.matches() && !leftOut.group(2).contains(";") && definition(leftOut.group(2)) == null) {
            // (never "Test data is not loaded: wards whose ... are test wards; ...": a topic over definitions of its own)
            // "Test / internal accounts are excluded from DIM_CUSTOMER: IS_TEST = 'Y', or ...": the kind, then its conditions
            List<String> names = names(leftOut.group(1));
            List<String> conditions = conditions(leftOut.group(2));
            if (!names.isEmpty() && !conditions.isEmpty()) {
                return new RowClass(names, conditions);
            }
        }
        Matcher label = LABEL.matcher(s);
        if (label.matches() && !INSTRUCTION.matcher(label.group(1)).find()) {
            RowClass inner = definition(label.group(2));
            if (inner != null) {
                return inner;
            }
            List<String> names = names(label.group(1));
            List<String> conditions = conditions(label.group(2));
            return names.isEmpty() || conditions.isEmpty() ? null : new RowClass(names, conditions);
        }
        Matcher ifForm = IS_A_IF.matcher(s);
        if (ifForm.matches()) {
            List<String> names = names(ifForm.group(1));
            List<String> conditions = conditions(ifForm.group(2));
            return names.isEmpty() || conditions.isEmpty() ? null : new RowClass(names, conditions);
        }
        Matcher whose = KIND_IS_WHOSE.matcher(s);
        if (whose.matches()) {
            List<String> names = names(whose.group(1));
            List<String> conditions = conditions(whose.group(2));
            if (!names.isEmpty() && !conditions.isEmpty()) {
                return new RowClass(names, conditions);
            }
        }
        Matcher uses = KIND_USES.matcher(s);
        if (uses.matches()) {
            List<String> names = names(uses.group(1));
            List<String> conditions = conditions(uses.group(2));
            if (!names.isEmpty() && !conditions.isEmpty()) {
                return new RowClass(names, conditions);
            }
        }
        Matcher isA = COND_IS_A.matcher(s);
        if (isA.matches()) {
            List<String> names = names(isA.group(2));
            List<String> conditions = conditions(isA.group(1));
            return names.isEmpty() || conditions.isEmpty() ? null : new RowClass(names, conditions);
        }
        return null;
    }

    /**
     * A bracket's condition with how it compares said after it applied to the column: "IS_TEST = 'Y', any case" ->
     * "UPPER(TRIM(IS_TEST)) = 'Y'"; the condition as written when it says nothing of that or is no single comparison.
     */
    static String folded(String condition) {
        Matcher how = FOLDING.matcher(condition);
        if (!how.find()) {
            return condition;
        }
        Matcher one = ONE_VALUE.matcher(condition.substring(0, how.start()).strip());
        if (!one.matches()) {
            // "TRACK_ID starting with 'TST', any case": how it compares, in the bracket a condition keeps it in
            return condition.substring(0, how.start()).strip() + " (" + how.group(1).strip() + ")";
        }
        String column = PickKeyWords.cleanedOne(one.group(1), how.group(1));
        boolean anyCase = column.startsWith("UPPER(");
        return column + " " + one.group(2) + " '" + (anyCase ? one.group(3).strip().toUpperCase(Locale.ROOT) : one.group(3).strip()) + "'";
    }

    /**
     * The kind a sentence names with its condition in brackets, whatever it then says of it ("Test customers (IS_TEST =
     * Y) and everything they ordered are excluded from the mart"): a definition made in passing, never a sentence that
     * only defines.
     */
    private static RowClass bracketed(String sentence) {
        Matcher bracketed = BRACKETED.matcher(withoutRemarks(sentence).strip());
        if (!bracketed.find()) {
            return null;
        }
        // "Orders placed against a test event (IS_TEST = 'Y')": the kind is the words from its mark to the bracket
        String[] words = bracketed.group(1).strip().split("\\s+");
        int from = -1;
        for (int i = 0; i < words.length; i++) {
            if (MARKS.contains(words[i].toLowerCase(Locale.ROOT))) {
                from = i;
            }
        }
        if (from < 0) {
            return null;
        }
        List<String> names = names(String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length)));
        List<String> conditions = conditions(folded(bracketed.group(2)));
        return names.isEmpty() || conditions.isEmpty() ? null : new RowClass(names, conditions);
    }

    /** Remarks in brackets that only point elsewhere ("(General Rules #3)", "(see Notes)"). */
    private static String withoutRemarks(String s) {
        return s.replaceAll("(?i)\\s*\\((?:see\\s+)?(?:general\\s+rules?|notes?|rule|g)\\s*#?\\s*\\d*\\)", "")
                // "Test attendees excluded - see General Rules #3": where the kind is defined, said after a dash
                .replaceAll("(?i)\\s*(?:[-–—,;]|\\s-)\\s*see\\s+(?:the\\s+)?(?:general\\s+rules?|notes?|rules?|cover(?:\\s+sheet)?)"
                        + "(?:\\s+(?:tab|sheet))?\\s*#?\\s*\\d*\\s*(?=[.;]?\\s*$)", "");
    }

    /**
     * The names of a kind written "test patient", "lab QC / test patient", "Test accounts": each alternative with the
     * head noun of the last, singular and lower case; none unless a name carries a word that marks rows to leave out.
     */
    static List<String> names(String written) {
        // "Test accounts are excluded: ...": the kind the label names, not what happens to it
        written = LEFT_OUT_LABEL.matcher(written.strip()).replaceFirst("");
        // "test / training stores", "test and training stores": each kind, of the one thing named last
        String[] alternatives = written.strip().toLowerCase(Locale.ROOT).split("\\s*/\\s*|\\s+(?:and|or)\\s+");
        String[] last = alternatives[alternatives.length - 1].split("[\\s-]+");
        String head = RowTables.singular(last[last.length - 1]);
        List<String> out = new ArrayList<>();
        for (String a : alternatives) {
            String[] words = a.split("[\\s-]+");
            List<String> w = new ArrayList<>(List.of(words));
            w.set(w.size() - 1, RowTables.singular(w.get(w.size() - 1)));
            if (!w.get(w.size() - 1).equals(head)) {
                w.add(head);
            }
            if (w.size() < 2 || w.size() > 4 || w.stream().noneMatch(MARKS::contains)) {
                continue;
            }
            out.add(String.join(" ", w));
        }
        // the full name first: "test patient" is named, "lab qc patient" rarely
        out.sort((a, b) -> Boolean.compare(!a.startsWith("test"), !b.startsWith("test")));
        return out;
    }

    /** "... are excluded", "... is not loaded": what a label says happens to the kind it names. */
    private static final Pattern LEFT_OUT_LABEL = Pattern.compile("(?i)\\s+(?:is|are)\\s+(?:not\\s+loaded|excluded|ignored|dropped"
            + "|removed|skipped|rejected|filtered\\s+out)$");

    /** "any ward whose code ...": a thing of one word, then "whose" and a plain word naming its column. */
    private static final Pattern THING_WHOSE_WORD = Pattern.compile("(?i)^(?:(?:any|the|all|every|an?)\\s+)?([a-z][a-z-]*)\\s+whose\\s+"
            + "((?-i:[a-z]+))\\s+(?=(?:starts?|begins?|ends?|contains?|is|are|equals?|matches)\\b)");

    /** "... is excluded from DIM_EVENT": what happens to the rows, said after their condition. */
    private static final Pattern THEN_LEFT_OUT = Pattern.compile("(?i)\\s+(?:is|are)\\s+(?:excluded|not\\s+loaded|dropped|ignored|removed"
            + "|skipped|rejected|filtered\\s+out)\\b.*$");
    /** "any TKT_EVENT row with ...": the rows the condition is of, named before it. */
    private static final Pattern ROWS_OF = Pattern.compile("(?i)^(?:any|all|every|each)?\\s*(?:[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+\\s+)?"
            + "(?:rows?|records?|lines?|entries|entry)\\s+(?:with|where|whose|having)\\s+");
    /** "IS_TEST = 'Y' (trim, any case)": how it compares, in a bracket after the comparison. */
    private static final Pattern FOLDING_BRACKET = Pattern.compile("\\s*\\(((?i:\\s*(?:" + FOLD_WORDS
            + "|spaces)\\s*(?:,|/|and|&)?)+)\\)\\s*$");

    /** "its PROP_CD starts with TST or its PROP_NAME contains TEST": each condition, when each compares a value. */
    static List<String> conditions(String text) {
        // "any TKT_EVENT row with IS_TEST = 'Y' (trim, any case) is excluded from DIM_EVENT": the comparison, folded
        String said = ROWS_OF.matcher(THEN_LEFT_OUT.matcher(text.strip()).replaceFirst("")).replaceFirst("");
        Matcher bracket = FOLDING_BRACKET.matcher(said);
        if (bracket.find()) {
            String plain = said.substring(0, bracket.start()) + ", " + bracket.group(1).strip();
            String folded = folded(plain);
            // (only a single comparison folds; anything else keeps its bracket, as written)
            said = folded.equals(plain) ? said : folded;
        }
        text = said;
        List<String> out = new ArrayList<>();
        // "... (any case) OR last name equal to 'TEST'": an OR in capitals parts the conditions wherever it stands
        for (String part : text.split("\\s*(?:,\\s*(?:and|or)\\s+|;\\s*|\\s+OR\\s+|\\s+(?i:and)\\s+(?=[a-z]+s\\s+whose\\b)|\\s+(?i:or)\\s+(?=(?:its|their|whose|with|where|any|the|"
                + "[a-z]+s\\s+whose)\\b|[A-Z][A-Z0-9]*_)|,\\s+(?=(?:[a-z]+s\\s+whose|its|their|any)\\b))")) {
            // "any ward whose code starts with 'ZZ'": the thing's own code, ward_code (a column's name after "whose" stands
            // for itself)
            String p = THING_WHOSE_WORD.matcher(part.strip()).replaceFirst(m -> RowTables.singular(m.group(1).toLowerCase(Locale.ROOT))
                    + "_" + m.group(2).toLowerCase(Locale.ROOT) + " ")
                    .replaceAll("(?i)^(?:(?:any|the|all|every)\\s+)?(?:[a-z][\\w-]*\\s+){0,3}?whose\\s+", "")
                    .replaceAll("(?i)^(?:its|their|whose|where|with|any|the)\\s+", "").replaceAll("[.;]+$", "")
                    // "whose (latest) row has is_test_account = 'Y'": the row's value
                    .replaceAll("(?i)^(?:\\(?[a-z]+\\)?\\s+)?(?:row|record)\\s+(?:has|holds|with|having)\\s+", "")
                    // "contains the text TEST": the value compared, named as a text
                    .replaceAll("(?i)\\b(?:the\\s+)?(?:text|string|word|letters|characters|value)\\s+(?=['\"A-Z0-9])", "");
            if (p.isEmpty() || !COMPARES.matcher(p).find() || p.replaceAll("\\([^()]*\\)", " ").strip().split("\\s+").length > 18) {
                return List.of();
            }
            out.add(p);
        }
        return out;
    }

    /** "[Test data:] [any] employee(s) whose ... [, holders whose ...] (is|are) excluded from ...": the subject and the rest. */
    private static final Pattern INLINE = Pattern.compile("(?i)^(?:[A-Za-z][\\w -]{0,30}:\\s*)?(?:any|all|every|each)?\\s*"
            + "((?:[a-z][\\w-]*\\s+){1,3}whose\\s.+?)\\s+(?:is|are)\\s+((?:not\\s+loaded|excluded|ignored|removed|dropped|skipped|rejected"
            + "|discarded|omitted|filtered\\s+out)\\b.*)$");

    /**
     * The kind an exclusion describes in its subject, for the tables that do not hold what it names: "Any employee whose
     * emp_id starts with 'TST' or whose first name is 'TEST' is excluded from every target (employee, timesheet and pay
     * lines)", "Holders whose HOLDER_ID starts with 'TST', policies whose POLICY_NO starts with 'TST' ... are excluded
     * from every target"; null when the sentence says more.
     */
    static RowClass inline(String sentence) {
        Matcher m = INLINE.matcher(withoutRemarks(sentence).strip().replaceAll("[.;]+$", ""));
        if (!m.matches()) {
            return null;
        }
        String rest = m.group(2).replaceAll("\\([^()]*\\)", " ").toLowerCase(Locale.ROOT);
        Matcher w = WORD.matcher(rest);
        while (w.find()) {
            if (!LEAVING.contains(w.group()) && !FILLER.contains(w.group()) && !w.group().matches("[a-z][a-z0-9]*_[\\w]*")) {
                return null;
            }
        }
        List<String> conditions = conditions(m.group(1));
        return conditions.isEmpty() ? null : new RowClass(List.of("row"), conditions);
    }

    /** Whether the text only defines kinds, sentence by sentence (and so chooses no rows of its own). */
    boolean definesOnly(String text) {
        // every sentence a definition: one that says more ("... are not loaded") is read where it chooses rows
        // ("Exclude wards whose WARD_CD starts with 'ZZ' are test wards": an instruction that defines in passing)
        // ("Internal plans are not loaded: PLAN_CODE beginning with INT_": the rows left out, then what they are)
        return !classes.isEmpty() && !sentences(text).isEmpty() && sentences(text).stream().allMatch(sentence -> definition(sentence) != null
                && !JOINED.matcher(withoutRemarks(sentence).strip()).matches() && !INSTRUCTION.matcher(sentence.strip()).find()
                && !LEFT_OUT_THEN_DEFINED.matcher(withoutRemarks(sentence).strip()).matches());
    }

    /**
     * The kinds whose rows the sentence leaves out ("Cancelled orders and test-patient orders excluded"); none when it
     * names none, says more than that, or keeps rows. "Test accounts: ... - they are excluded from all four targets": a
     * definition and, after it, what happens to them.
     */
    List<RowClass> leftOut(String sentence) {
        if (classes.isEmpty()) {
            return List.of();
        }
        String s = withoutRemarks(sentence).strip();
        List<RowClass> named = new ArrayList<>();
        Matcher joined = JOINED.matcher(s);
        if (joined.matches()) {
            RowClass defined = definition(joined.group(1));
            List<String> stated = conditions(joined.group(1).replaceAll("(?i)^(?:exclude|excluding|drop|remove|skip)\\s+", ""));
            RowClass said = defined != null ? find(defined.names().get(0))
                    : classes.stream().filter(c -> lower(c.conditions()).equals(lower(stated))).findFirst().orElse(null);
            if (said != null) {
                // "Member numbers starting with '99', and ... - they are excluded": its conditions, said again
                named.add(said);
                s = joined.group(2);
            }
        }
        String lower = " " + s.toLowerCase(Locale.ROOT) + " ";
        for (RowClass c : classes) {
            for (String name : c.names()) {
                Matcher m = mention(name).matcher(lower);
                if (m.find()) {
                    if (!named.contains(c)) {
                        named.add(c);
                    }
                    lower = m.replaceAll(" ");
                }
            }
        }
        if (named.isEmpty() && classes.size() == 1 && PRONOUN.matcher(s).find()) {
            // "They are not loaded to DIM_PATIENT ...": the one kind the document defines
            named.add(classes.get(0));
        }
        if (named.isEmpty()) {
            return List.of();
        }
        boolean leaves = false;
        Matcher w = WORD.matcher(lower.replaceAll("\\([^()]*\\)", " ").replaceAll("\\b[a-z][a-z0-9]*_[a-z0-9_]+\\b", " "));
        while (w.find()) {
            String word = w.group();
            if (LEAVING.contains(word)) {
                leaves = true;
            } else if (!FILLER.contains(word) && !namesTable(word) && !word.matches("\\d+") && !relation(lower, w)) {
                return List.of();
            }
        }
        return leaves && !lower.matches("(?s).*\\b(?:only|keep|kept|include|included)\\b.*") ? named : List.of();
    }

    /** "Agreements picked up at a test branch": a participle (and its particle) that links the rows to the kind's row. */
    private static final Pattern RELATION = Pattern.compile("^(?:\\s+(?:up|off|out|in|on|over|down))?\\s+(?:at|by|on|for|from|to|in|against"
            + "|with|under|through|via)\\b");

    private static boolean relation(String text, Matcher word) {
        return word.group().length() > 3 && word.group().endsWith("ed") && RELATION.matcher(text.substring(word.end())).find();
    }

    private static List<String> lower(List<String> texts) {
        return texts.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    private RowClass find(String name) {
        return classes.stream().filter(c -> c.names().contains(name)).findFirst().orElse(null);
    }

    /** A word of a table's or target's name, or one such a word begins ("history" for DIM_MEMBER_TIER_HIST). */
    private boolean namesTable(String word) {
        String w = RowTables.american(RowTables.singular(word));
        if (nameParts.contains(w)) {
            return true;
        }
        for (String p : nameParts) {
            if (p.length() >= 4 && w.startsWith(p) || w.length() >= 4 && p.startsWith(w)) {
                return true;
            }
        }
        return false;
    }

    /** The kind's name as a sentence writes it: any case, plural or possessive, hyphen or space between its words. */
    private static Pattern mention(String name) {
        String[] words = name.split(" ");
        StringBuilder p = new StringBuilder("(?<=[^a-z0-9])");
        for (int i = 0; i < words.length; i++) {
            String w = Pattern.quote(words[i]);
            if (i == words.length - 1) {
                w = words[i].endsWith("y") ? Pattern.quote(words[i].substring(0, words[i].length() - 1)) + "(?:y|ies)"
                        : w + "(?:s|es)?";
                w += "(?:'s|')?";
            }
            p.append(i == 0 ? "" : "[\\s-]+").append(w);
        }
        return Pattern.compile(p.append("(?=[^a-z0-9])").toString());
    }
}
