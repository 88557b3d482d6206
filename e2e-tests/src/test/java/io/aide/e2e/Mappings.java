package io.aide.e2e;

import io.aide.e2e.Stack.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Mapping documents uploaded through the gateway, awaited until document-service has parsed them. */
final class Mappings {
    /** How long a small mapping may take to parse. */
    static final Duration PARSE_TIMEOUT = Duration.ofSeconds(60);

    private Mappings() {
    }

    /** A file of src/test/resources/mappings. */
    static byte[] resource(String name) {
        try (InputStream in = Mappings.class.getResourceAsStream("/mappings/" + name)) {
            assertThat(in).as("test resource mappings/" + name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads mappings/{name} under its own file name; its document id once parsed. */
    static String uploadParsed(String token, String name) {
        return uploadParsed(token, name, resource(name));
    }

    /** Uploads {@code content} as {@code fileName}; its document id once parsed. */
    static String uploadParsed(String token, String fileName, byte[] content) {
        return uploadParsed(token, List.of(new Part("file", fileName, content)), PARSE_TIMEOUT);
    }

    /** Uploads the parts (the file, reference files, fields); its document id once parsed within {@code atMost}. */
    static String uploadParsed(String token, List<Part> parts, Duration atMost) {
        HttpResponse<String> accepted = Stack.multipart(token, "/api/v1/documents", parts);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String documentId = Stack.json(accepted.body()).path("documentId").asText();
        awaitParsed(token, documentId, atMost);
        return documentId;
    }

    /** Waits until the document's status is parsed. */
    static void awaitParsed(String token, String documentId, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(Stack.json(Stack.get(token, "/api/v1/documents/" + documentId).body()).path("status")
                        .asText()).isEqualTo("parsed"));
    }
}
