package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readings that once gave a value the rule does not ask for, found on a metering document written by someone else: a
 * label before a conditional took the bracket that cleans the compared code with it, a label that computes ("first two
 * digits of MPAN:") was dropped as a label, a sentence about blank parts was dropped as a remark, and "No match -> -1"
 * gave 1. Each now reads right or is flagged. DuckDB.
 */
class SilentReadingsTest {
    private static final RuleTable METERS = new RuleTable("meters", "id", new String[]{"id", "psr_ind", "mpan", "title", "surname"},
            new String[]{"1", " y ", "1012345", "Mr", "Shaw"}, new String[]{"2", "N", "2298765", "  ", "Greenway Ltd"},
            new String[]{"3", null, "9911111", null, null});

    @Test
    void shouldKeepTheCleaningOfACodeAfterALabel() throws Exception {
        METERS.expect("BOOLEAN", "psr_ind", List.of("Priority Services Register indicator: TRUE when psr_ind is Y (after trimming,"
                + " any case), otherwise FALSE."), "true", "false", "false");
    }

    @Test
    void shouldReadWordsThatComputeBeforeAColonAsTheValueTheMapKeys() throws Exception {
        METERS.expect("VARCHAR(20)", "mpan", List.of("First two digits of mpan: 10 = Eastern, 22 = South Western, else Other."),
                "Eastern", "South Western", "Other");
        assertThat(METERS.flagged("VARCHAR(20)", "mpan", "Region from the distributor ID = first two digits of the cleaned mpan:"
                + " 10 = Eastern, 22 = South Western.")).isNotEmpty();
    }

    @Test
    void shouldNeverDropASentenceAboutBlankParts() throws Exception {
        // read, never dropped: the blank title left out with its space, nothing when both are missing
        METERS.expect("VARCHAR(60)", "title,surname", List.of("Title and surname, each trimmed, joined with a single space."
                + " Any part that is blank is left out (no double spaces)."), "Mr Shaw", "Greenway Ltd", null);
        // a sentence about blank parts that is not read is flagged, never left out
        assertThat(METERS.flagged("VARCHAR(60)", "title,surname", "Title and surname, each trimmed, joined with a single space."
                + " Any part that is blank is to be checked with the data owner.")).contains("blank");
    }

    @Test
    void shouldKeepTheSignOfANegativeDefault() throws Exception {
        Specs spec = Specs.spec()
                .row("dim", "id", "INTEGER", "meters", "id", "Direct move", null, null, true, false, null)
                .row("dim", "code", "INTEGER", "meters", "mpan", "Cast to integer.", null, null, false, true, "No match -> -1.");
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"),
                List.of(), new SchemaCatalog(List.of(Specs.table("meters", "id", "psr_ind", "mpan", "title", "surname")))), null)
                .layers().get(0);
        assertThat(layer.sql().get("duckdb")).contains("-1").doesNotContain(", 1)");
    }

    @Test
    void shouldReadAnElseWithWhatItCoversAfterItsValue() throws Exception {
        METERS.expect("VARCHAR(20)", "psr_ind", List.of("TRIM(psr_ind): y = Yes, N = No, else Unknown (blank included)."),
                "Yes", "No", "Unknown");
    }

    @Test
    void shouldNeverReadTheSourceWhereABracketAsksForTheTargetsValues() {
        // "(the target values after defaulting)" says which values: never a remark left out
        assertThat(METERS.flagged("INTEGER", "mpan,id", "mpan minus id (the target values after defaulting).")).isNotEmpty();
    }

    @Test
    void shouldReadACodesLabelAfterItInATest() throws Exception {
        METERS.expect("BOOLEAN", "psr_ind", List.of("true when the trimmed psr_ind is N (no), else false."), "false", "true", "false");
    }

    @Test
    void shouldApplyADefaultThatAMapWithAnElseCouldNeverReachToTheInput() throws Exception {
        // "Any other code -> Other" gives a value for every row: "Blank or null -> Standard" is the input's default
        Specs spec = Specs.spec()
                .row("dim", "id", "INTEGER", "meters", "id", "Direct move", null, null, true, false, null)
                .row("dim", "level", "VARCHAR(20)", "meters", "psr_ind", "Y -> Yes, N -> No (trim, ignore case). Any other code"
                        + " -> Other.", null, null, false, true, "Blank or null -> Standard");
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"),
                List.of(), new SchemaCatalog(List.of(Specs.table("meters", "id", "psr_ind", "mpan", "title", "surname")))), null)
                .layers().get(0);
        assertThat(layer.columns().get(1).status()).isEqualTo("compiled");
        try (DuckDb db = new DuckDb().table("meters", new String[][]{{"id", "psr_ind", "mpan", "title", "surname"},
                {"1", " y ", "1", "a", "b"}, {"2", "  ", "1", "a", "b"}, {"3", null, "1", "a", "b"}, {"4", "Q", "1", "a", "b"}})) {
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map(r -> String.valueOf(r.get("level"))).toList()).containsExactly("Yes", "Standard", "Standard", "Other");
        }
    }

    @Test
    void shouldFlagALookupOfAColumnFlaggedInTheTargetItReads() {
        Specs spec = Specs.spec()
                .row("dim_c", "c_sk", "INTEGER", "meters", "mpan", "As the analyst decides later.", null, null, true, false, null)
                .row("dim_c", "code", "VARCHAR(10)", "meters", "mpan", "Trim.")
                .row("fact", "id", "INTEGER", "meters", "id", "Direct move", null, null, true, false, null)
                .row("fact", "c_sk", "INTEGER", "meters / dim_c", "mpan", "Look up dim_c where code = trimmed mpan and return c_sk.");
        List<GeneratedLayers.Layer> layers = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"),
                List.of(), new SchemaCatalog(List.of(Specs.table("meters", "id", "psr_ind", "mpan", "title", "surname")))), null)
                .layers();
        GeneratedLayers.Column looked = layers.stream().filter(l -> l.target().equalsIgnoreCase("fact")).findFirst().orElseThrow()
                .columns().get(1);
        assertThat(looked.status()).isEqualTo("flagged");
        assertThat(looked.reason()).contains("which is not compiled there");
    }
    @Test
    void shouldReadStatesOfOneValueListedWithCommasOnlyWhenTheListEndsInOr() throws Exception {
        RuleTable readings = new RuleTable("reads", "id", new String[]{"id", "ms"}, new String[]{"1", "100"}, new String[]{"2", "0"},
                new String[]{"3", null}, new String[]{"4", "-5"});
        readings.expect("INTEGER", "ms", List.of("0 if ms is missing, zero or negative, else ms"), "100", "0", "0", "0");
        // "if ms is missing, zero": the value after the condition, no list
        readings.expect("INTEGER", "ms", List.of("if ms is missing, zero"), "100", "0", "0", "-5");
    }

    @Test
    void shouldCompareAnEmailDomainWithADomainNameWrittenWithoutQuotes() throws Exception {
        RuleTable people = new RuleTable("people", "id", new String[]{"id", "email_addr"}, new String[]{"1", "ann@qa.example.io"},
                new String[]{"2", "bob@example.io"}, new String[]{"3", "no-at-sign"});
        people.expect("CHAR(1)", "email_addr", List.of("Y if the e-mail domain is qa.example.io, else N"), "Y", "N", "N");
    }
}
