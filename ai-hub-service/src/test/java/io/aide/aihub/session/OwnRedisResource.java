package io.aide.aihub.session;

import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.AideTestEnvironment;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The test environment (PostgreSQL, Kafka) as {@link AideInfraResource} gives it, but Redis a server of the test's
 * own ({@link OwnRedis}); its port and directory are the config values {@value #PORT} and {@value #DIR}.
 */
public class OwnRedisResource implements QuarkusTestResourceLifecycleManager {
    static final String PORT = "aide.test.own-redis.port";
    static final String DIR = "aide.test.own-redis.dir";

    private int port;
    private Path dir;

    @Override
    public Map<String, String> start() {
        AideTestEnvironment.ensureRunning();
        port = OwnRedis.freePort();
        try {
            dir = Files.createTempDirectory("aide-own-redis-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        OwnRedis.start(port, dir);
        Map<String, String> config = new HashMap<>(AideInfraResource.overrides("aihub"));
        config.put("quarkus.redis.hosts", "redis://127.0.0.1:" + port);
        config.put(PORT, String.valueOf(port));
        config.put(DIR, dir.toString());
        return config;
    }

    @Override
    public void stop() {
        if (OwnRedis.listening(port)) {
            OwnRedis.stop(port, false);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
