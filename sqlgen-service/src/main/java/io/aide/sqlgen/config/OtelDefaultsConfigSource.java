package io.aide.sqlgen.config;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/** Turns the OpenTelemetry SDK on only when AIDE_OTEL_ENDPOINT names a collector. */
public class OtelDefaultsConfigSource implements ConfigSource {
    private final Map<String, String> values;

    public OtelDefaultsConfigSource() {
        String endpoint = System.getenv("AIDE_OTEL_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            values = Map.of("quarkus.otel.sdk.disabled", "true");
        } else {
            values = Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.endpoint", endpoint);
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "aide-otel-defaults";
    }

    @Override
    public int getOrdinal() {
        // above application.properties (250), below environment variables (300)
        return 260;
    }
}
