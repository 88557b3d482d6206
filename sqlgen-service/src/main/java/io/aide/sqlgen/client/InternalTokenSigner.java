package io.aide.sqlgen.client;

import io.aide.internalauth.InternalHeaders;
import io.aide.internalauth.InternalIdentity;
import io.aide.internalauth.InternalTokens;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Signs each call to document-service as sqlgen-service acting for the tenant the client method names in
 * X-Aide-Tenant; the plain header is taken off, since document-service believes only the signed token.
 */
public class InternalTokenSigner implements ClientRequestFilter {
    private static final String SERVICE = "sqlgen-service";
    private final InternalTokens tokens = new InternalTokens(
            ConfigProvider.getConfig().getValue("aide.internal.secret", String.class));

    @Override
    public void filter(ClientRequestContext request) {
        Object tenant = request.getHeaders().getFirst(InternalHeaders.TENANT);
        InternalHeaders.DERIVED.forEach(request.getHeaders()::remove);
        request.getHeaders().putSingle(InternalTokens.HEADER,
                tokens.sign(InternalIdentity.ofService(SERVICE, tenant == null ? null : tenant.toString())));
    }
}
