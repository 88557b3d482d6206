package io.aide.validator.messaging;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.v1.ValidationRequested;
import io.aide.validator.service.ValidationService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** Consumes aide.validation.commands.v1. */
@ApplicationScoped
public class ValidationCommandConsumer {
    public static final String CHANNEL = "validation-commands";
    private static final Logger LOG = Logger.getLogger(ValidationCommandConsumer.class);

    private final ValidationService service;

    public ValidationCommandConsumer(ValidationService service) {
        this.service = service;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(String value) {
        Envelope envelope = EventJson.fromJson(value, Envelope.class);
        MDC.put("correlationId", envelope.correlationId());
        MDC.put("eventId", envelope.eventId());
        try {
            if (!envelope.is(ValidationRequested.class)) {
                LOG.debugf("ignoring %s on the validation command topic", envelope.type());
                return;
            }
            service.onRequested(envelope);
        } finally {
            MDC.remove("correlationId");
            MDC.remove("eventId");
        }
    }
}
