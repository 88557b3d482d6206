package io.aide.validation;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LayerValidatorTest {
    private static final String CUSTOMERS = "id,name,status,country_code\n1,Ann,A,DE\n2,Bob,I,FR\n3,Cid,A,DE\n";
    private static final String ORDERS = "order_id,customer_id,amount\n10,1,5.0\n11,1,7.5\n12,2,3.0\n";

    @TempDir
    Path dir;
    private final LayerValidator validator = new LayerValidator(new SandboxLimits("256MB", 2, Duration.ofSeconds(5), 5));

    private List<SampleTable> samples(String customers) throws IOException {
        Path c = dir.resolve("customers.csv");
        Files.writeString(c, customers);
        Path o = dir.resolve("orders.csv");
        Files.writeString(o, ORDERS);
        return List.of(new SampleTable.CsvFile("customers", c), new SampleTable.CsvFile("orders", o));
    }

    private List<CheckResult> run(LayerFixture fixture, String customers) throws IOException {
        return validator.run(new ValidationInput(fixture.layers(), LayerFixture.spec(), samples(customers),
                fixture.dialects, java.util.Map.of()), r -> { });
    }

    private static CheckResult result(List<CheckResult> results, String check, String column) {
        return results.stream().filter(r -> r.check().equals(check)
                        && (column == null || column.equals(r.column())))
                .findFirst().orElseThrow(() -> new AssertionError("no " + check + " result in " + results));
    }

    @Test
    void shouldPassEveryCheckOnACleanLayer() throws IOException {
        // Given
        LayerFixture fixture = new LayerFixture();

        // When
        List<CheckResult> results = run(fixture, CUSTOMERS);

        // Then
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.check() + " " + r.column() + ": " + r.message())
                .isEqualTo(CheckResult.PASS));
        assertThat(results).extracting(CheckResult::check).contains(Checks.SYNTAX, Checks.BINDING, Checks.EXECUTION,
                Checks.PK_UNIQUE, Checks.NOT_NULL, Checks.CASTABLE, Checks.ACCEPTED_VALUES, Checks.REFERENTIAL,
                Checks.ROW_COUNT);
    }

    @Test
    void shouldReportResultsInPlanOrderAsTheyFinish() throws IOException {
        // Given
        LayerFixture fixture = new LayerFixture();
        ValidationInput input = new ValidationInput(fixture.layers(), LayerFixture.spec(), samples(CUSTOMERS));
        List<PlannedCheck> plan = validator.plan(input);
        List<CheckResult> streamed = new ArrayList<>();

        // When
        validator.run(input, streamed::add);

        // Then
        assertThat(streamed).extracting(r -> r.check() + ":" + r.column())
                .containsExactlyElementsOf(plan.stream().map(p -> p.check() + ":" + p.column()).toList());
    }

    @Test
    void shouldFailDuckdbSyntaxAndPointAtTheWhereBlock() throws IOException {
        // Given
        LayerFixture fixture = new LayerFixture();
        fixture.where = "c.status = 'A' AND";

        // When
        List<CheckResult> results = run(fixture, CUSTOMERS);

        // Then
        CheckResult syntax = result(results, Checks.SYNTAX, null);
        assertThat(syntax.status()).isEqualTo(CheckResult.FAIL);
        assertThat(syntax.message()).contains("syntax error");
        assertThat(syntax.blocks()).contains("where_clause");
        assertThat(syntax.mappingRefs()).contains("@mapping[Map:7]");
        assertThat(result(results, Checks.EXECUTION, null).status()).isEqualTo(CheckResult.SKIPPED);
    }

    @Test
    void shouldCheckGenericDialectSyntaxWithJsqlparser() throws IOException {
        // Given
        LayerFixture good = new LayerFixture();
        good.dialects = List.of("duckdb", "postgres");
        LayerFixture bad = new LayerFixture();
        bad.dialects = List.of("duckdb", "postgres");
        bad.where = "c.id = = 1";

        // When
        CheckResult pass = run(good, CUSTOMERS).stream().filter(r -> "postgres".equals(r.dialect())).findFirst().orElseThrow();
        CheckResult fail = run(bad, CUSTOMERS).stream().filter(r -> "postgres".equals(r.dialect())).findFirst().orElseThrow();

        // Then
        assertThat(pass.status()).isEqualTo(CheckResult.PASS);
        assertThat(fail.status()).isEqualTo(CheckResult.FAIL);
        assertThat(fail.message()).contains("line 7");
        assertThat(fail.blocks()).containsExactly("where_clause");
    }

    @Test
    void shouldFailBindingOnAnUnknownColumnAndNameTheMappingRow() throws IOException {
        // Given
        LayerFixture fixture = new LayerFixture();
        fixture.name = "c.full_name";

        // When
        CheckResult binding = result(run(fixture, CUSTOMERS), Checks.BINDING, null);

        // Then
        assertThat(binding.status()).isEqualTo(CheckResult.FAIL);
        assertThat(binding.code()).isEqualTo("binding:unknown_column");
        assertThat(binding.message()).contains("full_name");
        assertThat(binding.blocks()).contains("select_clause");
        assertThat(binding.mappingRefs()).contains("@mapping[Map:3]");
    }

    @Test
    void shouldFailBindingOnAnUnknownTable() throws IOException {
        // Given
        LayerFixture fixture = new LayerFixture();
        fixture.from = "FROM customer_master c";

        // When
        CheckResult binding = result(run(fixture, CUSTOMERS), Checks.BINDING, null);

        // Then
        assertThat(binding.status()).isEqualTo(CheckResult.FAIL);
        assertThat(binding.code()).isEqualTo("binding:unknown_table");
        assertThat(binding.message()).contains("customer_master").contains("customers");
        assertThat(binding.blocks()).containsExactly("joins");
    }

    @Test
    void shouldFailBindingOnATypeMismatchWithTheDeclaredType() throws IOException {
        // Given
        LayerFixture fixture = new LayerFixture();
        fixture.customerId = "CAST(c.id AS BIGINT)";
        fixture.customerIdType = "DATE";

        // When
        CheckResult binding = result(run(fixture, CUSTOMERS), Checks.BINDING, null);

        // Then
        assertThat(binding.status()).isEqualTo(CheckResult.FAIL);
        assertThat(binding.code()).isEqualTo("binding:type_mismatch");
        assertThat(binding.message()).contains("customer_id is declared DATE");
        assertThat(binding.mappingRefs()).containsExactly("@mapping[Map:2]");
    }

    @Test
    void shouldFailBindingOnATypeErrorInAJoinAndPointAtTheJoinsBlock() throws IOException {
        // Given
        LayerFixture fixture = new LayerFixture();
        fixture.from = "FROM customers c\nLEFT JOIN orders o ON o.customer_id = c.id AND o.order_id > 0";

        // When
        List<CheckResult> results = run(fixture, CUSTOMERS);

        // Then
        CheckResult binding = result(results, Checks.BINDING, null);
        assertThat(binding.status()).isEqualTo(CheckResult.FAIL);
        assertThat(binding.code()).isEqualTo("binding:type_error");
        assertThat(binding.blocks()).containsExactly("joins");
        assertThat(binding.mappingRefs()).containsExactly("@mapping[Map:6]");
        assertThat(result(results, Checks.EXECUTION, null).status()).isEqualTo(CheckResult.SKIPPED);
    }

    @Test
    void shouldReportAnExecutionErrorOnTheSample() throws IOException {
        // Given
        LayerFixture fixture = new LayerFixture();
        fixture.customerId = "CAST(c.name AS INTEGER)";

        // When
        List<CheckResult> results = run(fixture, CUSTOMERS);

        // Then
        CheckResult execution = result(results, Checks.EXECUTION, null);
        assertThat(execution.status()).isEqualTo(CheckResult.ERROR);
        assertThat(execution.message()).contains("Ann");
        assertThat(result(results, Checks.PK_UNIQUE, null).status()).isEqualTo(CheckResult.SKIPPED);
    }

    @Test
    void shouldStopLayerSqlThatReadsAFile() throws IOException {
        // Given
        LayerFixture fixture = new LayerFixture();
        fixture.from = "FROM read_csv('/etc/passwd') c";

        // When
        List<CheckResult> results = run(fixture, CUSTOMERS);

        // Then
        CheckResult failed = results.stream().filter(CheckResult::failed).findFirst().orElseThrow();
        assertThat(failed.code()).isEqualTo("sandbox:file_access");
        assertThat(failed.message()).contains("sample tables");
    }

    @Test
    void shouldFailPrimaryKeyWhenAJoinDuplicatesRows() throws IOException {
        // Given
        LayerFixture fixture = new LayerFixture();
        fixture.from = "FROM customers c LEFT JOIN orders o ON o.customer_id = c.id";

        // When
        List<CheckResult> results = run(fixture, CUSTOMERS);

        // Then
        CheckResult pk = result(results, Checks.PK_UNIQUE, null);
        assertThat(pk.status()).isEqualTo(CheckResult.FAIL);
        assertThat(pk.failingCount()).isEqualTo(2);
        assertThat(pk.examples()).hasSize(1);
        assertThat(pk.examples().get(0)).containsEntry("customer_id", "1").containsEntry("duplicate_count", 2L);
        assertThat(pk.blocks()).contains("joins");
        assertThat(pk.mappingRefs()).containsExactly("@mapping[Map:2]");
        CheckResult rows = result(results, Checks.ROW_COUNT, null);
        assertThat(rows.status()).isEqualTo(CheckResult.FAIL);
        assertThat(rows.code()).isEqualTo("row_count:fan_out");
    }

    @Test
    void shouldFailPrimaryKeyOnNullKeys() throws IOException {
        // When
        CheckResult pk = result(run(new LayerFixture(), CUSTOMERS + ",Dan,A,DE\n"), Checks.PK_UNIQUE, null);

        // Then
        assertThat(pk.status()).isEqualTo(CheckResult.FAIL);
        assertThat(pk.code()).isEqualTo("pk:null");
        assertThat(pk.examples()).extracting(r -> r.get("customer_name")).containsExactly("Dan");
    }

    @Test
    void shouldFailNotNullWithExampleRows() throws IOException {
        // When
        List<CheckResult> results = run(new LayerFixture(), CUSTOMERS + "4,,A,DE\n");

        // Then
        CheckResult notNull = result(results, Checks.NOT_NULL, "customer_name");
        assertThat(notNull.status()).isEqualTo(CheckResult.FAIL);
        assertThat(notNull.failingCount()).isEqualTo(1);
        assertThat(notNull.checkedCount()).isEqualTo(4);
        assertThat(notNull.examples()).extracting(r -> r.get("customer_id")).containsExactly("4");
        assertThat(notNull.mappingRefs()).containsExactly("@mapping[Map:3]");
        assertThat(notNull.blocks()).containsExactly("select_clause");
    }

    @Test
    void shouldFailCastableWhenAValueIsLongerThanTheDeclaredLength() throws IOException {
        // Given
        LayerFixture fixture = new LayerFixture();
        fixture.nameType = "VARCHAR(3)";

        // When
        CheckResult castable = result(run(fixture, CUSTOMERS + "4,Annabel,A,DE\n"), Checks.CASTABLE, "customer_name");

        // Then
        assertThat(castable.status()).isEqualTo(CheckResult.FAIL);
        assertThat(castable.failingCount()).isEqualTo(1);
        assertThat(castable.examples()).extracting(r -> r.get("customer_name")).containsExactly("Annabel");
        assertThat(castable.message()).contains("VARCHAR(3)").contains("@mapping[Map:3]");
    }

    @Test
    void shouldFailCastableWhenAValueIsNotADate() throws IOException {
        // Given
        LayerFixture fixture = new LayerFixture();
        fixture.nameType = "DATE";

        // When
        CheckResult castable = result(run(fixture, CUSTOMERS), Checks.CASTABLE, "customer_name");

        // Then
        assertThat(castable.status()).isEqualTo(CheckResult.FAIL);
        assertThat(castable.failingCount()).isEqualTo(3);
        assertThat(castable.code()).isEqualTo("castable:temporal");
    }

    @Test
    void shouldFailAcceptedValuesForAValueOutsideTheValueMap() throws IOException {
        // Given
        LayerFixture fixture = new LayerFixture();
        fixture.status = "CASE c.status WHEN 'A' THEN 'Active' WHEN 'I' THEN 'Inactive' ELSE c.status END";

        // When
        CheckResult accepted = result(run(fixture, CUSTOMERS + "4,Dan,X,FR\n"), Checks.ACCEPTED_VALUES, "status_desc");

        // Then
        assertThat(accepted.status()).isEqualTo(CheckResult.FAIL);
        assertThat(accepted.examples()).extracting(r -> r.get("status_desc")).containsExactly("X");
        assertThat(accepted.mappingRefs()).containsExactly("@mapping[Map:4]");
    }

    @Test
    void shouldFailReferentialForAValueMissingFromTheLookup() throws IOException {
        // When
        CheckResult referential = result(run(new LayerFixture(), CUSTOMERS + "4,Dan,A,XX\n"), Checks.REFERENTIAL, "country_code");

        // Then
        assertThat(referential.status()).isEqualTo(CheckResult.FAIL);
        assertThat(referential.failingCount()).isEqualTo(1);
        assertThat(referential.examples()).extracting(r -> r.get("country_code")).containsExactly("XX");
        assertThat(referential.message()).contains("countries");
    }

    @Test
    void shouldFailRowCountWhenAnInnerJoinLosesRows() throws IOException {
        // Given
        LayerFixture fixture = new LayerFixture();
        fixture.from = "FROM customers c JOIN (SELECT DISTINCT customer_id FROM orders) o ON o.customer_id = c.id";

        // When
        CheckResult rows = result(run(fixture, CUSTOMERS), Checks.ROW_COUNT, null);

        // Then
        assertThat(rows.status()).isEqualTo(CheckResult.FAIL);
        assertThat(rows.code()).isEqualTo("row_count:lost_rows");
        assertThat(rows.failingCount()).isEqualTo(1);
        assertThat(rows.blocks()).containsExactly("joins");
        assertThat(rows.mappingRefs()).containsExactly("@mapping[Map:6]");
    }

    @Test
    void shouldPassRowCountWhenAWhereClauseFilters() throws IOException {
        // Given
        LayerFixture fixture = new LayerFixture();
        fixture.where = "c.status = 'A'";

        // When
        CheckResult rows = result(run(fixture, CUSTOMERS), Checks.ROW_COUNT, null);

        // Then
        assertThat(rows.status()).isEqualTo(CheckResult.PASS);
        assertThat(rows.message()).contains("filtered");
    }

    @Test
    void shouldSynthesizeSampleRowsWhenNoSampleExists() {
        // Given
        LayerFixture fixture = new LayerFixture();
        fixture.from = "FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.order_id IS NOT NULL";

        // When
        List<CheckResult> results = validator.run(new ValidationInput(fixture.layers(), LayerFixture.spec(), List.of()), r -> { });

        // Then
        CheckResult execution = result(results, Checks.EXECUTION, null);
        assertThat(execution.status()).as(execution.message()).isEqualTo(CheckResult.PASS);
        assertThat(execution.checkedCount()).isEqualTo(20);
        assertThat(result(results, Checks.PK_UNIQUE, null).status()).isEqualTo(CheckResult.PASS);
    }

    @Test
    void shouldRunOnRowsFromARegisteredDatabase() {
        // Given
        GeneratedLayers layers = new LayerFixture().layers();
        SampleTable rows = new SampleTable.Rows("customers", List.of("id", "name", "status", "country_code"),
                List.of("BIGINT", "VARCHAR", "VARCHAR", "VARCHAR"),
                List.of(List.of(1, "Ann", "A", "DE"), List.of(2, "Bob", "I", "FR")));

        // When
        List<CheckResult> results = validator.run(new ValidationInput(layers, LayerFixture.spec(), List.of(rows)), r -> { });

        // Then
        assertThat(result(results, Checks.EXECUTION, null).checkedCount()).isEqualTo(2);
        assertThat(results).noneMatch(CheckResult::failed);
    }

    private CheckResult expectedOutput(String expectedCsv) throws IOException {
        Path expected = dir.resolve("expected_dim_customer.csv");
        Files.writeString(expected, expectedCsv);
        LayerFixture fixture = new LayerFixture();
        List<CheckResult> results = validator.run(new ValidationInput(fixture.layers(), LayerFixture.spec(),
                samples(CUSTOMERS), List.of("duckdb"), java.util.Map.of("dim_customer", expected)), r -> { });
        return result(results, Checks.EXPECTED_OUTPUT, null);
    }

    @Test
    void shouldPassExpectedOutputWhenEveryColumnMatches() throws IOException {
        // When
        CheckResult check = expectedOutput("customer_id,customer_name,status_desc,country_code,extra\n"
                + "3,Cid,Active,DE,x\n1,Ann,Active,DE,y\n2,Bob,Inactive,FR,z\n");

        // Then
        assertThat(check.status()).as(check.message()).isEqualTo(CheckResult.PASS);
        assertThat(check.message()).contains("4 match").contains("1 not in the mapping");
    }

    @Test
    void shouldFailExpectedOutputOnAMismatchAndNameTheMappingRow() throws IOException {
        // When
        CheckResult check = expectedOutput("customer_id,customer_name,status_desc,country_code\n"
                + "1,Ann,Active,DE\n2,Bob,Active,FR\n3,Cid,Active,DE\n");

        // Then
        assertThat(check.status()).isEqualTo(CheckResult.FAIL);
        assertThat(check.failingCount()).isEqualTo(1);
        assertThat(check.mappingRefs()).containsExactly("@mapping[Map:4]");
        assertThat(check.blocks()).containsExactly("select_clause");
        assertThat(check.examples()).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("column", "status_desc").containsEntry("status", "mismatch"));
    }

    private static SampleTable.Rows fromSchema(List<SourceSchema.Column> columns) {
        return new SampleSynthesizer(20).synthesize(new SourceSchema("customers", columns, List.of("id")));
    }

    @Test
    void shouldRunOnRowsSynthesizedFromADatabaseSchemaWithoutJudgingTheirValues() {
        // Given
        SampleTable.Rows customers = fromSchema(List.of(new SourceSchema.Column("id", "bigint"),
                new SourceSchema.Column("name", "varchar(40)"), new SourceSchema.Column("status", "char(1)"),
                new SourceSchema.Column("country_code", "varchar(2)")));

        LayerFixture fixture = new LayerFixture();
        fixture.status = "CASE c.status WHEN 'A' THEN 'Active' WHEN 'I' THEN 'Inactive' ELSE c.status END";

        // When
        List<CheckResult> results = validator.run(new ValidationInput(fixture.layers(), LayerFixture.spec(),
                List.of(customers)), r -> { });

        // Then
        assertThat(result(results, Checks.EXECUTION, null).checkedCount()).isEqualTo(20);
        assertThat(result(results, Checks.PK_UNIQUE, null).status()).isEqualTo(CheckResult.PASS);
        CheckResult accepted = result(results, Checks.ACCEPTED_VALUES, "status_desc");
        assertThat(accepted.status()).isEqualTo(CheckResult.SKIPPED);
        assertThat(accepted.code()).isEqualTo("skipped:synthesized");
        assertThat(accepted.message()).contains("made-up rows");
    }

    @Test
    void shouldTypeRowsSynthesizedFromADatabaseSchemaAsTheDatabaseDeclaresThem() {
        // Given a layer compiled against the database's types: integer arithmetic with no cast
        SampleTable.Rows customers = fromSchema(List.of(new SourceSchema.Column("id", "int8"),
                new SourceSchema.Column("name", "text"), new SourceSchema.Column("status", "char(1)"),
                new SourceSchema.Column("country_code", "varchar(2)")));
        LayerFixture fixture = new LayerFixture();
        fixture.status = "CASE WHEN c.id + 1 > 1 THEN 'Active' ELSE 'Inactive' END";

        // When
        List<CheckResult> results = validator.run(new ValidationInput(fixture.layers(), LayerFixture.spec(),
                List.of(customers)), r -> { });

        // Then
        assertThat(customers.types()).containsExactly("BIGINT", "VARCHAR", "VARCHAR", "VARCHAR");
        assertThat(result(results, Checks.EXECUTION, null).status()).isEqualTo(CheckResult.PASS);
    }

    @Test
    void shouldFailBindingWhenTheDatabaseSchemaLacksAColumnTheMappingReads() {
        // Given
        SampleTable.Rows customers = fromSchema(List.of(new SourceSchema.Column("id", "bigint"),
                new SourceSchema.Column("status", "char(1)"), new SourceSchema.Column("country_code", "varchar(2)")));

        // When
        CheckResult binding = result(validator.run(new ValidationInput(new LayerFixture().layers(), LayerFixture.spec(),
                List.of(customers)), r -> { }), Checks.BINDING, null);

        // Then
        assertThat(binding.status()).isEqualTo(CheckResult.FAIL);
        assertThat(binding.code()).isEqualTo("binding:unknown_column");
        assertThat(binding.mappingRefs()).contains("@mapping[Map:3]");
    }
}
