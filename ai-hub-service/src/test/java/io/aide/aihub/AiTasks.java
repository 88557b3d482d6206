package io.aide.aihub;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.v1.AiTaskResult;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;

/** Reads what the service published on the generation events channel. */
final class AiTasks {
    record Published(String kafkaKey, Envelope envelope, AiTaskResult result) {
    }

    static List<Published> resultsFor(InMemoryConnector connector, String taskId) {
        return connector.<String>sink("generation-events").received().stream()
                .filter(m -> AiTaskResult.TYPE.equals(EventJson.fromJson(m.getPayload(), Envelope.class).type()))
                .map(AiTasks::read)
                .filter(p -> p.result().taskId().equals(taskId))
                .toList();
    }

    private static Published read(Message<String> message) {
        Envelope envelope = EventJson.fromJson(message.getPayload(), Envelope.class);
        String key = message.getMetadata(OutgoingKafkaRecordMetadata.class).map(m -> (String) m.getKey()).orElse(null);
        return new Published(key, envelope, envelope.payloadAs(AiTaskResult.class));
    }

    private AiTasks() {
    }
}
