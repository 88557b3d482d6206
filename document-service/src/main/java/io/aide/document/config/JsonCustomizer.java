package io.aide.document.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aide.events.EventJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** REST bodies use the same JSON settings as events: ISO instants, nulls omitted, unknown fields ignored. */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        EventJson.configure(mapper);
    }
}
