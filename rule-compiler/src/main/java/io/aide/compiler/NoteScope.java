package io.aide.compiler;

import io.aide.compiler.lang.RowTables;
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
 * Which parts of a notes line are about one target. A general rules line often speaks of several: "Test data is not
 * loaded: subscribers with SEGMENT = 'TEST'; plans whose code starts with 'TEST'; CDRs with RECORD_STATUS 'TST'", or
 * "GUEST_PROFILE rows with TEST_IND = 'Y' are QA profiles - they are not loaded to DIM_GUEST, and reservations made by
 * those guests are not loaded to FACT_RESERVATION". Each clause is about what it names first: a target by its name, a
 * source table by its name (the targets whose rows come from it), or a thing whose name a target or its table ends in
 * ("subscribers": DIM_SUBSCRIBER, BSS_SUBSCRIBER). A clause that names none of these is about every target. A clause
 * that only says again what a mapping row's filter cell says (its codes are all in that cell) is that row's, already
 * read there.
 */
final class NoteScope {
    /** Words of a table's name that say what kind of table it is, not what it holds. */
    private static final Set<String> TABLE_WORDS = Set.of("dim", "fact", "fct", "stg", "src", "tbl", "raw", "ref", "lkp", "mart",
            "dw", "edw", "ods", "vw", "v", "t", "d", "f", "hist", "master", "mstr", "table", "tab", "data", "extract", "feed", "file");
    /** A list after a topic that leaves rows out: "Test data is not loaded: a; b; c", "Excluded: a, b". */
    private static final Pattern LEFT_OUT_TOPIC = Pattern.compile("(?i)^([^:]{0,80}?(?:\\b(?:is|are)\\s+(?:not\\s+(?:be\\s+)?loaded|excluded"
            + "|ignored|dropped|skipped|removed|not\\s+included|out\\s+of\\s+scope)(?:\\s+(?:to|from|in|into)\\s+(?:the\\s+)?[A-Za-z][\\w.]*)?"
            + "|\\b(?:exclude|exclusions?|excluded|drop|ignore|skip)))\\s*:\\s*(.+)$");
    private static final Pattern CODE = Pattern.compile("'([^']+)'|\\b([A-Z][A-Z0-9]{1,9})\\b(?![_.])");
    private static final Pattern NAME = Pattern.compile("\\b[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+\\b");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** Each target's thing (dim_store: store) and the things of the tables it reads (pos_store: store). */
    private final Map<String, Set<String>> thingsOf = new LinkedHashMap<>();
    private final Map<String, Set<String>> tableThingsOf = new LinkedHashMap<>();
    private final Map<String, Set<String>> tablesOf = new LinkedHashMap<>();
    private final Map<String, String> filtersOf = new LinkedHashMap<>();
    /** Every source table a row names, lower case. */
    private final Set<String> sourceTables = new HashSet<>();

    /** @param hosts each target's table its key row reads (null when none) */
    NoteScope(MappingSpec spec, Map<String, String> hosts) {
        for (MappingRow r : spec.rows()) {
            if (r.sourceTable() != null) {
                for (String t : r.sourceTable().split("\\s*[,/;&]\\s*|\\s+and\\s+")) {
                    if (!t.isBlank()) {
                        sourceTables.add(key(t));
                    }
                }
            }
            r.sourceColumns().forEach(c -> {
                if (c.table() != null && !c.table().isBlank()) {
                    sourceTables.add(key(c.table()));
                }
            });
            if (r.targetTable() == null || r.targetTable().isBlank()) {
                continue;
            }
            String t = key(r.targetTable());
            thingsOf.computeIfAbsent(t, k -> new HashSet<>()).add(head(t));
            if (r.filter() != null && !r.filter().isBlank()) {
                filtersOf.merge(t, r.filter(), (a, b) -> a + " " + b);
            }
        }
        hosts.forEach((t, table) -> {
            if (table != null && !table.isBlank() && thingsOf.containsKey(key(t))) {
                tablesOf.computeIfAbsent(key(t), k -> new HashSet<>()).add(key(table));
                tableThingsOf.computeIfAbsent(key(t), k -> new HashSet<>()).add(head(key(table)));
            }
        });
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The last word of a name that says what it holds: dim_work_centre -> centre, bss_subscriber -> subscriber. */
    private static String head(String name) {
        String[] parts = name.replaceAll("^.*\\.", "").split("_");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!TABLE_WORDS.contains(parts[i]) && parts[i].length() > 1) {
                return parts[i];
            }
        }
        return parts[parts.length - 1];
    }

    /** Whether what the text is about (see {@link #subjects}) is the target, among others or alone. */
    boolean isAbout(String text, String target) {
        return subjects(text).contains(key(target));
    }

    /** Whether the text names a source table the target reads (by the name of its key row's table). */
    boolean readsTable(String text, String target) {
        Set<String> tables = tablesOf.getOrDefault(key(target), Set.of());
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            if (tables.contains(key(w.group()))) {
                return true;
            }
        }
        return false;
    }

    /** The sentences and clauses of the text that are about the target, joined; "" when none is. */
    String about(String text, String target) {
        String t = key(target);
        List<String> kept = new ArrayList<>();
        // a sentence that names nothing is about what the line's sentence before it names ("MES_PRODUCT may contain
        // several versions of an item. Keep one row per ITEM_NO ...")
        Set<String> topic = Set.of();
        for (String sentence : withTheirSubjects(text.strip().split("(?<=[.!?])\\s+(?=[A-Z(])"))) {
            List<String> clauses = clauses(sentence.strip());
            Matcher lead = LEFT_OUT_TOPIC.matcher(sentence.strip());
            if (lead.matches() && !subjects(lead.group(1)).isEmpty()) {
                // "Test accounts are excluded from DIM_CUSTOMER: IS_TEST = 'Y', or ...": each item is about the topic's target
                topic = subjects(lead.group(1));
            }
            for (String clause : clauses) {
                // a clause that names nothing is about what the clause before it names ("RENT_CHARGES: void lines are
                // excluded; lines with no AMOUNT_CENTS are dropped")
                Set<String> about = subjects(clause);
                if (about.isEmpty() && opensWithUnhostedTable(clause)) {
                    // "CARDHOLDER - latest UPDATED_ON per HOLDER_ID" after a clause on ACCT_MASTER: of a table no
                    // target's rows come from (one a target looks up), about none of them
                    continue;
                }
                about = about.isEmpty() ? topic : about;
                topic = about;
                if ((about.isEmpty() || about.contains(t)) && !restated(clause, t)) {
                    kept.add(clauses.size() == 1 ? clause.strip() : ended(clause));
                }
            }
        }
        return String.join(" ", kept);
    }

    private static final Pattern FIRST_NAME = Pattern.compile("^\\s*(?:[\\w -]{1,40}:\\s*)?([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+|[A-Z][A-Z0-9]{3,})\\b");

    /** "CARDHOLDER - ...", "Topic: CARD_TXN - ...": a clause that opens with a table's name and a dash. */
    private static final Pattern TABLE_FIRST = Pattern.compile("^\\s*(?:[\\w -]{1,40}:\\s*)?([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+|[A-Z][A-Z0-9]{3,})"
            + "\\s*(?:[-–—:]|\\s-)\\s");

    /**
     * The clause opens with the name of a table no target's rows come from ("CARDHOLDER - ...", a table a target looks up,
     * or one the mapping does not name): a source table's or a name followed by a dash, never a target's.
     */
    private boolean opensWithUnhostedTable(String clause) {
        Matcher m = FIRST_NAME.matcher(clause);
        if (!m.find() || thingsOf.containsKey(key(m.group(1)))
                || !sourceTables.contains(key(m.group(1))) && !TABLE_FIRST.matcher(clause).find()) {
            return false;
        }
        return tablesOf.values().stream().noneMatch(t -> t.contains(key(m.group(1))));
    }

    /** "They are excluded from ...": a sentence whose subject is a pronoun, joined to the sentence that names them. */
    private static final Pattern PRONOUN = Pattern.compile("^(?:(?:They|These|Those|Such\\s+(?:rows|records|lines)|These\\s+(?:rows"
            + "|records|lines))\\s+(?:are|is|will|must|should|shall|get|do)\\b"
            // "Cancelled orders: ORDER_STATUS = CA. Excluded from FACT_ORDER_SUMMARY, ...": the subject left unsaid
            + "|(?:Excluded|Ignored|Dropped|Removed|Skipped|Not\\s+loaded)\\s+(?:from|in|everywhere)\\b).*");

    static List<String> withTheirSubjects(String[] sentences) {
        List<String> out = new ArrayList<>();
        for (String s : sentences) {
            String t = s.strip();
            Matcher its = out.isEmpty() ? null : ITS.matcher(t);
            Matcher named = its != null && its.matches() ? CLASSIFIED.matcher(out.get(out.size() - 1).strip()) : null;
            if (named != null && named.matches()) {
                // "Store 999 is the training store. Its fills are excluded from both fact tables.": the fills of store 999
                String owner = named.group(1).strip();
                out.add(Character.toUpperCase(its.group(1).charAt(0)) + its.group(1).substring(1) + " of "
                        + Character.toLowerCase(owner.charAt(0)) + owner.substring(1) + " " + its.group(2));
            } else if (!out.isEmpty() && PRONOUN.matcher(t).matches()) {
                String before = out.remove(out.size() - 1).replaceAll("[.;]+$", "");
                out.add(before + " - " + Character.toLowerCase(t.charAt(0)) + t.substring(1));
            } else if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** "Its fills are excluded ...": the rows of the one thing the sentence before names, and what happens to them. */
    private static final Pattern ITS = Pattern.compile("^(?:Its|Their)\\s+([a-z][\\w-]*(?:\\s+[a-z][\\w-]*){0,2})\\s+((?:are|is|will|must"
            + "|should|get)\\b.*)$");
    /** "Store 999 is the training store.": a thing and its value (or name), then what kind of thing it is. */
    private static final Pattern CLASSIFIED = Pattern.compile("^(?:\\(?\\w{1,3}[).]?\\s+\\|?\\s*)?([A-Z][\\w-]*(?:\\s+[\\w-]+){0,2}\\s+"
            + "(?:'[^']+'|\\d[\\w-]*|[A-Z][A-Z0-9_-]+))\\s+(?:is|are)\\s+(?:a|an|the|our)\\s+[\\w\\s/-]{2,40}?[.;]?$");

    /** "all four targets", "every target", "both fact tables": a clause about several targets at once. */
    private static final Pattern SEVERAL = Pattern.compile("(?i)\\b(?:(?:all|every|each|both|any)\\s+(?:(?:the|of\\s+the|\\w+)\\s+){0,2}"
            + "(fact\\s+|dimension\\s+|dim\\s+)?(targets?|tables?|marts?|loads?|facts|dimensions)"
            // "... are excluded from the facts", "from the fact tables"
            + "|the\\s+(fact\\s+|dimension\\s+)?(facts|dimensions|tables)(?<=fact\\s{1,3}tables|dimension\\s{1,3}tables|facts|dimensions))\\b");

    /** A target named as a fact: FACT_, FCT_, F_. */
    static boolean isFact(String target) {
        return target.toLowerCase(Locale.ROOT).matches("^(?:fact|fct|f)_.*");
    }

    /** A target named as a dimension: DIM_, D_. */
    static boolean isDimension(String target) {
        return target.toLowerCase(Locale.ROOT).matches("^(?:dim|d)_.*");
    }

    /** The text speaks of several targets at once ("all four targets", "every table"). */
    static boolean several(String text) {
        return SEVERAL.matcher(text).find();
    }

    private static String ended(String clause) {
        String c = clause.strip();
        c = Character.toUpperCase(c.charAt(0)) + c.substring(1);
        return c.matches("(?s).*[.!?]$") ? c : c + ".";
    }

    /**
     * The clauses of a sentence that speak of different things: the items of a list after a topic that leaves rows out
     * ("Test data is not loaded: a; b" -> "Exclude a", "Exclude b"), and clauses joined by ", and" that each say rows
     * are left out somewhere.
     */
    private List<String> clauses(String sentence) {
        Matcher topic = LEFT_OUT_TOPIC.matcher(sentence);
        List<String> out = new ArrayList<>();
        if (topic.matches()) {
            // "exclusions: a (...) and b (...) are not loaded to FACT_X and therefore not counted in FACT_Y": the list's own
            // verb after its last item says again what the topic said
            String items = topic.group(2).replaceAll("[.]\\s*$", "").replaceFirst("(?i)\\s+(?:are|is)\\s+(?:not\\s+(?:be\\s+)?loaded"
                    + "|excluded|ignored|dropped|skipped|removed|not\\s+included)\\b[^()']*$", "");
            String[] parts = items.contains(";") ? items.split("\\s*;\\s*") : items.contains("(") ? FilterSentences.outsideBrackets(items)
                    : items.split("\\s*,\\s*(?!and\\b|or\\b)");
            Set<String> kinds = new HashSet<>();
            for (String p : parts) {
                if (!p.isBlank()) {
                    out.add("Exclude " + p.strip());
                    kinds.addAll(subjects(p));
                }
            }
            // a list of the same thing's values ("Exclude: A, B") stays one, still said to be left out
            return out.size() > 1 && (items.contains(";") || kinds.size() > 1 || items.contains("(")) ? out
                    : List.of("Exclude " + items.strip() + ".");
        }
        // "BSS_SUBSCRIBER - latest LAST_UPDATED per SUB_ID wins; BSS_PLAN - the active row ...": each table's own
        // ("..., and every application made against such a requisition is excluded from FACT_APPLICATION": one of each)
        String[] parts = sentence.contains(";") ? sentence.split("\\s*;\\s*") : saying(sentence.split(",?\\s+and\\s+(?=(?:(?:their|its|those"
                + "|these|the|all|any)?\\s*(?:[A-Za-z_]+'?s?\\s+){0,3}[a-z]+s|(?:every|each|any)\\s+[a-z]+)\\b[^.]*\\b(?:are|is)\\s+(?:not|never|excluded|dropped|removed"
                + "|skipped|ignored|rejected|filtered\\s+out|left\\s+out)\\b)"));
        if (parts.length < 2) {
            return List.of(sentence);
        }
        Set<String> kinds = new HashSet<>();
        long tablesFirst = 0;
        for (String p : parts) {
            kinds.addAll(subjects(p));
            tablesFirst += TABLE_FIRST.matcher(p).find() ? 1 : 0;
        }
        // "ACCT_MASTER - latest EXTRACT_DT per ACCT_NO; CARDHOLDER - latest UPDATED_ON per HOLDER_ID": each table's own
        return kinds.size() > 1 || tablesFirst > 1 ? withFolding(withTheirOwners(parts)) : List.of(sentence);
    }

    /** A quoted value and how it compares said in a bracket after it: "'TEST' (any case)". */
    private static final Pattern FOLDED_VALUE = Pattern.compile("('[^']+')\\s*(\\((?i:any\\s+case|case[- ]insensitive|trimmed|trim"
            + "|ignoring\\s+case)[^()]*\\))");

    /**
     * The clauses with a value said again without how it compares ("... starts with 'TEST' (any case) ..., and work orders
     * raised against a fleet number starting with 'TEST' are excluded"): compared as the clause that said it first does.
     */
    private static List<String> withFolding(List<String> clauses) {
        Map<String, String> how = new LinkedHashMap<>();
        for (String c : clauses) {
            Matcher m = FOLDED_VALUE.matcher(c);
            while (m.find()) {
                how.putIfAbsent(m.group(1), m.group(2));
            }
        }
        if (how.isEmpty()) {
            return clauses;
        }
        List<String> out = new ArrayList<>(clauses.size());
        for (String c : clauses) {
            String folded = c;
            for (Map.Entry<String, String> e : how.entrySet()) {
                if (folded.contains(e.getKey()) && !folded.contains(e.getKey() + " " + e.getValue()) && !FOLDED_VALUE.matcher(folded).find()) {
                    folded = folded.replace(e.getKey(), e.getKey() + " " + e.getValue());
                }
            }
            out.add(folded);
        }
        return out;
    }

    /** "their delivery events are dropped": what the clause's possessive stands for, and what happens to it. */
    private static final Pattern THEIR = Pattern.compile("(?i)^(?:and\\s+)?(?:their|its)\\s+(.+?)\\s+((?:are|is|will|must|should|get|gets)\\b.*)$");
    /** "such a requisition", "those couriers": the rows named before, by their noun. */
    private static final Pattern SUCH = Pattern.compile("(?i)\\b(?:such\\s+an?|such|those|these)\\s+([a-z]{3,})\\b");
    /** "Couriers whose COURIER_ID starts with TST are not loaded": the rows a clause leaves out, before its verb. */
    private static final Pattern LEFT_OUT_SUBJECT = Pattern.compile("(?i)^(.+?)\\s+(?:are|is)\\s+(?:not\\s+loaded|never\\s+loaded|excluded|dropped"
            + "|removed|ignored|skipped|rejected)\\b.*$");

    /**
     * The clauses with a possessive that points to the rows the clause before leaves out named: "Couriers whose
     * COURIER_ID starts with TST are not loaded, and their delivery events are dropped from both facts" -> "... Delivery
     * events of couriers whose COURIER_ID starts with TST are dropped from both facts", which reads on its own wherever
     * the line's clauses go.
     */
    private static List<String> withTheirOwners(String[] parts) {
        List<String> out = new ArrayList<>(List.of(parts));
        for (int i = 1; i < out.size(); i++) {
            Matcher their = THEIR.matcher(out.get(i).strip());
            Matcher owner = LEFT_OUT_SUBJECT.matcher(out.get(i - 1).strip());
            Matcher such = owner.matches() ? SUCH.matcher(out.get(i)) : null;
            if (such != null && such.find() && owner.group(1).toLowerCase(Locale.ROOT).matches("(?s).*\\b(?:\\w+_)?"
                    + Pattern.quote(RowTables.singular(such.group(1).toLowerCase(Locale.ROOT))) + "s?\\b.*")) {
                // "every application made against such a requisition": the rows the clause before leaves out, by name
                // (without the topic before a colon: "Test requisitions: any ATS_REQUISITION row with ...")
                String owners = owner.group(1).strip().replaceFirst("^[\\w /-]{1,40}:\\s+(?=\\S)", "");
                out.set(i, out.get(i).substring(0, such.start()) + Character.toLowerCase(owners.charAt(0)) + owners.substring(1)
                        + out.get(i).substring(such.end()));
                continue;
            }
            if (their.matches() && owner.matches()) {
                String rows = their.group(1);
                String owners = owner.group(1).strip();
                out.set(i, Character.toUpperCase(rows.charAt(0)) + rows.substring(1) + " of " + Character.toLowerCase(owners.charAt(0))
                        + owners.substring(1) + " " + their.group(2));
            }
        }
        return out;
    }

    /**
     * The parts each joined to the one after it until it says something of its own ("Test patients are not loaded to
     * DIM_PATIENT", then "test patients' orders" + "results are excluded ..." as one).
     */
    private static String[] saying(String[] parts) {
        List<String> out = new ArrayList<>();
        String pending = null;
        for (String p : parts) {
            String part = pending == null ? p : pending + " and " + p;
            if (VERB.matcher(part).find()) {
                out.add(part);
                pending = null;
            } else {
                pending = part;
            }
        }
        if (pending != null) {
            if (out.isEmpty()) {
                out.add(pending);
            } else {
                out.set(out.size() - 1, out.get(out.size() - 1) + " and " + pending);
            }
        }
        return out.toArray(new String[0]);
    }

    /** A verb of its own: "are dropped", "do not go to DIM_LISTENER", "must not be loaded". */
    private static final Pattern VERB = Pattern.compile("(?i)\\b(?:are|is|were|was|(?:do|does|did)\\s+not|don't|doesn't|never|must"
            + "|should|shall|will|cannot|can't)\\s+");

    /**
     * What a text is about: the targets it names; else the targets reading a source table it names; else the targets
     * whose name or table ends in the first thing it names ("plans whose code ...": DIM_PLAN).
     */
    private Set<String> subjects(String text) {
        Matcher several = SEVERAL.matcher(text);
        if (several.find()) {
            // "excluded from all four targets": every target; "both fact tables": the facts
            // ("both facts", "all dimensions", "the facts": the kind said by the noun itself)
            String adjective = several.group(1) != null ? several.group(1) : several.group(3);
            String noun = (several.group(2) != null ? several.group(2) : several.group(4)).toLowerCase(Locale.ROOT);
            String kind = adjective != null ? adjective.strip().toLowerCase(Locale.ROOT)
                    : noun.equals("facts") || noun.equals("dimensions") ? noun : "";
            if (kind.isEmpty()) {
                // every target, not the topic of the clause before
                return new HashSet<>(thingsOf.keySet());
            }
            Set<String> out = new HashSet<>();
            thingsOf.keySet().stream().filter(t -> kind.startsWith("fact") ? isFact(t) : isDimension(t)).forEach(out::add);
            return out;
        }
        Set<String> named = new HashSet<>();
        Set<String> byTable = new HashSet<>();
        String firstThing = null;
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            String word = key(w.group());
            String before = text.substring(0, w.start()).toLowerCase(Locale.ROOT);
            if (thingsOf.containsKey(word) && !before.matches("(?s).*\\b(?:in|on|of|within|into\\s+the\\s+lookup)\\s+(?:the\\s+)?$")) {
                // "charges whose lease is not in FACT_LEASE": a target named as where to look is no subject
                named.add(word);
            }
            boolean whereLooked = before.matches("(?s).*\\b(?:in|on|within|against|into)\\s+(?:the\\s+)?$");
            tablesOf.forEach((t, tables) -> {
                // "results whose ORDER_NO has no row in LIS_ORDER": a table named as where to look is no subject
                if (tables.contains(word) && !whereLooked) {
                    byTable.add(t);
                }
            });
            if (firstThing == null && !word.contains("_") && !before.matches("(?s).*\\b(?:have|has|having|with|contain|contains)\\s+"
                    + "(?:at\\s+least\\s+|more\\s+than\\s+)?(?:one|an?|any|no|some|\\d+)\\s+(?:or\\s+more\\s+)?$")) {
                // ("combinations that have at least one opportunity": the thing had, no subject)
                // a target's own thing ("regions": dim_region) before the things of the tables targets read
                Set<String> of = targetsOf(word, RowTables.singular(word));
                if (!of.isEmpty()) {
                    firstThing = word;
                    // "mishandled bag reports": the last noun of a compound is what the rows are
                    Matcher next = NEXT_PLURAL.matcher(text.substring(w.end()));
                    Set<String> head = next.find() ? targetsOf(RowTables.singular(next.group(1))) : Set.of();
                    if (!head.isEmpty()) {
                        of = head;
                    } else {
                        // "bags whose PAX_NAME ...": DIM_BAG, not FACT_MISHANDLED_BAG, whose other words the text leaves out
                        Set<String> said = new HashSet<>();
                        for (String x : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                            said.add(x);
                            said.add(RowTables.singular(x));
                        }
                        Set<String> whole = new HashSet<>();
                        of.stream().filter(t -> said.containsAll(nameWords(t))).forEach(whole::add);
                        of = whole.isEmpty() ? of : whole;
                    }
                    of.forEach(t -> named.add("~" + t));
                }
            }
        }
        Set<String> targets = new HashSet<>();
        named.stream().filter(n -> !n.startsWith("~")).forEach(targets::add);
        if (!targets.isEmpty()) {
            return targets;
        }
        if (!byTable.isEmpty()) {
            return byTable;
        }
        named.forEach(n -> targets.add(n.substring(1)));
        return targets;
    }


    /** The words of a target's name that say what it holds, singular: fact_mishandled_bag -> mishandled, bag. */
    private static List<String> nameWords(String target) {
        List<String> out = new ArrayList<>();
        for (String part : target.replaceAll("^.*\\.", "").split("_")) {
            if (!TABLE_WORDS.contains(part) && part.length() > 1) {
                out.add(part);
            }
        }
        return out;
    }

    private static final Pattern NEXT_PLURAL = Pattern.compile("^\\s+([a-z]+s)\\b");

    /**
     * The targets whose own thing is one of the words ("regions": dim_region), else those whose table's thing is; empty
     * when none.
     */
    private Set<String> targetsOf(String... words) {
        Set<String> out = new HashSet<>();
        for (Map<String, Set<String>> kinds : List.of(thingsOf, tableThingsOf)) {
            for (String thing : words) {
                kinds.forEach((t, things) -> {
                    if (things.contains(thing) && thing.length() > 2) {
                        out.add(t);
                    }
                });
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        return out;
    }

    /** The clause's codes are all in the target's own filter cells: it says again what that filter says there. */
    private boolean restated(String clause, String target) {
        Set<String> codes = new HashSet<>();
        Matcher m = CODE.matcher(clause.replaceAll("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b", " "));
        while (m.find()) {
            String c = m.group(1) != null ? m.group(1) : m.group(2);
            if (!c.isBlank() && !List.of("NULL", "ID", "OK", "AND", "OR", "NOT").contains(c.toUpperCase(Locale.ROOT))) {
                codes.add(c.strip().toUpperCase(Locale.ROOT));
            }
        }
        if (codes.isEmpty()) {
            return false;
        }
        Set<String> names = new HashSet<>();
        Matcher n = NAME.matcher(clause);
        while (n.find()) {
            names.add(n.group().toUpperCase(Locale.ROOT));
        }
        for (String filter : filtersOf.containsKey(target) ? List.of(filtersOf.get(target)) : List.<String>of()) {
            if (!names.stream().allMatch(x -> filter.toUpperCase(Locale.ROOT).contains(x))) {
                // "TEST_IND = 'Y'" is not "ACTIVE_FLAG = 'Y'"
                continue;
            }
            Set<String> inFilter = new HashSet<>();
            Matcher f = CODE.matcher(filter.replaceAll("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b", " "));
            while (f.find()) {
                inFilter.add((f.group(1) != null ? f.group(1) : f.group(2)).strip().toUpperCase(Locale.ROOT));
            }
            if (inFilter.containsAll(codes)) {
                return true;
            }
        }
        return false;
    }
}
