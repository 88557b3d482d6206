package io.aide.aihub;

import io.aide.testsupport.ScriptedModelServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.aide.testsupport.ScriptedModelServer.failure;
import static io.aide.testsupport.ScriptedModelServer.late;
import static io.aide.testsupport.ScriptedModelServer.malformed;
import static io.aide.testsupport.ScriptedModelServer.text;

/**
 * The scripted model server (test-support) for the model-settings tests: {@code failing-model} answers 500 until
 * {@link #RECOVERED} is set, {@code slow-model} answers after 3 s, {@code broken-model} answers malformed JSON, every
 * other model "OK". No global model is configured; tenants set theirs.
 */
public class ScriptedModelResource implements QuarkusTestResourceLifecycleManager {
    static final AtomicBoolean RECOVERED = new AtomicBoolean();
    private static volatile ScriptedModelServer server;

    @Override
    public Map<String, String> start() {
        server = ScriptedModelServer.start()
                .script("failing-model", r -> RECOVERED.get() ? text("OK") : failure(500, "scripted outage"))
                .script("slow-model", late(Duration.ofSeconds(3), text("OK")))
                .script("broken-model", malformed());
        return Map.of("aide.llm.base-url", "", "aide.llm.retries", "0", "aide.llm.circuit-breaker-requests", "2",
                "aide.llm.circuit-breaker-delay", "2s");
    }

    static String baseUrl() {
        return server.baseUrl();
    }

    /** The running server, for a test that scripts a model of its own. */
    public static ScriptedModelServer server() {
        return server;
    }

    static List<ScriptedModelServer.Request> requests() {
        return server.requests();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
