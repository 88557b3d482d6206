package io.aide.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Where the gateway finds its downstream services and how it limits and streams. */
@ConfigMapping(prefix = "aide.gateway")
public interface GatewayConfig {

    /** Base URL of document-service (AIDE_DOCUMENT_URL). */
    String documentUrl();

    /** Base URL of sqlgen-service (AIDE_SQLGEN_URL). */
    String sqlgenUrl();

    /** Base URL of validator-service (AIDE_VALIDATOR_URL). */
    String validatorUrl();

    /** Base URL of ai-hub-service (AIDE_AIHUB_URL). */
    String aihubUrl();

    /**
     * The per-install secret (AIDE_INTERNAL_SECRET, at least 32 bytes) the gateway signs internal tokens with; the
     * internal services verify every call with the same secret.
     */
    String internalSecret();

    /** Realm URL of the OIDC provider (AIDE_OIDC_URL), used for the portal's password grant and readiness. */
    String oidcUrl();

    /**
     * The realm URL as browsers reach it (AIDE_OIDC_PUBLIC_URL), for the login redirect; when the gateway reaches the
     * realm at an internal address (Kubernetes). Empty: the realm URL.
     */
    java.util.Optional<String> oidcPublicUrl();

    /**
     * The portal's origin as browsers reach it (AIDE_PUBLIC_URL, e.g. https://aide.example.com): the login's
     * redirect URI is built on it. Empty: the origin of the request (scheme and Host), as on a local install.
     */
    java.util.Optional<String> publicUrl();

    /** Public client of the portal: authorization code with PKCE (S256), and the password grant of POST /session. */
    @WithDefault("aide-portal")
    String portalClientId();

    /**
     * Proxies in front of the gateway whose X-Forwarded-For is believed (AIDE_TRUSTED_PROXIES: addresses and CIDR
     * blocks, comma-separated). Empty: none; the client address is the TCP peer's, whatever a request claims.
     */
    java.util.Optional<java.util.List<String>> trustedProxies();

    /** Largest accepted upload in bytes; larger ones get 413. */
    @WithDefault("52428800")
    long uploadMaxBytes();

    /** Timeout of a call to a downstream service. */
    @WithDefault("30s")
    Duration downstreamTimeout();

    /**
     * Longest wait for the Kafka broker to take a command (a generation, an edit, a refinement); past it the request
     * answers 503 broker_unavailable with Retry-After instead of hanging while the broker is away.
     */
    @WithDefault("4s")
    Duration publishTimeout();

    /** Retry-After, in seconds, of a request refused because the broker did not take its command. */
    @WithDefault("5")
    long publishRetryAfterSeconds();

    Cookie cookie();

    TokenCache tokenCache();

    /**
     * Bearer tokens already verified by this replica, reused until the earlier of the token's expiry and {@link #ttl}
     * (a reconnect storm verifies a user's token once, not once per stream).
     */
    interface TokenCache {
        /** Most tokens kept (least recently used out first); 0 turns the cache off. */
        @WithDefault("4096")
        int size();

        /** Longest a verification is reused, whatever the token's expiry; 0 turns the cache off. */
        @WithDefault("60s")
        Duration ttl();
    }

    Login login();

    RateLimit rateLimit();

    Sse sse();

    Sandbox sandbox();

    RealmEvents realmEvents();

    /**
     * Failed logins on the realm's own login page reach the tenants' audit logs: the gateway reads the realm's
     * LOGIN_ERROR events with the confidential client {@code aide-gateway-events} (realm-management roles view-events
     * and view-users only).
     */
    interface RealmEvents {
        /** Read them at all; off as well when no client secret is configured. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("aide-gateway-events")
        String clientId();

        /** The client's secret (AIDE_KEYCLOAK_EVENTS_SECRET); without it nothing is read (a warning at start). */
        java.util.Optional<String> clientSecret();

        /** How often the realm is asked for new events. */
        @WithDefault("5s")
        Duration interval();

        /** How far back the first read of a fresh installation goes (later reads continue from the last seen). */
        @WithDefault("1h")
        Duration lookback();
    }

    /** The chart sandbox: a second HTTP server on its own port, so on an origin apart from the portal's. */
    interface Sandbox {
        /** Its port (AIDE_SANDBOX_PORT); 0 picks a free one, a negative one turns the sandbox off. */
        @WithDefault("8089")
        int port();

        /** The interface it listens on. */
        @WithDefault("127.0.0.1")
        String host();

        /** The only origins allowed to frame it (frame-ancestors), space-separated. */
        @WithDefault("http://localhost:8080 http://127.0.0.1:8080")
        String portalOrigins();

        /** Its origin as browsers reach it behind a proxy; else the portal's host with the sandbox port. */
        java.util.Optional<String> publicOrigin();
    }

    interface Login {
        /** How long a login started at /api/v1/session/login may take to come back to the callback. */
        @WithDefault("10m")
        Duration timeout();
    }

    interface Cookie {
        /** Name of the HttpOnly cookie carrying the access token for the browser (EventSource sends no headers). */
        @WithDefault("aide_token")
        String name();

        /** Mark the cookie Secure (set true behind TLS). */
        @WithDefault("false")
        boolean secure();
    }

    interface RateLimit {
        /** Turn rate limiting off entirely. */
        @WithDefault("true")
        boolean enabled();

        /** Burst size of the token bucket per tenant and user. */
        @WithDefault("120")
        int capacity();

        /** Tokens added per second. */
        @WithDefault("20")
        double refillPerSecond();

        /** Burst of login attempts (POST /api/v1/session) per client address. */
        @WithDefault("20")
        int loginCapacity();

        /** Login attempts added per second per client address (0.5 = 30 a minute). */
        @WithDefault("0.5")
        double loginRefillPerSecond();

        /**
         * Burst of portal sign-ins started or completed (GET /api/v1/session/login and /callback) per client address:
         * each stores a login in Redis and completes with a back-channel call to the realm.
         */
        @WithDefault("60")
        int loginFlowCapacity();

        /** Portal sign-in requests added per second per client address (0.5 = 30 a minute). */
        @WithDefault("0.5")
        double loginFlowRefillPerSecond();

        /**
         * Burst of expensive requests (uploads, generations, refinements, reparses) per tenant, over all its users and
         * API keys: one tenant cannot take every parser and generator of the installation.
         */
        @WithDefault("60")
        int tenantExpensiveCapacity();

        /** Expensive requests added per second per tenant. */
        @WithDefault("1")
        double tenantExpensiveRefillPerSecond();
    }

    interface Sse {
        /** How long the replay buffer of one stream is kept after its last event. */
        @WithDefault("24h")
        Duration bufferTtl();

        /** Most events kept per stream in the replay buffer (the oldest are dropped). */
        @WithDefault("5000")
        int bufferCap();

        /** Interval of the keep-alive comment line. */
        @WithDefault("15s")
        Duration heartbeat();

        /** Reconnect delay advertised to EventSource with {@code retry:}. */
        @WithDefault("3000")
        int retryMillis();

        /** Streams one user of one tenant may hold open on one gateway replica; past it 429 too_many_streams. */
        @WithDefault("32")
        int maxStreamsPerUser();

        /** How long a generation id stays reserved for its tenant. */
        @WithDefault("30d")
        Duration generationIdTtl();
    }
}
