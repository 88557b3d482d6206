package io.aide.sqlgen.service;

import io.aide.events.EventPayload;
import io.aide.events.v1.Thought;
import io.aide.sqlgen.messaging.EventPublisher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerationRunTest {

    /** A publisher whose sends complete when the test says so. */
    static final class HeldPublisher extends EventPublisher {
        final List<String> sent = new ArrayList<>();
        final List<CompletableFuture<Void>> acks = new ArrayList<>();

        HeldPublisher() {
            super(null, null);
        }

        @Override
        public CompletableFuture<Void> event(String tenant, String correlationId, String generationId,
                                             EventPayload payload) {
            return held("event " + tenant + "/" + correlationId + "/" + generationId + " " + payload.eventType());
        }

        @Override
        public CompletableFuture<Void> validation(String tenant, String correlationId, String generationId,
                                                  EventPayload payload) {
            return held("validation " + tenant + "/" + correlationId + "/" + generationId + " " + payload.eventType());
        }

        private CompletableFuture<Void> held(String what) {
            sent.add(what);
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            return ack;
        }
    }

    private static GenerationRun run(HeldPublisher publisher, Duration publishTimeout) {
        return new GenerationRun(publisher, publishTimeout, () -> { }, "acme", "corr_1", "gen_1");
    }

    @Test
    void shouldSendEventsAndCommandsUnderTheRunsTenantCorrelationAndKey() {
        // Given
        HeldPublisher publisher = new HeldPublisher();
        GenerationRun run = run(publisher, Duration.ofSeconds(5));

        // When
        run.publish(new Thought("compiling"));
        run.validation(new Thought("validate"));

        // Then
        assertThat(publisher.sent).containsExactly("event acme/corr_1/gen_1 Thought",
                "validation acme/corr_1/gen_1 Thought");
    }

    @Test
    void shouldReturnOnceKafkaAcknowledgedEverySend() {
        // Given
        HeldPublisher publisher = new HeldPublisher();
        GenerationRun run = run(publisher, Duration.ofSeconds(5));
        run.publish(new Thought("one"));
        run.publish(new Thought("two"));
        publisher.acks.forEach(a -> a.complete(null));

        // When
        run.awaitSent();

        // Then: a later wait does not wait for sends it already saw
        run.publish(new Thought("three"));
        publisher.acks.get(2).complete(null);
        run.awaitSent();
        assertThat(publisher.acks).allMatch(CompletableFuture::isDone);
    }

    @Test
    void shouldFailWithPublishFailedWhenASendIsRejected() {
        // Given
        HeldPublisher publisher = new HeldPublisher();
        GenerationRun run = run(publisher, Duration.ofSeconds(5));
        run.publish(new Thought("one"));
        publisher.acks.get(0).completeExceptionally(new IllegalStateException("record too large"));

        // When / Then
        assertThatThrownBy(run::awaitSent).isInstanceOfSatisfying(SqlgenException.class, e -> {
            assertThat(e.code()).isEqualTo("publish_failed");
            assertThat(e.stage()).isEqualTo(Stages.WRITING_ARTIFACTS);
            assertThat(e.getMessage()).contains("(record too large)");
        });
    }

    @Test
    void shouldGiveUpAtThePublishTimeout() {
        // Given: Kafka never answers
        HeldPublisher publisher = new HeldPublisher();
        GenerationRun run = run(publisher, Duration.ofMillis(300));
        run.publish(new Thought("one"));

        // When / Then
        assertThatThrownBy(run::awaitSent).isInstanceOfSatisfying(SqlgenException.class, e -> {
            assertThat(e.code()).isEqualTo("publish_failed");
            assertThat(e.getMessage()).contains("Kafka did not acknowledge them within 0 s");
        });
    }
}
