package io.aide.aihub.client;

import io.aide.internalauth.InternalHeaders;
import io.aide.internalauth.InternalIdentity;
import io.aide.internalauth.InternalTokens;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;

/**
 * Signs each call to document-service as ai-hub-service acting for the tenant and user the client method names in
 * X-Aide-Tenant / X-Aide-User; the plain headers are taken off, since document-service believes only the signed token.
 */
public class InternalTokenSigner implements ClientRequestFilter {
    private static final String SERVICE = "ai-hub-service";
    private final InternalTokens tokens = new InternalTokens(
            ConfigProvider.getConfig().getValue("aide.internal.secret", String.class));

    @Override
    public void filter(ClientRequestContext request) {
        Object tenant = request.getHeaders().getFirst(InternalHeaders.TENANT);
        Object user = request.getHeaders().getFirst(InternalHeaders.USER);
        InternalHeaders.DERIVED.forEach(request.getHeaders()::remove);
        request.getHeaders().putSingle(InternalTokens.HEADER, tokens.sign(new InternalIdentity(
                tenant == null ? null : tenant.toString(), user == null ? SERVICE : user.toString(), List.of(), SERVICE)));
    }
}
