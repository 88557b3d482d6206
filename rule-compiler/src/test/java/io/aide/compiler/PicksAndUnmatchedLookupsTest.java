package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row choices and lookups as documents no development case used write them: a pick after why rows repeat ("OMS writes a
 * new row every time a ticket is touched, so first keep only the latest version of each ticket (highest UPD_TS; text,
 * YYYY-MM-DD HH24:MI:SS)"), "Then drop the ticket if ...", "Older versions are dropped and none of their values are
 * used", a key named as the row's own rule names its value ("Crew code, trimmed ... Keep one row per cleaned crew
 * code"), sentences that speak of the choice without making one ("After the roster has been de-duplicated (see crew_id),
 * number the crews ...", "Ticket must never be dropped because of a missing feeder"), and a value for a lookup that
 * finds nothing ("No match in DIM_CARRIER → -1", "Blank carrier code or no match in DIM_CARRIER → -1"). Before, the picks
 * were not applied (the whole target flagged) and the -1 was dropped without a word. DuckDB.
 */
class PicksAndUnmatchedLookupsTest {
    private static final String[] TICKETS = {"TICKET_NO", "UPD_TS", "TKT_STATUS", "CREW_CODE", "FEEDER"};
    private static final SampleRows SAMPLE = new SampleRows("oms_ticket", TICKETS,
            new String[]{"t1", "2026-03-01 10:00:00", "OPEN", " c1", "F1"},
            new String[]{"T1 ", "2026-03-01 11:00:00", "REST", "C1", "F1"},
            new String[]{"t2", "2026-03-02 09:00:00", "OPEN", "c2", "F9"},
            new String[]{"T2", "2026-03-02 08:00:00", "CANC", "c2", "F9"},
            new String[]{"t3", "2026-03-03 08:00:00", "OPEN", "c3", null},
            new String[]{"t3", "2026-03-03 09:00:00", "CANC", "c3", null});

    @Test
    void shouldKeepTheLatestVersionSaidAfterWhyRowsRepeatThenDropWhatTheLatestSays() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("fct", "ticket_id", "VARCHAR(5)", "oms_ticket", "TICKET_NO, UPD_TS", "Ticket number trimmed and upper-cased. "
                        + "OMS writes a new row every time a ticket is touched, so first keep only the latest version of each ticket "
                        + "(highest UPD_TS; text, YYYY-MM-DD HH24:MI:SS). Then drop the ticket if TKT_STATUS is CANC. All other "
                        + "columns of this table come from the surviving latest row.")
                .row("fct", "status", "VARCHAR(5)", "oms_ticket", "TKT_STATUS", "Trim.", null, null, false, null,
                        "CANC never arrives here – filtered out (see ticket_id).")
                .rowWithCells("fct", "feeder", "VARCHAR(5)", "oms_ticket", "FEEDER", "Trim.", null,
                        "Ticket must never be dropped because of a missing feeder."));
        assertThat(SAMPLE.run(layer, "ticket_id", "status")).containsExactly("T1|REST", "T2|OPEN");
    }

    @Test
    void shouldReadTheKeyTheRowsOwnRuleNamesAndLeaveANumberingStepOutOfTheFilter() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("dim_crew", "crew_sk", "INTEGER", "oms_ticket", null, "Surrogate key. After the roster has been "
                        + "de-duplicated (see crew_id), number the crews 1, 2, 3 … ordered by crew_id ascending.")
                .row("dim_crew", "crew_id", "VARCHAR(5)", "oms_ticket", "CREW_CODE, UPD_TS", "Crew code, trimmed and upper-cased. "
                        + "Keep one row per cleaned crew code – the one with the most recent UPD_TS (text, YYYY-MM-DD HH24:MI:SS). "
                        + "Older versions are dropped and none of their values are used.")
                .row("dim_crew", "ticket", "VARCHAR(5)", "oms_ticket", "TICKET_NO", "Trim and upper-case."));
        assertThat(SAMPLE.run(layer, "crew_sk", "crew_id", "ticket")).containsExactly("1|C1|T1", "2|C2|T2", "3|C3|T3");
    }

    @Test
    void shouldGiveTheValueForNoMatchSaidWithTheTableOrABlankKey() throws Exception {
        String[] carriers = {"carrier_code", "carrier_sk"};
        String[] shipments = {"SHIPMENT_NO", "CARRIER_CD"};
        Specs spec = Specs.spec()
                .row("fact", "shipment_no", "VARCHAR(5)", "tms_shipment", "SHIPMENT_NO", "Trim.")
                .row("fact", "carrier_sk", "INTEGER", "tms_shipment", "CARRIER_CD", "Look up DIM_CARRIER where carrier_code = "
                        + "trimmed, upper-cased CARRIER_CD and return carrier_sk.", null, null, false, null,
                        "Blank carrier code or no match in DIM_CARRIER → -1")
                .row("fact", "carrier_sk2", "INTEGER", "tms_shipment", "CARRIER_CD", "Look up DIM_CARRIER where carrier_code = "
                        + "trimmed, upper-cased CARRIER_CD and return carrier_sk.", null, null, false, null,
                        "No match in DIM_CARRIER → -1");
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"),
                List.of(), new SchemaCatalog(List.of(Specs.table("tms_shipment", shipments),
                Specs.table("DIM_CARRIER", carriers)))), null).layers().get(0);
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = new DuckDb().table("tms_shipment", new String[][]{shipments, {"S1", " ups "}, {"S2", ""}, {"S3", "XX"}})
                .table("DIM_CARRIER", new String[][]{carriers, {"UPS", "7"}})) {
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map(r -> r.get("shipment_no") + "|" + r.get("carrier_sk") + "|" + r.get("carrier_sk2")).toList())
                    .containsExactly("S1|7|7", "S2|-1|-1", "S3|-1|-1");
        }
    }

    @Test
    void shouldFlagANullCellThatKeepsUnmatchedRowsAndGivesThemAValueItCannotRead() {
        // rows kept, and a value for them no reading gives: flagged, never taken as read and dropped
        GeneratedLayers.Column c = SAMPLE.compile(Specs.spec()
                .row("f", "crew_sk", "INTEGER", "oms_ticket", "CREW_CODE", "Trim.", null, null, false, null,
                        "Keep the ticket when the crew is unmatched; such crews are shown as -1 on the dashboard.")).columns().get(0);
        assertThat(c.status()).isEqualTo("flagged");
    }

    @Test
    void shouldGiveTheValueForNoMatchInTheWaysDocumentsSayIt() throws Exception {
        String[] carriers = {"carrier_code", "carrier_sk"};
        String[] shipments = {"SHIPMENT_NO", "CARRIER_CD"};
        String rule = "Look up DIM_CARRIER where carrier_code = trimmed, upper-cased CARRIER_CD and return carrier_sk.";
        Specs spec = Specs.spec().row("fact", "shipment_no", "VARCHAR(5)", "tms_shipment", "SHIPMENT_NO", "Trim.");
        String[] cells = {"-1 when no matching carrier.", "No matching carrier → -1. Keep the row, do not drop it.",
                "No carrier on the row, or carrier not found in DIM_CARRIER -> -1", "Not in DIM_CARRIER → -1",
                "-1 when the carrier is not in DIM_CARRIER", "-1 when the code is not in the carrier list"};
        for (int i = 0; i < cells.length; i++) {
            spec.row("fact", "sk" + i, "INTEGER", "tms_shipment", "CARRIER_CD", rule, null, null, false, null, cells[i]);
        }
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(java.util.List.of("duckdb"),
                java.util.List.of(), new SchemaCatalog(java.util.List.of(Specs.table("tms_shipment", shipments),
                Specs.table("DIM_CARRIER", carriers)))), null).layers().get(0);
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = new DuckDb().table("tms_shipment", new String[][]{shipments, {"S1", " ups "}, {"S2", ""}, {"S3", "XX"}})
                .table("DIM_CARRIER", new String[][]{carriers, {"UPS", "7"}})) {
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map(r -> r.get("shipment_no") + "|" + r.get("sk0") + "|" + r.get("sk1") + "|" + r.get("sk2") + "|" + r.get("sk3")
                            + "|" + r.get("sk4") + "|" + r.get("sk5"))
                    .toList()).containsExactly("S1|7|7|7|7|7|7", "S2|-1|-1|-1|-1|-1|-1", "S3|-1|-1|-1|-1|-1|-1");
        }
    }

    @Test
    void shouldNeverDropAChoiceSaidBesideWordsThatKeepRows() {
        // "never dropped" beside an exclusion: the exclusion is a choice of rows, flagged when not read, never ignored
        GeneratedLayers.Column c = SAMPLE.compile(Specs.spec()
                .rowWithCells("f", "ticket", "VARCHAR(5)", "oms_ticket", "TICKET_NO", "Trim.", null,
                        "Exclude tickets whose TKT_STATUS is CANC; restored tickets are never dropped.")).columns().get(0);
        assertThat(c.status()).isEqualTo("flagged");
        assertThat(c.reason()).contains("filter is not applied");
    }
}
