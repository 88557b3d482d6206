package io.aide.gateway.messaging;

import io.aide.events.Envelope;
import io.aide.events.v1.GenerationCancelled;
import io.aide.gateway.rest.GatewayException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A command the broker does not take in time is refused as retryable (503 + Retry-After), never left hanging. */
class CommandPublisherTest {
    private static final Envelope COMMAND = Envelope.of("acme", "cid-1", "gen_1700000000000_abc",
            new GenerationCancelled("gen_1700000000000_abc", "test", "alice"));

    @Test
    void shouldRefuseWithBrokerUnavailableWhenTheBrokerDoesNotAcknowledgeInTime() {
        // Given: a broker that never acknowledges
        CommandPublisher publisher = new CommandPublisher(emitter(() -> Uni.createFrom().nothing()),
                emitter(() -> Uni.createFrom().nothing()), Duration.ofMillis(200), 7);

        // When
        long start = System.nanoTime();
        GatewayException refused = catchThrowableOfType(GatewayException.class, () ->
                publisher.generationCommand(COMMAND).await().atMost(Duration.ofSeconds(5)));
        long millis = (System.nanoTime() - start) / 1_000_000;

        // Then
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("broker_unavailable");
        assertThat(refused.retryAfterSeconds()).isEqualTo(7L);
        assertThat(refused.getMessage()).contains("same generationId").contains("7 s");
        assertThat(millis).isLessThan(4_000);
    }

    @Test
    void shouldRefuseWithBrokerUnavailableWhenTheProducerFails() {
        // Given: a producer that reports a delivery failure
        CommandPublisher publisher = new CommandPublisher(
                emitter(() -> Uni.createFrom().failure(new IllegalStateException("delivery timed out"))),
                emitter(() -> Uni.createFrom().voidItem()), Duration.ofSeconds(2), 5);

        // When
        GatewayException refused = catchThrowableOfType(GatewayException.class, () ->
                publisher.generationCommand(COMMAND).await().atMost(Duration.ofSeconds(5)));

        // Then
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("broker_unavailable");
        assertThat(refused.retryAfterSeconds()).isEqualTo(5L);
    }

    @Test
    void shouldCompleteWhenTheBrokerAcknowledges() {
        // Given
        CommandPublisher publisher = new CommandPublisher(emitter(() -> Uni.createFrom().voidItem()),
                emitter(() -> Uni.createFrom().voidItem()), Duration.ofSeconds(2), 5);

        // When
        Void done = publisher.aiCommand(COMMAND).await().atMost(Duration.ofSeconds(5));

        // Then
        assertThat(done).isNull();
    }

    /** The messaging library's emitter, answering every send with {@code answer}: the broker is outside the gateway. */
    private static MutinyEmitter<String> emitter(Supplier<Uni<Void>> answer) {
        return new MutinyEmitter<>() {
            @Override
            public <M extends Message<? extends String>> Uni<Void> sendMessage(M message) {
                return answer.get();
            }

            @Override
            public Uni<Void> send(String payload) {
                return answer.get();
            }

            @Override
            public void sendAndAwait(String payload) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Cancellable sendAndForget(String payload) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <M extends Message<? extends String>> void send(M message) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <M extends Message<? extends String>> void sendMessageAndAwait(M message) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <M extends Message<? extends String>> Cancellable sendMessageAndForget(M message) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void complete() {
            }

            @Override
            public void error(Exception e) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public boolean hasRequests() {
                return true;
            }
        };
    }
}
