package io.aide.aihub.viz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The React component the recommender writes: {@code export default function Viz({ data, params })}, plain React
 * and inline SVG, drawing bar, line, area, scatter, table or KPI from {@code params.chart_type}, so a parameter
 * change re-renders the same data without a new query. The chosen parameters are its defaults.
 */
public final class VizComponent {
    private static final String MARKER = "/*CHOSEN*/{}";
    private static final String SOURCE = load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private VizComponent() {
    }

    public static String source(Map<String, Object> parameters) {
        try {
            return SOURCE.replace(MARKER, JSON.writeValueAsString(parameters));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("parameters are not JSON: " + e.getMessage(), e);
        }
    }

    private static String load() {
        try (InputStream in = VizComponent.class.getResourceAsStream("/viz/Viz.jsx")) {
            if (in == null) {
                throw new IllegalStateException("viz/Viz.jsx is missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.contains(MARKER)) {
                throw new IllegalStateException("viz/Viz.jsx lost its " + MARKER + " marker");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
