package io.aide.compiler;

import io.aide.compiler.lang.RowTables;
import io.aide.events.spec.DocumentNote;
import io.aide.events.spec.MappingSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notes' sentences after a definition of a kind of rows ({@link RowClasses}) with the kind named where they point
 * back to it: "They are not loaded", "It is not loaded to DIM_DONOR", "their orders", "those owners", "visits of those
 * donor ids" (the column the kind's conditions test), or a subject left unsaid ("Excluded from ..."). Each sentence then
 * says what it leaves out wherever the notes' lines are split among the targets.
 */
final class KindsNamedBack {
    private KindsNamedBack() {
    }

    /**
     * The document with its notes' sentences that follow a definition naming the kind where they say "they" or "their"
     * or leave the subject unsaid: "Test patients: any MRN beginning with TST is a test patient. They are not loaded to
     * DIM_PATIENT and their orders ..." -> "Test patients are not loaded to DIM_PATIENT and test patients' orders ...".
     * Each sentence then says what it leaves out wherever the notes' lines are split among the targets.
     */
    static MappingSpec withKindsNamed(MappingSpec spec) {
        List<DocumentNote> notes = new ArrayList<>(spec.notes().size());
        boolean changed = false;
        for (DocumentNote n : spec.notes()) {
            String text = RowClasses.MARKED.matcher(n.text()).find() ? withKindsNamed(n.text()) : n.text();
            changed |= !text.equals(n.text());
            notes.add(text.equals(n.text()) ? n : new DocumentNote(n.sheet(), n.row(), text));
        }
        return !changed ? spec : new MappingSpec(spec.documentId(), spec.tenantId(), spec.version(), spec.fileName(), spec.format(),
                spec.headerMapping(), spec.sheets(), spec.rows(), spec.referenceTables(), spec.diagnostics(), notes);
    }

    private static final Pattern SUBJECT_PRONOUN = Pattern.compile("^(?:They|These|Those)\\b");
    /** "It is not loaded ...": the one row of the kind, said of all of them. */
    private static final Pattern SUBJECT_IT = Pattern.compile("^It\\s+(is|was)\\s+(?=not\\b|never\\b|excluded\\b|ignored\\b|dropped\\b"
            + "|removed\\b|skipped\\b|rejected\\b|left\\s+out\\b|filtered\\s+out\\b)|^It\\s+(?=(?:must|should|shall|will)\\s+not\\b)");
    private static final Pattern SUBJECT_UNSAID = Pattern.compile("^(?=(?:Excluded|Ignored|Dropped|Removed|Skipped|Not\\s+loaded)\\b)");

    private static String withKindsNamed(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(" \\| ", -1)) {
            StringBuilder out = new StringBuilder();
            String plural = null;
            String subject = null;
            RowClasses.RowClass lastDefined = null;
            for (String sentence : cell.strip().split("(?<=[.;!?])\\s+(?=[A-Z(])")) {
                RowClasses.RowClass defined = RowClasses.definition(RowClasses.STEP_NUMBER.matcher(sentence).replaceFirst(""));
                String said = sentence;
                if (defined != null) {
                    lastDefined = defined;
                    String name = defined.names().get(0);
                    plural = name.endsWith("y") ? name.substring(0, name.length() - 1) + "ies" : name + "s";
                    // "Test accounts: owners whose LAST_NM is 'TEST' ...": the rows the kind is made of ("those owners")
                    Matcher whose = SUBJECT_WHOSE.matcher(sentence);
                    subject = whose.find() ? whose.group(1) : null;
                    said = thoseNamed(said, plural, subject);
                } else if (plural != null) {
                    said = thoseNamed(said, plural, subject);
                    said = identifiedNamed(said, plural, defined != null ? defined : lastDefined);
                    String capital = Character.toUpperCase(plural.charAt(0)) + plural.substring(1);
                    // "It is not loaded to DIM_DONOR" after "any DONOR_MASTER row whose ... is a QA/training record"
                    Matcher it = SUBJECT_IT.matcher(said);
                    if (it.find()) {
                        said = capital + (it.group(1) != null ? " are " : " ") + said.substring(it.end());
                    }
                    said = SUBJECT_PRONOUN.matcher(said).replaceFirst(capital);
                    said = SUBJECT_UNSAID.matcher(said).replaceFirst(capital + " are ");
                    if (!said.equals(sentence) && said.startsWith(capital + " are ")) {
                        said = capital + " are " + Character.toLowerCase(said.charAt(capital.length() + 5)) + said.substring(capital.length() + 6);
                    }
                    // "Their licences are excluded from DIM_LICENSE as well": the kind's rows, at the start of a sentence too
                    said = said.replaceAll("^Their\\b", java.util.regex.Matcher.quoteReplacement(capital + "'"))
                            .replaceAll("\\btheir\\b", java.util.regex.Matcher.quoteReplacement(plural + "'"))
                            .replaceAll("\\bthem\\b", java.util.regex.Matcher.quoteReplacement(plural));
                }
                out.append(out.length() == 0 ? "" : " ").append(said);
            }
            cells.add(out.toString());
        }
        return String.join(" | ", cells);
    }

    /**
     * "... and all MOD_RESULT rows for those students are excluded": the kind just defined, named where the sentence
     * points back to it by its head noun.
     */
    private static String thoseNamed(String sentence, String plural, String subject) {
        String head = plural.substring(plural.lastIndexOf(' ') + 1);
        String heads = Pattern.quote(head) + (subject == null ? "" : "|" + Pattern.quote(subject));
        return sentence.replaceAll("(?i)\\b(?:those|these|such)\\s+(?:" + heads + ")\\b", Matcher.quoteReplacement(plural));
    }

    /**
     * "visits of those donor ids are not loaded": the kind just defined, named where the sentence points back to it by
     * the column its conditions test that identifies its rows (DONOR_ID), written as words.
     */
    private static String identifiedNamed(String sentence, String plural, RowClasses.RowClass kind) {
        if (kind == null) {
            return sentence;
        }
        Matcher those = THOSE_WORDS.matcher(sentence);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (those.find(at)) {
            // the two words, else the first alone ("those ids are dropped")
            String two = those.group(2);
            String one = two.contains(" ") ? two.substring(0, two.indexOf(' ')) : null;
            String said = identifies(kind, two) ? two : one != null && identifies(kind, one) ? one : null;
            int end = said == null ? those.end(1) : those.start(2) + said.length();
            out.append(sentence, at, said == null ? end : those.start()).append(said == null ? "" : plural);
            at = end;
        }
        return out.append(sentence.substring(at)).toString();
    }

    /** The words name, as one name, a column the kind's conditions test ("donor ids": DONOR_ID). */
    private static boolean identifies(RowClasses.RowClass kind, String words) {
        String name = RowTables.singular(words.toLowerCase(Locale.ROOT)).replaceAll("\\s+", "_");
        return kind.conditions().stream().anyMatch(c -> NAME.matcher(c).results()
                .anyMatch(w -> w.group().equalsIgnoreCase(name) || w.group().equalsIgnoreCase(name.replace("_", ""))));
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** "those donor ids", "these member numbers": a pointing word and one or two words after it. */
    private static final Pattern THOSE_WORDS = Pattern.compile("(?i)\\b(those|these|such)\\s+([a-z]+(?:\\s+[a-z]+)?)\\b");

    /** "owners whose LAST_NM ...": the plural noun of the rows a definition tests. */
    private static final Pattern SUBJECT_WHOSE = Pattern.compile("(?i)\\b([a-z]{3,}s)\\s+whose\\b");
}
