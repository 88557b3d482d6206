package io.aide.sqlgen.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventJson;
import io.aide.events.spec.MappingSpec;
import io.aide.sqlgen.client.DocumentClient;
import io.aide.sqlgen.client.DocumentClientErrors;
import io.aide.sqlgen.client.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.nio.charset.StandardCharsets;

/** Loads the MappingSpec a generation compiles: the claim check in S3 when given, else from document-service. */
@ApplicationScoped
public class SpecLoader {
    private final ObjectStore store;
    private final DocumentClient documents;

    public SpecLoader(ObjectStore store, @RestClient DocumentClient documents) {
        this.store = store;
        this.documents = documents;
    }

    /** A loaded spec and where it came from (the S3 key when it came from S3). */
    public record LoadedSpec(MappingSpec spec, String objectKey) {
    }

    public LoadedSpec load(String tenant, String correlationId, String documentId, int version, String specObjectKey) {
        MappingSpec spec;
        String key = blankToNull(specObjectKey);
        if (key != null) {
            spec = fromStore(tenant, key);
        } else {
            spec = fromDocumentService(tenant, correlationId, documentId, version);
        }
        if (spec.rows().isEmpty()) {
            throw SqlgenException.spec("document_has_no_rows", "Document '" + documentId + "' (version "
                    + spec.version() + ") has no mapping rows: check its diagnostics and upload a corrected file.");
        }
        return new LoadedSpec(spec, key);
    }

    private MappingSpec fromStore(String tenant, String key) {
        if (!key.startsWith("tenants/" + tenant + "/")) {
            // a key outside the tenant's prefix is treated as absent, never read
            throw SqlgenException.spec("spec_not_found", "Spec object '" + key + "' does not exist.");
        }
        byte[] json = store.read(key);
        if (json == null) {
            throw SqlgenException.spec("spec_not_found", "Spec object '" + key
                    + "' does not exist; the document may have been deleted. Parse the document again.");
        }
        return parse(json, key);
    }

    private MappingSpec fromDocumentService(String tenant, String correlationId, String documentId, int version) {
        String json;
        try {
            json = documents.spec(tenant, correlationId, documentId, version > 0 ? version : null);
        } catch (DocumentClientErrors.Refused e) {
            throw refused(documentId, version, e);
        } catch (RuntimeException e) {
            throw SqlgenException.spec("spec_unavailable", "document-service did not deliver the spec of document '"
                    + documentId + "' (" + e.getMessage() + "); try the generation again in a moment.");
        }
        return parse(json.getBytes(StandardCharsets.UTF_8), "document " + documentId);
    }

    private static SqlgenException refused(String documentId, int version, DocumentClientErrors.Refused e) {
        String code = e.code() == null ? "" : e.code();
        if (e.status() == 404 && !code.contains("parsed")) {
            String what = version > 0 ? "Document '" + documentId + "' has no spec version " + version
                    : "Document '" + documentId + "' does not exist";
            return SqlgenException.spec("document_not_found", what + "; upload it with POST /api/v1/documents.");
        }
        if (e.status() == 409 || e.status() == 425 || e.status() == 422 || code.contains("parsed")
                || code.contains("parsing")) {
            return SqlgenException.spec("document_not_parsed", "Document '" + documentId
                    + "' is not parsed yet (" + e.getMessage() + "); start the generation once its status is parsed.");
        }
        return SqlgenException.spec("spec_unavailable", "document-service refused the spec of document '" + documentId
                + "': " + e.getMessage());
    }

    private static MappingSpec parse(byte[] json, String origin) {
        try {
            JsonNode node = EventJson.mapper().readTree(json);
            if (!node.has("rows") && node.has("spec")) {
                node = node.get("spec");
            }
            return EventJson.mapper().treeToValue(node, MappingSpec.class);
        } catch (Exception e) {
            throw SqlgenException.spec("spec_unreadable", "The spec of " + origin + " is not a valid MappingSpec: "
                    + e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
