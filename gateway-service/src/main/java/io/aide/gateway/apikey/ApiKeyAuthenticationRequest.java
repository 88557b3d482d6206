package io.aide.gateway.apikey;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented by a request, to be checked by {@link ApiKeyIdentityProvider}. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {
    private final String secret;

    public ApiKeyAuthenticationRequest(String secret) {
        this.secret = secret;
    }

    String secret() {
        return secret;
    }
}
