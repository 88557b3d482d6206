package io.aide.aihub;

import io.aide.testsupport.ScriptedModelServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** The scripted model server (test-support) as the global model: every answer is one scripted SQL in a fence. */
public class ScriptedLlmResource implements QuarkusTestResourceLifecycleManager {
    public static final String SCRIPTED_SQL = "LEFT JOIN customers c ON c.customer_id = o.customer_id";
    private ScriptedModelServer server;

    @Override
    public Map<String, String> start() {
        server = ScriptedModelServer.start()
                .script("scripted-model", ScriptedModelServer.text("```sql\n" + SCRIPTED_SQL + "\n```"));
        String baseUrl = server.baseUrl();
        return Map.of("aide.llm.base-url", baseUrl,
                "aide.llm.model", "scripted-model",
                "quarkus.langchain4j.openai.base-url", baseUrl,
                "quarkus.langchain4j.openai.api-key", "test-key",
                "quarkus.langchain4j.openai.chat-model.model-name", "scripted-model");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
