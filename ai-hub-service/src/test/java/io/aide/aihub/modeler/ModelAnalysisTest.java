package io.aide.aihub.modeler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelAnalysisTest {

    private static StarSchema.Fact fact(ModelAnalysis analysis, String name) {
        return analysis.starSchema().facts().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static StarSchema.Dimension dimension(ModelAnalysis analysis, String name) {
        return analysis.starSchema().dimensions().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void shouldModelTheClassicSalesSchemaAsADataEngineerWould() {
        // Given
        SchemaSnapshot snapshot = SalesSchema.snapshot();

        // When
        ModelAnalysis analysis = ModelAnalysis.of(snapshot, SalesSchema.sample());

        // Then
        assertThat(analysis.roles()).containsEntry("order_items", TableRoles.Role.FACT)
                .containsEntry("shipments", TableRoles.Role.FACT)
                .containsEntry("orders", TableRoles.Role.HEADER)
                .containsEntry("products", TableRoles.Role.DIMENSION)
                .containsEntry("customers", TableRoles.Role.DIMENSION)
                .containsEntry("product_tags", TableRoles.Role.BRIDGE);
        assertThat(analysis.starSchema().facts()).extracting(StarSchema.Fact::name)
                .containsExactly("fact_order_item", "fact_shipment");
        assertThat(fact(analysis, "fact_order_item").keys()).extracting(StarSchema.DimensionKey::dimension)
                .containsExactlyInAnyOrder("dim_product", "dim_customer", "dim_store", "dim_date");
        assertThat(fact(analysis, "fact_order_item").measures()).extracting(StarSchema.Attribute::name)
                .containsExactly("quantity", "unit_price", "discount");
        assertThat(fact(analysis, "fact_order_item").degenerate()).extracting(StarSchema.Attribute::name)
                .contains("order_id", "status").doesNotContain("line_number_key");
        assertThat(dimension(analysis, "dim_product").attributes()).extracting(StarSchema.Attribute::name)
                .contains("product_name", "list_price", "category_category_name");
        assertThat(dimension(analysis, "dim_product").folded()).containsExactly("categories");
        assertThat(analysis.starSchema().dimensions().stream().filter(StarSchema.Dimension::conformed)
                .map(StarSchema.Dimension::name)).containsExactlyInAnyOrder("dim_customer", "dim_store", "dim_date");
        assertThat(analysis.manyToMany()).containsExactly(new Relationship.ManyToMany("products", "tags", "product_tags"));
    }

    @Test
    void shouldSummariseTheSchemaAndItsRelationshipsInMarkdown() {
        // Given
        SchemaSnapshot snapshot = SalesSchema.snapshot();

        // When
        ModelAnalysis analysis = ModelAnalysis.of(snapshot, SampleRows.NONE);

        // Then
        assertThat(analysis.summary()).isEqualTo(new SchemaMarkdown.Summary(9, 34, 9, 0, 3.8));
        assertThat(analysis.schemaContext())
                .contains("| 9 | 34 | 9 | 0 | 3.8 |")
                .contains("### sales.order_items")
                .contains("| product_id | integer | no | products.product_id |")
                .contains("- customers(customer_id) 1:N orders(customer_id) (declared foreign key)")
                .contains("- products N:M tags through product_tags");
    }

    @Test
    void shouldMeasureOrphansAndMissingReferencesOnTheSample() {
        // Given
        SchemaSnapshot snapshot = SalesSchema.snapshot();

        // When
        List<IntegrityCheck.Finding> findings = ModelAnalysis.of(snapshot, SalesSchema.sample()).findings();

        // Then
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("orphan_reference");
            assertThat(f.table()).isEqualTo("order_items");
            assertThat(f.column()).isEqualTo("order_id");
            assertThat(f.count()).isEqualTo(1);
        });
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("missing_reference");
            assertThat(f.table()).isEqualTo("orders");
            assertThat(f.column()).isEqualTo("customer_id");
            assertThat(f.count()).isEqualTo(1);
        });
        assertThat(findings).noneMatch(f -> f.kind().equals("missing_primary_key"));
    }

    @Test
    void shouldSayAKeyFoundByItsNameWasNotMeasuredWhenNoSampleRowsWereRead() {
        // Given a table without a declared key and no sample rows
        SchemaSnapshot snapshot = new SchemaSnapshot("ds_files", "files", null, List.of(SalesSchema.table("raw_orders",
                List.of(), List.of(), "id integer", "status varchar")));

        // When
        ModelAnalysis analysis = ModelAnalysis.of(snapshot, SampleRows.NONE);

        // Then
        assertThat(analysis.findings()).filteredOn(f -> f.kind().equals("missing_primary_key"))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .isEqualTo("raw_orders declares no primary key; id is its identifier by name (not measured: no"
                                + " sample rows were read), so it is the key to declare once checked."));
    }

    @Test
    void shouldFindJaffleShopsKeysAndReferencesFromTheSampleFiles() {
        // Given
        SampleFiles.Loaded jaffle = SampleFiles.load("jaffle-shop", "raw_customers.csv", "raw_orders.csv",
                "raw_payments.csv");

        // When
        ModelAnalysis analysis = ModelAnalysis.of(jaffle.snapshot(), jaffle.sample());

        // Then
        assertThat(analysis.relationships()).extracting(Relationship::describe, Relationship::origin)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("raw_orders(id) 1:N raw_payments(order_id)",
                                Relationship.Origin.NAME),
                        org.assertj.core.groups.Tuple.tuple("raw_customers(id) 1:N raw_orders(user_id)",
                                Relationship.Origin.VALUES));
        assertThat(analysis.roles()).containsEntry("raw_payments", TableRoles.Role.FACT)
                .containsEntry("raw_orders", TableRoles.Role.HEADER)
                .containsEntry("raw_customers", TableRoles.Role.DIMENSION);
        StarSchema.Fact payments = fact(analysis, "fact_payment");
        assertThat(payments.measures()).extracting(StarSchema.Attribute::name).containsExactly("amount");
        assertThat(payments.keys()).extracting(StarSchema.DimensionKey::column, StarSchema.DimensionKey::dimension)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("user_key", "dim_customer"),
                        org.assertj.core.groups.Tuple.tuple("order_date_key", "dim_date"));
        assertThat(payments.degenerate()).extracting(StarSchema.Attribute::name)
                .containsExactly("payment_id", "order_id", "status", "payment_method");
        assertThat(analysis.findings()).filteredOn(f -> f.kind().equals("missing_primary_key"))
                .extracting(IntegrityCheck.Finding::column).containsExactly("id", "id", "id");
        assertThat(analysis.findings()).noneMatch(f -> f.kind().equals("orphan_reference"));
    }

    @Test
    void shouldSplitDimensionsOffTheWideShipmentsTableAlongItsFunctionalDependencies() {
        // Given
        SampleFiles.Loaded solar = SampleFiles.load("solar-logistics", "scms_shipments.csv");

        // When
        ModelAnalysis analysis = ModelAnalysis.of(solar.snapshot(), solar.sample());

        // Then
        StarSchema.Fact shipments = fact(analysis, "fact_scms_shipment");
        assertThat(shipments.measures()).extracting(StarSchema.Attribute::name)
                .contains("line_item_quantity", "line_item_value", "pack_price", "unit_price");
        assertThat(shipments.keys()).extracting(StarSchema.DimensionKey::dimension)
                .contains("dim_vendor", "dim_item", "dim_shipment_mode", "dim_date");
        assertThat(dimension(analysis, "dim_item").attributes()).extracting(StarSchema.Attribute::name)
                .contains("brand", "dosage_form", "product_group");
        assertThat(analysis.answer()).contains("1 tables, 33 columns (33.0 per table), 0 declared foreign keys");
    }

    @Test
    void shouldInventNoRelationshipBetweenTheClinicalExtractsAndSaySo() {
        // Given
        SampleFiles.Loaded sdtm = SampleFiles.load("sdtm-oak-cm", "cm_raw_data.csv", "dm.csv");

        // When
        ModelAnalysis analysis = ModelAnalysis.of(sdtm.snapshot(), sdtm.sample());

        // Then
        assertThat(analysis.relationships()).isEmpty();
        assertThat(analysis.roles()).containsEntry("dm", TableRoles.Role.DIMENSION);
        assertThat(analysis.findings()).filteredOn(f -> f.kind().equals("isolated_table"))
                .extracting(IntegrityCheck.Finding::table).containsExactly("cm_raw_data", "dm");
        assertThat(analysis.findings()).filteredOn(f -> f.kind().equals("missing_primary_key"))
                .extracting(IntegrityCheck.Finding::column).containsExactly("RECORDID", "USUBJID");
    }

    @Test
    void shouldAnswerPartsOneAndThreeAndSayPartTwoNeedsAModel() {
        // Given
        SchemaSnapshot snapshot = SalesSchema.snapshot();

        // When
        String answer = ModelAnalysis.of(snapshot, SalesSchema.sample()).answer();

        // Then
        assertThat(answer).contains("## 1. Structural analysis and integrity check",
                "## 2. Recommended analytical data models", "## 3. SQL implementation strategy",
                "needs a language model", "CREATE TABLE fact_order_item (",
                "1 of 4 sample rows of order_items have a order_id found in none of the 3 sampled rows of orders");
    }

    @Test
    void shouldWriteTheStarSchemaDdlInEachDialect() {
        // Given
        ModelAnalysis analysis = ModelAnalysis.of(SalesSchema.snapshot(), SampleRows.NONE);

        // When
        String postgres = analysis.ddl().get("postgres");
        String bigquery = analysis.ddl().get("bigquery");
        String spark = analysis.ddl().get("spark");

        // Then
        assertThat(analysis.ddl()).containsOnlyKeys(DdlWriter.DIALECTS);
        assertThat(postgres).contains("customer_key BIGINT GENERATED ALWAYS AS IDENTITY",
                "customer_key BIGINT REFERENCES dim_customer (customer_key)", "unit_price DECIMAL(38, 6)",
                "full_name TEXT");
        assertThat(bigquery).contains("customer_key INT64 NOT NULL", "PRIMARY KEY (customer_key) NOT ENFORCED",
                "full_name STRING", "unit_price NUMERIC").doesNotContain("REFERENCES");
        assertThat(spark).doesNotContain("PRIMARY KEY").contains("full_name STRING");
        assertThatThrownBy(() -> DdlWriter.ddl(analysis.starSchema(), "cobol"))
                .hasMessageContaining("No DDL for dialect 'cobol'");
    }
}
