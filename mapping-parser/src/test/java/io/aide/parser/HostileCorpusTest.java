package io.aide.parser;

import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.parser.corpus.HostileCorpus;
import io.aide.parser.corpus.HostileFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HostileCorpusTest {

    @TempDir
    static Path dir;
    static List<HostileFile> corpus;

    private final MappingParser parser = new MappingParser(ParserLimits.defaults());

    @BeforeAll
    static void writeCorpus() {
        corpus = HostileCorpus.writeAll(dir);
    }

    static List<HostileFile> refused() {
        return corpus.stream().filter(f -> !f.mustParse()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void shouldRefuseHostileFileWithItsCodeStatusAndAClearMessage(HostileFile file) {
        // Given a hostile upload

        // When
        MappingFileException e = catchThrowableOfType(MappingFileException.class,
                () -> parser.parse(file.path(), file.name(), ParseOptions.defaults()));

        // Then
        assertThat(e).as(file.description()).isNotNull();
        assertThat(e.code()).as(file.description()).isEqualTo(file.expectedCode());
        assertThat(e.httpStatus()).isEqualTo(file.expectedStatus());
        assertThat(e.getMessage()).contains(file.name()).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    @Test
    void shouldCoverEveryRefusalCodeTheApiDocuments() {
        // Given the generated corpus

        // When
        List<String> codes = corpus.stream().map(HostileFile::expectedCode).distinct().toList();

        // Then
        assertThat(codes).contains(MappingFileException.ENCRYPTED, MappingFileException.ZIP_BOMB,
                MappingFileException.UNSAFE_XML, MappingFileException.CORRUPT, MappingFileException.WRONG_EXTENSION,
                MappingFileException.EMPTY, MappingFileException.TOO_MANY_ROWS, MappingFileException.TOO_MANY_COLUMNS,
                MappingFileException.NOT_A_MAPPING, MappingFileException.UNSUPPORTED_FORMAT);
    }

    @Test
    void shouldRefuseContainerLevelProblemsInInspectWithoutReadingCells() {
        // Given
        HostileFile encrypted = byName("encrypted.xlsx");
        HostileFile bomb = byName("zip-bomb.xlsx");
        HostileFile pdf = byName("pdf-named.xlsx");

        // When
        MappingFileException e1 = catchThrowableOfType(MappingFileException.class,
                () -> parser.inspect(encrypted.path(), encrypted.name()));
        MappingFileException e2 = catchThrowableOfType(MappingFileException.class,
                () -> parser.inspect(bomb.path(), bomb.name()));
        MappingFileException e3 = catchThrowableOfType(MappingFileException.class,
                () -> parser.inspect(pdf.path(), pdf.name()));

        // Then
        assertThat(e1.code()).isEqualTo(MappingFileException.ENCRYPTED);
        assertThat(e1.getMessage()).contains("password");
        assertThat(e2.code()).isEqualTo(MappingFileException.ZIP_BOMB);
        assertThat(e3.code()).isEqualTo(MappingFileException.WRONG_EXTENSION);
        assertThat(e3.getMessage()).contains("PDF");
    }

    @Test
    void shouldKeepInjectionCellsAsTextAndEscapeThemInTheDataDictionary() throws Exception {
        // Given
        HostileFile file = byName("csv-injection.csv");

        // When
        MappingSpec spec = parser.parse(file.path(), file.name(), ParseOptions.defaults());
        String markdown = DataDictionary.markdown(spec);
        String html = DataDictionary.html(spec);

        // Then
        MappingRow first = spec.rows().get(0);
        assertThat(first.transformation()).isEqualTo("=cmd|' /C calc'!A0");
        assertThat(spec.diagnostics()).anyMatch(d -> d.code().equals("formula_text_in_cell")
                && "'csv-injection'!E2".equals(d.cell()));
        assertThat(markdown).contains("'=cmd\\|' /C calc'!A0").doesNotContain("| =cmd");
        assertThat(markdown).contains("'+HYPERLINK(");
        assertThat(html).contains("&#39;=cmd|&#39; /C calc&#39;!A0").doesNotContain("<td>=cmd");
        assertThat(html).contains("&#39;-amount");
    }

    @Test
    void shouldParseMacroWorkbookWithoutRunningMacros() throws Exception {
        // Given
        HostileFile file = byName("macro.xlsm");

        // When
        MappingSpec spec = parser.parse(file.path(), file.name(), ParseOptions.defaults());

        // Then
        assertThat(spec.format()).isEqualTo("xlsm");
        assertThat(spec.targetCounts()).containsEntry("dim_customer", 2);
    }

    private static HostileFile byName(String name) {
        return corpus.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
