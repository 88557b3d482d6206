package io.aide.compiler;

import io.aide.events.spec.MappingRow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Row filters written in a notes or remarks cell, where a mapping has no filter column or the analyst put them beside
 * the rule: "Filter: drop reads whose read_val is negative", "keep only the row with the highest last_upd per
 * premise_id", "Only readings that have a consumption". Each such sentence moves to the row's filter, where it is
 * applied like any filter cell, or, when it cannot be read, marks the target's rows as not the ones asked for.
 * Ignoring it would give more rows than the document asks for without a word.
 * <pre>
 * filter-sentence := [words ":"] ("filter" [":"] | EXCLUDE-verb | "keep only" | "only keep" | "keep the" row-word
 *                  | "only" plural-noun (that | which | whose | with | where)) ...
 * </pre>
 * Sentences that describe the grain ("one row per ..."), explain, or give examples stay notes.
 */
final class NoteFilters {
    /** Sentences: after a full stop, a semicolon or a mark, before a capital or a bracket (never after "i.e." or "e.g."). */
    /**
     * Where a sentence ends: after a full stop before a capital, a parenthesis, a step's number ("2) Then drop ...") or a
     * name written in lower case ("... the route code. route_ref holds one row per version"); not after "i.e." or "e.g.".
     */
    static final Pattern SENTENCES = Pattern.compile("(?<=[.;!?])(?<!\\b[ie]\\.[eg]\\.)\\s+(?=[A-Z(]|\\d{1,2}[).]\\s"
            // "...; every other column of dim_patient comes from that record": what a pick means, a sentence of its own
            + "|[a-z][a-z0-9]*_[a-z0-9_]*\\b|(?:every|all)\\s+other\\s+(?:columns?|fields?|attributes?)\\b)|\\n+");
    /** What a sentence is about, before a colon: "The premise extract re-sends a premise when any field changes: ". */
    private static final Pattern TOPIC = Pattern.compile("^(?!(?i:keep|take|retain|select|load|exclude|drop|only|one\\s+row)\\b)"
            // "The extract holds every revision of a bill (and the odd repeated row): keep only ...": a remark in brackets
            // inside the topic; a topic that chooses rows itself ("Keep one row per key (A, B): ...") is none
            + "(?:(?:[^:()=<>']|\\([^():=<>']{0,60}\\)){1,120}:\\s+|[^:()=<>']{1,120}:\\s+)");
    /**
     * The sentence without its topic before a colon; a topic that says its rows are left out ("Test records are
     * excluded: TECH_ID starting with 'TST'") leaves them out, as an instruction, rather than vanish.
     */
    private static String leftOutAfterTopic(String said) {
        String leftOut = FilterSentences.withoutTopic(said);
        return !leftOut.equals(said) && leftOut.startsWith("Exclude ") ? leftOut : stepless(TOPIC.matcher(said).replaceFirst(""));
    }

    /** What a value operation drops from a text or a time: "drop the leading zeros", "ignore the seconds". */
    private static final String TEXT_PARTS = "(?:spaces|zeros|zeroes|characters|chars|hyphens|dashes|digits|letters|decimals"
            + "|punctuation|symbols|quotes|commas|dots|periods|slashes|nulls|blanks|prefix(?:es)?|suffix(?:es)?|seconds|separators|signs"
            + "|minutes|hours|days|cents|time|fractions?|whitespace|tabs|brackets|parenthes[ie]s)";
    private static final Pattern FILTER_SENTENCE = Pattern.compile("(?i)^(?:filter(?:ed)?\\s*(?::|-|\\bout\\b)"
            // ("Ignore case and spaces", "drop the leading zeros": how values compare or what a value loses, no rows)
            + "|(?:exclude|drop|remove|ignore|skip|discard|filter\\s+out|leave\\s+out|omit)\\s+(?!the\\s+(?:column|field|prefix|suffix)\\b"
            + "|(?:the\\s+|any\\s+|all\\s+)?(?:leading\\s+|trailing\\s+|extra\\s+|surrounding\\s+)?(?:case|capitali[sz]ation|space|zero|hyphen|dash"
            + "|character|" + TEXT_PARTS + ")\\b)\\S"
            + "|reject\\s+(?:the\\s+|any\\s+|all\\s+)?(?:rows|records|lines|entries)\\b"
            + "|keep\\s+only\\b|only\\s+keep\\b|keep\\s+the\\s+(?:row|record|copy|version|one|latest|last|first|most|newest|oldest|earliest|highest|lowest)\\b"
            + "|only\\s+(?:rows|records|[a-z]+s)\\s+(?:that|which|whose|with|where)\\b)");
    private static final Pattern FILTER_LABEL = Pattern.compile("(?i)^filter(?:ed)?\\s*[:-]\\s*");
    /**
     * A sentence of a rule cell that says which rows the target holds, wherever its verb stands: "Do not load trial
     * subscriptions", "Lines with qty = 0 ... must not be loaded", "Rows with any other status are filtered out",
     * "keep only the row with the latest last_modified per account_id", "dedupe on ...".
     */
    private static final Pattern ROW_SELECTION = Pattern.compile("(?i)\\b(?:(?:do|does|must|should|will|shall|are|is)"
            + "\\s+not\\s+(?:to\\s+)?(?:be\\s+)?(?:load(?:ed)?|included|imported)|n't\\s+(?:be\\s+)?load(?:ed)?|not\\s+(?:to\\s+)?(?:be\\s+)?loaded"
            + "|(?:are|is|be|get|gets)\\s+(?:filtered\\s+out|excluded|dropped|skipped|discarded)|filtered\\s+out"
            // "Same for HR_DEPARTMENT on dept_code, keeping the latest last_modified"
            + "|\\bkeeping\\s+(?:only\\s+)?(?:the\\s+)?(?:latest|last|most\\s+recent|newest|first|earliest|oldest|highest|lowest)\\b"
            // "COURIER_MASTER can hold older versions of a courier, so keep the latest LAST_UPD per COURIER_ID": the
            // choice said as what follows from the sentence's first clause
            + "|(?:,|;|\\bso|\\bhence|\\btherefore|\\bthus)\\s+(?:only\\s+)?keep\\s+(?:only\\s+)?(?:the\\s+)?(?:row|record|one|latest"
            + "|last|most\\s+recent|newest|first|earliest|oldest|highest|lowest)\\b"
            // "If two have the same time keep the higher RESULT_ID": which of the rows a pick keeps
            + "|\\b(?:if|when|where)\\s+(?:two|both|several|more\\s+than\\s+one)\\b[^.;]{0,60}\\bsame\\b[^.;]{0,40}\\b(?:keep|take|use|pick|choose)\\b"
            // "results with RESULT_STATUS = X are removed first" (but "thousands separators are removed")
            + "|\\b(?:with|whose|where|having)\\b[^.;]{1,80}?\\b(?:are|is)\\s+removed\\b"
            // "Test properties and their leases are ignored in every target" (but "leading zeros are ignored")
            + "|(?<!\\b" + TEXT_PARTS + "\\s)(?:are|is)\\s+(?:ignored|rejected|omitted)\\s+(?:in|from)\\b"
            // "Cancelled results (RESULT_STATUS = 'X') are removed from MOD_RESULT before anything else"
            + "|(?<!\\b" + TEXT_PARTS + "\\s)(?:are|is)\\s+removed\\s+(?:from\\s+[A-Za-z][\\w.]*_[\\w.]+|before\\s+(?:anything|everything)\\s+else)\\b"
            + "|keep\\s+only\\s+(?:the|one)\\s+(?:row|record|version|latest|last|most|newest|earliest|first|oldest|highest|lowest"
            + "|largest|smallest)(?!\\s+(?:\\d+\\s+)?" + TEXT_PARTS + "\\b)|keep\\s+(?:only\\s+)?(?:one|a\\s+single|a|just\\s+one|a\\s+unique)\\s+(?:row|record|version|copy|entry)"
            + "|loads?\\s+only\\b|only\\s+loads?\\b"
            // "Extract contains exact duplicate rows - load one row per code"
            + "|\\b(?:load|keep|take)\\s+(?:only\\s+)?(?:one|a\\s+single|1)\\s+(?:row|record|line|entry|copy)\\s+(?:per|for\\s+each|for\\s+every)\\b"
            // "De-duplication: CARD_TXN - highest BATCH_SEQ per TXN_ID": a table's pick, named first
            + "|(?:^|:\\s*|;\\s*)[A-Za-z_][\\w.]*\\s*(?:[-–—]|\\s-)\\s*(?:the\\s+)?(?:highest|latest|most\\s+recent|newest|lowest|earliest|oldest"
            + "|max(?:imum)?|min(?:imum)?)\\s+[A-Za-z_][\\w.]*\\s+(?:per|for\\s+each)\\s+\\S"
            // "keep one result per ORDER_NO + TEST_CD - the one with the latest RESULT_DTTM"
            + "|\\bkeep\\s+(?:only\\s+)?(?:one|a\\s+single|just\\s+one)\\s+[a-z][\\w-]*\\s+(?:per|for\\s+each|for\\s+every)\\b"
            // "Agent codes starting 'TST' ... must never reach the mart (exclude from DIM_AGENT)"
            + "|\\b(?:must|should|will|shall|do|does)\\s+(?:not|never)\\s+(?:reach|flow\\s+(?:in)?to|go\\s+(?:in)?to|get\\s+(?:in)?to"
            + "|make\\s+it\\s+(?:in)?to)\\b|\\(\\s*(?:exclude|drop|remove)\\s+(?:them\\s+)?from\\b"
            // "Only the current version (latest LAST_UPD_TS) goes to DIM_CARD_ACCOUNT"
            + "|^only\\s+(?:the\\s+)?(?:current|latest|newest|most\\s+recent|last|earliest|oldest|first)\\s+(?:version|row|record|copy|entry)\\b"
            // "..., take the row with the most recent LAST_UPD_DT", "where DISP_ID repeats take the copy with the latest EXTRACT_TS"
            + "|\\b(?:keep|take|retain|use|select|pick|choose)\\s+(?:only\\s+)?(?:the|one|a\\s+single)\\s+(?:row|record|version|entry|copy|one)"
            + "\\s+(?:with|having|that\\s+has)\\s+(?:the\\s+)?(?:latest|last|most\\s+recent|newest|first|earliest|oldest|highest|lowest"
            + "|largest|smallest|greatest|max(?:imum)?|min(?:imum)?)\\b"
            // "If a code appears more than once keep the row where IS_ACTIVE = 'Y'": one of the repeated rows
            + "|\\b(?:appears?|comes?|occurs?|repeats?)\\s+(?:more\\s+than\\s+once|twice|several\\s+times)\\s*,?\\s*(?:then\\s+)?"
            + "(?:keep|take|use|retain|select|pick|choose)\\s+(?:only\\s+)?the\\s+(?:row|record|version|entry|copy|one)\\b"
            // "take the latest ils_patron row per patron_no", "then leave out test cards", "events that ... are in scope"
            + "|\\b(?:keep|take|use|retain|select|pick|load|choose)\\s+(?:only\\s+)?the\\s+(?:latest|last|most\\s+recent|newest|first|earliest|oldest|highest|lowest)"
            + "\\s+(?:[\\w-]+\\s+){0,2}(?:row|record|version|entry)s?\\s+(?:per|for\\s+each|of\\s+each)\\b"
            + "|\\bleave\\s+out\\s+(?!(?:the\\s+|any\\s+|all\\s+)?(?:leading\\s+|trailing\\s+|extra\\s+)?" + TEXT_PARTS + "\\b)"
            + "|\\b(?:is|are)\\s+(?:in|out\\s+of)\\s+scope\\b"
            // "See Notes: duplicates removed, February events excluded": rows said to be gone, in a participle
            + "|\\b(?!" + TEXT_PARTS + "\\b)(?!(?:is|was|has|does|this|its|his)\\b)[a-z]{2,}s\\s+(?:excluded|removed|dropped|filtered\\s+out)\\b"
            // "Load accepted taps only (txn_status A)"
            + "|^(?:load|keep|include)\\s+(?:[\\w-]+\\s+){1,4}only\\s*\\("
            // "If the extract sends the same line twice with identical values, load it once"
            // "where MEMBER_NO, TIER_CD and EFF_FROM are the same, load the record once"
            + "|(?:load|keep|take|count|include)\\s+(?:(?:it|them|each\\s+(?:\\w+\\s+){0,2}\\w+|one\\s+copy|a\\s+single\\s+copy"
            + "|the\\s+(?:record|row|line|entry|copy)|one\\s+(?:record|row))\\s+)?(?:only\\s+)?once\\b"
            // "rows that are identical in every column are loaded once", "it is counted once"
            + "|(?:are|is)\\s+(?:only\\s+)?(?:loaded|kept|taken|counted|included)\\s+(?:only\\s+)?once\\b"
            // "fully identical rows are simply collapsed"
            + "|\\b(?:identical|duplicate)\\s+(?:rows|records|lines|copies|entries)\\s+(?:are|is)\\s+(?:simply\\s+|just\\s+)?(?:collapsed|merged)\\b"
            + "|de-?dup(?:e|licate)[sd]?\\b|deduplicat\\w*|only\\s+\\w+(?:\\s+(?:\\w+|\\([^()]{1,20}\\))){0,6}\\s+(?:is|are)\\s+loaded)"
            // "remove rows that are identical ...": rows named as such ("remove thousands separators" is a value's operation)
            + "|^remove\\s+(?:the\\s+|any\\s+|all\\s+)?(?:rows|records|lines|duplicates?|(?:exact|identical)\\s+duplicates)\\b"
            + "|^(?:exclude|drop|skip|discard|reject|filter\\s+out|leave\\s+out|omit|ignore|do\\s+not\\s+load|don't\\s+load|never\\s+load)\\s+"
            + "(?!(?:the\\s+|any\\s+|all\\s+)?(?:leading\\s+|trailing\\s+|extra\\s+)?(?:case|capitali[sz]ation|" + TEXT_PARTS + ")\\b)"
            + "(?:rows?|records?|lines?|any|all|(?:[\\w/-]+\\s+){0,2}[\\w/-]+s)\\b"
            // "Then drop the ticket if that latest version has status CANC": the one thing, then when
            + "|^(?:exclude|drop|skip|discard|reject|remove|ignore)\\s+(?:the|that|this|a|an|such\\s+an?)\\s+[\\w-]+\\s+(?:if|when|where|whose)\\b"
            // "... are front-desk test accounts – exclude them", "... the same line twice – remove rows that are identical ..."
            + "|[-–—:;]\\s*(?:exclude|drop|skip|remove|discard|filter\\s+out|leave\\s+out|omit|do\\s+not\\s+load|don't\\s+load|never\\s+load)"
            + "(?:\\s+(?:them|these|those|it)\\b|\\s*[.;]?\\s*$)"
            + "|[-–—:;]\\s*(?:exclude|drop|skip|remove|discard|filter\\s+out|leave\\s+out|omit)\\s+(?:the\\s+|any\\s+|all\\s+)?(?:rows|records|lines"
            + "|duplicates|(?:exact|identical)\\s+duplicates)\\b");
    /**
     * "Ignore VEN_VENUE.ACTIVE_FLAG for this lookup": what a lookup or join does not test, never which rows the target
     * holds.
     */
    private static final Pattern OF_A_LOOKUP = Pattern.compile("(?i)\\b(?:for|in|on|during)\\s+(?:this|the|that)\\s+(?:lookup|look-up|join"
            + "|match)\\s*(?:[.;,()]|$)");

    /** A sentence that refers to a selection stated elsewhere: "Assign it after the test-account filter and the dedupe". */
    private static final Pattern REFERS = Pattern.compile("(?i)\\b(?:after|before|once)\\s+(?:the\\s+)?[\\w\\s-]{0,40}?"
            + "\\b(?:filter|filtered|dedupe|deduped|de-?duplicat(?:ion|ed)|duplicates?|duplicate\\s+\\w+\\s+rows)\\b"
            // "no dedupe needed (the master is unique)": a selection said to be unneeded
            + "|\\bno\\s+(?:dedupe|de-?dup\\w*|filter\\w*)\\b|\\b(?:not|none)\\s+(?:needed|required)\\b"
            // "training/QA properties excluded (General Rule 3)": the choice made where the rule it points to says
            + "|" + RulePointers.RULE_REF);
    /**
     * Words that name a choice of rows without making one: rows said to be kept ("must never be dropped") and a choice
     * made on another row ("filtered out (see ticket_id)").
     */
    private static final Pattern NOT_CHOOSING = Pattern.compile("(?i)\\b(?:never|not)\\s+(?:be\\s+)?(?:dropped|excluded|filtered\\s+out"
            + "|removed|rejected|skipped|lost)\\b"
            // "Their applications are still loaded (CANDIDATE_KEY = -1) unless excluded by rule 2": rows kept, and a
            // pointer to the rule that does leave some out, read where it stands
            + "|\\b(?:are|is)\\s+still\\s+(?:loaded|kept|included)\\b|\\bunless\\s+(?:they\\s+are\\s+|it\\s+is\\s+)?(?:excluded|dropped|removed)"
            + "\\s+(?:by|under|per|in)\\s+(?:general\\s+)?(?:rule|note|section|step)\\s*#?\\s*\\w+\\b"
            // "Count only the attempts that are loaded into this table - scans and excluded events do not count": the
            // target's own rows, which a number over them counts, said again
            + "|\\bonly\\s+(?:the\\s+)?[a-z]+\\s+(?:that|which)\\s+(?:are|were|get)\\s+(?:loaded|kept|included)\\s+(?:in|into|to)\\s+"
            + "(?:this|the)\\s+(?:table|target|fact)\\b[^.;]*|\\b(?:excluded|dropped|removed|filtered)\\s+(?!and\\b)[a-z]+s\\s+do\\s+not\\s+count\\b"
            // "the leading zero is sometimes dropped (930 = 09:30)": a part of a value, not a row
            + "|\\b(?:leading|trailing|extra|first|last|the)\\s+(?:zero|zeroes|zeros|spaces?|characters?|chars?|digits?|letters?|decimals?"
            + "|hyphens?|dashes?|prefix(?:es)?|suffix(?:es)?|separators?|slash(?:es)?|dots?|commas?)\\s+(?:is|are|gets?|was|were)\\s+"
            + "(?:(?:sometimes|often|occasionally|always|usually|also|then)\\s+)?(?:dropped|removed|lost|stripped|missing|omitted)\\b|\\b(?:filtered\\s+out|excluded|dropped|removed)\\s*\\(\\s*see\\s+[\\w.]+\\s*\\)"
            // "The -1 members of the dimensions are maintained manually and are out of scope": rows someone else makes
            + "|\\b(?:maintained|managed|created|inserted|added|seeded)\\s+(?:manually|by\\s+(?:the\\s+)?[\\w-]+|elsewhere|separately"
            + "|outside)\\b[^.;]*?\\b(?:out\\s+of\\s+scope|not\\s+(?:in\\s+scope|part\\s+of))");

    /** "After the dedupe, ...", "Once the test filter is applied, ...": when the step that follows comes. */
    private static final Pattern STEP_ORDER = Pattern.compile("(?i)^(?:after|once|then,?\\s+after)\\s+(?:the\\s+)?[\\w\\s-]{0,40}?"
            + "\\b(?:filter\\w*|dedupe\\w*|de-?dup\\w*|deduplication|pick)(?:\\s+(?:is|are|has\\s+been|have\\s+been)\\s+\\w+)?\\s*,\\s*");
    /** What leads a selection after a dash or a colon: "The export can contain the same account twice – keep only ...". */
    private static final Pattern LEAD_CLAUSE = Pattern.compile("^[^:()]{1,160}?(?:\\s[–—-]\\s|:\\s)(?=\\S)");

    /** "... are internal test plans - do not load.": an instruction with no object, about what the lead names. */
    private static final Pattern BARE_INSTRUCTION = Pattern.compile("(?i)^\\s*(?:do\\s+not\\s+load|don't\\s+load|never\\s+load|exclude"
            + "|drop|skip|ignore|discard|reject|omit|not\\s+loaded|excluded|ignored|dropped)\\s*[.;!]?\\s*$");

    /** A lead that names a dedupe, which the selection after it then spells out. */
    private static final Pattern DEDUPE_LEAD = Pattern.compile("(?i)\\b(?:de-?dup\\w*|deduplicat\\w*|duplicates?)\\b");

    private NoteFilters() {
    }

    static List<MappingRow> expand(List<MappingRow> rows) {
        List<MappingRow> rejecting = rows.stream().map(NullCellChoices::rejected).map(NullCellChoices::choices).toList();
        if (rejecting.stream().allMatch(r -> r.description() == null || r.description().isBlank())) {
            return rejecting;
        }
        String host = TargetNotes.host(rows).sourceTable();
        return rejecting.stream().map(r -> aggregateOfOtherTable(r, host) ? r : expand(r)).toList();
    }

    private static final Pattern STEP = Pattern.compile("(?i)^(?:\\(?\\d{1,2}[).]\\s+)?"
            // "Apply this first, then drop ...": the order of the steps, said before the step
            + "(?:(?:apply|do|run)\\s+(?:this|that|it|the\\s+\\w+)\\s+first\\s*[,;]?\\s*)?(?:(?:and\\s+)?then|next|finally|also|after\\s+that)"
            + "\\s*,?\\s+(?=\\S)|^\\(?\\d{1,2}[).]\\s+(?=\\S)");

    /** The sentence without the number of its step or the word that orders it ("(2) drop ...", "Then drop ..."). */
    private static String stepless(String sentence) {
        return STEP.matcher(sentence).replaceFirst("");
    }

    /** A sentence as a filter cell holds it: with a capital first, so the sentences after others stay apart. */
    private static String capitalised(String sentence) {
        String t = sentence.strip();
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    /** A filter cell's text before a sentence added to it: ended by one full stop ("" when there is none). */
    static String before(String filter) {
        return filter == null || filter.isBlank() ? "" : filter.trim().replaceAll("[.;\\s]+$", "") + ". ";
    }

    /**
     * The rows with the sentences of their rule cells that select rows moved to their filters; the rest of each cell
     * stays its rule. A rule cell that is only such a sentence is left as it is.
     */
    static List<MappingRow> fromRules(List<MappingRow> rows) {
        String host = rows.isEmpty() ? null : TargetNotes.host(rows).sourceTable();
        return rows.stream().map(r -> aggregateOfOtherTable(r, host) ? r : fromRule(r)).toList();
    }

    /** A rule that sums, counts or picks the extreme of something. */
    private static final Pattern AGGREGATE_RULE = Pattern.compile("(?i)^\\s*(?:the\\s+)?(?:sum|count|number|total|average|avg|mean"
            + "|max(?:imum)?|min(?:imum)?|most\\s+recent|latest|earliest|highest|lowest)\\b");

    /**
     * "Sum of the member's miles over POSTED activity. Use the de-duplicated activity (latest version of each
     * ACTIVITY_ID)." on a member dimension: the rule aggregates another table than the one the target's rows come from,
     * so what it says of rows chooses the rows it aggregates, never the target's.
     */
    private static boolean aggregateOfOtherTable(MappingRow r, String host) {
        String table = r.sourceTable();
        if (host == null || table == null || table.isBlank()) {
            return false;
        }
        List<String> read = List.of(table.strip().toLowerCase(java.util.Locale.ROOT).split("\\s*[,/;&]\\s*|\\s+and\\s+"));
        // "FFP_FLIGHT_ACTIVITY, FFP_REDEMPTION" on a member dimension: a value computed from other tables' rows
        return !read.contains(host.strip().toLowerCase(java.util.Locale.ROOT)) && (read.size() > 1
                || r.transformation() != null && AGGREGATE_RULE.matcher(r.transformation()).find());
    }

    /** A rule that reads another table ("Look up the enrolment in SIS_ENROLMENT: ..."): its sentences qualify that read. */
    private static final Pattern LOOKUP_RULE = Pattern.compile("(?i)^\\s*(?:look\\s*-?\\s*up|lookup|join|fetch|retrieve|pull|derive\\s+from)\\b");

    private static MappingRow fromRule(MappingRow r) {
        String rule = r.transformation();
        if (rule == null || rule.isBlank()) {
            return r;
        }
        if (LOOKUP_RULE.matcher(rule).find()) {
            // "Look up ...: same student and school ... Ignore soft-deleted enrolments.": the rows of the table looked
            // up, never the target's; but "Tier rows whose member is not in DIM_MEMBER are dropped" leaves out the
            // target's own rows that the lookup does not match
            return unmatchedDropped(r);
        }
        List<String> filters = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> explaining = new ArrayList<>();
        boolean pointed = false;
        for (String sentence : SENTENCES.split(rule.trim())) {
            String said = withoutPointers(sentence.trim());
            if (said.isEmpty() || !said.equals(sentence.trim())) {
                pointed = true;
            }
            if (said.isEmpty()) {
                continue;
            }
            said = codesLeftOut(said, r);
            String selection = selection(stepless(said));
            if (selection == null) {
                // "Row selection, in this order: (1) drop void lines": a selection after its topic and its step's number
                String topicless = leftOutAfterTopic(stepless(said));
                selection = topicless.equals(stepless(said)) ? null : selection(topicless);
            }
            if (selection != null) {
                filters.add(capitalised(selection));
            } else if (Picks.explains(said)) {
                explaining.add(said);
            } else {
                kept.add(said);
            }
        }
        if (filters.isEmpty()) {
            kept.addAll(explaining);
        } else {
            // "All other columns come from the kept record": said of the selection, it goes with it
            filters.addAll(explaining);
        }
        if (filters.isEmpty() && pointed && !kept.isEmpty()) {
            // "Trim and upper case; lathe work centres excluded (General Rule 3)": the rule without its pointer
            return new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                    r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), String.join(" ", kept), r.join(),
                    r.filter(), r.key(), r.nullable(), r.defaultValue(), r.nullHandling(), r.description(), r.attributes());
        }
        if (filters.isEmpty() || kept.isEmpty()) {
            return r;
        }
        String filter = before(r.filter()) + String.join(" ", filters);
        return new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), String.join(" ", kept), r.join(),
                filter, r.key(), r.nullable(), r.defaultValue(), r.nullHandling(), r.description(), r.attributes());
    }

    /**
     * "X = cancelled/no-show, those rows are not loaded", "CANC = Cancelled (not loaded)": codes of the row's one source
     * column, their meaning, then that their rows are left out: the rows whose column holds one of the codes.
     */
    private static final Pattern CODES_LEFT_OUT = Pattern.compile("^((?:'[^']{1,12}'|[A-Z0-9]{1,8})(?:\\s*(?:,|/|\\bor\\b)\\s*(?:'[^']{1,12}'"
            + "|[A-Z0-9]{1,8}))*)\\s*(?:=|->|→|:)\\s*[\\w /'-]{1,40}?(?:\\s*,\\s*|\\s+[-–—]\\s+|\\s*\\(\\s*)(?i:(?:those|these|such)"
            + "\\s+(?:rows|records|lines|[a-z]+s)\\s+|they\\s+)?(?i:are\\s+|is\\s+)?((?i:not\\s+loaded|never\\s+loaded|excluded|dropped|removed"
            + "|skipped|filtered\\s+out|ignored|rejected))\\b[^()]*\\)?\\s*[.;]?\\s*$");

    private static String codesLeftOut(String sentence, MappingRow r) {
        Matcher m = CODES_LEFT_OUT.matcher(sentence.strip());
        if (!m.matches() || r.sourceColumns().size() != 1 || r.sourceColumns().get(0).column() == null) {
            return sentence;
        }
        String column = r.sourceColumns().get(0).column().strip();
        List<String> codes = new ArrayList<>();
        for (String code : m.group(1).split("\\s*(?:,|/|\\bor\\b)\\s*")) {
            String c = code.strip().replaceAll("^'|'$", "");
            if (c.equalsIgnoreCase(column) || !column.matches("[A-Za-z_][\\w]*")) {
                // "STATUS = ...": a column, no code
                return sentence;
            }
            codes.add("'" + c + "'");
        }
        return "Rows with " + column + (codes.size() == 1 ? " = " + codes.get(0) : " in (" + String.join(", ", codes) + ")")
                + " are " + m.group(2).toLowerCase(java.util.Locale.ROOT) + ".";
    }

    /**
     * The sentence without its clauses that only point to a choice of rows made by a general rule ("; lathe work centres
     * excluded (General Rule 3)"): that rule is read where it stands.
     */
    private static String withoutPointers(String sentence) {
        if (!sentence.contains("(") || !RulePointers.pointsToRule(sentence)) {
            return sentence;
        }
        List<String> kept = new ArrayList<>();
        for (String clause : sentence.split("\\s*;\\s*|,\\s+(?=[a-z][\\w/-]*(?:\\s+[\\w/-]+){0,4}\\s+(?:excluded|removed|dropped|"
                + "filtered\\s+out|collapsed|de-?duplicated)\\b)")) {
            if (!POINTED_CHOICE.matcher(clause).matches()) {
                kept.add(clause);
            }
        }
        String out = String.join("; ", kept).trim();
        return out.isEmpty() ? "" : out.matches("(?s).*[.;!?]$") ? out : out + ".";
    }

    /**
     * A clause that only says rows are chosen, by a participle, and where: "training/QA properties excluded (General Rule
     * 3)", "test profiles removed and duplicates collapsed (General Rules 3 and 4)".
     */
    private static final Pattern POINTED_CHOICE = Pattern.compile("(?i)^\\s*(?:after\\s+|with\\s+|once\\s+)?[\\w/' -]{0,80}?\\b(?:are\\s+|is\\s+|have\\s+been\\s+)?"
            + "(?:excluded|removed|dropped|filtered\\s+out|collapsed|de-?duplicated|deduped)\\b[\\w/' -]{0,60}?\\s*" + RulePointers.RULE_REF + "\\s*[.;]?\\s*$");

    /**
     * "Full e-mail is PII and is not loaded to the mart", "The raw card number is never stored": one value (a singular
     * subject, no condition on a row) said not to be kept, which chooses no rows.
     */
    private static final Pattern VALUE_NOT_KEPT = Pattern.compile("(?i)^(?:the\\s+|a\\s+|its\\s+)?(?:[a-z][\\w-]*\\s+){0,3}[a-z][\\w-]*(?<![^s]s)"
            + "\\s+is\\s+(?:[a-z][\\w-]*\\s+and\\s+(?:is\\s+)?)?(?:not|never)\\s+(?:to\\s+be\\s+)?(?:loaded|stored|kept|carried|exposed|published"
            + "|persisted)\\b[\\w\\s]*[.;]?$");
    private static final Pattern ROW_CONDITION = Pattern.compile("(?i)\\b(?:with|whose|where|that|which|if|when|unless|rows?|records?"
            + "|lines?)\\b|[=<>'\"]");

    private static boolean valueNotKept(String sentence) {
        return VALUE_NOT_KEPT.matcher(sentence.strip()).matches() && !ROW_CONDITION.matcher(sentence).find()
                || VALUE_NOT_LOADED.matcher(sentence).find();
    }

    /** "Deferred visits sometimes have 0 - do not load it": a value rows carry, then that "it" (the value) is not kept. */
    private static final Pattern VALUE_NOT_LOADED = Pattern.compile("(?i)\\b(?:have|has|hold|holds|carry|carries|contain|contains|show"
            + "|shows|get|gets)\\s+(?:an?\\s+)?(?:'[^']*'|\"[^\"]*\"|-?\\d+(?:\\.\\d+)?|null|blank|zero|a\\s+value)\\s*(?:[-–—,;:]|\\s)\\s*"
            + "(?:so\\s+|and\\s+)?(?:do\\s+not|don't|never|must\\s+not)\\s+(?:load|keep|store|carry)\\s+(?:it|that|this)\\b");

    /** "... whose member is not in DIM_MEMBER ... are dropped", "Redemptions with no matching member are rejected". */
    private static final Pattern UNMATCHED_DROPPED = Pattern.compile("(?i)\\b(?:whose|with\\s+no|without\\s+an?|that\\s+have\\s+no|where\\s+the)\\b"
            + "[^.;]*?\\b(?:not\\s+(?:in|found|known|on)|no\\s+match\\w*|matching|unknown|cannot\\s+be\\s+found)\\b[^.;]*?\\b(?:are|is|get|gets)"
            + "\\s+(?:dropped|rejected|excluded|skipped|removed|discarded|not\\s+loaded|never\\s+loaded)\\b");

    /** The lookup rule with its sentences that drop the target's unmatched rows moved to the row's filter. */
    private static MappingRow unmatchedDropped(MappingRow r) {
        List<String> kept = new ArrayList<>();
        List<String> filters = new ArrayList<>();
        for (String sentence : SENTENCES.split(r.transformation().trim())) {
            (UNMATCHED_DROPPED.matcher(sentence).find() ? filters : kept).add(sentence.trim());
        }
        if (filters.isEmpty() || kept.isEmpty()) {
            return r;
        }
        return new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), String.join(" ", kept), r.join(),
                before(r.filter()) + String.join(" ", filters), r.key(), r.nullable(), r.defaultValue(), r.nullHandling(),
                r.description(), r.attributes());
    }

    /**
     * The part of a sentence that chooses rows, without what leads to it ("The export can contain the same account
     * twice – keep only ..."): the sentence itself when nothing leads; null when it chooses no rows or only refers to a
     * choice made elsewhere.
     */
    /** "Amount is text that may carry a '$' sign and comma separators - remove them before summing": parts of a value. */
    private static final Pattern VALUE_PARTS_REMOVED = Pattern.compile("(?i)\\b(?:" + TEXT_PARTS + "|signs?|separators?|symbols?|"
            + "prefix|suffix)\\b[^.;]{0,60}?\\b(?:remove|strip|drop|delete|ignore)\\s+(?:them|these|those|it)\\b");

    /**
     * "Only combinations that have at least one opportunity produce a row": what grouping does anyway (a group exists
     * where rows do), no choice of rows.
     */
    private static final Pattern GROUPS_PRESENT = Pattern.compile("(?i)^\\s*only\\s+(?:the\\s+)?(?:combinations|groups|keys|pairs|buckets)\\s+"
            + "(?:that|which|with)\\s+(?:have|has|having|with)?\\s*(?:at\\s+least\\s+one|one\\s+or\\s+more|any)\\b[^.;]*\\b(?:produce|get|give|yield"
            + "|have|appear\\s+as|make)\\s+(?:a\\s+|one\\s+)?rows?\\b[^.;]*[.;]?\\s*$");

    private static String selection(String sentence) {
        if (VALUE_PARTS_REMOVED.matcher(sentence).find()) {
            return null;
        }
        String afterStep = STEP_ORDER.matcher(sentence).replaceFirst("");
        if (!afterStep.equals(sentence) && ROW_SELECTION.matcher(afterStep).find()) {
            // "AFTER the dedupe, drop rows whose ...": a step of its own, said to come after another
            return sentence;
        }
        if (REFERS.matcher(sentence).find() && ROW_SELECTION.matcher(sentence).find()) {
            // "The work order must qualify for FACT_WORK_ORDER (after its de-duplication and exclusions) - lines for
            // unknown, cancelled or test WOs are dropped": a clause of its own that chooses rows, beside the reference
            for (String clause : sentence.split("\\s[–—-]\\s|\\s*;\\s*")) {
                if (!clause.equals(sentence) && ROW_SELECTION.matcher(clause).find() && !REFERS.matcher(clause).find()
                        && !OF_A_LOOKUP.matcher(clause).find() && ROW_SELECTION.matcher(NOT_CHOOSING.matcher(clause).replaceAll(" ")).find()) {
                    return clause.strip();
                }
            }
        }
        if (!ROW_SELECTION.matcher(sentence).find() || REFERS.matcher(sentence).find() || OF_A_LOOKUP.matcher(sentence).find()
                || !ROW_SELECTION.matcher(NOT_CHOOSING.matcher(sentence).replaceAll(" ")).find()) {
            // (the words that choose rows are only ones that keep them or point elsewhere: "Ticket must never be dropped
            // because of a missing feeder", "filtered out (see ticket_id)"; beside another choice, that one is read)
            return null;
        }
        return withoutLead(sentence);
    }

    /**
     * The sentence without what leads to its choice of rows, when the rest still chooses rows; else as it is. A lead that
     * chooses rows itself ("Load only records whose REC_STATUS is 'OK' – records flagged ERR are not loaded") is no
     * lead: the two stay, as two sentences.
     */
    private static String withoutLead(String sentence) {
        java.util.regex.Matcher lead = LEAD_CLAUSE.matcher(sentence);
        if (!lead.find() || !ROW_SELECTION.matcher(sentence.substring(lead.end())).find()) {
            return sentence;
        }
        String led = sentence.substring(lead.end());
        if (Picks.leadsPick(sentence.substring(0, lead.end())) || LoadedOnce.form(sentence) != null) {
            // ("rows with the same EVENT_ID are identical copies - load once": the lead says per what)
            // "Re-issued bills come through again with a higher BILL_VERSION - keep only the highest version of each
            // bill": the lead names the order of the copies
            return sentence;
        }
        if (led.matches("(?is).*\\b(?:it|them|these|those|such\\s+(?:rows|records|lines))\\b.*") || BARE_INSTRUCTION.matcher(led).matches()
                || Picks.SAME_THING.matcher(sentence.substring(0, lead.end())).find()
                || Picks.ONE_ROW_PER.matcher(sentence.substring(0, lead.end())).find()
                || KEEP_ONE_PER.matcher(sentence.substring(0, lead.end())).find()) {
            // ("Keep one row per unit number + test code: the one with the latest TESTED_AT": the lead says per what)
            // "... several versions of the same guest – keep only the version with ...": the lead says per what
            // "Rows with a blank campaign_id are unsaved drafts - do not load them": what "them" are is the lead
            return sentence;
        }
        String leading = sentence.substring(0, lead.end()).replaceFirst("\\s*[–—:-]\\s*$", "").trim();
        if (!ROW_SELECTION.matcher(leading).find() || DEDUPE_LEAD.matcher(leading).find()) {
            // "Dedupe on this value: keep only the latest record per student": the choice announced, then said
            return led;
        }
        return leading.replaceAll("[.;]+$", "") + ". " + Character.toUpperCase(led.charAt(0)) + led.substring(1);
    }

    /** "Keep one row per unit number + test code:": a lead that keeps one row per key, the pick said after it. */
    private static final Pattern KEEP_ONE_PER = Pattern.compile("(?i)^\\s*(?:keep|load|take|retain)\\s+(?:only\\s+)?(?:one|a\\s+single)\\s+"
            + "(?:row|record|line|entry|version)\\s+(?:per|for\\s+each|for\\s+every)\\s+[^:;]{1,80}[:;–—-]\\s*$");

    /** The sentences of a text that choose rows, joined; "" when none does. */
    static String choosingSentences(String text) {
        List<String> out = new ArrayList<>();
        boolean lastChose = false;
        String lead = null;
        for (String sentence : SENTENCES.split(text.trim())) {
            String said = stepless(sentence.trim());
            boolean chooses = !OF_A_LOOKUP.matcher(said).find() && !VALUE_PARTS_REMOVED.matcher(said).find() && !GROUPS_PRESENT.matcher(said).find()
                    && (FILTER_SENTENCE.matcher(said).find() || selection(said) != null)
                    || lastChose && FilterSentences.DEFINITION.matcher(said).matches();
            if (chooses && lead != null && Picks.read(said) != null) {
                // "FFP_MEMBER may hold more than one record per MEMBER_NO. Keep only the record with the latest
                // LAST_UPD_TS.": the sentence before names what repeats
                out.add(capitalised(lead));
            }
            if (chooses) {
                out.add(capitalised(said));
            }
            lead = !chooses && Picks.leadsPick(said) ? said : null;
            lastChose = chooses;
        }
        return String.join(" ", out);
    }

    private static MappingRow expand(MappingRow r) {
        if (r.description() == null || r.description().isBlank()) {
            return r;
        }
        List<String> filters = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> explaining = new ArrayList<>();
        boolean lastWasFilter = false;
        for (String sentence : SENTENCES.split(r.description().trim())) {
            // "(2) drop rejected entries", "Row rules for this table: (1) exclude ...": a numbered step, after its topic
            String said = stepless(sentence.trim());
            String topicless = leftOutAfterTopic(said);
            int before = filters.size();
            if (OF_A_LOOKUP.matcher(said).find() || VALUE_PARTS_REMOVED.matcher(said).find() || GROUPS_PRESENT.matcher(said).find()
                    || valueNotKept(said)) {
                notes.add(said);
            } else if (lastWasFilter && FilterSentences.DEFINITION.matcher(said).matches()) {
                // "Exclude test accounts. These are the account numbers starting with 999.": what the rows are
                filters.add(capitalised(said));
            } else if (FILTER_SENTENCE.matcher(said).find()) {
                filters.add(capitalised(FILTER_LABEL.matcher(said).replaceFirst("")));
            } else if (!topicless.equals(said) && FILTER_SENTENCE.matcher(topicless).find()
                    && Picks.leadsPick(said.substring(0, said.length() - topicless.length()))) {
                // "Mediation re-sends re-rated CDRs with the same CDR_ID: keep only the record with the highest
                // FILE_SEQ": the topic says per what
                filters.add(capitalised(said));
            } else if (!topicless.equals(said) && FILTER_SENTENCE.matcher(topicless).find()) {
                filters.add(capitalised(FILTER_LABEL.matcher(topicless).replaceFirst("")));
            } else if (selection(said) != null) {
                // "The extract can carry the same patron twice – keep only the row with the latest ...": a selection
                // stated after what explains it, as in a rule cell
                // ("One row per account: ... keep the one with the most recent EXTRACT_DT": the topic says per what)
                boolean perWhat = !topicless.equals(said) && Picks.leadsPick(said.substring(0, said.length() - topicless.length()));
                filters.add(capitalised(withoutLead(perWhat ? said : topicless)));
            } else if (Picks.explains(said)) {
                explaining.add(said);
            } else {
                notes.add(said);
            }
            lastWasFilter = filters.size() > before;
        }
        if (filters.isEmpty()) {
            return r;
        }
        if (Picks.read(String.join(" ", filters)) != null) {
            // "LAST_UPD is text DD/MM/YYYY HH:MM:SS", "The extract re-sends ...": said of the pick, they go with it
            filters.addAll(explaining);
        } else {
            notes.addAll(explaining);
        }
        String filter = before(r.filter());
        filter += String.join(" ", filters);
        return new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), r.transformation(), r.join(),
                filter, r.key(), r.nullable(), r.defaultValue(), r.nullHandling(),
                notes.isEmpty() ? null : String.join(" ", notes), r.attributes());
    }
}
