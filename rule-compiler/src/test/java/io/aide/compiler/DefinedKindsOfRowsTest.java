package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.aide.compiler.TableSets.compile;
import static io.aide.compiler.TableSets.db;
import static io.aide.compiler.TableSets.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kinds of rows a document defines once and leaves out everywhere ("a property is a test property if ...", "Test
 * accounts: member numbers starting with '99', and members whose LAST_NM is 'TEST' in MEMBER", "any employee whose
 * emp_id starts with 'TST' or whose first name is 'TEST' is excluded from every target"): told in each target's table
 * when it holds what the definition names, through the identifier of the table that does (one step or two) when it
 * does not, and not at all where the table neither is nor names one. Also kinds defined one after another under a
 * topic ("Test data is not loaded: wards whose WARD_CD starts with 'ZZ' are test wards; patients whose ... are test
 * patients"), a label that says the kind is left out ("Test accounts are excluded: ..."), a kind defined in a bracket
 * with "starting with", rows linked to a kind's row by a participle ("picked up at a test branch"), the step a test is
 * made at said in its bracket, a choice of the latest row said as what follows from a sentence, a semicolon between
 * two choices, and texts said to mean no value kept apart from what they mean. Run in DuckDB over several tables.
 */
class DefinedKindsOfRowsTest {
    private static final String[][] PROPERTY = {
            {"prop_cd", "prop_name"},
            {"BOS01", "Harbour Point"},
            {"TST01", "Sandbox"},
            {"ATL01", "test site atlanta"},
            {"NYC02", "Park Row"}};
    private static final String[][] LEASE = {
            {"lease_no", "prop_cd", "tenant"},
            {"L1", "BOS01", "Acme"},
            {"L2", " TST01", "Beta"},
            {"L3", "ATL01", "Gamma"},
            {"L4", "NYC02", "Delta"}};
    private static final String[][] CHARGE = {
            {"chg_id", "lease_no", "amount"},
            {"C1", "L1", "10"},
            {"C2", "L2", "20"},
            {"C3", "L3", "30"},
            {"C4", "L4", "40"},
            {"C5", "L9", "50"}};
    private static final String[][] REGION = {
            {"region_cd", "region_name"},
            {"E", "East"},
            {"W", "West"}};

    private static final String PROPERTY_NOTE = "3 | Test data: a property is a test property if its PROP_CD starts with TST or "
            + "its PROP_NAME contains the text TEST (any case). Test properties are not loaded, and LEASE / CHARGE records "
            + "belonging to a test property are ignored in every target.";

    private static Specs properties(String note) {
        return Specs.spec()
                .row("dim_property", "property_code", "VARCHAR(10)", "property", "prop_cd", "Trim, upper case", null, null, true, null, null)
                .row("fact_lease", "lease_id", "VARCHAR(10)", "lease", "lease_no", "Direct", null, null, true, null, null)
                .row("fact_lease", "tenant_name", "VARCHAR(10)", "lease", "tenant", "Direct")
                .row("fact_charge", "charge_id", "VARCHAR(10)", "charge", "chg_id", "Direct", null, null, true, null, null)
                .row("dim_region", "region_name", "VARCHAR(10)", "region", "region_name", "Direct", null, null, true, null, null)
                .note("General Rules", note);
    }

    @Test
    void shouldLeaveADefinedKindOutOfItsTableAndOfEveryTableThatNamesOneOfItsRows() throws Exception {
        List<GeneratedLayers.Layer> layers = compile(properties(PROPERTY_NOTE), "property", PROPERTY, "lease", LEASE, "charge", CHARGE,
                "region", REGION);
        try (DuckDb db = db("property", PROPERTY, "lease", LEASE, "charge", CHARGE, "region", REGION)) {
            assertThat(values(db, layers.get(0), "property_code")).containsExactly("BOS01", "NYC02");
            // the lease's property as the lease holds it (padded), or through the property's name
            assertThat(values(db, layers.get(1), "lease_id")).containsExactly("L1", "L4");
            // a charge's lease, then that lease's property; a charge of no known lease belongs to no test property
            assertThat(values(db, layers.get(2), "charge_id")).containsExactly("C1", "C4", "C5");
            // a region names no property nor a row that names one: nothing of it is left out
            assertThat(values(db, layers.get(3), "region_name")).containsExactly("East", "West");
        }
        assertThat(layers.get(1).sql().get("duckdb")).contains("EXISTS");
        assertThat(layers.get(3).sql().get("duckdb")).doesNotContain("EXISTS").doesNotContain("WHERE");
    }

    @Test
    void shouldReadTheSentencesThatNameTheKindInAFilterCell() throws Exception {
        Specs spec = Specs.spec()
                .row("fact_lease", "lease_id", "VARCHAR(10)", "lease", "lease_no", "Direct", null, "No leases on test properties.", true,
                        null, null)
                .note("General Rules", "3 | A property is a test property if its PROP_CD starts with TST or its PROP_NAME contains "
                        + "the text TEST (any case).");
        List<GeneratedLayers.Layer> layers = compile(spec, "property", PROPERTY, "lease", LEASE);
        try (DuckDb db = db("property", PROPERTY, "lease", LEASE)) {
            assertThat(values(db, layers.get(0), "lease_id")).containsExactly("L1", "L4");
        }
    }

    private static final String[][] MEMBER = {
            {"member_no", "last_nm"},
            {"100", "Smith"},
            {"990", "Jones"},
            {"200", "test"},
            {"300", "Brown"}};
    private static final String[][] ACTIVITY = {
            {"activity_id", "member_no", "miles"},
            {"A1", "100", "5"},
            {"A2", "990", "6"},
            {"A3", "200", "7"},
            {"A4", "300 ", "8"},
            {"A5", "999", "9"}};

    @Test
    void shouldReadAKindLabelledBeforeItsConditionsAndThePronounAfterThem() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_member", "member_number", "VARCHAR(10)", "member", "member_no", "Trim", null, null, true, null, null)
                .row("fact_activity", "activity_id", "VARCHAR(10)", "activity", "activity_id", "Direct", null, null, true, null, null)
                .note("General Rules", "3 | Test accounts: member numbers starting with '99', and members whose LAST_NM is 'TEST' "
                        + "(any case) in MEMBER. They are excluded from all targets - member and activity.");
        List<GeneratedLayers.Layer> layers = compile(spec, "member", MEMBER, "activity", ACTIVITY);
        try (DuckDb db = db("member", MEMBER, "activity", ACTIVITY)) {
            assertThat(values(db, layers.get(0), "member_number")).containsExactly("100", "300");
            // A3's member is a TEST one, A2 and A5 are numbered 99...; A4's member number is padded
            assertThat(values(db, layers.get(1), "activity_id")).containsExactly("A1", "A4");
        }
    }

    private static final String[][] EMPLOYEE = {
            {"emp_id", "first_nm", "dept_cd"},
            {"E1", "Maria", "FIN"},
            {"TST9", "Bob", "FIN"},
            {"E2", "TEST", "OPS"},
            {"E3", "Ann", "OPS"}};
    private static final String[][] TIMESHEET = {
            {"entry_id", "emp_id", "hours"},
            {"T1", "E1", "8"},
            {"T2", "TST9", "8"},
            {"T3", "E2", "8"},
            {"T4", "E3", "8"}};
    private static final String[][] DEPARTMENT = {
            {"dept_code", "dept_name"},
            {"FIN", "Finance"},
            {"OPS", "Operations"}};

    @Test
    void shouldTellAKindDescribedInItsExclusionInEveryTableThatNamesItsRows() throws Exception {
        Specs spec = Specs.spec()
                .row("dim_employee", "employee_id", "VARCHAR(10)", "hr_employee", "emp_id", "Direct", null, null, true, null, null)
                .row("fact_timesheet", "entry_id", "VARCHAR(10)", "ts_entry", "entry_id", "Direct", null, null, true, null, null)
                .row("dim_department", "department_name", "VARCHAR(20)", "hr_department", "dept_name", "Direct", null, null, true,
                        null, null)
                .note("Notes", "1 | Test data: any employee whose emp_id starts with 'TST' or whose first name is 'TEST' is "
                        + "excluded from every target (employee, timesheet and pay lines).");
        List<GeneratedLayers.Layer> layers = compile(spec, "hr_employee", EMPLOYEE, "ts_entry", TIMESHEET, "hr_department", DEPARTMENT);
        try (DuckDb db = db("hr_employee", EMPLOYEE, "ts_entry", TIMESHEET, "hr_department", DEPARTMENT)) {
            assertThat(values(db, layers.get(0), "employee_id")).containsExactly("E1", "E3");
            assertThat(values(db, layers.get(1), "entry_id")).containsExactly("T1", "T4");
            // employees name their department, a department names no employee: none of its rows is left out
            assertThat(values(db, layers.get(2), "department_name")).containsExactly("Finance", "Operations");
        }
    }

    @Test
    void shouldFlagAKindItCannotTellInATable() {
        // the lease names its property by another column name: no identifier leads to the property's row
        String[][] lease = {{"lease_no", "site_ref"}, {"L1", "BOS01"}};
        Specs spec = Specs.spec()
                .row("fact_lease", "lease_id", "VARCHAR(10)", "lease", "lease_no", "Direct", null, null, true, null, null)
                .row("fact_lease", "site", "VARCHAR(10)", "lease", "site_ref", "Direct")
                .note("General Rules", "3 | Test data: a property is a test property if its PROP_CD starts with TST. Test "
                        + "properties and their leases are ignored in every target.");
        List<GeneratedLayers.Layer> layers = compile(spec, "property", PROPERTY, "lease", lease);
        assertThat(layers.get(0).columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
        assertThat(layers.get(0).columns().get(0).reason()).contains("test property");
    }

    @Test
    void shouldLeaveOutEachItemOfAListOfExclusionsUnderTheTargetsName() throws Exception {
        String[][] shipments = {{"ship_no", "status_cd"}, {"S1", "D"}, {"S2", "X"}, {"TEST9", "D"}, {"S4", "d"}};
        Specs spec = Specs.spec()
                .row("FACT_SHIPMENT", "shipment_id", "VARCHAR(10)", "ship_hdr", "ship_no", "Trim", null, null, true, null, null)
                .note("General Rules", "6 | FACT_SHIPMENT exclusions: cancelled shipments (STATUS_CD = 'X') and test shipments "
                        + "(SHIP_NO starting with 'TEST', any case).");
        List<GeneratedLayers.Layer> layers = compile(spec, "ship_hdr", shipments);
        try (DuckDb db = db("ship_hdr", shipments)) {
            assertThat(values(db, layers.get(0), "shipment_id")).containsExactly("S1", "S4");
        }
    }

    private static final String[][] WARD = {
            {"ward_cd", "ward_name"},
            {"W1", "North"},
            {"ZZ02", "Test ward"},
            {"W3", "South"}};
    private static final String[][] PATIENT = {
            {"patient_id", "surname", "mrn"},
            {"P1", "Smith", "100"},
            {"P2", "Test", "101"},
            {"P3", "Jones", "999123"},
            {"P4", "Brown", "102"}};
    private static final String[][] ADMISSION = {
            {"admission_no", "patient_id", "adm_status"},
            {"A1", "P1", "C"},
            {"A2", "P2", "C"},
            {"A3", "P3", "C"},
            {"A4", "P4", "x"},
            {"A5", "P4", "C"},
            {"A6", "P9", "C"}};

    @Test
    void shouldReadKindsDefinedUnderATopicAndTheRowsThatBelongToThem() throws Exception {
        Specs spec = Specs.spec()
                .row("DIM_WARD", "ward_code", "VARCHAR(10)", "pas_ward", "ward_cd", "Direct", null, null, true, null, null)
                .row("DIM_PATIENT", "patient_id", "VARCHAR(10)", "pas_patient", "patient_id", "Direct", null, null, true, null, null)
                .row("FACT_ADMISSION", "admission_no", "VARCHAR(10)", "pas_admission", "admission_no", "Direct", null,
                        "Cancelled admissions (ADM_STATUS = 'X', any case, on the row kept by the de-dup) are entered-in-error "
                                + "records and are excluded from FACT_ADMISSION and therefore from the census.", true, null, null)
                .note("General Rules", "3 | Test data is not loaded: wards whose WARD_CD starts with 'ZZ' are test/training wards; "
                        + "patients whose SURNAME contains 'TEST' (any case) or whose MRN starts with '999' are test patients. "
                        + "Admissions belonging to a test patient are dropped as well.");
        List<GeneratedLayers.Layer> layers = compile(spec, "pas_ward", WARD, "pas_patient", PATIENT, "pas_admission", ADMISSION);
        try (DuckDb db = db("pas_ward", WARD, "pas_patient", PATIENT, "pas_admission", ADMISSION)) {
            assertThat(values(db, layers.get(0), "ward_code")).containsExactly("W1", "W3");
            assertThat(values(db, layers.get(1), "patient_id")).containsExactly("P1", "P4");
            // A2 and A3 belong to test patients, A4 is cancelled; A6's patient is unknown, so no test patient
            assertThat(values(db, layers.get(2), "admission_no")).containsExactly("A1", "A5", "A6");
        }
    }

    private static final String[][] BRANCH = {
            {"branch_code", "branch_name"},
            {"LON", "London"},
            {"TST1", "Sandbox"}};
    private static final String[][] AGREEMENT = {
            {"ra_num", "branch_code"},
            {"R1", "LON"},
            {"R2", "tst1"},
            {"R3", "LON"}};

    @Test
    void shouldLeaveOutRowsLinkedToAKindsRowByAParticiple() throws Exception {
        Specs spec = Specs.spec()
                .row("DIM_BRANCH", "branch_code", "VARCHAR(10)", "branch_master", "branch_code", "Direct", null, null, true, null, null)
                .row("FCT_RENTAL_AGREEMENT", "agreement_no", "VARCHAR(10)", "rental_agreement", "ra_num", "Direct", null, null, true,
                        null, null)
                .note("Notes", "3 | Test data: any branch whose BRANCH_CODE starts with 'TST' (any case) is a test branch. Test "
                        + "branches are not loaded into DIM_BRANCH, and agreements picked up at a test branch are not loaded "
                        + "into FCT_RENTAL_AGREEMENT.");
        List<GeneratedLayers.Layer> layers = compile(spec, "branch_master", BRANCH, "rental_agreement", AGREEMENT);
        try (DuckDb db = db("branch_master", BRANCH, "rental_agreement", AGREEMENT)) {
            assertThat(values(db, layers.get(0), "branch_code")).containsExactly("LON");
            assertThat(values(db, layers.get(1), "agreement_no")).containsExactly("R1", "R3");
        }
    }

    private static final String[][] ACCOUNT = {
            {"account_id", "test_ind"},
            {"A1", "N"},
            {"A2", "y"},
            {"A3", "N"}};
    private static final String[][] TRACK = {
            {"track_id", "title"},
            {"T1", "One"},
            {"tst9", "Sandbox"},
            {"T2", "Two"}};

    @Test
    void shouldNameTheKindALabelSaysIsLeftOutAndAKindDefinedInABracketStartingWithAValue() throws Exception {
        Specs spec = Specs.spec()
                .row("DIM_LISTENER", "listener_id", "VARCHAR(10)", "lsn_accounts", "account_id", "Direct", null, null, true, null, null)
                .row("DIM_TRACK", "track_key", "INTEGER", "cat_tracks", null, "Surrogate key, numbered 1, 2, 3 ... in order of "
                        + "TRACK_ID. Test catalogue entries are excluded before numbering.", null, null, true, null, null)
                .row("DIM_TRACK", "track_id", "VARCHAR(10)", "cat_tracks", "track_id", "Direct")
                .note("General Rules", "2 | Test accounts are excluded: LSN_ACCOUNTS rows with TEST_IND = 'Y' (any case).")
                .note("General Rules", "3 | Test catalogue entries (TRACK_ID starting with 'TST', any case) are excluded from "
                        + "DIM_TRACK.");
        List<GeneratedLayers.Layer> layers = compile(spec, "lsn_accounts", ACCOUNT, "cat_tracks", TRACK);
        try (DuckDb db = db("lsn_accounts", ACCOUNT, "cat_tracks", TRACK)) {
            assertThat(values(db, layers.get(0), "listener_id")).containsExactly("A1", "A3");
            assertThat(values(db, layers.get(1), "track_id")).containsExactly("T1", "T2");
            assertThat(values(db, layers.get(1), "track_key")).containsExactly("1", "2");
        }
    }

    private static final String[][] COURIER = {
            {"courier_id", "courier_name", "last_upd"},
            {"C1", "Old name", "2024-01-01"},
            {"C1", "New name", "2024-02-01"},
            {"C2", "Ann", "2024-01-05"}};
    private static final String[][] EVENT = {
            {"event_id", "event_type", "ms_played"},
            {"E1", "PLAY", "1000"},
            {"E2", "AD", "1000"},
            {"E3", "PLAY", "0"},
            {"E4", "PLAY", "200"}};

    @Test
    void shouldReadAChoiceSaidAsAConsequenceAndEachStatementBetweenSemicolons() throws Exception {
        Specs spec = Specs.spec()
                .row("DIM_COURIER", "courier_id", "VARCHAR(10)", "courier_master", "courier_id", "Direct", null, null, true, null, null)
                .row("DIM_COURIER", "courier_name", "VARCHAR(20)", "courier_master", "courier_name", "Direct")
                .row("FACT_PLAY", "play_id", "VARCHAR(10)", "play_events", "event_id", "Direct", null,
                        "Only EVENT_TYPE = 'PLAY'; events with MS_PLAYED <= 0 are not loaded", true, null, null)
                .note("General Rules", "5 | COURIER_MASTER can hold older versions of a courier, so keep the latest LAST_UPD "
                        + "per COURIER_ID.");
        List<GeneratedLayers.Layer> layers = compile(spec, "courier_master", COURIER, "play_events", EVENT);
        try (DuckDb db = db("courier_master", COURIER, "play_events", EVENT)) {
            assertThat(values(db, layers.get(0), "courier_name")).containsExactly("Ann", "New name");
            assertThat(values(db, layers.get(1), "play_id")).containsExactly("E1", "E4");
        }
    }

    @Test
    void shouldKeepWhatTextsAreSaidToMeanApartFromTheTextsAndReadCodesSaidNotAlwaysUpperCase() throws Exception {
        String[][] owner = {{"owner_id", "status_cd", "email"}, {"1", " a", "x@y.z"}, {"2", "NULL", "NULL"}, {"3", "I", "no value"}};
        Specs spec = Specs.spec()
                .row("DIM_OWNER", "owner_id", "VARCHAR(10)", "owner", "owner_id", "Direct", null, null, true, null, null)
                .rowWithCells("DIM_OWNER", "owner_status", "VARCHAR(10)", "owner", "status_cd",
                        "A = Active, I = Inactive, else Unknown", null, "Source codes are not always upper case / can be padded")
                .row("DIM_OWNER", "email", "VARCHAR(20)", "owner", "email", "Direct")
                .note("General Rules", "4 | An empty field and the literal text 'NULL' both mean 'no value'.");
        List<GeneratedLayers.Layer> layers = compile(spec, "owner", owner);
        try (DuckDb db = db("owner", owner)) {
            assertThat(values(db, layers.get(0), "owner_status")).containsExactly("Active", "Inactive", "Unknown");
            // 'NULL' is no value; the text 'no value' is what it means, not a text that means none
            assertThat(values(db, layers.get(0), "email")).containsExactly("no value", "x@y.z", "null");
        }
    }

    private static final String[][] LISTENER = {
            {"account_id", "email_addr", "test_ind"},
            {"A1", "ann@mail.io", "N"},
            {"A2", "qa1@QA.TUNELY.IO", "N"},
            {"A3", "cy@mail.io", "y"},
            {"A4", "dee@mail.io", "N"}};
    private static final String[][] PLAY = {
            {"event_id", "account_id", "event_type", "ms_played", "received_ts"},
            {"E1", "A1", "PLAY", "1000", "2024-01-01 10:00:02"},
            {"E1", "A1", "PLAY", "1000", "2024-01-01 10:00:01"},
            {"E2", "A2", "PLAY", "1000", "2024-01-01 10:00:00"},
            {"E3", "A3", "PLAY", "1000", "2024-01-01 10:00:00"},
            {"E4", "A4", "AD", "1000", "2024-01-01 10:00:00"},
            {"E5", "A4", "PLAY", "0", "2024-01-01 10:00:00"},
            {"E6", "A4", "PLAY", null, "2024-01-01 10:00:00"},
            {"E7", "A9", "PLAY", "500", "2024-01-01 10:00:00"}};

    @Test
    void shouldReadTheGeneralRulesOfADocumentMetFirst() throws Exception {
        Specs spec = Specs.spec()
                .row("DIM_LISTENER", "listener_id", "VARCHAR(10)", "lsn_accounts", "account_id", "Trim, upper case", null, null, true,
                        null, null)
                .rowWithCells("DIM_LISTENER", "email_domain", "VARCHAR(30)", "lsn_accounts", "email_addr", "e-mail domain, lower case",
                        null, "Full e-mail is PII and is not loaded to the mart")
                .row("FACT_PLAY", "play_id", "VARCHAR(10)", "play_events", "event_id", "Trimmed EVENT_ID. Only EVENT_TYPE = 'PLAY'; "
                        + "duplicates removed as per General Rule 5.", null, null, true, null, null)
                .note("General Rules", "2 | Test accounts are excluded: LSN_ACCOUNTS rows with TEST_IND = 'Y' (any case) or whose "
                        + "e-mail domain is qa.tunely.io (any case). They do not go to DIM_LISTENER, and all PLAY_EVENTS of these "
                        + "accounts are dropped (not loaded as -1).")
                .note("General Rules", "5 | PLAY_EVENTS can contain the same EVENT_ID more than once (producer retries). Keep the "
                        + "copy that was received first (lowest RECEIVED_TS) and drop the others.")
                .note("General Rules", "6 | FACT_PLAY holds only EVENT_TYPE = 'PLAY'. Other event types (AD, PAUSE, ...) are out of "
                        + "scope. Events with MS_PLAYED missing, zero or negative are discarded.");
        List<GeneratedLayers.Layer> layers = compile(spec, "lsn_accounts", LISTENER, "play_events", PLAY);
        try (DuckDb db = db("lsn_accounts", LISTENER, "play_events", PLAY)) {
            assertThat(values(db, layers.get(0), "listener_id")).containsExactly("A1", "A4");
            // E2 and E3 are plays of test accounts, E4 no play, E5 and E6 played nothing; E1 once; E7's account is unknown
            assertThat(values(db, layers.get(1), "play_id")).containsExactly("E1", "E7");
        }
    }

    @Test
    void shouldFlagAPointerToARuleThatKeepsOneOfSeveralRowsWhereNoRuleSaysWhich() {
        Specs spec = Specs.spec()
                .row("FACT_PLAY", "play_id", "VARCHAR(10)", "play_events", "event_id", "Trimmed EVENT_ID. Only EVENT_TYPE = 'PLAY'; "
                        + "duplicates removed as per General Rule 5.", null, null, true, null, null)
                .note("General Rules", "5 | Rounding is half-up.");
        List<GeneratedLayers.Layer> layers = compile(spec, "play_events", PLAY);
        assertThat(layers.get(0).columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
        assertThat(layers.get(0).columns().get(0).reason()).contains("keeps one of several rows");
    }

    private static final String[][] COURIERS = {
            {"courier_id", "last_nm"},
            {"C1", "Lee"},
            {"tst9", "Test"},
            {"C2", "Tstone"}};
    private static final String[][] PARCELS = {
            {"parcel_no", "shipper_acct"},
            {"P1", "004512"},
            {"P2", "999999"}};
    private static final String[][] EVENTS = {
            {"event_id", "courier_id", "parcel_no"},
            {"E1", "C1", "P1"},
            {"E2", " TST9", "P1"},
            {"E3", "C1", "P2"},
            {"E4", "C9", "P9"}};

    @Test
    void shouldFollowTheirRowsThroughTheIdentifierTheyHoldAndOneTestSaidOfTwoColumns() throws Exception {
        Specs spec = Specs.spec()
                .row("DIM_COURIER", "courier_id", "VARCHAR(10)", "courier_master", "courier_id", "Direct", null,
                        "Exclude test accounts: COURIER_ID or LAST_NM starting with 'TST' (any case).", true, null, null)
                .row("DIM_PARCEL", "parcel_no", "VARCHAR(10)", "parcel_manifest", "parcel_no", "Direct", null, null, true, null, null)
                .row("FCT_ATTEMPT", "event_id", "VARCHAR(10)", "delivery_events", "event_id", "Direct", null, null, true, null, null)
                .note("General Rules", "1 | Couriers whose COURIER_ID starts with TST (any case, after trimming) are not loaded, and "
                        + "their delivery events are dropped from the facts. Parcels of shipper account 999999 (internal test "
                        + "shipper) are not loaded, and their events are dropped too.");
        List<GeneratedLayers.Layer> layers = compile(spec, "courier_master", COURIERS, "parcel_manifest", PARCELS, "delivery_events",
                EVENTS);
        try (DuckDb db = db("courier_master", COURIERS, "parcel_manifest", PARCELS, "delivery_events", EVENTS)) {
            // C2 by its surname: one test said once of two columns
            assertThat(values(db, layers.get(0), "courier_id")).containsExactly("C1");
            assertThat(values(db, layers.get(1), "parcel_no")).containsExactly("P1");
            // E2's courier is a test courier, E3's parcel a test shipper's; E4's courier and parcel are unknown
            assertThat(values(db, layers.get(2), "event_id")).containsExactly("E1", "E4");
        }
    }

    @Test
    void shouldFlagRowsMadeDistinctOverAFlaggedColumnWhenNothingCompiledTellsThemApart() {
        String[][] events = {{"event_id", "outcome"}, {"E1", "A"}, {"E2", "A"}, {"E1", "A"}};
        Specs spec = Specs.spec()
                .row("FCT_ATTEMPT", "attempt_id", "VARCHAR(10)", "events", "event_id", "Tidy up the event number somehow.", null, null,
                        true, null, null)
                .row("FCT_ATTEMPT", "outcome", "VARCHAR(10)", "events", "outcome", "Direct")
                .note("General Rules", "6 | Handhelds sometimes re-send an event. If the same EVENT_ID appears more than once, "
                        + "load it once.");
        List<GeneratedLayers.Layer> layers = compile(spec, "events", events);
        assertThat(layers.get(0).columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
        assertThat(layers.get(0).columns().get(1).reason()).contains("made one");
    }
}
