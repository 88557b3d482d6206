package io.aide.sqlgen;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.v1.BlockUpdated;
import io.aide.events.v1.GenerationFailed;
import io.aide.events.v1.HashmapSynced;
import io.aide.sqlgen.client.ObjectStore;
import io.aide.sqlgen.persistence.GenerationKey;
import io.aide.sqlgen.persistence.GenerationRepository;
import io.aide.testsupport.AideInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The size of one Kafka record, shrunk to 4,000 bytes (and a hashmap part's budget to 1,500) so a small mapping
 * shows what a very large one would meet: the hashmap goes out in parts that each fit, and a block whose SQL alone is
 * over the limit fails the generation with {@code event_too_large}, naming its size and the limit, instead of the
 * producer refusing it later as {@code publish_failed} (or it being lost).
 */
@QuarkusTest
@TestProfile(GenerationEventSizeTest.SmallRecords.class)
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "sqlgen_test"))
class GenerationEventSizeTest {
    private static final String TENANT = "acme";
    private static final int LIMIT = 4_000;

    public static final class SmallRecords implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aide.sqlgen.max-record-bytes", Integer.toString(LIMIT),
                    "aide.sqlgen.hashmap-part-bytes", "1500");
        }
    }

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ObjectStore store;

    @Inject
    GenerationRepository repo;

    Bus bus;

    @BeforeEach
    void bus() {
        bus = new Bus(connector, store);
    }

    @Test
    void shouldPublishTheHashmapInPartsAndFailNamingTheSizeOfABlockOverTheRecordLimit() {
        // Given: small targets, and one whose select clause alone is larger than a record
        List<MappingRow> rows = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            rows.add(Fixtures.row(rows.size() + 4, "small_" + t, "id", "INTEGER", "orders", "id", "Direct move", null,
                    null, true));
        }
        for (int c = 0; c < 150; c++) {
            rows.add(Fixtures.row(rows.size() + 4, "wide", "a_rather_long_column_name_" + c, "VARCHAR", "orders",
                    "a_rather_long_source_column_" + c, "Trim", null, null, c == 0));
        }
        String generationId = Fixtures.id("gen");
        MappingSpec spec = Fixtures.spec(TENANT, Fixtures.id("doc"), 1, rows);

        // When
        bus.request(TENANT, generationId, spec, List.of("duckdb", "postgres"), List.of());
        GenerationFailed failed = bus.awaitEvent(generationId, GenerationFailed.class);

        // Then: the generation failed on the wide block, naming its size and the limit
        assertThat(failed.code()).isEqualTo("event_too_large");
        assertThat(failed.message()).startsWith("The block wide/select_clause in ")
                .contains("bytes as an event, over the 4,000-byte limit of one Kafka record")
                .containsPattern("is [0-9,]+ bytes");
        assertThat(repo.find(key(generationId)).orElseThrow().status()).isEqualTo("failed");

        // and the hashmap went out in parts of one sync, each record within the limit, none of the wide block's
        List<Envelope> events = bus.events(generationId);
        List<HashmapSynced> parts = bus.events(generationId, HashmapSynced.class);
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).extracting(HashmapSynced::syncId).containsOnly(parts.get(0).syncId());
        assertThat(parts).extracting(HashmapSynced::part).containsExactly(
                java.util.stream.IntStream.rangeClosed(1, parts.size()).boxed().toArray(Integer[]::new));
        assertThat(parts).extracting(HashmapSynced::of).containsOnly(parts.size());
        assertThat(parts.get(0).completeHashmap().path("generation_id").asText()).isEqualTo(generationId);
        assertThat(events).allSatisfy(e -> assertThat(EventJson.toJson(e).getBytes(StandardCharsets.UTF_8).length)
                .as(e.type()).isLessThanOrEqualTo(LIMIT));
        assertThat(bus.events(generationId, BlockUpdated.class)).noneMatch(b -> "wide".equals(b.target())
                && "select_clause".equals(b.blockName()) && "completed".equals(b.status()));
    }

    private static GenerationKey key(String generationId) {
        return new GenerationKey(TENANT, generationId);
    }
}
