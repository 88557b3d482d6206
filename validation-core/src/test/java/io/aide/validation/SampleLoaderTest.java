package io.aide.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleLoaderTest {
    private static final SandboxLimits LIMITS = new SandboxLimits("256MB", 2, Duration.ofSeconds(5), 5);

    @TempDir
    Path dir;

    @Test
    void shouldMakeUpRowsForASourceWithoutSampleAndLoadTheMappingsReferenceTables() {
        // Given: no sample at all
        ValidationInput input = new ValidationInput(new LayerFixture().layers(), LayerFixture.spec(), List.of());

        try (DuckDbSandbox sandbox = DuckDbSandbox.open(LIMITS)) {
            // When
            SampleLoader.Loaded loaded = SampleLoader.load(sandbox, input, 7);

            // Then
            assertThat(loaded.error()).isNull();
            assertThat(loaded.synthesized()).containsExactly("customers");
            assertThat(sandbox.query("SELECT count(*) FROM customers", 1).singleLong()).isEqualTo(7);
            assertThat(sandbox.query("SELECT name FROM countries WHERE code = 'FR'", 1).single()).isEqualTo("France");
        }
    }

    @Test
    void shouldReportASampleThatDoesNotLoadAndLockTheSandbox() {
        // Given: a sample file that is not there
        ValidationInput input = new ValidationInput(new LayerFixture().layers(), LayerFixture.spec(),
                List.of(new SampleTable.CsvFile("customers", dir.resolve("missing.csv"))));

        try (DuckDbSandbox sandbox = DuckDbSandbox.open(LIMITS)) {
            // When
            SampleLoader.Loaded loaded = SampleLoader.load(sandbox, input, 7);

            // Then
            assertThat(loaded.error()).contains("missing.csv");
            assertThatThrownBy(() -> sandbox.load(new SampleTable.Rows("late", List.of("a"), List.of(), List.of())))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
