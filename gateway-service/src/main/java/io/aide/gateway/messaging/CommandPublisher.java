package io.aide.gateway.messaging;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.gateway.config.GatewayConfig;
import io.aide.gateway.rest.GatewayException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Publishes the gateway's commands; the Kafka record key is the envelope key, so one aggregate keeps order. A command
 * the broker has not acknowledged within the publish timeout fails with 503 broker_unavailable (Retry-After), so a
 * request never hangs while the broker is away; the producer is idempotent, and a repeated generation request with the
 * same id is deduplicated by its reservation and by sqlgen.
 */
@ApplicationScoped
public class CommandPublisher {
    private static final Logger LOG = Logger.getLogger(CommandPublisher.class);
    public static final String GENERATION_COMMANDS = "generation-commands";
    public static final String AI_COMMANDS = "ai-commands";

    private final MutinyEmitter<String> generationCommands;
    private final MutinyEmitter<String> aiCommands;
    private final Duration timeout;
    private final long retryAfterSeconds;

    @Inject
    public CommandPublisher(@Channel(GENERATION_COMMANDS) MutinyEmitter<String> generationCommands,
                            @Channel(AI_COMMANDS) MutinyEmitter<String> aiCommands, GatewayConfig config) {
        this(generationCommands, aiCommands, config.publishTimeout(), config.publishRetryAfterSeconds());
    }

    CommandPublisher(MutinyEmitter<String> generationCommands, MutinyEmitter<String> aiCommands, Duration timeout,
                     long retryAfterSeconds) {
        this.generationCommands = generationCommands;
        this.aiCommands = aiCommands;
        this.timeout = timeout;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Uni<Void> generationCommand(Envelope envelope) {
        return send(generationCommands, envelope);
    }

    public Uni<Void> aiCommand(Envelope envelope) {
        return send(aiCommands, envelope);
    }

    private Uni<Void> send(MutinyEmitter<String> emitter, Envelope envelope) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(envelope.key()).build();
        return emitter.sendMessage(Message.of(EventJson.toJson(envelope), Metadata.of(metadata)))
                .ifNoItem().after(timeout).failWith(() -> {
                    LOG.warnf("broker did not take %s for %s within %s [correlationId=%s]", envelope.type(),
                            envelope.key(), timeout, envelope.correlationId());
                    return GatewayException.brokerUnavailable(retryAfterSeconds);
                })
                .onFailure(e -> !(e instanceof GatewayException)).transform(e -> {
                    LOG.warnf("broker refused %s for %s: %s [correlationId=%s]", envelope.type(), envelope.key(),
                            e.getMessage(), envelope.correlationId());
                    return GatewayException.brokerUnavailable(retryAfterSeconds);
                });
    }
}
