package io.aide.document.it;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.Topics;
import io.aide.events.v1.DocumentUploaded;
import io.aide.events.v1.MappingParsed;
import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.Infra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.aide.document.TestDocuments.MAPPING_CSV;
import static io.aide.document.TestDocuments.as;
import static io.aide.document.TestDocuments.tenant;
import static io.aide.document.TestDocuments.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The upload -> DocumentUploaded -> parse -> MappingParsed hop over the test environment's real Kafka broker. */
@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "documents"))
class DocumentKafkaIT {

    private static List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    @Test
    void shouldParseAnUploadThroughRealKafkaAndPublishMappingParsedKeyedByDocument() {
        // Given
        String tenant = tenant("acme");

        // When
        String id = upload(tenant, "customers.csv", MAPPING_CSV).then().statusCode(202).extract().path("documentId");

        // Then
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                as(tenant).get("/internal/v1/documents/" + id).then().statusCode(200)
                        .body("status", equalTo("parsed")).body("rowsFound", equalTo(4)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Envelope> events = recordsWithKey(Topics.DOCUMENTS, id, Duration.ofSeconds(10)).stream()
                    .map(r -> EventJson.envelope(r.value().getBytes())).toList();
            assertThat(events).extracting(Envelope::type).containsExactly(DocumentUploaded.TYPE, MappingParsed.TYPE);
            assertThat(events).allSatisfy(e -> assertThat(e.tenantId()).isEqualTo(tenant));
            assertThat(events.get(1).correlationId()).isEqualTo(events.get(0).correlationId());
            MappingParsed parsed = events.get(1).payloadAs(MappingParsed.class);
            assertThat(parsed.specVersion()).isEqualTo(1);
            assertThat(parsed.targets()).containsEntry("dim_customer", 2).containsEntry("fact_orders", 2);
        });
    }

    @Test
    void shouldDeadLetterARecordThatIsNotAnEnvelope() throws Exception {
        // Given
        String key = "it-garbage-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {

            // When
            producer.send(new ProducerRecord<>(Topics.DOCUMENTS, key, "{not json")).get(30, TimeUnit.SECONDS);
        }

        // Then
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> letters = recordsWithKey(Topics.dlq(Topics.DOCUMENTS), key,
                    Duration.ofSeconds(10));
            assertThat(letters).hasSize(1);
            assertThat(EventJson.mapper().readTree(letters.get(0).value()).path("reason").asText())
                    .contains("not an AIDE envelope");
        });
    }
}
