package io.aide.spark;

import org.apache.spark.sql.classic.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One warm local[2] session for the sandbox checks: code may read the sample and nothing else. */
class SparkSqlCheckerTest {

    @TempDir
    static Path samples;
    static Map<String, String> orders;
    static SparkSession session;
    static SparkSqlChecker checker;

    @BeforeAll
    static void startSpark() throws IOException {
        Path csv = Files.writeString(samples.resolve("orders.csv"), "order_id,amount\n1,10\n2,20\n3,30\n");
        orders = Map.of("orders", csv.toString());
        RunnerConfig config = RunnerConfig.from(new String[]{"--master", "local[2]"}, Map.of());
        session = SparkSqlChecker.createSession(config);
        checker = new SparkSqlChecker(session, config);
    }

    @AfterAll
    static void stopSpark() {
        checker.close();
        session.stop();
    }

    @Test
    void shouldRunAQueryOnTheSampleAndReturnTypedColumns() {
        // Given
        CheckRequest request = new CheckRequest("SELECT order_id, amount * 2 AS doubled FROM orders WHERE amount > 10",
                null, orders, 5, 120);

        // When
        CheckResult result = checker.check(request);

        // Then
        assertThat(result.status()).as(result.message()).isEqualTo("pass");
        assertThat(result.rowCount()).isEqualTo(2L);
        assertThat(result.columns()).extracting(CheckResult.Column::name).containsExactly("order_id", "doubled");
        assertThat(result.sampleRows()).containsExactly(List.of(2, 40), List.of(3, 60));
    }

    @Test
    void shouldRefuseStatementsThatChangeState() {
        // Given
        CheckRequest request = new CheckRequest("DROP TABLE orders", null, orders, null, 120);

        // When
        CheckResult result = checker.check(request);

        // Then
        assertThat(result.status()).isEqualTo("fail");
        assertThat(result.stage()).isEqualTo("parse");
        assertThat(result.message()).contains("Only a query");
    }

    @Test
    void shouldNotReadFilesByPath() {
        // Given
        CheckRequest request = new CheckRequest("SELECT * FROM csv.`/etc/passwd`", null, orders, null, 120);

        // When
        CheckResult result = checker.check(request);

        // Then
        assertThat(result.status()).isEqualTo("fail");
        assertThat(result.stage()).isEqualTo("analyze");
        assertThat(result.sampleRows()).isEmpty();
    }

    @Test
    void shouldNotCallJavaMethods() {
        // Given
        CheckRequest request = new CheckRequest("SELECT java_method('java.lang.System', 'getProperty', 'user.home')",
                null, Map.of(), null, 120);

        // When
        CheckResult result = checker.check(request);

        // Then
        assertThat(result.status()).isEqualTo("fail");
        assertThat(result.message()).contains("java_method");
    }

    @Test
    void shouldCancelAQueryThatRunsPastItsTimeoutAndStayUsable() {
        // Given
        CheckRequest runaway = new CheckRequest("SELECT count(*) FROM range(1000000000000) a", null, Map.of(), null, 2);

        // When
        CheckResult result = checker.check(runaway);

        // Then
        assertThat(result.status()).isEqualTo("fail");
        assertThat(result.stage()).isEqualTo("execute");
        assertThat(result.message()).contains("did not finish within 2 s");
        CheckResult next = checker.check(new CheckRequest("SELECT count(*) FROM orders", null, orders, null, 120));
        assertThat(next.sampleRows()).containsExactly(List.of(3L));
    }
}
