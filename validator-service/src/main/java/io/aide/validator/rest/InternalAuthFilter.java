package io.aide.validator.rest;

import io.aide.internalauth.InternalHeaders;
import io.aide.internalauth.InternalIdentity;
import io.aide.internalauth.InternalTokenRefused;
import io.aide.internalauth.InternalTokens;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Zero trust inside: every API call must carry an internal token signed by the gateway or a sibling service
 * ({@value InternalTokens#HEADER}), else 401 problem+json. The tenant, user and roles the resources read come from
 * that token alone: whatever X-Aide-Tenant / X-Aide-User / X-Aide-Roles the caller sent is replaced.
 */
public class InternalAuthFilter {
    private static final Logger LOG = Logger.getLogger(InternalAuthFilter.class);

    private final InternalTokens tokens;

    public InternalAuthFilter(@ConfigProperty(name = "aide.internal.secret") String secret) {
        this.tokens = new InternalTokens(secret);
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext request) {
        InternalIdentity identity;
        try {
            identity = tokens.verify(request.getHeaderString(InternalTokens.HEADER));
        } catch (InternalTokenRefused e) {
            LOG.debugf("refused %s %s: %s", request.getMethod(), request.getUriInfo().getPath(), e.getMessage());
            return Response.status(401).type(InternalHeaders.PROBLEM_JSON)
                    .entity(InternalHeaders.refusal(e.getMessage(), request.getUriInfo().getPath())).build();
        }
        InternalHeaders.DERIVED.forEach(request.getHeaders()::remove);
        InternalHeaders.of(identity).forEach(request.getHeaders()::putSingle);
        return null;
    }
}
