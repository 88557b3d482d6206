package io.aide.aihub.messaging;

import io.aide.aihub.persistence.AiTaskRepository;
import io.aide.aihub.service.AiTaskService;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.v1.AiTaskRequested;
import io.aide.events.v1.AiTaskResult;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** Consumes AiTaskRequested and publishes its AiTaskResult on the stream of the task's key. */
@ApplicationScoped
public class AiCommandsConsumer {
    public static final String AI_COMMANDS = "ai-commands";
    public static final String GENERATION_EVENTS = "generation-events";
    private static final Logger LOG = Logger.getLogger(AiCommandsConsumer.class);

    private final AiTaskService tasks;
    private final AiTaskRepository repository;
    private final MutinyEmitter<String> events;

    public AiCommandsConsumer(AiTaskService tasks, AiTaskRepository repository,
                              @Channel(GENERATION_EVENTS) MutinyEmitter<String> events) {
        this.tasks = tasks;
        this.repository = repository;
        this.events = events;
    }

    @Incoming(AI_COMMANDS)
    // a slow model answer must not hold up the tasks of other users
    @Blocking(ordered = false)
    public void consume(String json) {
        Envelope envelope;
        try {
            envelope = EventJson.envelope(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.warnf("skipping unreadable AI command: %s", e.getMessage());
            return;
        }
        if (!envelope.is(AiTaskRequested.class)) {
            return;
        }
        MDC.put("correlationId", envelope.correlationId());
        try {
            AiTaskRequested task = envelope.payloadAs(AiTaskRequested.class);
            if (!repository.claim(envelope, task)) {
                LOG.infof("AI task %s already handled [eventId=%s]", task.taskId(), envelope.eventId());
                return;
            }
            AiTaskResult result = tasks.answer(envelope.tenantId(), task);
            String key = task.key() == null || task.key().isBlank() ? envelope.key() : task.key();
            Envelope answer = Envelope.causedBy(envelope, key, result);
            events.sendMessageAndAwait(Message.of(EventJson.toJson(answer),
                    Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())));
            repository.finish(envelope, result);
            LOG.infof("AI task %s (%s) for %s: %s [eventId=%s]", task.taskId(), task.kind(), key, result.status(),
                    envelope.eventId());
        } finally {
            MDC.remove("correlationId");
        }
    }
}
