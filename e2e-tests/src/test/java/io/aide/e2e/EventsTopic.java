package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.EventTypes;
import io.aide.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The generation events topic read directly: the truth a stream is checked against (which events of a generation
 * the services produced, at which offsets), independent of the gateway and its replay buffer.
 */
final class EventsTopic {
    /** The broker of the stack: aide.kafka.bootstrap, else the test environment's port shifted by AIDE_PORT_OFFSET. */
    static String bootstrap() {
        String configured = System.getProperty("aide.kafka.bootstrap", "");
        if (!configured.isBlank()) {
            return configured;
        }
        int offset = Integer.parseInt(System.getenv().getOrDefault("AIDE_PORT_OFFSET", "0"));
        boolean testEnv = URI.create(Stack.GATEWAY).getPort() != 8080 + offset;
        return "127.0.0.1:" + ((testEnv ? 59192 : 59092) + offset);
    }

    static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /** One record of a generation as a browser would see it: its offset (the SSE id) and its SSE event name. */
    record Streamed(long offset, String event) {
    }

    /** One record of a generation as the topic holds it: offset, envelope and the size of its value in bytes. */
    record Stored(long offset, Envelope envelope, int bytes) {
    }

    /**
     * Every record of this generation that is streamed to browsers, in offset order, as the topic holds it now; a
     * hashmap published in parts is streamed once, at its last part.
     */
    static List<Streamed> streamedEvents(String generationId) {
        return streamedEvents(null, generationId);
    }

    /** The streamed events of one tenant's generation of this id (ids are scoped per tenant); any tenant's for null. */
    static List<Streamed> streamedEvents(String tenant, String generationId) {
        List<Streamed> out = new ArrayList<>();
        for (Stored record : records(generationId)) {
            if (tenant != null && !tenant.equals(record.envelope().tenantId())) {
                continue;
            }
            String name = EventTypes.sseName(record.envelope().type());
            JsonNode payload = record.envelope().payload();
            boolean earlierPart = payload != null && payload.path("part").asInt(1) < payload.path("of").asInt(1);
            if (name != null && !earlierPart) {
                out.add(new Streamed(record.offset(), name));
            }
        }
        return out;
    }

    /** Every record of this generation, in offset order, as the topic holds it now. */
    static List<Stored> records(String generationId) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            // a key's records are all on the partition the producers' default partitioner picks for it: read that one
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.GENERATION_EVENTS, Duration.ofSeconds(30));
            int partition = Utils.toPositive(Utils.murmur2(generationId.getBytes(StandardCharsets.UTF_8)))
                    % infos.size();
            List<TopicPartition> partitions = List.of(new TopicPartition(Topics.GENERATION_EVENTS, partition));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<Stored> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.GENERATION_EVENTS + " to its end in 60 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!generationId.equals(record.key())) {
                        continue;
                    }
                    out.add(new Stored(record.offset(), EventJson.fromJson(record.value(), Envelope.class),
                            record.value().getBytes(StandardCharsets.UTF_8).length));
                }
            }
            return out;
        }
    }

    private EventsTopic() {
    }
}
