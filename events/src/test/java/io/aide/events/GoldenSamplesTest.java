package io.aide.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.spec.MappingSpec;
import io.aide.events.v1.BlockUpdated;
import io.aide.events.v1.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoldenSamplesTest {

    static Stream<Path> envelopeSamples() throws IOException, URISyntaxException {
        Path dir = Path.of(GoldenSamplesTest.class.getResource("/golden/v1").toURI());
        return Files.list(dir).filter(p -> !p.getFileName().toString().equals("MappingSpec.json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("envelopeSamples")
    void shouldDeserializeEveryGoldenEnvelopeIntoItsRegisteredRecord(Path sample) throws IOException {
        // Given
        byte[] json = Files.readAllBytes(sample);
        String expectedType = sample.getFileName().toString().replace(".json", "");

        // When
        Envelope envelope = EventJson.envelope(json);
        EventPayload payload = envelope.typedPayload();

        // Then
        assertThat(envelope.type()).isEqualTo(expectedType);
        assertThat(envelope.tenantId()).isEqualTo("acme");
        assertThat(payload.eventType()).isEqualTo(expectedType);
        assertThat(EventTypes.classOf(expectedType)).isEqualTo(payload.getClass());
    }

    @ParameterizedTest
    @MethodSource("envelopeSamples")
    void shouldSurviveARoundTripWithoutLosingPayloadFields(Path sample) throws IOException {
        // Given: the payload exactly as the golden file writes it
        Envelope original = EventJson.envelope(Files.readAllBytes(sample));
        JsonNode written = original.payload();

        // When: read into its record and written again, as a consumer that republishes it would
        Envelope copy = Envelope.of(original.tenantId(), original.correlationId(), original.key(), original.typedPayload());
        JsonNode rewritten = EventJson.envelope(EventJson.toBytes(copy)).payload();

        // Then: every field of the original JSON is still there with the same value
        assertThat(written.isObject()).isTrue();
        written.fieldNames().forEachRemaining(field -> assertThat(rewritten.get(field))
                .as("%s.%s", original.type(), field).isEqualTo(written.get(field)));
        assertThat(copy.type()).isEqualTo(original.type());
    }

    @Test
    void shouldReadTheGoldenMappingSpecIgnoringUnknownFields() throws IOException, URISyntaxException {
        // Given
        Path sample = Path.of(getClass().getResource("/golden/v1/MappingSpec.json").toURI());

        // When
        MappingSpec spec = EventJson.fromJson(Files.readAllBytes(sample), MappingSpec.class);

        // Then
        assertThat(spec.rows()).hasSize(2);
        assertThat(spec.rows().get(1).sourceColumns()).extracting(s -> s.column()).containsExactly("first_name", "last_name");
        assertThat(spec.targetCounts()).containsEntry("customers", 2);
        assertThat(spec.referenceTable("COUNTRY_CODES").rows()).containsExactly(java.util.List.of("DE", "Germany"));
        assertThat(spec.sheets().get(1).hiddenColumns()).containsExactly("H");
    }

    @Test
    void shouldDefaultTheOptionalFieldsAddedInV1WhenAnOlderProducerLeavesThemOut() throws IOException, URISyntaxException {
        // Given: the golden samples predate dataSourceId, code and checkpoint
        Path dir = Path.of(getClass().getResource("/golden/v1").toURI());

        // When
        var generation = (io.aide.events.v1.GenerationRequested) EventJson.envelope(
                Files.readAllBytes(dir.resolve("GenerationRequested.json"))).typedPayload();
        var report = (io.aide.events.v1.ValidationReported) EventJson.envelope(
                Files.readAllBytes(dir.resolve("ValidationReported.json"))).typedPayload();

        // Then
        assertThat(generation.dataSourceId()).isNull();
        assertThat(generation.dialects()).containsExactly("duckdb", "postgres");
        assertThat(report.code()).isNull();
        assertThat(report.checkpoint()).isZero();
        assertThat(report.failingCount()).isEqualTo(2);
    }

    @Test
    void shouldCarryTheDataSourceAndTheCheckpointThroughJson() {
        // Given
        var generation = new io.aide.events.v1.GenerationRequested("gen_1", "doc_1", 0, null, java.util.List.of("duckdb"),
                java.util.List.of(), "alice", "ds_42");
        var report = new io.aide.events.v1.ValidationReported("val_1", "not_null", "fail", "orders", "order_id", "duckdb",
                java.util.List.of("select_clause"), java.util.List.of("@mapping[Mappings:3]"), "2 NULLs", 2, 10,
                java.util.List.of(), 1, 4, "check:not_null", 7);

        // When
        Envelope g = EventJson.envelope(EventJson.toBytes(Envelope.of("acme", "c", "gen_1", generation)));
        Envelope r = EventJson.envelope(EventJson.toBytes(Envelope.of("acme", "c", "gen_1", report)));

        // Then
        assertThat(((io.aide.events.v1.GenerationRequested) g.typedPayload()).dataSourceId()).isEqualTo("ds_42");
        assertThat(((io.aide.events.v1.ValidationReported) r.typedPayload()).checkpoint()).isEqualTo(7);
        assertThat(((io.aide.events.v1.ValidationReported) r.typedPayload()).code()).isEqualTo("check:not_null");
    }

    @Test
    void shouldMapStreamedEventsToTheSseNamesOfTheContract() {
        assertThat(EventTypes.sseName(BlockUpdated.TYPE)).isEqualTo("block_update");
        assertThat(EventTypes.sseName(Progress.TYPE)).isEqualTo("progress");
        assertThat(EventTypes.sseName("GenerationFailed")).isEqualTo("error");
        assertThat(EventTypes.sseName("DocumentUploaded")).isNull();
    }

    @Test
    void shouldRejectAnEnvelopeWithoutTenant() {
        assertThatThrownBy(() -> Envelope.of(" ", null, "gen_1", new io.aide.events.v1.Thought("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenantId");
    }

    @Test
    void shouldRejectAProgressOutsideZeroToHundred() {
        assertThatThrownBy(() -> new Progress("compiling", "x", 101, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReportAnUnknownTypeInsteadOfGuessing() {
        // Given
        Envelope envelope = EventJson.envelope(("{\"eventId\":\"e\",\"type\":\"FromTheFuture\",\"tenantId\":\"acme\","
                + "\"key\":\"k\",\"payload\":{}}").getBytes());

        // Then
        assertThatThrownBy(envelope::typedPayload).isInstanceOf(Envelope.UnknownEventTypeException.class);
    }
}
