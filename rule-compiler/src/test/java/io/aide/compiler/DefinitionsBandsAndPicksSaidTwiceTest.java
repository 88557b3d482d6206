package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wordings from documents no development case used: a definition whose first word is also a verb or that names the
 * unit the value is kept in ("Flag state country code, trimmed and upper-cased.", "Length overall in metres; cast to
 * number"), the values an else branch covers named between dashes ("Every other value – I (inactive), blank – is
 * false"), a band whose end is left out in words ("from 294 m up to but not including 366 m"), duplicates said in the
 * passive ("rows that are identical in every column are loaded once"), a pick said in prose with its key cleaned and
 * again in SQL with the bare column, a pick whose extreme is defined after its key ("latest = highest last_updated,
 * which is text in DD/MM/YYYY HH:MM"), a cover sheet's "always trim and compare without regard to case", and a filter
 * naming the row's own column by a word of its name ("objects whose cleaned number starts with TMP"), a pick compared
 * "as a real date" as another row parses its column, and a numbering "after the de-duplication described on X". DuckDB.
 */
class DefinitionsBandsAndPicksSaidTwiceTest {
    private static final RuleTable TABLE = new RuleTable("vessel", "id", new String[]{"id", "flag_cd", "loa_m", "status_cd"},
            new String[]{"1", " gb", "365.96", "A"},
            new String[]{"2", "pa ", "200", "i"},
            new String[]{"3", null, "120.04", null});

    @Test
    void shouldReadADefinitionWhoseFirstWordIsAVerbOrThatNamesItsUnit() throws Exception {
        TABLE.expect("VARCHAR", "flag_cd", List.of("Flag state country code, trimmed and upper-cased.",
                "First flag code seen, trimmed and upper-cased."), "GB", "PA", null);
        TABLE.expect("DECIMAL(6,1)", "loa_m", List.of("Length overall in metres; cast to number and round to 1 decimal place.",
                "Length in metres, rounded to 1 decimal place."), "366", "200", "120");
        // a unit the rule converts to keeps the definition's unit part of the rule
        assertThat(TABLE.flagged("DECIMAL(6,1)", "loa_m", "Length in feet, convert to metres.")).isNotBlank();
    }

    @Test
    void shouldLeaveOutTheValuesAnElseBranchNamesBetweenDashes() throws Exception {
        TABLE.expect("BOOLEAN", "status_cd", List.of("True when the status code (trimmed, case-insensitive) is 'A'. Every other "
                + "value – I (inactive), S (sold/scrapped), blank – is false."), "true", "false", "false");
    }

    @Test
    void shouldReadABandWhoseEndIsLeftOutInWords() throws Exception {
        TABLE.expect("VARCHAR", "loa_m", List.of("366 m or longer is 'ULCV'; from 294 m up to but not including 366 m is "
                + "'Neo-Panamax'; from 200 m up to but not including 294 m is 'Panamax'; anything shorter is 'Feeder'."),
                "Neo-Panamax", "Panamax", "Feeder");
        // "anything shorter" is below the lowest band said (so never a missing value); "anything longer" above the highest
        TABLE.expect("VARCHAR", "loa_m", List.of("366 or more is 'ULCV'; anything less is 'Feeder'."), "Feeder", "Feeder", "Feeder");
        TABLE.expect("VARCHAR", "loa_m", List.of("Under 200 is 'Small'; anything longer is 'Big'."), "Big", "Big", "Small");
    }

    private static final String[] LOG = {"trip_id", "status_cd", "riders"};
    private static final SampleRows TRIPS = new SampleRows("trip_log", LOG,
            new String[]{"1", "C", "10"},
            new String[]{"1", "C", "10"},
            new String[]{"2", "t", "4"},
            new String[]{"3", "P", "7"});

    @Test
    void shouldLoadRowsIdenticalInEveryColumnOnceWhenTheNoteSaysSoInThePassive() throws Exception {
        GeneratedLayers.Layer layer = TRIPS.compile(Specs.spec()
                .rowWithCells("fact_trip", "trip_id", "INTEGER", "trip_log", "trip_id", "Trim and cast to integer.", null,
                        "Natural key. Filter: driver training runs (status_cd T, any case, ignoring spaces) are excluded. "
                                + "The upload sometimes sends a trip twice – rows that are identical in every column are loaded once.")
                .row("fact_trip", "rider_count", "INTEGER", "trip_log", "riders", "Cast to integer."));
        assertThat(TRIPS.run(layer, "trip_id", "rider_count")).containsExactly("1|10", "3|7");
    }

    @Test
    void shouldKeepADashInsideTheFilterSentenceThatFollowsADedupeSentence() throws Exception {
        GeneratedLayers.Layer layer = TRIPS.compile(Specs.spec()
                .rowWithCells("fact_trip", "trip_id", "INTEGER", "trip_log", "trip_id", "Trim and cast to integer.", null,
                        "If the extract sends the same line twice with identical values, load it once. Exclude training "
                                + "runs – status_cd T after trimming, any case.")
                .row("fact_trip", "rider_count", "INTEGER", "trip_log", "riders", "Cast to integer."));
        assertThat(TRIPS.run(layer, "trip_id", "rider_count")).containsExactly("1|10", "3|7");
    }

    private static final String[] MAKERS = {"maker_id", "last_updated", "maker_type", "obj_no"};
    private static final SampleRows VERSIONS = new SampleRows("cms_maker", MAKERS,
            new String[]{"m1", "02/01/2025 09:00", "P", "TMP-1"},
            new String[]{" M1 ", "10/12/2024 18:00", "O", "A-1"},
            new String[]{"M2", "01/01/2025 08:00", "p", "a-2"},
            new String[]{"m2", "01/01/2025 07:59", "o", "tmp-2"});

    @Test
    void shouldPreferAProsePickThatCleansItsKeyOverTheSameInSqlWithTheBareColumn() throws Exception {
        GeneratedLayers.Layer layer = VERSIONS.compile(Specs.spec()
                .rowWithCells("dim_maker", "maker_id", "VARCHAR(10)", "cms_maker", "maker_id", "Trim and upper-case.", null,
                        "Keep one row per maker_id (after trim + upper): the one with the latest last_updated. i.e. "
                                + "ROW_NUMBER() OVER (PARTITION BY maker_id ORDER BY last_updated DESC) = 1.")
                .row("dim_maker", "maker_type", "VARCHAR(1)", "cms_maker", "maker_type", "Trim and upper-case."));
        // the text order of DD/MM/YYYY is no time order, but it is what the SQL says: 10/12/2024 is after 02/01/2025
        assertThat(VERSIONS.run(layer, "maker_id", "maker_type")).containsExactly("M1|O", "M2|P");
    }

    @Test
    void shouldReadAPickWhoseExtremeIsDefinedAfterItsKeyOnARowNamingTheOrderColumnToo() throws Exception {
        GeneratedLayers.Layer layer = VERSIONS.compile(Specs.spec()
                .row("dim_maker", "maker_id", "VARCHAR(10)", "cms_maker", "maker_id, last_updated", "Trim and upper-case. "
                        + "Keep only the latest version per cleaned maker_id, latest = highest last_updated, which is text in "
                        + "DD/MM/YYYY HH:MM (24 hour). All other dim_maker columns are taken from that latest row.")
                .row("dim_maker", "maker_type", "VARCHAR(12)", "cms_maker", "maker_type",
                        "P = Person, O = Organisation, anything else = Unknown.")
                .note("Cover", "Code values are typed in by hand, so always trim and compare without regard to case unless "
                        + "the rule says otherwise."));
        assertThat(VERSIONS.run(layer, "maker_id", "maker_type")).containsExactly("M1|Person", "M2|Person");
    }

    @Test
    void shouldCompareAPicksOrderAsTheDateAnotherRowParsesAndNumberAfterTheStepDescribedElsewhere() throws Exception {
        GeneratedLayers.Layer layer = VERSIONS.compile(Specs.spec()
                .row("dim_maker", "maker_sk", "INTEGER", "cms_maker", null, "Surrogate key: sequence number starting at 1, "
                        + "assigned in ascending order of maker_id, after the de-duplication described on maker_id.")
                .row("dim_maker", "maker_id", "VARCHAR(10)", "cms_maker", "maker_id", "Trim and upper-case. The registry holds "
                        + "more than one row for some makers – keep one row per cleaned maker id, the one with the most recent "
                        + "last_updated (compare as a real date, not as text).")
                .row("dim_maker", "updated", "TIMESTAMP", "cms_maker", "last_updated", "Text in DD/MM/YYYY HH:MM format; convert "
                        + "to a timestamp.")
                .row("dim_maker", "maker_type", "VARCHAR(1)", "cms_maker", "maker_type", "Trim and upper-case."));
        // as text, 10/12/2024 would win over 02/01/2025
        assertThat(VERSIONS.run(layer, "maker_sk", "maker_id", "maker_type")).containsExactly("1|M1|P", "2|M2|P");
    }

    @Test
    void shouldLeaveBlankPartsOutAsTheSentencesSayAndCleanEachPartAsWritten() throws Exception {
        RuleTable people = new RuleTable("people", "id", new String[]{"id", "title", "first_name", "surname"},
                new String[]{"1", "Mr", " John ", "smith"}, new String[]{"2", " ", "Ann", " lee"}, new String[]{"3", null, null, "Acme"});
        people.expect("VARCHAR", "title, first_name, surname", List.of(
                "Title, first name and surname, each trimmed, joined with one space between them. A part that is blank is simply "
                        + "left out, so there are never leading or double spaces.",
                "Title, first name and surname, each trimmed, joined with a single space. Any part that is blank is left out (no "
                        + "double spaces)."), "Mr John smith", "Ann lee", "Acme");
        people.expect("VARCHAR", "first_name, surname", List.of("First name and surname, each trimmed, joined with a single space. "
                + "If one of the two is null/blank, use the other one alone (no leading or trailing space)."), "John smith", "Ann lee", "Acme");
        // a part's own case said right after it, and "– both trimmed" said of every part
        people.expect("VARCHAR", "surname, first_name", List.of("Surname in capitals, then a comma and a space, then the first name "
                + "as entered – both trimmed. If first name is blank: surname (in capitals) only, no comma."), "SMITH, John", "LEE, Ann", "ACME");
        // a bracket after a part that says its case is kept; one that asks for more stays unread
        people.expect("VARCHAR", "surname, first_name", List.of("Surname trimmed and in upper case, followed by a comma and one space, "
                + "followed by the first name trimmed (keep the case as entered)."), "SMITH, John", "LEE, Ann", null);
        assertThat(people.flagged("VARCHAR", "surname, first_name", "Surname trimmed and in upper case, followed by a comma and one "
                + "space, followed by the first name trimmed (in upper case).")).isNotBlank();
    }

    @Test
    void shouldReadTheRowsOwnColumnNamedByAWordOfItsNameInAFilter() throws Exception {
        GeneratedLayers.Layer layer = VERSIONS.compile(Specs.spec()
                .row("dim_object", "object_number", "VARCHAR(10)", "cms_maker", "obj_no", "Trim and upper-case. Filter: do not "
                        + "load objects whose cleaned number starts with TMP - these are temporary entry numbers, not accessioned "
                        + "objects."));
        assertThat(VERSIONS.run(layer, "object_number")).containsExactly("A-1", "A-2");
    }
}
