package io.aide.document;

import io.aide.document.messaging.DocumentEventsConsumer;
import io.aide.document.messaging.DocumentEventsPublisher;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;

import static io.aide.document.TestDocuments.envelope;

/** The documents channel of the *Test tier: what the service published, and delivery back to its consumer. */
public final class DocumentEvents {
    private final InMemoryConnector connector;
    private final InMemorySink<String> published;

    public DocumentEvents(InMemoryConnector connector) {
        this.connector = connector;
        this.published = connector.sink(DocumentEventsPublisher.CHANNEL);
    }

    public void clear() {
        published.clear();
    }

    /** The latest event of {@code type} published for the document, waiting up to 30 s for it. */
    public Envelope await(String type, String documentId) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> published.received().stream()
                .map(m -> envelope(m.getPayload()))
                .filter(e -> e.type().equals(type) && e.key().equals(documentId))
                .reduce((a, b) -> b).orElse(null), e -> e != null);
    }

    /** Delivers what the service published back to its consumer, as Kafka would. */
    public void deliver(Envelope envelope) {
        connector.source(DocumentEventsConsumer.CHANNEL).send(Message.of(EventJson.toJson(envelope)));
    }
}
