package io.aide.document.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Puts the gateway's correlation id and the tenant into the log context of each request. */
public class CorrelationFilter {

    @ServerRequestFilter
    public void before(ContainerRequestContext request) {
        String correlation = request.getHeaderString(DocumentResource.CORRELATION);
        if (correlation != null && !correlation.isBlank()) {
            MDC.put("correlationId", correlation);
        }
        String tenant = request.getHeaderString(DocumentResource.TENANT);
        if (tenant != null && !tenant.isBlank()) {
            MDC.put("tenantId", tenant);
        }
    }

    @ServerResponseFilter
    public void after() {
        MDC.remove("correlationId");
        MDC.remove("tenantId");
    }
}
