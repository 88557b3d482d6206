package io.aide.sqlgen;

import io.aide.events.Envelope;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.v1.BlockUpdated;
import io.aide.events.v1.GenerationCancelled;
import io.aide.events.v1.GenerationCompleted;
import io.aide.events.v1.GenerationFailed;
import io.aide.events.v1.HashmapSynced;
import io.aide.sqlgen.client.ObjectStore;
import io.aide.sqlgen.persistence.GenerationKey;
import io.aide.sqlgen.persistence.GenerationRepository;
import io.aide.sqlgen.service.RuleCompilerAdapter;
import io.aide.testsupport.AideInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cancels on the in-memory channels: while validating, while a run holds the generation (read from the
 * cancellations channel), after the run crashed, and before the request was stored (a DELETE right after the POST).
 */
@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "sqlgen_test"))
class GenerationCancelFlowTest {
    private static final String TENANT = "acme";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ObjectStore store;

    @Inject
    GenerationRepository repo;

    @Inject
    DataSource dataSource;

    Bus bus;

    @BeforeEach
    void bus() {
        bus = new Bus(connector, store);
    }

    @Test
    void shouldStopAGenerationCancelledBeforeItsRequestWasStoredAndResumeItWhenRequestedAgain() {
        // Given: the cancellations channel reads the cancel before the command channel has stored the request
        String generationId = Fixtures.id("gen");
        MappingSpec spec = Fixtures.spec(TENANT, Fixtures.id("doc"), 1, Fixtures.orderFacts());
        Envelope cancel = Envelope.of(TENANT, "corr-" + generationId, generationId,
                new GenerationCancelled(generationId, "posted the wrong document", "alice"));
        bus.cancellation(cancel);
        await().atMost(Bus.TIMEOUT).untilAsserted(() -> assertThat(repo.isProcessed(cancel.eventId())).isTrue());

        // When: the request arrives on the command channel, its cancel right after it (their order on the topic)
        bus.request(TENANT, generationId, spec, List.of("duckdb"), List.of());
        bus.resend(cancel);
        GenerationFailed cancelled = bus.awaitEvent(generationId, GenerationFailed.class);
        await().during(Duration.ofSeconds(3)).atMost(Bus.TIMEOUT).until(() -> bus.events(generationId).size() == 1);
        String statusAfterCancel = repo.status(key(generationId));

        // Then: the generation stopped before any compiling, and the cancel is the stream's only event
        assertThat(cancelled.code()).isEqualTo("generation_cancelled");
        assertThat(cancelled.stage()).isEqualTo("cancelled");
        assertThat(cancelled.message()).contains("posted the wrong document");
        assertThat(statusAfterCancel).isEqualTo("cancelled");
        assertThat(bus.validations(generationId)).isEmpty();
        assertThat(repo.blocks(key(generationId))).isEmpty();

        // And When: it is requested again
        bus.request(TENANT, generationId, spec, List.of("duckdb"), List.of());
        bus.awaitValidation(generationId, 1);
        bus.summary(TENANT, generationId, "pass");
        bus.awaitEvent(generationId, GenerationCompleted.class);

        // Then: it resumes from the start under the same id and completes, with the one cancel before it
        List<Envelope> all = bus.events(generationId);
        assertThat(all.get(1).is(HashmapSynced.class)).isTrue();
        assertThat(all.get(1).payloadAs(HashmapSynced.class).reason()).isEqualTo("recovery");
        assertThat(all).filteredOn(e -> e.is(BlockUpdated.class)).isNotEmpty();
        assertThat(all).filteredOn(e -> e.is(GenerationFailed.class)).hasSize(1);
        assertThat(repo.status(key(generationId))).isEqualTo("completed");
    }

    @Test
    void shouldEndTheStreamWhenAGenerationIsCancelledWhileValidating() {
        // Given
        String generationId = Fixtures.id("gen");
        bus.request(TENANT, generationId, Fixtures.spec(TENANT, Fixtures.id("doc"), 1, Fixtures.orderFacts()),
                List.of("duckdb"), List.of());
        bus.awaitValidation(generationId, 1);

        // When
        bus.command(TENANT, generationId, new GenerationCancelled(generationId, "wrong document", "alice"));
        GenerationFailed cancelled = bus.awaitEvent(generationId, GenerationFailed.class);
        bus.summary(TENANT, generationId, "pass");

        // Then
        assertThat(cancelled.code()).isEqualTo("generation_cancelled");
        assertThat(cancelled.message()).contains("wrong document");
        await().atMost(Bus.TIMEOUT).untilAsserted(() -> assertThat(repo.find(key(generationId)).orElseThrow().status())
                .isEqualTo("cancelled"));
        assertThat(bus.events(generationId, GenerationCompleted.class)).isEmpty();
    }

    @Test
    void shouldStopARunningGenerationBeforeItsNextTargetWhenCancelledAndResumeItFromThere() throws Exception {
        // Given: three targets; the run holds on the second one (a long target) while the cancel arrives
        PausingOn compiler = new PausingOn("customer_dim");
        QuarkusMock.installMockForType(compiler, RuleCompilerAdapter.class);
        String generationId = Fixtures.id("gen");
        List<MappingRow> rows = new ArrayList<>(Fixtures.ordersAndCustomers(TENANT, "x", 1, "Trim").rows());
        rows.add(Fixtures.row(12, "third_dim", "code", "VARCHAR", "codes", "code", "Upper case", null, null, true));
        MappingSpec spec = Fixtures.spec(TENANT, Fixtures.id("doc"), 1, rows);
        bus.request(TENANT, generationId, spec, List.of("duckdb"), List.of());
        compiler.awaitReached();
        Envelope cancel = Envelope.of(TENANT, "corr-" + generationId, generationId,
                new GenerationCancelled(generationId, "wrong dialect", "alice"));

        // When: the cancel reaches the cancellations channel while the command channel is busy with the run
        bus.cancellation(cancel);
        await().atMost(Bus.TIMEOUT).untilAsserted(() -> assertThat(repo.status(key(generationId))).isEqualTo("cancelled"));
        boolean endedWhileHeld = !bus.events(generationId, GenerationFailed.class).isEmpty();
        compiler.release();
        GenerationFailed cancelled = bus.awaitEvent(generationId, GenerationFailed.class);
        bus.resend(cancel);
        List<Envelope> firstRun = bus.events(generationId);
        bus.request(TENANT, generationId, spec, List.of("duckdb"), List.of());
        bus.awaitValidation(generationId, 1);

        // Then: the run finished the target it held, stopped before the next one and ended the stream itself
        assertThat(endedWhileHeld).isFalse();
        assertThat(cancelled.code()).isEqualTo("generation_cancelled");
        assertThat(cancelled.message()).contains("wrong dialect");
        assertThat(firstRun.get(firstRun.size() - 1).is(GenerationFailed.class)).isTrue();
        assertThat(firstRun).filteredOn(e -> e.is(BlockUpdated.class))
                .extracting(e -> e.payloadAs(BlockUpdated.class).target()).containsOnly("order_facts", "customer_dim");
        assertThat(bus.validations(generationId)).hasSize(1);
        // the same cancel on the command channel changed nothing; the resume compiled only the target left
        List<Envelope> all = bus.events(generationId);
        assertThat(all).filteredOn(e -> e.is(GenerationFailed.class)).hasSize(1);
        assertThat(all.subList(firstRun.size(), all.size())).filteredOn(e -> e.is(BlockUpdated.class))
                .isNotEmpty().extracting(e -> e.payloadAs(BlockUpdated.class).target()).containsOnly("third_dim");
        assertThat(repo.blockVersions(key(generationId), "customer_dim", "select_clause")).hasSize(1);
    }

    @Test
    void shouldAnnounceTheCancelOfARunThatStoppedBeforeItCouldOnceItsLeaseRunsOut() throws Exception {
        // Given: a generation a run holds (generating, its lease current), cancelled from the cancellations channel
        String generationId = Fixtures.id("gen");
        repo.insert(key(generationId), Fixtures.id("doc"), 1, null, List.of("duckdb"), List.of(), "alice",
                "corr-" + generationId, null);
        assertThat(repo.claim(key(generationId), Duration.ofMinutes(1), List.of("pending"))).isTrue();
        Envelope cancel = Envelope.of(TENANT, "corr-" + generationId, generationId,
                new GenerationCancelled(generationId, "wrong document", "alice"));
        bus.cancellation(cancel);
        await().atMost(Bus.TIMEOUT).untilAsserted(() -> assertThat(repo.isProcessed(cancel.eventId())).isTrue());
        boolean announcedWhileHeld = !bus.events(generationId, GenerationFailed.class).isEmpty();

        // When: the run never comes back (a crash): its lease runs out
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update generations set lease_until = now() - interval '1 second' where id = ?")) {
            ps.setString(1, generationId);
            ps.executeUpdate();
        }
        GenerationFailed announced = bus.awaitEvent(generationId, GenerationFailed.class);
        bus.resend(cancel);

        // Then: the sweeper ends the stream with the cancel, once
        assertThat(announcedWhileHeld).isFalse();
        assertThat(announced.code()).isEqualTo("generation_cancelled");
        assertThat(announced.message()).contains("wrong document");
        assertThat(repo.status(key(generationId))).isEqualTo("cancelled");
        await().during(Duration.ofSeconds(3)).atMost(Bus.TIMEOUT).until(() ->
                bus.events(generationId, GenerationFailed.class).size() == 1);
    }

    private static GenerationKey key(String generationId) {
        return new GenerationKey(TENANT, generationId);
    }
}
