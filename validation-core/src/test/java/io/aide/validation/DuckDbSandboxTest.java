package io.aide.validation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DuckDbSandboxTest {
    @TempDir
    Path dir;
    private DuckDbSandbox sandbox;
    private Path secret;

    @BeforeEach
    void openSandboxWithSample() throws Exception {
        Path sample = dir.resolve("customers.csv");
        Files.writeString(sample, "id,name\n1,Ann\n2,Bob\n");
        secret = dir.resolve("secret.csv");
        Files.writeString(secret, "password\nhunter2\n");
        sandbox = DuckDbSandbox.open(new SandboxLimits("256MB", 2, Duration.ofMillis(800), 5));
        sandbox.load(new SampleTable.CsvFile("customers", sample));
        sandbox.lock();
    }

    @AfterEach
    void close() {
        sandbox.close();
    }

    private void assertRefused(String sql, String... codes) {
        assertThatThrownBy(() -> sandbox.query(sql, 10))
                .isInstanceOf(SandboxException.class)
                .satisfies(e -> assertThat(((SandboxException) e).code()).isIn((Object[]) codes))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void shouldReadTheLoadedSample() {
        // Given a locked sandbox with the customers sample

        // When
        QueryResult result = sandbox.query("SELECT name FROM customers ORDER BY id", 10);

        // Then
        assertThat(result.rows()).extracting(r -> r.get("name")).containsExactly("Ann", "Bob");
    }

    @Test
    void shouldStopReadingAFileWithReadCsv() {
        assertRefused("SELECT * FROM read_csv('" + secret + "')", "sandbox:file_access");
    }

    @Test
    void shouldStopReadingEtcPasswd() {
        assertRefused("SELECT * FROM read_csv('/etc/passwd')", "sandbox:file_access");
    }

    @Test
    void shouldStopCopyToAFile() {
        // Given
        Path target = dir.resolve("out.csv");

        // When / Then
        assertRefused("COPY customers TO '" + target + "'", "sandbox:file_access");
        assertThat(target).doesNotExist();
    }

    @Test
    void shouldStopAttachingADatabase() {
        assertRefused("ATTACH '" + dir.resolve("other.db") + "' AS other", "sandbox:file_access");
    }

    @Test
    void shouldStopInstallingAnExtension() {
        assertRefused("INSTALL sqlite", "sandbox:extension");
    }

    @Test
    void shouldStopLoadingAnExtension() {
        assertRefused("LOAD sqlite", "sandbox:extension");
    }

    @Test
    void shouldStopTurningExternalAccessBackOn() {
        assertRefused("SET enable_external_access=true", "sandbox:config_locked");
    }

    @Test
    void shouldStopRaisingTheMemoryLimit() {
        assertRefused("SET memory_limit='64GB'", "sandbox:config_locked");
    }

    @Test
    void shouldStopARecursiveCteThatRunsForever() {
        // Given
        long start = System.nanoTime();

        // When / Then
        assertRefused("WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r",
                "sandbox:timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldStopAHugeCrossJoin() {
        // a cross join either exhausts the memory limit building its side or runs into the timeout
        assertRefused("SELECT count(*) FROM range(100000000) a, range(100000000) b", "sandbox:timeout", "sandbox:memory");
    }

    @Test
    void shouldStopAStatementThatExceedsTheMemoryLimit() {
        // Given a sandbox whose timeout is far away, so only the memory limit can stop the statement
        try (DuckDbSandbox small = DuckDbSandbox.open(new SandboxLimits("128MB", 1, Duration.ofSeconds(30), 5))) {
            small.lock();

            // When / Then
            assertThatThrownBy(() -> small.query("SELECT string_agg(repeat('x', 1000), ',') FROM range(10000000)", 1))
                    .isInstanceOf(SandboxException.class)
                    .satisfies(e -> assertThat(((SandboxException) e).code()).isEqualTo("sandbox:memory"))
                    .hasMessageContaining("128MB");
        }
    }

    @Test
    void shouldRefuseLoadingAfterLock() {
        // Given a locked sandbox

        // When / Then
        assertThatThrownBy(() -> sandbox.load(new SampleTable.CsvFile("secret", secret)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldLoadRowsWithTypes() {
        // Given
        try (DuckDbSandbox rows = DuckDbSandbox.open(SandboxLimits.defaults())) {
            rows.load(new SampleTable.Rows("crm.accounts", List.of("id", "opened"), List.of("BIGINT", "DATE"),
                    List.of(List.of(1, "2024-02-29"), java.util.Arrays.asList(2, null))));
            rows.lock();

            // When
            QueryResult result = rows.query("SELECT count(*) FILTER (WHERE opened = DATE '2024-02-29') FROM crm.accounts", 1);

            // Then
            assertThat(result.singleLong()).isEqualTo(1);
            assertThat(rows.schema()).containsKey("crm.accounts");
        }
    }
}
