package io.aide.parser;

import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.SheetInfo;
import io.aide.events.spec.SourceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Differently shaped mapping documents, as analysts write them. */
class MappingShapesTest {

    @TempDir
    Path dir;

    private final MappingParser parser = new MappingParser(ParserLimits.defaults());

    private MappingSpec parse(Path file) throws MappingFileException {
        return parser.parse(file, file.getFileName().toString(), ParseOptions.of("doc-1", "acme"));
    }

    private static MappingRow row(MappingSpec spec, String table, String column) {
        return spec.rows().stream().filter(r -> table.equals(r.targetTable()) && column.equals(r.targetColumn()))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + table + "." + column));
    }

    @Test
    void shouldReadClassicHeaderInFirstRowWithExcelRowNumbersAsRefs() throws Exception {
        // Given
        Path file = Workbooks.create().sheet("Mappings")
                .row("Target Table", "Target Column", "Target Data Type", "Source Table", "Source Column",
                        "Transformation Rule", "Join Condition", "Filter", "Key", "Nullable", "Description")
                .row("dim_customer", "customer_id", "INTEGER", "customers", "id", "Direct move", null, null, "PK", "N",
                        "Surrogate")
                .row("dim_customer", "email", "VARCHAR(255)", "customers", "email", "lower(email)", null,
                        "active = 1", null, "Y", null)
                .writeXlsx(dir, "classic.xlsx");

        // When
        MappingSpec spec = parse(file);

        // Then
        assertThat(spec.headerMapping().get("Mappings")).containsEntry("target_table", "Target Table")
                .containsEntry("target_column", "Target Column").containsEntry("target_type", "Target Data Type")
                .containsEntry("source_table", "Source Table").containsEntry("source_column", "Source Column")
                .containsEntry("transformation", "Transformation Rule").containsEntry("join", "Join Condition")
                .containsEntry("filter", "Filter").containsEntry("key", "Key").containsEntry("nullable", "Nullable")
                .containsEntry("description", "Description");
        MappingRow id = row(spec, "dim_customer", "customer_id");
        assertThat(id.ref()).isEqualTo("@mapping[Mappings:2]");
        assertThat(id.key()).isTrue();
        assertThat(id.nullable()).isFalse();
        assertThat(id.sourceColumns()).containsExactly(new SourceRef(null, "customers", "id"));
        MappingRow email = row(spec, "dim_customer", "email");
        assertThat(email.ref()).isEqualTo("@mapping[Mappings:3]");
        assertThat(email.filter()).isEqualTo("active = 1");
        assertThat(email.nullable()).isTrue();
        assertThat(spec.documentId()).isEqualTo("doc-1");
        assertThat(spec.tenantId()).isEqualTo("acme");
        assertThat(spec.diagnostics()).isEmpty();
    }

    @Test
    void shouldFindHeaderInRowFiveUnderTitleWithSynonymHeaders() throws Exception {
        // Given
        Path file = Workbooks.create().sheet("STTM")
                .row("Customer 360 - Source to Target Mapping")
                .row("Version 2.3, owner: data office")
                .blank()
                .blank()
                .row("Tgt Entity", "Tgt Attribute", "Datatype", "Src System", "Src Entity", "Src Attribute",
                        "Business Rule", "Lookup", "Where Clause", "PK", "Mandatory", "Default Value", "Comments")
                .row("CUSTOMER", "CUST_NAME", "VARCHAR2(100)", "SAP", "KNA1", "NAME1", "TRIM", "KNVV on KUNNR",
                        "LOEVM <> 'X'", "N", "Y", "'UNKNOWN'", "from SAP")
                .row("CUSTOMER", "CUST_ID", "NUMBER(10)", "SAP", "KNA1", "KUNNR", "Direct", null, null, "Y", "Y", null,
                        null)
                .writeXlsx(dir, "title-above.xlsx");

        // When
        MappingSpec spec = parse(file);

        // Then
        SheetInfo sheet = spec.sheets().get(0);
        assertThat(sheet.role()).isEqualTo("mapping");
        assertThat(sheet.headerRow()).isEqualTo(5);
        assertThat(spec.headerMapping().get("STTM")).containsEntry("target_table", "Tgt Entity")
                .containsEntry("target_column", "Tgt Attribute").containsEntry("target_type", "Datatype")
                .containsEntry("source_system", "Src System").containsEntry("source_table", "Src Entity")
                .containsEntry("source_column", "Src Attribute").containsEntry("transformation", "Business Rule")
                .containsEntry("join", "Lookup").containsEntry("filter", "Where Clause").containsEntry("key", "PK")
                .containsEntry("nullable", "Mandatory").containsEntry("default_value", "Default Value")
                .containsEntry("comments", "Comments");
        assertThat(sheet.headers()).as("every header of the row, by column, for a user to map a field to")
                .hasSize(13).containsEntry("A", "Tgt Entity").containsEntry("G", "Business Rule")
                .containsEntry("M", "Comments");
        assertThat(sheet.columns()).containsEntry("target_table", "A").containsEntry("transformation", "G")
                .containsEntry("key", "J");
        MappingRow name = row(spec, "CUSTOMER", "CUST_NAME");
        assertThat(name.ref()).isEqualTo("@mapping[STTM:6]");
        assertThat(name.nullable()).as("Mandatory = Y means not nullable").isFalse();
        assertThat(name.sourceSystem()).isEqualTo("SAP");
        assertThat(name.defaultValue()).isEqualTo("'UNKNOWN'");
        assertThat(name.join()).isEqualTo("KNVV on KUNNR");
        assertThat(row(spec, "CUSTOMER", "CUST_ID").key()).isTrue();
    }

    @Test
    void shouldCombineTwoRowHeaderWithMergedBands() throws Exception {
        // Given
        Path file = Workbooks.create().sheet("Mapping")
                .row("Orders mart mapping")
                .blank()
                .row("Target", null, null, "Source", null, null, "Transformation")
                .row("Table", "Column", "Type", "System", "Table", "Column", null)
                .row("fact_orders", "order_date", "DATE", "erp", "Orders", "OrderDate", "cast to date")
                .row("fact_orders", "amount", "DECIMAL(18,2)", "erp", "Orders", "Amount", "round 2")
                .merge("A3:C3").merge("D3:F3").merge("G3:G4")
                .writeXlsx(dir, "two-row-header.xlsx");

        // When
        MappingSpec spec = parse(file);

        // Then
        assertThat(spec.sheets().get(0).headerRow()).isEqualTo(4);
        assertThat(spec.headerMapping().get("Mapping")).containsEntry("target_table", "Target Table")
                .containsEntry("target_column", "Target Column").containsEntry("target_type", "Target Type")
                .containsEntry("source_system", "Source System").containsEntry("source_table", "Source Table")
                .containsEntry("source_column", "Source Column").containsEntry("transformation", "Transformation");
        assertThat(spec.targetCounts()).containsExactly(Map.entry("fact_orders", 2));
        MappingRow date = row(spec, "fact_orders", "order_date");
        assertThat(date.ref()).isEqualTo("@mapping[Mapping:5]");
        assertThat(date.sourceColumns()).containsExactly(new SourceRef("erp", "Orders", "OrderDate"));
    }

    @Test
    void shouldCombineTwoRowHeaderWithoutMergesInCsv() throws Exception {
        // Given bands typed once over their columns, as "centre across selection" exports them
        String csv = "Target,,,Source,,,\n"
                + "Table,Column,Type,Table,Column,Rule,Filter\n"
                + "dim_store,store_id,INTEGER,stores,id,direct,active = 1\n";
        Path file = dir.resolve("bands.csv");
        Files.writeString(file, csv);

        // When
        MappingSpec spec = parse(file);

        // Then
        assertThat(spec.headerMapping().get("bands")).containsEntry("target_table", "Target Table")
                .containsEntry("target_column", "Target Column").containsEntry("source_table", "Source Table")
                .containsEntry("source_column", "Source Column").containsEntry("transformation", "Source Rule")
                .containsEntry("filter", "Source Filter");
        MappingRow r = row(spec, "dim_store", "store_id");
        assertThat(r.ref()).isEqualTo("@mapping[bands:3]");
        assertThat(r.filter()).isEqualTo("active = 1");
    }

    @Test
    void shouldSkipCoverChangeLogAndInstructionsAndKeepLookupAsReferenceTable() throws Exception {
        // Given
        Path file = Workbooks.create()
                .sheet("Cover").row("Sales data mart").row("Prepared by the BI team")
                .sheet("Change Log").row("Version", "Date", "Author", "Change")
                .row("1.0", LocalDate.of(2024, 1, 5), "ana", "first cut")
                .sheet("Instructions").row("Fill one row per target column.").row("Use the lookups sheet.")
                .sheet("Mapping").row("Target Table", "Target Column", "Source Column", "Rule")
                .row("dim_country", "country_name", "ctry_cd", "lookup in Country Codes")
                .sheet("Country Codes").row("Code", "Name").row("FR", "France").row("DE", "Germany")
                .sheet("Revisions").row("Rev", "Date", "Changed by", "Description")
                .row("2", LocalDate.of(2024, 2, 1), "bo", "added country")
                .writeXlsx(dir, "several-sheets.xlsx");

        // When
        MappingSpec spec = parse(file);

        // Then
        assertThat(spec.sheets()).extracting(SheetInfo::name, SheetInfo::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Cover", "skipped"),
                org.assertj.core.groups.Tuple.tuple("Change Log", "skipped"),
                org.assertj.core.groups.Tuple.tuple("Instructions", "skipped"),
                org.assertj.core.groups.Tuple.tuple("Mapping", "mapping"),
                org.assertj.core.groups.Tuple.tuple("Country Codes", "reference"),
                org.assertj.core.groups.Tuple.tuple("Revisions", "skipped"));
        assertThat(spec.sheets()).allMatch(s -> s.reason() != null && !s.reason().isBlank());
        assertThat(spec.referenceTable("Country Codes").columns()).containsExactly("Code", "Name");
        assertThat(spec.referenceTable("Country Codes").rows()).containsExactly(
                java.util.List.of("FR", "France"), java.util.List.of("DE", "Germany"));
        assertThat(spec.referenceTable("Country Codes").origin()).isEqualTo("@mapping[Country Codes:1]");
        assertThat(spec.targetCounts()).containsExactly(Map.entry("dim_country", 1));
        // the lines of the sheets without mapping rows are kept as notes (a cover sheet's conventions), where they are,
        // but a change log's and a revision list's: "added country" says what changed, never what to do
        assertThat(spec.notes()).extracting(n -> n.sheet() + ":" + n.row() + " " + n.text()).containsExactly(
                "Cover:1 Sales data mart", "Cover:2 Prepared by the BI team", "Instructions:1 Fill one row per target column.",
                "Instructions:2 Use the lookups sheet.");
    }

    @Test
    void shouldReadATableOfNotesAsNotesAndALookupWithShortLabelsAsAReferenceTable() throws Exception {
        // Given: a "Topic | Applies to | Note" sheet of sentences beside a code list with a Description column
        Path file = Workbooks.create()
                .sheet("Mapping").row("Target Table", "Target Column", "Source Table", "Source Column", "Rule")
                .row("fct_call", "call_id", "cdr_raw", "cdr_id", "1:1")
                .sheet("Notes").row("Topic", "Applies to", "Note")
                .row("Filter", "fct_call", "Only events that started on or after 1 March 2024 are in scope.")
                .row("De-duplication", "fct_call", "Keep only one row per CDR_ID: the one with the latest LOAD_TS.")
                .sheet("Status Codes").row("Code", "Description").row("A", "Active").row("S", "Suspended")
                .writeXlsx(dir, "notes-sheet.xlsx");

        // When
        MappingSpec spec = parse(file);

        // Then: the notes are lines to read, the code list stays a lookup
        assertThat(spec.sheets()).extracting(SheetInfo::name, SheetInfo::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Mapping", "mapping"),
                org.assertj.core.groups.Tuple.tuple("Notes", "notes"),
                org.assertj.core.groups.Tuple.tuple("Status Codes", "reference"));
        assertThat(spec.notes()).extracting(n -> n.sheet() + ":" + n.row() + " " + n.text()).containsExactly(
                "Notes:2 Filter | fct_call | Only events that started on or after 1 March 2024 are in scope.",
                "Notes:3 De-duplication | fct_call | Keep only one row per CDR_ID: the one with the latest LOAD_TS.");
        assertThat(spec.referenceTable("Notes")).isNull();
        assertThat(spec.referenceTable("Status Codes").rows()).hasSize(2);
    }

    @Test
    void shouldTakeTargetTableFromSheetNameAndSplitQualifiedSources() throws Exception {
        // Given
        Path file = Workbooks.create()
                .sheet("dim_customer").row("Column Name", "Data Type", "Source", "Logic")
                .row("customer_key", "BIGINT", "crm.customers.cust_id", "hash")
                .row("full_name", "VARCHAR(200)", "Customer.FirstName, Customer.LastName", "concat with space")
                .sheet("fact_sales").row("Column Name", "Data Type", "Source", "Logic")
                .row("amount", "DECIMAL(12,2)", "[dbo].[Sales].[Amount]", "sum")
                .writeXlsx(dir, "table-from-sheet.xlsx");

        // When
        MappingSpec spec = parse(file);

        // Then
        assertThat(spec.targetCounts()).containsExactly(Map.entry("dim_customer", 2), Map.entry("fact_sales", 1));
        assertThat(row(spec, "dim_customer", "customer_key").sourceColumns())
                .containsExactly(new SourceRef("crm", "customers", "cust_id"));
        assertThat(row(spec, "dim_customer", "full_name").sourceColumns()).containsExactly(
                new SourceRef(null, "Customer", "FirstName"), new SourceRef(null, "Customer", "LastName"));
        assertThat(row(spec, "fact_sales", "amount").sourceColumns())
                .containsExactly(new SourceRef("dbo", "Sales", "Amount"));
        assertThat(spec.sheets().get(0).reason()).contains("sheet name");
    }

    @Test
    void shouldCarryTargetTableDownFromRowAboveAndFromMergedCells() throws Exception {
        // Given
        Path file = Workbooks.create().sheet("Map")
                .row("Target Table", "Target Column", "Source Column", "Transformation")
                .row("dim_product", "product_id", "p.id", "direct")
                .row(null, "product_name", "p.name", "trim")
                .row(null, "category", "c.name", "lookup")
                .row("dim_store", "store_id", "s.id", "direct")
                .row(null, "store_name", "s.name", "direct")
                .merge("A5:A6")
                .writeXlsx(dir, "carried-down.xlsx");

        // When
        MappingSpec spec = parse(file);

        // Then
        assertThat(spec.targetCounts()).containsExactly(Map.entry("dim_product", 3), Map.entry("dim_store", 2));
        assertThat(row(spec, "dim_product", "category").ref()).isEqualTo("@mapping[Map:4]");
        assertThat(spec.diagnostics()).noneMatch(d -> d.code().equals("target_column_without_table"));
    }

    @Test
    void shouldKeepEveryRowOfAMultiSourceUnionAndFlagPlainDuplicates() throws Exception {
        // Given
        Path file = Workbooks.create().sheet("Customers")
                .row("Target Table", "Target Column", "Source System", "Source Table", "Source Column")
                .row("customer", "email", "crm", "contacts", "email_address")
                .row("customer", "email", "webshop", "users", "mail")
                .row("customer", "email", "erp", "kna1", "smtp_addr")
                .row("customer", "phone", null, "contacts", "phone")
                .row("customer", "phone", null, "contacts", "mobile")
                .writeXlsx(dir, "union.xlsx");

        // When
        MappingSpec spec = parse(file);

        // Then
        assertThat(spec.targetCounts()).containsExactly(Map.entry("customer", 5));
        assertThat(spec.rows()).filteredOn(r -> r.targetColumn().equals("email"))
                .extracting(MappingRow::sourceSystem).containsExactly("crm", "webshop", "erp");
        assertThat(spec.diagnostics()).filteredOn(d -> d.code().equals("target_column_union")).hasSize(2);
        assertThat(spec.diagnostics()).filteredOn(d -> d.code().equals("duplicate_target_column"))
                .singleElement().satisfies(d -> {
                    assertThat(d.severity()).isEqualTo(Diagnostic.WARNING);
                    assertThat(d.cell()).isEqualTo("Customers!B6");
                    assertThat(d.ref()).isEqualTo("@mapping[Customers:6]");
                });
    }

    @Test
    void shouldReportHiddenRowsAndColumnsAndStillReadThem() throws Exception {
        // Given
        Path file = Workbooks.create().sheet("Mapping")
                .row("Target Table", "Target Column", "Source Column", "Internal note", "Rule")
                .row("t", "a", "x", "n1", "direct")
                .row("t", "b", "y", "n2", "direct")
                .row("t", "c", "z", "n3", "direct")
                .hideRow(3).hideColumn(3)
                .writeXlsx(dir, "hidden.xlsx");

        // When
        MappingSpec spec = parse(file);

        // Then
        SheetInfo sheet = spec.sheets().get(0);
        assertThat(sheet.hiddenRows()).containsExactly(3);
        assertThat(sheet.hiddenColumns()).containsExactly("D");
        assertThat(spec.targetCounts()).containsEntry("t", 3);
        assertThat(spec.diagnostics()).anyMatch(d -> d.code().equals("hidden_cells"));
        assertThat(row(spec, "t", "b").attributes()).containsEntry("Internal note", "n2");
    }

    @Test
    void shouldRenderFormulasDatesAndNumbersAsTheUserSeesThem() throws Exception {
        // Given
        Path file = Workbooks.create().sheet("Mapping")
                .row("Target Table", "Target Column", "Source Column", "Default Value", "Valid From", "Max Amount",
                        "Label")
                .row("t", "a", "x", null, LocalDate.of(2024, 3, 31), 10_000_000)
                .row("t", "b", "y", "n/a", LocalDate.of(1999, 12, 1), 0.1)
                .formula("D2", "1+1")
                .formula("F3", "0.1+0.2")
                .formula("G2", "CONCATENATE(\"to\",\"tal\")")
                .writeXlsx(dir, "typed-cells.xlsx");

        // When
        MappingSpec spec = parse(file);

        // Then
        MappingRow a = row(spec, "t", "a");
        assertThat(a.defaultValue()).isEqualTo("2");
        assertThat(a.attributes()).containsEntry("Valid From", "2024-03-31").containsEntry("Max Amount", "10000000")
                .containsEntry("Label", "total");
        assertThat(row(spec, "t", "b").attributes()).containsEntry("Valid From", "1999-12-01")
                .containsEntry("Max Amount", "0.3");
    }

    @Test
    void shouldIgnoreStyledEmptyCellsAndRowsFarOutside() throws Exception {
        // Given a sheet whose formatting reaches column 16,001 and row 300,000, as Excel writes it
        Path file = dir.resolve("formatted.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = wb.createSheet("Mapping");
            var style = wb.createCellStyle();
            style.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
            String[][] rows = {{"Target Table", "Target Column", "Source Column"}, {"t", "a", "x"}, {"t", "b", "y"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
                row.createCell(16_000).setCellStyle(style);
            }
            sheet.createRow(299_999).createCell(0).setCellStyle(style);
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }

        // When
        MappingSpec spec = parse(file);

        // Then
        assertThat(spec.targetCounts()).containsExactly(Map.entry("t", 2));
        assertThat(row(spec, "t", "b").attributes()).isEmpty();
    }

    @Test
    void shouldReadSemicolonCsvInWindows1252WithQuotedNewlines() throws Exception {
        // Given
        String csv = "Zieltabelle;Target Column;Source Column;Transformation Rule\r\n"
                + "dim_kunde;name;kunde.name;\"Trim; then\r\nupper-case (é)\"\r\n"
                + "dim_kunde;umsatz_eur;kunde.umsatz;\"Sum in €\"\r\n";
        Path file = dir.resolve("cp1252.csv");
        Files.write(file, csv.getBytes(Charset.forName("windows-1252")));

        // When
        MappingSpec spec = parse(file);

        // Then
        assertThat(spec.format()).isEqualTo("csv");
        assertThat(spec.rows()).hasSize(2);
        MappingRow name = spec.rows().get(0);
        assertThat(name.targetColumn()).isEqualTo("name");
        assertThat(name.transformation()).isEqualTo("Trim; then\r\nupper-case (é)");
        assertThat(name.ref()).isEqualTo("@mapping[cp1252:2]");
        assertThat(spec.rows().get(1).transformation()).isEqualTo("Sum in €");
        assertThat(spec.rows().get(1).ref()).isEqualTo("@mapping[cp1252:3]");
        assertThat(spec.rows().get(1).sourceColumns()).containsExactly(new SourceRef(null, "kunde", "umsatz"));
    }

    @Test
    void shouldReadTabSeparatedUtf8WithBom() throws Exception {
        // Given
        String tsv = "\uFEFFtarget_table\ttarget_column\tsource_table\tsource_column\tmapping_rule\n"
                + "stg_orders\torder_id\torders\tid\tdirect\n"
                + "stg_orders\tstatus\torders\tstatus\tmap via Status Lookup\n";
        Path file = dir.resolve("orders mapping.tsv");
        Files.writeString(file, tsv, StandardCharsets.UTF_8);

        // When
        MappingSpec spec = parse(file);

        // Then
        assertThat(spec.format()).isEqualTo("tsv");
        assertThat(spec.headerMapping().get("orders mapping")).containsEntry("target_table", "target_table")
                .containsEntry("transformation", "mapping_rule");
        assertThat(spec.targetCounts()).containsExactly(Map.entry("stg_orders", 2));
        assertThat(spec.rows().get(0).ref()).isEqualTo("@mapping[orders mapping:2]");
    }

    @Test
    void shouldDetectCommaDelimiterWhenCellsContainSemicolons() throws Exception {
        // Given
        String csv = "Target Table,Target Column,Source Column,Transformation\n"
                + "t,a,\"x; y\",\"concat(x; y)\"\n"
                + "t,b,z,\"if z > 0 then 1; else 0\"\n";
        Path file = dir.resolve("commas.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        // When
        MappingSpec spec = parse(file);

        // Then
        assertThat(spec.rows()).extracting(MappingRow::targetColumn).containsExactly("a", "b");
        assertThat(spec.rows().get(0).sourceColumns()).extracting(SourceRef::column).containsExactly("x", "y");
    }

    @Test
    void shouldReadLegacyXlsWithMergedTargetTable() throws Exception {
        // Given
        Path file = Workbooks.create().sheet("Mapping")
                .row("Target Table", "Target Field", "Source Field", "Derivation")
                .row("dim_account", "account_no", "acct.no", "direct")
                .row(null, "opened_on", "acct.open_dt", "to date")
                .row(null, "balance", "acct.bal", "sum")
                .merge("A2:A4")
                .writeXls(dir, "legacy.xls");

        // When
        MappingSpec spec = parse(file);

        // Then
        assertThat(spec.format()).isEqualTo("xls");
        assertThat(spec.targetCounts()).containsExactly(Map.entry("dim_account", 3));
        assertThat(row(spec, "dim_account", "balance").ref()).isEqualTo("@mapping[Mapping:4]");
    }

    @Test
    void shouldUseHeaderOverridesForHeadersNoSynonymCovers() throws Exception {
        // Given
        Path file = Workbooks.create().sheet("Blatt1")
                .row("Ziel", "Feld", "Herkunft", "Regel")
                .row("kunde", "name", "crm.name", "trim")
                .writeXlsx(dir, "german.xlsx");
        ParseOptions options = ParseOptions.defaults().withHeaderOverrides(Map.of("target_table", "Ziel",
                "target_column", "Feld", "source_column", "Herkunft", "transformation", "Regel"));

        // When
        MappingSpec spec = parser.parse(file, "german.xlsx", options);

        // Then
        assertThat(spec.headerMapping().get("Blatt1")).containsEntry("target_table", "Ziel")
                .containsEntry("target_column", "Feld").containsEntry("source_column", "Herkunft")
                .containsEntry("transformation", "Regel");
        assertThat(row(spec, "kunde", "name").transformation()).isEqualTo("trim");
    }

    @Test
    void shouldApplyASheetsHeaderOverrideOnThatSheetOnly() throws Exception {
        // Given: two sheets with the same headers; on Orders the rule is in "Notes", on Customers in "Rule"
        Path file = Workbooks.create()
                .sheet("Customers")
                .row("Target Table", "Target Column", "Source Table", "Source Column", "Rule", "Notes")
                .row("dim_customer", "name", "crm", "name", "trim(name)", "checked by ops")
                .sheet("Orders")
                .row("Target Table", "Target Column", "Source Table", "Source Column", "Rule", "Notes")
                .row("fact_orders", "amount", "erp", "amount", "old rule", "amount / 100")
                .writeXlsx(dir, "two-sheets.xlsx");
        ParseOptions options = ParseOptions.defaults().withHeaderOverrides(Map.of("Orders:transformation", "Notes"));

        // When
        MappingSpec spec = parser.parse(file, "two-sheets.xlsx", options);

        // Then
        assertThat(spec.headerMapping().get("Orders")).containsEntry("transformation", "Notes");
        assertThat(spec.headerMapping().get("Customers")).containsEntry("transformation", "Rule");
        assertThat(row(spec, "fact_orders", "amount").transformation()).isEqualTo("amount / 100");
        assertThat(row(spec, "dim_customer", "name").transformation()).isEqualTo("trim(name)");
        assertThat(spec.diagnostics()).noneMatch(d -> d.code().startsWith("header_override"));
    }

    @Test
    void shouldLetASheetsOverrideWinOverTheOneForEverySheetAndNameASheetItMisses() throws Exception {
        // Given
        Path file = Workbooks.create()
                .sheet("Customers")
                .row("Target Table", "Target Column", "Source Table", "Source Column", "Rule", "Notes")
                .row("dim_customer", "name", "crm", "name", "trim(name)", "upper(name)")
                .sheet("Orders")
                .row("Target Table", "Target Column", "Source Table", "Source Column", "Rule", "Notes")
                .row("fact_orders", "amount", "erp", "amount", "amount / 100", "see ticket")
                .writeXlsx(dir, "two-sheets-precedence.xlsx");
        ParseOptions options = ParseOptions.defaults().withHeaderOverrides(Map.of("transformation", "Notes",
                "Orders:transformation", "Rule", "Orders:description", "Remarks"));

        // When
        MappingSpec spec = parser.parse(file, "two-sheets-precedence.xlsx", options);

        // Then
        assertThat(row(spec, "dim_customer", "name").transformation()).isEqualTo("upper(name)");
        assertThat(row(spec, "fact_orders", "amount").transformation()).isEqualTo("amount / 100");
        assertThat(spec.diagnostics()).filteredOn(d -> d.code().equals("header_override_not_found"))
                .singleElement().satisfies(d -> assertThat(d.message())
                        .contains("Orders:description").contains("mapping sheet 'Orders'"));
    }

    @Test
    void shouldKeepGoodRowsAndReportBadRowsWithCodesAndCells() throws Exception {
        // Given
        Path file = Workbooks.create().sheet("Mappings")
                .row("Target Table", "Target Column", "Data Type", "Source Table", "Source Column", "Rule")
                .row(null, "orphan", "INTEGER", "orders", "id", "direct")
                .row("fact_orders", "order_id", "INTEGER", "orders", "id", "direct")
                .row("fact_orders", "weird", "VARCHARX", "orders", "w", "direct")
                .row("fact_orders", "nothing", "INTEGER", null, null, null)
                .row("fact_orders", "ghost", "INTEGER", "ghosts", "g", "direct")
                .writeXlsx(dir, "bad-rows.xlsx");
        ParseOptions options = ParseOptions.defaults()
                .withKnownSchema(Map.of("orders", Set.of("id", "w"), "customers", Set.of("id")));

        // When
        MappingSpec spec = parser.parse(file, "bad-rows.xlsx", options);

        // Then
        assertThat(spec.targetCounts()).containsExactly(Map.entry("fact_orders", 4));
        assertThat(spec.diagnostics()).extracting(Diagnostic::code, Diagnostic::severity, Diagnostic::cell)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("target_column_without_table", "error", "Mappings!A2"),
                        org.assertj.core.groups.Tuple.tuple("type_not_recognized", "warning", "Mappings!C4"),
                        org.assertj.core.groups.Tuple.tuple("empty_rule", "warning", "Mappings!F5"),
                        org.assertj.core.groups.Tuple.tuple("source_table_unknown", "warning", "Mappings!D6"));
        assertThat(spec.diagnostics()).filteredOn(d -> d.code().equals("target_column_without_table"))
                .singleElement().satisfies(d -> assertThat(d.message()).contains("orphan").contains("Target Table"));
    }

    @Test
    void shouldKeepUnmappedColumnsAsAttributesByHeaderText() throws Exception {
        // Given
        String csv = "target_domain,target_variable,raw_dataset,raw_variable,mapping_algorithm,condition_operator,"
                + "condition_right_text_value\n"
                + "CM,CMSTRTPT,MD1,MDPRIOR,IF_THEN_ELSE,==,Checked\n";
        Path file = dir.resolve("sdtm-like.csv");
        Files.writeString(file, csv);

        // When
        MappingSpec spec = parse(file);

        // Then
        MappingRow r = row(spec, "CM", "CMSTRTPT");
        assertThat(r.sourceTable()).isEqualTo("MD1");
        assertThat(r.sourceColumns()).containsExactly(new SourceRef(null, "MD1", "MDPRIOR"));
        assertThat(r.attributes()).containsEntry("condition_operator", "==")
                .containsEntry("condition_right_text_value", "Checked");
        assertThat(r.transformation()).isEqualTo("IF_THEN_ELSE");
    }

    @Test
    void shouldReadASourceOrientedDictionaryAndLeaveOutColumnsMarkedNotModeled() throws Exception {
        // Given
        String csv = "original_column,original_definition,target_model_column,transformation_rule\n"
                + "ID,Row id,source_record_id,Copied unchanged.\n"
                + "PQ #,Price quote,(not modeled),Superseded by PO / SO #\n"
                + "Country,Destination,destination_country,Copied unchanged.\n";
        Path file = dir.resolve("stg_shipment.csv");
        Files.writeString(file, csv);

        // When
        MappingSpec spec = parse(file);

        // Then
        assertThat(spec.headerMapping().get("stg_shipment")).containsEntry("source_column", "original_column")
                .containsEntry("target_column", "target_model_column");
        assertThat(spec.targetCounts()).containsExactly(Map.entry("stg_shipment", 2));
        assertThat(spec.diagnostics()).filteredOn(d -> d.code().equals("row_without_target_column"))
                .singleElement().satisfies(d -> {
                    assertThat(d.ref()).isEqualTo("@mapping[stg_shipment:3]");
                    assertThat(d.message()).contains("marked as not mapped");
                });
    }

    @Test
    void shouldParseFromInputStreamLikeAnUpload() throws Exception {
        // Given
        byte[] bytes = io.aide.parser.corpus.HostileCorpus.MAPPING_CSV.getBytes(StandardCharsets.UTF_8);

        // When
        MappingSpec spec = parser.parse(new java.io.ByteArrayInputStream(bytes), "upload.csv",
                ParseOptions.defaults());

        // Then
        assertThat(spec.fileName()).isEqualTo("upload.csv");
        assertThat(spec.targetCounts()).containsExactly(Map.entry("dim_customer", 2));
        assertThat(row(spec, "dim_customer", "full_name").sourceColumns()).extracting(SourceRef::qualified)
                .containsExactly("crm_customer.first_name", "crm_customer.last_name");
    }

    @Test
    void shouldSayWhichHeadersItLeftUnreadWhenNoneNamesTheSource() throws Exception {
        // Given: the source named with words no mapping vocabulary holds
        Path file = Workbooks.create().sheet("Mapping")
                .row("Dest Table", "Dest Column", "Dest Type", "Provenance Table", "Provenance Column", "Rule")
                .row("dim_a", "a_id", "INTEGER", "src_a", "id", "Cast to integer.")
                .writeXlsx(dir, "unread-source.xlsx");

        // When
        MappingSpec spec = parse(file);

        // Then: a warning names the headers and what to call them, and the rows are still read
        assertThat(spec.diagnostics()).filteredOn(d -> d.code().equals("no_source_header")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("'Provenance Table'", "'Provenance Column'", "Source Table"));
        assertThat(row(spec, "dim_a", "a_id").attributes()).containsEntry("Provenance Table", "src_a");
    }
}
