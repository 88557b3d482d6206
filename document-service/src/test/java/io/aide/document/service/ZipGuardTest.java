package io.aide.document.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZipGuardTest {
    private static final Set<String> SAMPLES = Set.of("csv", "parquet");
    private final ZipGuard guard = new ZipGuard(new ZipGuard.Limits(3, 5 * 1024 * 1024, 100));

    @TempDir
    Path dir;

    private Path zip(String name, Entry... entries) throws IOException {
        Path zip = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Entry e : entries) {
                out.putNextEntry(new ZipEntry(e.name));
                for (long i = 0; i < e.repeat; i++) {
                    out.write(e.content);
                }
                out.closeEntry();
            }
        }
        return zip;
    }

    record Entry(String name, byte[] content, long repeat) {
        static Entry of(String name, String content) {
            return new Entry(name, content.getBytes(StandardCharsets.UTF_8), 1);
        }
    }

    @Test
    void shouldExtractCsvFilesFlatteningTheirPaths() throws IOException {
        // Given
        Path zip = zip("samples.zip", Entry.of("data/orders.csv", "id,total\n1,10\n"), Entry.of("../../customers.csv", "id\n1\n"));
        Path out = Files.createDirectories(dir.resolve("out"));

        // When
        List<ZipGuard.Extracted> files = guard.extract(zip, "samples.zip", out, SAMPLES);

        // Then
        assertThat(files).extracting(ZipGuard.Extracted::name).containsExactly("orders.csv", "customers.csv");
        assertThat(files).allSatisfy(f -> assertThat(f.file().getParent()).isEqualTo(out));
        assertThat(Files.readString(out.resolve("orders.csv"))).isEqualTo("id,total\n1,10\n");
    }

    @Test
    void shouldRefuseAZipBomb() throws IOException {
        // Given: 8 MB of zeros compress to a few KB
        Path zip = zip("bomb.zip", new Entry("zeros.csv", new byte[64 * 1024], 128));
        Path out = Files.createDirectories(dir.resolve("out"));

        // When / Then
        assertThatThrownBy(() -> guard.extract(zip, "bomb.zip", out, SAMPLES))
                .isInstanceOf(DocumentServiceException.class)
                .hasMessageContaining("bomb.zip")
                .extracting("code").isEqualTo("bad_sample_data:zip_bomb");
    }

    @Test
    void shouldRefuseTooManyEntries() throws IOException {
        // Given
        Path zip = zip("many.zip", Entry.of("a.csv", "x"), Entry.of("b.csv", "x"), Entry.of("c.csv", "x"),
                Entry.of("d.csv", "x"));
        Path out = Files.createDirectories(dir.resolve("out"));

        // When / Then
        assertThatThrownBy(() -> guard.extract(zip, "many.zip", out, SAMPLES))
                .extracting("code").isEqualTo("bad_sample_data:zip_too_many_entries");
    }

    @Test
    void shouldRefuseAnEntryThatIsNotSampleData() throws IOException {
        // Given
        Path zip = zip("mixed.zip", Entry.of("run.sh", "rm -rf /"));
        Path out = Files.createDirectories(dir.resolve("out"));

        // When / Then
        assertThatThrownBy(() -> guard.extract(zip, "mixed.zip", out, SAMPLES))
                .hasMessageContaining("run.sh")
                .extracting("code").isEqualTo("bad_sample_data:unsupported_file");
    }

    @Test
    void shouldTellExpectedRowsAtAnyDepthFromSampleTables() throws IOException {
        // Given
        Path zip = zip("case.zip", Entry.of("jaffle-shop/sources/raw_orders.csv", "id\n1\n"),
                Entry.of("jaffle-shop/expected/orders.csv", "order_id\n1\n"), Entry.of("customers.csv", "id\n7\n"));
        Path out = Files.createDirectories(dir.resolve("out"));

        // When
        List<ZipGuard.Extracted> files = guard.extract(zip, "case.zip", out, SAMPLES);

        // Then
        assertThat(files).extracting(ZipGuard.Extracted::name, ZipGuard.Extracted::folder, ZipGuard.Extracted::expected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("raw_orders.csv", "jaffle-shop/sources", false),
                        org.assertj.core.groups.Tuple.tuple("orders.csv", "jaffle-shop/expected", true),
                        org.assertj.core.groups.Tuple.tuple("customers.csv", "", false));
        assertThat(files.get(1).file()).isEqualTo(out.resolve("expected").resolve("orders.csv"));
        assertThat(Files.readString(files.get(1).file())).isEqualTo("order_id\n1\n");
    }

    @Test
    void shouldLetExpectedRowsShareTheNameOfASampleTable() throws IOException {
        // Given: source table orders and the expected rows of target orders
        Path zip = zip("case.zip", Entry.of("sources/orders.csv", "id\n1\n"), Entry.of("Expected/orders.csv", "id\n2\n"));
        Path out = Files.createDirectories(dir.resolve("out"));

        // When
        List<ZipGuard.Extracted> files = guard.extract(zip, "case.zip", out, SAMPLES);

        // Then
        assertThat(files).extracting(ZipGuard.Extracted::expected).containsExactly(false, true);
        assertThat(Files.readString(files.get(0).file())).isEqualTo("id\n1\n");
        assertThat(Files.readString(files.get(1).file())).isEqualTo("id\n2\n");
    }

    @Test
    void shouldRefuseTwoExpectedFilesOfTheSameName() throws IOException {
        // Given
        Path zip = zip("case.zip", Entry.of("a/expected/orders.csv", "x"), Entry.of("b/expected/ORDERS.csv", "x"));
        Path out = Files.createDirectories(dir.resolve("out"));

        // When / Then
        assertThatThrownBy(() -> guard.extract(zip, "case.zip", out, SAMPLES))
                .hasMessageContaining("case.zip").hasMessageContaining("b/expected/ORDERS.csv")
                .extracting("code").isEqualTo("bad_sample_data:duplicate_entry");
    }

    @Test
    void shouldKeepAnExpectedEntryThatClimbsOutInsideTheTargetDirectory() throws IOException {
        // Given
        Path zip = zip("evil.zip", Entry.of("../expected/../../orders.csv", "x"), Entry.of("expected/../../../t.csv", "y"));
        Path out = Files.createDirectories(dir.resolve("out"));

        // When
        List<ZipGuard.Extracted> files = guard.extract(zip, "evil.zip", out, SAMPLES);

        // Then
        assertThat(files).extracting(ZipGuard.Extracted::folder).containsExactly("expected", "expected");
        assertThat(files).allSatisfy(f -> assertThat(f.file().normalize()).startsWith(out));
    }

    @Test
    void shouldNotTakeAFolderThatOnlyContainsTheWordAsExpected() {
        // Given / When / Then
        assertThat(ZipGuard.inFolder("case/expected_rows", ZipGuard.EXPECTED_FOLDER)).isFalse();
        assertThat(ZipGuard.inFolder("", ZipGuard.EXPECTED_FOLDER)).isFalse();
        assertThat(ZipGuard.folder("a\\b/./c/d.csv")).isEqualTo("a/b/c");
    }
}
