package io.aide.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventJson;
import io.aide.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Brings failed logins on the realm's own login page into the tenants' audit logs. The realm records them as events
 * (LOGIN_ERROR, enabled in infra/keycloak/aide-realm.json); every {@code aide.gateway.realm-events.interval} the
 * gateway reads the new ones through the realm's admin API with its confidential client {@code aide-gateway-events}
 * (client credentials; its service account holds only view-events and view-users), looks up the account's tenant
 * attribute and appends one entry per event ({@link RealmLoginFailures}).
 *
 * <p>Where it left off is kept in Redis ({@code aide:realm-events:cursor}, the time of the newest event read), so a
 * restart neither loses nor repeats events; each event is claimed by its id ({@code aide:realm-event:{id}}, SET NX,
 * 2 days) before it is written, so replicas reading at the same time write it once. While the realm or Redis is away
 * nothing is written and the next round catches up from the cursor (the realm keeps events 7 days).
 */
@ApplicationScoped
public class RealmEventsCollector {
    private static final Logger LOG = Logger.getLogger(RealmEventsCollector.class);
    static final String CURSOR = "aide:realm-events:cursor";
    static final String CLAIM = "aide:realm-event:";
    private static final int PAGE = 200;
    private static final int MAX_PAGES = 25;
    private static final Duration USER_CACHE = Duration.ofMinutes(5);

    private final GatewayConfig config;
    private final ReactiveRedisDataSource redis;
    private final AuditLog audit;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<String, CachedUser> users = new ConcurrentHashMap<>();
    private HttpClient http;
    private long timer = -1;
    private volatile String token;
    private volatile long tokenValidUntil;
    private volatile boolean warned;

    record CachedUser(String user, String tenant, long until) {
    }

    public RealmEventsCollector(GatewayConfig config, ReactiveRedisDataSource redis, AuditLog audit, Vertx vertx) {
        this.config = config;
        this.redis = redis;
        this.audit = audit;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        GatewayConfig.RealmEvents settings = config.realmEvents();
        if (!settings.enabled()) {
            return;
        }
        if (settings.clientSecret().filter(s -> !s.isBlank()).isEmpty()) {
            LOG.warn("AIDE_KEYCLOAK_EVENTS_SECRET is not set: failed logins on the realm's login page are not "
                    + "copied into the tenants' audit logs");
            return;
        }
        http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000));
        timer = vertx.setPeriodic(Math.max(1000L, settings.interval().toMillis()), ignored -> collect());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (http != null) {
            http.close();
        }
    }

    /** One round: every event since the cursor, oldest first; a round still running skips the next tick. */
    Uni<Integer> collectOnce() {
        return redis.value(String.class).get(CURSOR)
                .map(stored -> stored == null
                        ? System.currentTimeMillis() - config.realmEvents().lookback().toMillis()
                        : Long.parseLong(stored))
                .flatMap(from -> accessToken().flatMap(bearer -> events(bearer, from, 0, new ArrayList<>()))
                        .flatMap(events -> {
                            // oldest first already; sorted again so the cursor only ever moves forward
                            events.sort(Comparator.comparingLong(e -> e.path("time").asLong()));
                            return Multi.createFrom().iterable(events)
                                    .onItem().transformToUniAndConcatenate(this::record)
                                    .collect().asList()
                                    .flatMap(written -> advance(from, events)
                                            .replaceWith(written.stream().mapToInt(Integer::intValue).sum()));
                        }));
    }

    private void collect() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        collectOnce().subscribe().with(written -> {
            running.set(false);
            warned = false;
            if (written > 0) {
                LOG.debugf("%d failed realm logins audited", written);
            }
        }, failure -> {
            running.set(false);
            if (!warned) {
                warned = true;
                LOG.warnf("the realm's login events could not be read (retried every %s): %s",
                        config.realmEvents().interval(), failure.getMessage());
            }
        });
    }

    /**
     * LOGIN_ERROR events from {@code from} (inclusive, epoch millis), oldest first, at most {@value #MAX_PAGES} pages
     * of {@value #PAGE} a round: a flood is worked off over several rounds from the cursor, never skipped.
     */
    private Uni<List<JsonNode>> events(String bearer, long from, int first, List<JsonNode> into) {
        String url = adminUrl() + "/events?type=LOGIN_ERROR&direction=asc&dateFrom=" + from + "&first=" + first
                + "&max=" + PAGE;
        return get(url, bearer).flatMap(page -> {
            page.forEach(into::add);
            return page.size() == PAGE && first / PAGE + 1 < MAX_PAGES
                    ? events(bearer, from, first + PAGE, into)
                    : Uni.createFrom().item(into);
        });
    }

    /** Claims the event by its id, then appends its entry; 1 when written, 0 when another round already had it. */
    private Uni<Integer> record(JsonNode event) {
        String id = event.path("id").asText("");
        if (id.isBlank()) {
            return Uni.createFrom().item(0);
        }
        return redis.execute("SET", CLAIM + id, "1", "NX", "EX", Long.toString(Duration.ofDays(2).toSeconds()))
                .flatMap(claimed -> claimed == null ? Uni.createFrom().item(0)
                        : account(RealmLoginFailures.userId(event)).map(user -> {
                            audit.append(RealmLoginFailures.entry(event, user.map(CachedUser::user).orElse(null),
                                    user.map(CachedUser::tenant).orElse(null)));
                            return 1;
                        })
                        // the account could not be looked up: give the claim back, the next round writes it
                        .onFailure().call(failure -> redis.key().del(CLAIM + id)));
    }

    private Uni<Void> advance(long from, List<JsonNode> events) {
        long newest = events.stream().mapToLong(e -> e.path("time").asLong(0L)).max().orElse(from);
        return newest > from ? redis.value(String.class).set(CURSOR, Long.toString(newest))
                : Uni.createFrom().voidItem();
    }

    /** The realm's user name and tenant attribute of an account (cached 5 minutes), empty for no or no such account. */
    private Uni<Optional<CachedUser>> account(String userId) {
        if (userId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        CachedUser cached = users.get(userId);
        if (cached != null && cached.until() > System.currentTimeMillis()) {
            return Uni.createFrom().item(Optional.of(cached));
        }
        return accessToken().flatMap(bearer -> get(adminUrl() + "/users/" + enc(userId), bearer))
                .map(user -> {
                    JsonNode tenant = user.path("attributes").path("tenant");
                    CachedUser found = new CachedUser(user.path("username").asText(null),
                            tenant.isArray() ? tenant.path(0).asText(null) : tenant.asText(null),
                            System.currentTimeMillis() + USER_CACHE.toMillis());
                    users.put(userId, found);
                    return Optional.of(found);
                })
                .onFailure(NotFound.class).recoverWithItem(Optional.empty());
    }

    /** A token of the service account (client credentials), kept until 30 s before it expires. */
    private Uni<String> accessToken() {
        if (token != null && System.currentTimeMillis() < tokenValidUntil) {
            return Uni.createFrom().item(token);
        }
        GatewayConfig.RealmEvents settings = config.realmEvents();
        String form = "grant_type=client_credentials&client_id=" + enc(settings.clientId()) + "&client_secret="
                + enc(settings.clientSecret().orElse(""));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(realmUrl() + "/protocol/openid-connect/token").setTimeout(10_000)
                .putHeader("Content-Type", "application/x-www-form-urlencoded");
        return Uni.createFrom().completionStage(() -> http.request(options)
                .compose(request -> request.send(form))
                .compose(response -> response.body().map(body -> {
                    JsonNode answer = parse(body.toString());
                    if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
                        throw new IllegalStateException("the realm refused client " + settings.clientId() + " ("
                                + response.statusCode() + " " + answer.path("error").asText("") + ")");
                    }
                    token = answer.path("access_token").asText();
                    tokenValidUntil = System.currentTimeMillis()
                            + Math.max(0L, answer.path("expires_in").asLong(60) - 30) * 1000L;
                    return token;
                }))
                .toCompletionStage());
    }

    private Uni<JsonNode> get(String url, String bearer) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .setTimeout(10_000).putHeader("Authorization", "Bearer " + bearer)
                .putHeader("Accept", "application/json");
        return Uni.createFrom().completionStage(() -> http.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() == 404) {
                        throw new NotFound();
                    }
                    if (response.statusCode() == 401) {
                        token = null;
                    }
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("the realm's admin API answered " + response.statusCode()
                                + " to " + URI.create(url).getPath());
                    }
                    return parse(body.toString());
                }))
                .toCompletionStage());
    }

    /** The realm URL ({@code .../realms/aide}) and its admin API ({@code .../admin/realms/aide}). */
    private String realmUrl() {
        String url = config.oidcUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private String adminUrl() {
        String realm = realmUrl();
        int at = realm.lastIndexOf("/realms/");
        return realm.substring(0, at) + "/admin" + realm.substring(at);
    }

    private static JsonNode parse(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (IOException e) {
            return EventJson.mapper().createObjectNode();
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The realm does not know the account (deleted since the event). */
    private static final class NotFound extends RuntimeException {
        NotFound() {
            super("not found", null, false, false);
        }
    }
}
