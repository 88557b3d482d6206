package io.aide.aihub.messaging;

import io.aide.aihub.persistence.AiTaskRepository;
import io.aide.aihub.refine.BlockRefiner;
import io.aide.events.EventPayload;
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
    public static final String GENERATION_COMMANDS = "generation-commands";
    private static final Logger LOG = Logger.getLogger(AiCommandsConsumer.class);

    private final AiTaskService tasks;
    private final AiTaskRepository repository;
    private final MutinyEmitter<String> events;
    private final MutinyEmitter<String> commands;

    public AiCommandsConsumer(AiTaskService tasks, AiTaskRepository repository,
                              @Channel(GENERATION_EVENTS) MutinyEmitter<String> events,
                              @Channel(GENERATION_COMMANDS) MutinyEmitter<String> commands) {
        this.tasks = tasks;
        this.repository = repository;
        this.events = events;
        this.commands = commands;
    }

    private static void send(MutinyEmitter<String> channel, Envelope envelope) {
        channel.sendMessageAndAwait(Message.of(EventJson.toJson(envelope),
                Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(envelope.key()).build())));
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
            String key = task.key() == null || task.key().isBlank() ? envelope.key() : task.key();
            AiTaskResult result = tasks.answer(envelope.tenantId(), task, new BlockRefiner.Sink() {
                @Override
                public void event(EventPayload payload) {
                    // called from the model's streaming callback, on an event loop: never wait there
                    Envelope event = Envelope.causedBy(envelope, key, payload);
                    events.sendMessageAndForget(Message.of(EventJson.toJson(event), Metadata.of(
                            OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())));
                }

                @Override
                public void command(EventPayload payload) {
                    send(commands, Envelope.causedBy(envelope, key, payload));
                }
            });
            send(events, Envelope.causedBy(envelope, key, result));
            repository.finish(envelope, result);
            LOG.infof("AI task %s (%s) for %s: %s [eventId=%s]", task.taskId(), task.kind(), key, result.status(),
                    envelope.eventId());
        } finally {
            MDC.remove("correlationId");
        }
    }
}
