package io.aide.aihub.context;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.aihub.client.DocumentClient;
import io.aide.aihub.client.DocumentClientErrors;
import io.aide.aihub.client.GenerationClient;
import io.aide.aihub.client.ValidatorClient;
import io.aide.aihub.service.AiHubException;
import io.aide.aihub.service.Caller;
import io.aide.events.EventJson;
import io.aide.events.spec.MappingSpec;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the other services hold about one generation, read for the caller's tenant: sqlgen's hashmap and lineage,
 * the validator's latest results and document-service's spec. A generation of another tenant is not found.
 */
@ApplicationScoped
public class GenerationSource {
    private final GenerationClient generations;
    private final ValidatorClient validator;
    private final DocumentClient documents;

    public GenerationSource(@RestClient GenerationClient generations, @RestClient ValidatorClient validator,
                            @RestClient DocumentClient documents) {
        this.generations = generations;
        this.validator = validator;
        this.documents = documents;
    }

    /** The hashmap; 404 {@code generation_not_found} when the tenant has no such generation. */
    public JsonNode hashmap(Caller caller, String generationId) {
        return read("sqlgen-service", "generation_not_found", "Generation '" + generationId + "' does not exist for "
                + "your tenant.", () -> generations.hashmap(caller.tenantId(), caller.userId(), caller.correlationId(),
                generationId));
    }

    public JsonNode lineage(Caller caller, String generationId) {
        return read("sqlgen-service", "generation_not_found", "Generation '" + generationId + "' does not exist for "
                + "your tenant.", () -> generations.lineage(caller.tenantId(), caller.userId(), caller.correlationId(),
                generationId));
    }

    /** The latest validation results, or empty when the generation was not validated yet. */
    public Optional<JsonNode> validation(Caller caller, String generationId) {
        try {
            return Optional.of(read("validator-service", "validation_not_found", "", () -> validator.validation(
                    caller.tenantId(), caller.userId(), caller.correlationId(), generationId)));
        } catch (AiHubException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The spec version a generation compiled, from document-service. */
    public MappingSpec spec(Caller caller, String documentId, Integer version) {
        JsonNode json = read("document-service", "document_not_found", "Document '" + documentId + "' (version "
                + version + ") does not exist for your tenant.", () -> documents.spec(caller.tenantId(), caller.userId(),
                caller.correlationId(), documentId, version));
        return EventJson.mapper().convertValue(json, MappingSpec.class);
    }

    private static JsonNode read(String service, String notFoundCode, String notFound, Supplier<String> call) {
        try {
            return EventJson.mapper().readTree(call.get());
        } catch (DocumentClientErrors.Refused e) {
            if (e.status() == 404) {
                throw AiHubException.notFound(notFoundCode, notFound.isEmpty() ? e.getMessage() : notFound);
            }
            throw new AiHubException(e.status() >= 400 && e.status() < 500 ? 422 : 502,
                    e.code() == null ? "upstream_refused" : e.code(), "Refused by " + service, e.getMessage());
        } catch (DocumentClientErrors.Unavailable | jakarta.ws.rs.ProcessingException | TimeoutException e) {
            throw new AiHubException(503, service.replace('-', '_') + "_unavailable", "Service unavailable",
                    service + " does not answer: " + e.getMessage() + ". Retry in a moment.", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AiHubException(502, "upstream_unreadable", "Bad answer", service + " answered JSON that cannot "
                    + "be read: " + e.getOriginalMessage(), e);
        }
    }
}
