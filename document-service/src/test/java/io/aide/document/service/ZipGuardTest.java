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
}
