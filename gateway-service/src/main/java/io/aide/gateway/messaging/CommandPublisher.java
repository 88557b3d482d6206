package io.aide.gateway.messaging;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Publishes the gateway's commands; the Kafka record key is the envelope key, so one aggregate keeps order. */
@ApplicationScoped
public class CommandPublisher {
    public static final String GENERATION_COMMANDS = "generation-commands";
    public static final String AI_COMMANDS = "ai-commands";

    private final MutinyEmitter<String> generationCommands;
    private final MutinyEmitter<String> aiCommands;

    public CommandPublisher(@Channel(GENERATION_COMMANDS) MutinyEmitter<String> generationCommands,
                            @Channel(AI_COMMANDS) MutinyEmitter<String> aiCommands) {
        this.generationCommands = generationCommands;
        this.aiCommands = aiCommands;
    }

    public Uni<Void> generationCommand(Envelope envelope) {
        return send(generationCommands, envelope);
    }

    public Uni<Void> aiCommand(Envelope envelope) {
        return send(aiCommands, envelope);
    }

    private static Uni<Void> send(MutinyEmitter<String> emitter, Envelope envelope) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(envelope.key()).build();
        return emitter.sendMessage(Message.of(EventJson.toJson(envelope), Metadata.of(metadata)));
    }
}
