package io.aide.validation;

import io.aide.compiler.CompileOptions;
import io.aide.compiler.SchemaCatalog;
import io.aide.compiler.SemanticLayerCompiler;
import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingSpec;
import io.aide.parser.MappingParser;
import io.aide.parser.ParseOptions;
import io.aide.parser.ParserLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mapping whose aggregate reads the fact above it (written first in the document): the validator runs the fact
 * first and the aggregate on the fact's rows, never on rows made up for a table named like the fact.
 */
class TargetsReadingTargetsValidationTest {
    private final LayerValidator validator = new LayerValidator(SandboxLimits.defaults());

    private static final String MAPPING = """
            Target Table,Target Column,Data Type,Key,Source Table,Source Column,Transformation Rule
            agg_daily_sales,sale_date,DATE,PK,fact_sales,sale_date,Group by
            agg_daily_sales,total_amount,"DECIMAL(12,2)",,fact_sales,amount,SUM(amount)
            fact_sales,sale_id,INTEGER,PK,raw_sales,sale_id,straight move
            fact_sales,sale_date,DATE,,raw_sales,sold_on,cast to date
            fact_sales,amount,"DECIMAL(12,2)",,raw_sales,amount_cents,amount_cents / 100
            """;

    private record Compiled(MappingSpec spec, GeneratedLayers layers) {
    }

    private Compiled compile(Path dir) throws Exception {
        Path mapping = Files.writeString(dir.resolve("mapping.csv"), MAPPING);
        MappingSpec spec = new MappingParser(ParserLimits.defaults()).parse(mapping, "mapping.csv", ParseOptions.of("doc", "acme"));
        SchemaCatalog catalog = new SchemaCatalog(List.of(new SchemaCatalog.Table(null, "raw_sales", List.of(
                new SchemaCatalog.Column("sale_id", null), new SchemaCatalog.Column("sold_on", null),
                new SchemaCatalog.Column("amount_cents", null)), List.of(), List.of())));
        return new Compiled(spec, new SemanticLayerCompiler().compile(spec, new CompileOptions(List.of("duckdb"), List.of(),
                catalog), null).toGeneratedLayers("gen", "doc", 1, 1));
    }

    @Test
    void shouldRunTheAggregateOnTheRowsOfTheFactItReads(@TempDir Path dir) throws Exception {
        // Given the sample of the one source, and the rows each target should give
        Compiled compiled = compile(dir);
        GeneratedLayers layers = compiled.layers();
        Path sample = Files.writeString(dir.resolve("raw_sales.csv"), "sale_id,sold_on,amount_cents\n"
                + "1,2024-03-01,1050\n2,2024-03-01,250\n3,2024-03-02,-300\n");
        Path fact = Files.writeString(dir.resolve("fact_sales.csv"), "sale_id,sale_date,amount\n"
                + "1,2024-03-01,10.50\n2,2024-03-01,2.50\n3,2024-03-02,-3.00\n");
        Path agg = Files.writeString(dir.resolve("agg_daily_sales.csv"), "sale_date,total_amount\n"
                + "2024-03-01,13.00\n2024-03-02,-3.00\n");
        ValidationInput input = new ValidationInput(layers, compiled.spec(), List.of(new SampleTable.CsvFile("raw_sales",
                sample)), List.of("duckdb"), Map.of("fact_sales", fact, "agg_daily_sales", agg));

        // When
        List<CheckResult> results = validator.run(input, r -> { });

        // Then: the fact is defined first, and both targets give the expected rows
        assertThat(layers.layers()).extracting(GeneratedLayers.Layer::target).containsExactly("fact_sales", "agg_daily_sales");
        assertThat(results).filteredOn(r -> r.check().equals(Checks.EXECUTION)).hasSize(2)
                .allSatisfy(r -> assertThat(r.status()).as(r.message()).isEqualTo(CheckResult.PASS));
        assertThat(results).filteredOn(r -> r.check().equals(Checks.EXPECTED_OUTPUT)).hasSize(2)
                .allSatisfy(r -> assertThat(r.status()).as(r.message()).isEqualTo(CheckResult.PASS));
    }

    @Test
    void shouldRunBothTargetsOnSynthesizedRowsWithoutSamples(@TempDir Path dir) throws Exception {
        // Given no sample at all
        Compiled compiled = compile(dir);

        // When
        List<CheckResult> results = validator.run(new ValidationInput(compiled.layers(), compiled.spec(), List.of()), r -> { });

        // Then: rows are made up for raw_sales only; the aggregate reads the fact's view
        assertThat(results).filteredOn(r -> r.check().equals(Checks.EXECUTION)).hasSize(2)
                .allSatisfy(r -> assertThat(r.status()).as(r.message()).isEqualTo(CheckResult.PASS));
        assertThat(new SampleSynthesizer(5).synthesize(compiled.layers(), compiled.spec(), java.util.Set.of(), true))
                .extracting(SampleTable.Rows::name).containsExactly("raw_sales");
    }
}
