package io.aide.parser;

import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.ReferenceTable;
import io.aide.parser.corpus.HostileCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReferenceAndInspectTest {

    @TempDir
    Path dir;

    private final MappingParser parser = new MappingParser(ParserLimits.defaults());

    @Test
    void shouldKeepUploadedLookupFilesAsReferenceTables() throws Exception {
        // Given
        Path mapping = dir.resolve("mapping.csv");
        Files.writeString(mapping, HostileCorpus.MAPPING_CSV);
        Path codes = dir.resolve("country_codes.csv");
        Files.writeString(codes, "code;name\nFR;France\nDE;Germany\n");
        Path config = dir.resolve("project_config.yaml");
        Files.writeString(config, "cleaning:\n  shipment_mode_map:\n    Air: AIR\n    Truck: TRUCK\n"
                + "  sentinels:\n    - N/A\n    - Date Not Captured\nshift_years: 10\n");

        // When
        MappingSpec spec = parser.parse(mapping, "mapping.csv",
                ParseOptions.defaults().withReferenceFiles(List.of(codes, config)));

        // Then
        ReferenceTable cc = spec.referenceTable("country_codes");
        assertThat(cc.columns()).containsExactly("code", "name");
        assertThat(cc.rows()).containsExactly(List.of("FR", "France"), List.of("DE", "Germany"));
        assertThat(spec.referenceTable("cleaning.shipment_mode_map").rows())
                .containsExactly(List.of("Air", "AIR"), List.of("Truck", "TRUCK"));
        assertThat(spec.referenceTable("cleaning.sentinels").rows())
                .containsExactly(List.of("N/A"), List.of("Date Not Captured"));
        assertThat(spec.referenceTable("project_config").rows()).contains(List.of("shift_years", "10"));
    }

    @Test
    void shouldKeepEveryColumnOfAReferenceWorkbookEvenWhenItLooksLikeAMapping() throws Exception {
        // Given
        Path mapping = dir.resolve("mapping.csv");
        Files.writeString(mapping, HostileCorpus.MAPPING_CSV);
        Path dictionary = Workbooks.create().sheet("raw_data_dictionary")
                .row("original_column", "inferred_type", "target_model_column", "transformation_rule")
                .row("PO / SO #", "text", "po_so_number", "Copied unchanged.")
                .writeXlsx(dir, "data_dictionary.xlsx");

        // When
        MappingSpec spec = parser.parse(mapping, "mapping.csv",
                ParseOptions.defaults().withReferenceFiles(List.of(dictionary)));

        // Then
        ReferenceTable t = spec.referenceTable("raw_data_dictionary");
        assertThat(t.columns()).containsExactly("original_column", "inferred_type", "target_model_column",
                "transformation_rule");
        assertThat(t.rows()).containsExactly(List.of("PO / SO #", "text", "po_so_number", "Copied unchanged."));
        assertThat(t.origin()).isEqualTo("data_dictionary.xlsx#raw_data_dictionary");
        assertThat(spec.rows()).hasSize(2);
    }

    @Test
    void shouldReportAnUnreadableReferenceFileWithoutLosingTheMapping() throws Exception {
        // Given
        Path mapping = dir.resolve("mapping.csv");
        Files.writeString(mapping, HostileCorpus.MAPPING_CSV);
        Path broken = dir.resolve("lookup.xlsx");
        Files.writeString(broken, "%PDF-1.4 not a workbook");

        // When
        MappingSpec spec = parser.parse(mapping, "mapping.csv",
                ParseOptions.defaults().withReferenceFiles(List.of(broken)));

        // Then
        assertThat(spec.rows()).hasSize(2);
        assertThat(spec.diagnostics()).anyMatch(d -> d.code().equals("reference_file_unreadable")
                && d.severity().equals(Diagnostic.ERROR) && d.message().contains("lookup.xlsx"));
    }

    @Test
    void shouldSniffFormatFromBytesNotFromTheName() throws Exception {
        // Given
        Path xlsx = dir.resolve("mapping.xlsx");
        Files.write(xlsx, HostileCorpus.validXlsx());
        Path xls = Workbooks.create().sheet("M").row("Target Column", "Source Column").row("a", "b")
                .writeXls(dir, "legacy.xls");
        Path csv = dir.resolve("export.txt");
        Files.writeString(csv, HostileCorpus.MAPPING_CSV);

        // When
        FileInspection a = parser.inspect(xlsx, "mapping.xlsx");
        FileInspection b = parser.inspect(xls, "legacy.xls");
        FileInspection c = parser.inspect(csv, "export.txt");

        // Then
        assertThat(a.format()).isEqualTo("xlsx");
        assertThat(a.sheets()).containsExactly("Mapping");
        assertThat(a.zipEntries()).isPositive();
        assertThat(a.uncompressedBytes()).isGreaterThan(a.sizeBytes() / 2);
        assertThat(b.format()).isEqualTo("xls");
        assertThat(c.format()).isEqualTo("csv");
        assertThat(c.sheets()).containsExactly("export");
    }

    @Test
    void shouldRefuseRowsBeyondTheConfiguredLimitNamingTheSheet() throws Exception {
        // Given
        Path csv = dir.resolve("big.csv");
        Files.writeString(csv, HostileCorpus.MAPPING_CSV + "dim_customer,c3,INTEGER,crm_customer,x,y\n");
        MappingParser small = new MappingParser(ParserLimits.defaults().withMaxRows(3));

        // When
        MappingFileException e = catchThrowableOfType(MappingFileException.class,
                () -> small.parse(csv, "big.csv", ParseOptions.defaults()));

        // Then
        assertThat(e.code()).isEqualTo(MappingFileException.TOO_MANY_ROWS);
        assertThat(e.httpStatus()).isEqualTo(413);
        assertThat(e.getMessage()).contains("big.csv").contains("3");
    }

    @Test
    void shouldRefuseAWorkbookThatInflatesBeyondTheUncompressedCap() throws Exception {
        // Given
        Path xlsx = dir.resolve("mapping.xlsx");
        Files.write(xlsx, HostileCorpus.validXlsx());
        MappingParser tight = new MappingParser(ParserLimits.defaults().withMaxUncompressedBytes(1024));

        // When
        MappingFileException e = catchThrowableOfType(MappingFileException.class,
                () -> tight.inspect(xlsx, "mapping.xlsx"));

        // Then
        assertThat(e.code()).isEqualTo(MappingFileException.ZIP_BOMB);
        assertThat(e.getMessage()).contains("mapping.xlsx").contains("expand");
    }

    @Test
    void shouldExplainWhatAMappingNeedsWhenNoSheetHasOne() throws Exception {
        // Given
        Path file = Workbooks.create().sheet("Data").row("city", "population").row("Paris", 2100000)
                .writeXlsx(dir, "cities.xlsx");

        // When
        MappingFileException e = catchThrowableOfType(MappingFileException.class,
                () -> parser.parse(file, "cities.xlsx", ParseOptions.defaults()));

        // Then
        assertThat(e.code()).isEqualTo(MappingFileException.NOT_A_MAPPING);
        assertThat(e.httpStatus()).isEqualTo(422);
        assertThat(e.getMessage()).contains("cities.xlsx").contains("'Data'").contains("Target Column")
                .contains("header overrides");
    }
}
