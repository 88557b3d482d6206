package io.aide.document.messaging;

import io.aide.document.service.ParsingService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Reads aide.documents.v1 and hands DocumentUploaded to the parsing service; other types are ignored. */
@ApplicationScoped
public class DocumentEventsConsumer {
    public static final String CHANNEL = "documents-in";
    private static final Logger LOG = Logger.getLogger(DocumentEventsConsumer.class);

    private final ParsingService parsing;

    public DocumentEventsConsumer(ParsingService parsing) {
        this.parsing = parsing;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        String key = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getKey() == null ? null : String.valueOf(m.getKey()))
                .orElse(null);
        try {
            parsing.onRecord(key, message.getPayload());
        } catch (RuntimeException e) {
            // the service has dead-lettered what it could; never block the partition on one record
            LOG.errorf("record key=%s not handled: %s", key, e.getMessage());
        }
        return message.ack();
    }
}
