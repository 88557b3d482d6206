package io.aide.gateway.sandbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.aide.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The chart sandbox on its own port, so on an origin apart from the portal's: it serves only the sandbox page and its
 * bundled scripts, under a policy that forbids every network request from the page ({@code connect-src 'none'}),
 * lets only the portal frame it, and keeps no cookies or API of the portal's within reach. The portal frames it with
 * {@code sandbox="allow-scripts"} (no same-origin), so the page also runs in an opaque origin.
 */
@ApplicationScoped
public class SandboxServer {
    private static final Logger LOG = Logger.getLogger(SandboxServer.class);
    private static final String ROOT = "META-INF/resources/";
    private static final Pattern ASSET = Pattern.compile("/assets/[A-Za-z0-9_.-]+\\.(js|css)");

    private final Vertx vertx;
    private final int configuredPort;
    private final String host;
    private final String portalOrigins;
    private final Map<String, Buffer> files = new ConcurrentHashMap<>();
    private volatile HttpServer server;
    private volatile int port = -1;

    public SandboxServer(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.configuredPort = config.sandbox().port();
        this.host = config.sandbox().host();
        this.portalOrigins = config.sandbox().portalOrigins();
    }

    void start(@Observes StartupEvent ignored) throws Exception {
        if (configuredPort < 0) {
            LOG.info("chart sandbox disabled (aide.gateway.sandbox.port < 0)");
            return;
        }
        server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(configuredPort))
                .requestHandler(this::handle);
        server = server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
        LOG.infof("chart sandbox listening on %s:%d", host, port);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (server != null) {
            server.close();
        }
    }

    /** The port the sandbox listens on, -1 when disabled. */
    public int port() {
        return port;
    }

    private void handle(HttpServerRequest request) {
        var response = request.response();
        response.putHeader("Content-Security-Policy", policy(request))
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cross-Origin-Resource-Policy", "cross-origin")
                .putHeader("Cache-Control", "no-cache");
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            response.setStatusCode(405).putHeader("Allow", "GET").end();
            return;
        }
        String path = request.path();
        String file;
        String type;
        if (path.equals("/") || path.equals("/sandbox.html")) {
            file = "sandbox.html";
            type = "text/html; charset=utf-8";
        } else if (ASSET.matcher(path).matches()) {
            file = path.substring(1);
            type = path.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
            // the page runs in an opaque origin: its module scripts are cross-origin requests
            response.putHeader("Access-Control-Allow-Origin", "*");
        } else {
            response.setStatusCode(404).putHeader("Content-Type", "text/plain").end("not found");
            return;
        }
        Buffer body = read(file);
        if (body == null) {
            response.setStatusCode(404).putHeader("Content-Type", "text/plain")
                    .end("the sandbox page is not built (web-ui's sandbox.html)");
            return;
        }
        response.putHeader("Content-Type", type).end(body);
    }

    private String policy(HttpServerRequest request) {
        String self = request.authority() == null ? "" : " http://" + request.authority();
        return "default-src 'none'; script-src 'self'" + self + " 'unsafe-eval'; style-src 'unsafe-inline'"
                + "; img-src data: blob:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
                + "; frame-ancestors " + portalOrigins;
    }

    private Buffer read(String file) {
        Buffer cached = files.get(file);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ROOT + file)) {
            if (in == null) {
                return null;
            }
            Buffer body = Buffer.buffer(in.readAllBytes());
            files.put(file, body);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
