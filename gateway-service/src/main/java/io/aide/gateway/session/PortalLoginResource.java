package io.aide.gateway.session;

import io.aide.gateway.audit.AuditRecorder;
import io.aide.gateway.client.KeycloakClient;
import io.aide.gateway.config.GatewayConfig;
import io.aide.gateway.rest.GatewayException;
import io.aide.gateway.rest.Problem;
import io.aide.gateway.service.Correlation;
import io.aide.gateway.service.RateLimiter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The portal's login: the authorization code flow with PKCE (S256) of the public client {@code aide-portal}. The
 * gateway is the client: it keeps the verifier (Redis, {@link LoginStates}), exchanges the code over the back channel
 * and hands the browser only HttpOnly cookies. A callback that cannot be completed sends the browser back to the
 * portal with {@code login_error} naming why (the portal shows it), never a 5xx.
 */
@Path("/api/v1")
@Tag(name = "session")
public class PortalLoginResource {
    private static final Logger LOG = Logger.getLogger(PortalLoginResource.class);
    /** The browser's half of a login under way: a random nonce whose S256 is stored with the state. */
    static final String LOGIN_COOKIE = "aide_login";
    static final String CALLBACK = SessionCookies.SESSION_PATH + "/callback";
    private static final Pattern HOST = Pattern.compile("^(?:[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+])(?::[0-9]{1,5})?$");

    private final KeycloakClient keycloak;
    private final GatewayConfig config;
    private final LoginStates states;
    private final SessionCookies cookies;
    private final RateLimiter rateLimiter;

    public PortalLoginResource(KeycloakClient keycloak, GatewayConfig config, LoginStates states,
                               SessionCookies cookies, RateLimiter rateLimiter) {
        this.keycloak = keycloak;
        this.config = config;
        this.states = states;
        this.cookies = cookies;
        this.rateLimiter = rateLimiter;
    }

    @GET
    @Path("/session/login")
    @Operation(summary = "Sign in to the portal: redirects to the realm's login page (authorization code with PKCE); "
            + "return_to is the portal path to land on afterwards")
    public Uni<Response> login(@QueryParam("return_to") String returnTo, @Context RoutingContext ctx) {
        String path = ReturnPath.check(returnTo);
        String origin = requestOrigin(ctx.request());
        Optional<String> configured = publicUrl();
        if (configured.isPresent() && !configured.get().equalsIgnoreCase(origin)) {
            // the login cookie must be set on the origin the realm sends the browser back to
            return Uni.createFrom().item(redirect(configured.get() + SessionCookies.SESSION_PATH + "/login?return_to="
                    + URLEncoder.encode(path, StandardCharsets.UTF_8)).build());
        }
        String redirectUri = configured.orElse(origin) + CALLBACK;
        String state = Pkce.random();
        String verifier = Pkce.random();
        String nonce = Pkce.random();
        return states.put(state, new LoginStates.Pending(verifier, Pkce.s256(nonce), redirectUri, path))
                .onFailure().transform(e -> {
                    LOG.warnf("a login could not be stored: %s", e.getMessage());
                    return new GatewayException(503, "login_unavailable", "Service unavailable",
                            "The login could not be started (the session store did not answer); retry in a few "
                                    + "seconds.", 5L);
                })
                .map(ignored -> redirect(keycloak.authorizationUrl(state, Pkce.s256(verifier), redirectUri))
                        .header("Set-Cookie", cookies.cookie(LOGIN_COOKIE, nonce, CALLBACK,
                                config.login().timeout().toSeconds(), "Lax"))
                        .build());
    }

    @GET
    @Path("/session/callback")
    @Operation(summary = "Where the realm sends the browser back: checks the state, exchanges the code with the "
            + "verifier, sets the session cookies and redirects to the portal (or to the portal with login_error)")
    public Uni<Response> callback(@QueryParam("code") String code, @QueryParam("state") String state,
                                  @QueryParam("error") String error, @CookieParam(LOGIN_COOKIE) String nonce,
                                  @Context RoutingContext ctx) {
        if (blank(state)) {
            return Uni.createFrom().item(failed(ctx, error != null ? "login_denied" : "login_invalid", false));
        }
        return states.take(state)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("a login could not be read: %s", e.getMessage());
                    return null;
                })
                .flatMap(pending -> {
                    if (pending == null) {
                        return Uni.createFrom().item(failed(ctx, "login_unavailable", false));
                    }
                    if (pending.isEmpty()) {
                        return Uni.createFrom().item(failed(ctx, error != null ? "login_denied" : "login_expired",
                                false));
                    }
                    LoginStates.Pending login = pending.get();
                    if (blank(nonce) || !Pkce.s256(nonce).equals(login.browserHash())) {
                        return Uni.createFrom().item(failed(ctx, "login_browser_mismatch"));
                    }
                    if (error != null) {
                        return Uni.createFrom().item(failed(ctx, "access_denied".equals(error) ? "login_denied"
                                : "login_refused"));
                    }
                    if (blank(code)) {
                        return Uni.createFrom().item(failed(ctx, "login_invalid"));
                    }
                    return keycloak.codeGrant(code, login.redirectUri(), login.verifier())
                            .flatMap(token -> perAccount(token, cookies.issue(token, null,
                                    "The realm refused the login code.", ctx), login.returnTo(), ctx))
                            .onFailure(GatewayException.class).recoverWithItem(e -> failed(ctx,
                                    switch (((GatewayException) e).code()) {
                                        case "session_expired" -> "login_code_refused";
                                        case "tenant_missing" -> "tenant_missing";
                                        default -> "login_unavailable";
                                    }))
                            .onFailure().recoverWithItem(e -> {
                                LOG.warnf("the realm's token endpoint failed: %s", e.getMessage());
                                return failed(ctx, "login_unavailable");
                            });
                });
    }

    /**
     * Sign-ins completed per account (the user is known only once the realm has answered): besides the bucket per
     * client address, one account signed in from many addresses is slowed too. A sign-in past it is refused with 429
     * and the realm session it just opened is ended, so the refusal leaves no usable refresh token behind.
     */
    private Uni<Response> perAccount(KeycloakClient.TokenResponse token, SessionCookies.Issued issued, String returnTo,
                                     RoutingContext ctx) {
        String account = issued.session().user().trim().toLowerCase(java.util.Locale.ROOT);
        return rateLimiter.acquireLoginFlow("user:" + account).flatMap(wait -> {
            if (wait == 0L) {
                return Uni.createFrom().item(signedIn(issued, returnTo));
            }
            AuditRecorder.refused(ctx, "rate_limited:login");
            String refreshToken = token.body().path("refresh_token").asText("");
            Uni<Integer> ended = refreshToken.isBlank() ? Uni.createFrom().item(204)
                    : keycloak.logout(refreshToken).onFailure().recoverWithItem(e -> {
                        LOG.warnf("the realm session of a refused sign-in could not be ended: %s", e.getMessage());
                        return 503;
                    });
            return ended.map(ignored -> Response.status(429).type(Problem.MEDIA_TYPE)
                    .header("Retry-After", Long.toString(wait)).header("Cache-Control", "no-store")
                    .header("Set-Cookie", cookies.cookie(LOGIN_COOKIE, "", CALLBACK, 0, "Lax"))
                    .entity(Problem.of(429, "rate_limited:login", "Too many login attempts",
                            "Too many sign-ins for this account; retry after " + wait + " s.",
                            Correlation.of(ctx.request())).toJson())
                    .build());
        });
    }

    private Response signedIn(SessionCookies.Issued issued, String returnTo) {
        Response.ResponseBuilder response = redirect(returnTo)
                .header("Set-Cookie", cookies.cookie(LOGIN_COOKIE, "", CALLBACK, 0, "Lax"));
        issued.cookies().forEach(cookie -> response.header("Set-Cookie", cookie));
        return response.build();
    }

    private Response failed(RoutingContext ctx, String reason) {
        return failed(ctx, reason, true);
    }

    /**
     * Back to the portal's start page, which shows what {@code login_error} means; audited as a refused login. The
     * browser's login cookie is cleared once its login was taken; a callback naming no stored login leaves it, since
     * it may belong to a login still under way in that browser.
     */
    private Response failed(RoutingContext ctx, String reason, boolean loginTaken) {
        AuditRecorder.refused(ctx, reason);
        Response.ResponseBuilder response = redirect("/?login_error=" + reason);
        if (loginTaken) {
            response.header("Set-Cookie", cookies.cookie(LOGIN_COOKIE, "", CALLBACK, 0, "Lax"));
        }
        return response.build();
    }

    private static Response.ResponseBuilder redirect(String location) {
        return Response.seeOther(URI.create(location)).header("Cache-Control", "no-store");
    }

    private Optional<String> publicUrl() {
        return config.publicUrl().map(String::trim).filter(url -> !url.isEmpty())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** The origin the browser used: scheme and Host (a Host that is not a host name or address is refused). */
    private static String requestOrigin(HttpServerRequest request) {
        // HTTP/1.1 sends Host, HTTP/2 :authority; Vert.x gives either as the authority
        io.vertx.core.net.HostAndPort authority = request.authority();
        String host = authority == null ? request.getHeader("Host")
                : authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host();
        if (host == null || !HOST.matcher(host).matches()) {
            throw GatewayException.badRequest("invalid_host", "The Host header is not a host name with an optional "
                    + "port; sign in at the portal's address.");
        }
        return request.scheme() + "://" + host;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
