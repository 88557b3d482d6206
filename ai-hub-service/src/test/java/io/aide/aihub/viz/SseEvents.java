package io.aide.aihub.viz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The named events of a finished server-sent event stream. */
record SseEvents(List<Event> events) {
    record Event(String name, JsonNode data) {
    }

    static SseEvents parse(String body) {
        ObjectMapper json = new ObjectMapper();
        List<Event> out = new ArrayList<>();
        for (String frame : body.replace("\r\n", "\n").split("\n\n")) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : frame.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
            if (name != null) {
                try {
                    out.add(new Event(name, json.readTree(data.toString())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new SseEvents(out);
    }

    List<String> names() {
        return events.stream().map(Event::name).toList();
    }

    List<Event> named(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    Event only(String name) {
        List<Event> found = named(name);
        if (found.size() != 1) {
            throw new AssertionError("expected one '" + name + "' event, got " + names());
        }
        return found.get(0);
    }

    String code() {
        StringBuilder code = new StringBuilder();
        named("code").forEach(e -> code.append(e.data().path("content").asText()));
        return code.toString();
    }
}
