package io.aide.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.Envelope;
import io.aide.events.v1.AiTaskRequested;
import io.aide.events.v1.BlockEdited;
import io.aide.events.v1.GenerationCancelled;
import io.aide.events.v1.GenerationRequested;
import io.aide.gateway.client.Downstream;
import io.aide.gateway.client.DownstreamClient;
import io.aide.gateway.messaging.CommandPublisher;
import io.aide.gateway.rest.BlockEditRequest;
import io.aide.gateway.rest.GatewayException;
import io.aide.gateway.rest.GenerationRequest;
import io.aide.gateway.rest.RefineRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Turns the public generation commands into Kafka commands, after the tenant checks. */
@ApplicationScoped
public class GenerationService {
    public static final Set<String> DIALECTS = Set.of("duckdb", "postgres", "spark", "snowflake", "bigquery", "ansi",
            "pyspark", "dbt");

    private final DownstreamClient downstream;
    private final GenerationRegistry registry;
    private final CommandPublisher publisher;

    public GenerationService(DownstreamClient downstream, GenerationRegistry registry, CommandPublisher publisher) {
        this.downstream = downstream;
        this.registry = registry;
        this.publisher = publisher;
    }

    /** sqlgen statuses a repeat request resumes. */
    private static final Set<String> RESUMABLE = Set.of("failed", "cancelled");

    public record Started(String generationId, String status, String eventsUrl) {
    }

    public record Accepted(String generationId, String taskId, String status, String eventsUrl) {
    }

    public Uni<Started> start(GenerationRequest request, Caller caller, String correlationId) {
        if (request == null || request.documentId() == null || request.documentId().isBlank()) {
            throw GatewayException.badRequest("invalid_request", "documentId is required: the id answered by "
                    + "POST /api/v1/documents.");
        }
        String generationId = request.generationId() == null || request.generationId().isBlank()
                ? newId() : request.generationId();
        if (!GenerationRegistry.isValidId(generationId)) {
            throw GatewayException.badRequest("invalid_generation_id", "generationId '" + generationId
                    + "' must look like gen_<epochMillis>_<letters or digits>, e.g. gen_1700000000000_a1b2c3.");
        }
        List<String> dialects = dialects(request.dialects());
        String dataSourceId = request.dataSourceId() == null || request.dataSourceId().isBlank() ? null
                : request.dataSourceId().trim();
        return documentReadyForGeneration(request.documentId(), caller, correlationId)
                .flatMap(ignored -> dataSourceExists(dataSourceId, caller, correlationId))
                // ids are scoped per tenant: another tenant's generation of this id is none of the caller's
                .flatMap(ignored -> registry.reserve(caller.tenant(), generationId))
                .flatMap(reservation -> switch (reservation) {
                    case EXISTING -> resumeIfStopped(generationId, caller, correlationId, () ->
                            requested(generationId, request, caller, correlationId, dialects, dataSourceId));
                    case CREATED -> requested(generationId, request, caller, correlationId, dialects, dataSourceId)
                            .onFailure().call(e -> registry.release(caller.tenant(), generationId))
                            .map(ignored -> started(generationId, "requested"));
                });
    }

    private Uni<Void> requested(String generationId, GenerationRequest request, Caller caller, String correlationId,
                                List<String> dialects, String dataSourceId) {
        return publisher.generationCommand(Envelope.of(caller.tenant(), correlationId, generationId,
                new GenerationRequested(generationId, request.documentId(),
                        request.specVersion() == null ? 0 : request.specVersion(), null, dialects, request.targets(),
                        caller.user(), dataSourceId)));
    }

    /**
     * A repeat POST of the same id: a failed or cancelled generation is requested again, and sqlgen resumes it from
     * its last completed target; a pending, running or completed one stays as it is (idempotent).
     */
    private Uni<Started> resumeIfStopped(String generationId, Caller caller, String correlationId,
                                         java.util.function.Supplier<Uni<Void>> request) {
        return downstream.getJson(Downstream.SQLGEN, "/internal/v1/generations/" + encode(generationId), caller,
                        correlationId)
                .flatMap(answer -> {
                    String status = answer.status() == 200 && answer.body() != null
                            ? answer.body().path("status").asText("") : "";
                    if (RESUMABLE.contains(status)) {
                        // its stream ended with the failure or cancel: one reopened there stays open for the rest
                        return request.get().call(ignored -> registry.markFollowUp(caller.tenant(), generationId))
                                .map(ignored -> started(generationId, "resuming"));
                    }
                    return Uni.createFrom().item(started(generationId, "accepted"));
                });
    }

    public Uni<Accepted> editBlock(String generationId, String target, String block, BlockEditRequest request,
                                   Caller caller, String correlationId) {
        if (request == null || request.sql() == null || request.sql().isBlank()) {
            throw GatewayException.badRequest("invalid_request", "sql is required: the new SQL of block '"
                    + block + "'.");
        }
        return ensureOwned(generationId, caller, correlationId)
                .flatMap(ignored -> publisher.generationCommand(Envelope.of(caller.tenant(), correlationId,
                        generationId, new BlockEdited(generationId, target, request.dialect(), block, request.sql(),
                                caller.user()))))
                .call(ignored -> registry.markFollowUp(caller.tenant(), generationId))
                .map(ignored -> new Accepted(generationId, null, "accepted", eventsUrl(generationId)));
    }

    public Uni<Accepted> refine(String generationId, RefineRequest request, Caller caller, String correlationId) {
        if (request == null || request.blockName() == null || request.blockName().isBlank()
                || request.instruction() == null || request.instruction().isBlank()) {
            throw GatewayException.badRequest("invalid_request",
                    "blockName and instruction are required, e.g. {\"target\": \"orders\", \"blockName\": \"joins\", "
                            + "\"instruction\": \"use an inner join\"}.");
        }
        String taskId = "task_" + UUID.randomUUID();
        Map<String, String> context = new HashMap<>();
        context.put("generationId", generationId);
        context.put("blockName", request.blockName());
        putIfPresent(context, "target", request.target());
        putIfPresent(context, "dialect", request.dialect());
        putIfPresent(context, "sql", request.sql());
        if (request.references() != null && !request.references().isEmpty()) {
            context.put("references", String.join("\n", request.references()));
        }
        return ensureOwned(generationId, caller, correlationId)
                .flatMap(ignored -> publisher.aiCommand(Envelope.of(caller.tenant(), correlationId, generationId,
                        new AiTaskRequested(taskId, "refine", generationId, request.instruction(), context,
                                caller.user()))))
                .call(ignored -> registry.markFollowUp(caller.tenant(), generationId))
                .map(ignored -> new Accepted(generationId, taskId, "requested", eventsUrl(generationId)));
    }

    public Uni<Accepted> cancel(String generationId, Caller caller, String correlationId) {
        return ensureOwned(generationId, caller, correlationId)
                .flatMap(ignored -> publisher.generationCommand(Envelope.of(caller.tenant(), correlationId,
                        generationId, new GenerationCancelled(generationId, "cancelled by " + caller.user(),
                                caller.user()))))
                .map(ignored -> new Accepted(generationId, null, "cancelling", eventsUrl(generationId)));
    }

    /** 404 unless the caller's tenant has a generation of this id (reserved by it, or known to sqlgen for it). */
    Uni<Void> ensureOwned(String generationId, Caller caller, String correlationId) {
        if (!GenerationRegistry.isValidId(generationId)) {
            return Uni.createFrom().failure(GatewayException.notFound("Generation", generationId));
        }
        return registry.reserved(caller.tenant(), generationId).flatMap(reserved -> {
            if (reserved) {
                return Uni.createFrom().voidItem();
            }
            return downstream.getJson(Downstream.SQLGEN, "/internal/v1/generations/" + encode(generationId), caller,
                    correlationId).flatMap(response -> response.status() == 200 ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(GatewayException.notFound("Generation", generationId)));
        });
    }

    /** The document must exist for this tenant and be parsed: 404, 409 while parsing, 422 when parsing failed. */
    Uni<JsonNode> documentReadyForGeneration(String documentId, Caller caller, String correlationId) {
        return downstream.getJson(Downstream.DOCUMENT, "/internal/v1/documents/" + encode(documentId), caller,
                correlationId).map(response -> {
            if (response.status() == 404) {
                throw GatewayException.notFound("Document", documentId);
            }
            if (response.status() != 200 || response.body() == null) {
                throw GatewayException.downstream(Downstream.DOCUMENT.serviceName(),
                        "GET document answered " + response.status());
            }
            String status = response.body().path("status").asText("");
            return switch (status) {
                case "parsed" -> response.body();
                case "failed" -> throw new GatewayException(422, "document_not_parsed:failed",
                        "Document could not be parsed", "Document '" + documentId + "' ("
                        + response.body().path("fileName").asText("?") + ") failed to parse; see its diagnostics "
                        + "at GET /api/v1/documents/" + documentId + " and upload a corrected file.");
                default -> throw new GatewayException(409, "document_not_parsed:" + (status.isEmpty() ? "unknown"
                        : status), "Document not parsed yet", "Document '" + documentId + "' is still " + status
                        + "; wait until GET /api/v1/documents/" + documentId + " says status 'parsed'.");
            };
        });
    }

    private Uni<Void> dataSourceExists(String dataSourceId, Caller caller, String correlationId) {
        if (dataSourceId == null) {
            return Uni.createFrom().voidItem();
        }
        return downstream.getJson(Downstream.DOCUMENT, "/internal/v1/datasources/" + encode(dataSourceId), caller,
                correlationId).map(response -> {
            if (response.status() == 404 || response.status() == 400) {
                throw new GatewayException(422, "datasource_not_found", "Unknown data source", "dataSourceId '"
                        + dataSourceId + "' is not a data source of this tenant; register one with POST "
                        + "/api/v1/datasources or /api/v1/datasources/upload, or leave dataSourceId out.");
            }
            if (response.status() != 200) {
                throw GatewayException.downstream(Downstream.DOCUMENT.serviceName(),
                        "GET data source answered " + response.status());
            }
            return null;
        });
    }

    static List<String> dialects(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of("duckdb");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String dialect : requested) {
            String normalized = dialect == null ? "" : dialect.trim().toLowerCase();
            if (!DIALECTS.contains(normalized)) {
                throw GatewayException.badRequest("unsupported_dialect", "dialect '" + dialect
                        + "' is not supported; use one of " + String.join(", ", DIALECTS.stream().sorted().toList())
                        + ".");
            }
            out.add(normalized);
        }
        return List.copyOf(out);
    }

    static String newId() {
        return "gen_" + System.currentTimeMillis() + "_"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36);
    }

    private static Started started(String generationId, String status) {
        return new Started(generationId, status, eventsUrl(generationId));
    }

    private static String eventsUrl(String generationId) {
        return "/api/v1/generations/" + generationId + "/events";
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
