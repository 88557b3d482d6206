package io.aide.document.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceUploadsTest {
    private static final ReferenceUploads.Limits LIMITS = new ReferenceUploads.Limits(2, 100);

    @TempDir
    Path dir;

    private UploadedFile file(String name, String content) throws IOException {
        Path spooled = Files.createTempFile(dir, "upload", ".tmp");
        Files.writeString(spooled, content);
        return new UploadedFile(name, spooled);
    }

    @Test
    void shouldAcceptDictionariesAndConfigUnderTheirSafeNames() throws IOException {
        // Given
        List<UploadedFile> files = List.of(file("C:\\analyst\\data_dictionary.xlsx", "PK.."),
                file("project_config.yaml", "shift_years: 10\n"));

        // When
        List<String> names = ReferenceUploads.check(files, LIMITS);

        // Then
        assertThat(names).containsExactly("data_dictionary.xlsx", "project_config.yaml");
    }

    @Test
    void shouldRefuseAFormatTheParserCannotReadNamingTheFile() throws IOException {
        // Given
        List<UploadedFile> files = List.of(file("codes.csv", "a\n1\n"), file("notes.docx", "x"));

        // When / Then
        assertThatThrownBy(() -> ReferenceUploads.check(files, LIMITS))
                .hasMessageContaining("notes.docx").hasMessageContaining(".yaml")
                .extracting("code", "status").containsExactly("bad_reference_file:unsupported_format", 415);
    }

    @Test
    void shouldRefuseAFileOverTheSizeLimitNamingTheFileAndTheLimit() throws IOException {
        // Given
        List<UploadedFile> files = List.of(file("big.csv", "x".repeat(101)));

        // When / Then
        assertThatThrownBy(() -> ReferenceUploads.check(files, LIMITS))
                .hasMessageContaining("big.csv").hasMessageContaining("100 bytes")
                .extracting("code", "status").containsExactly("bad_reference_file:too_large", 413);
    }

    @Test
    void shouldRefuseMoreFilesThanTheLimit() throws IOException {
        // Given
        List<UploadedFile> files = List.of(file("a.csv", "a"), file("b.csv", "b"), file("c.csv", "c"));

        // When / Then
        assertThatThrownBy(() -> ReferenceUploads.check(files, LIMITS))
                .hasMessageContaining("3 reference files").hasMessageContaining("limit is 2")
                .extracting("code").isEqualTo("bad_reference_file:too_many");
    }

    @Test
    void shouldRefuseTwoFilesOfTheSameNameAndAnEmptyOne() throws IOException {
        // Given
        List<UploadedFile> twice = List.of(file("codes.csv", "a"), file("dir/CODES.csv", "b"));
        List<UploadedFile> empty = List.of(file("codes.csv", ""));

        // When / Then
        assertThatThrownBy(() -> ReferenceUploads.check(twice, LIMITS))
                .hasMessageContaining("CODES.csv").extracting("code").isEqualTo("bad_reference_file:duplicate_name");
        assertThatThrownBy(() -> ReferenceUploads.check(empty, LIMITS))
                .hasMessageContaining("codes.csv").extracting("code").isEqualTo("bad_reference_file:empty");
    }
}
