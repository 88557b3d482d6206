package io.aide.sqlgen.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.sqlgen.client.ObjectStore;
import io.aide.sqlgen.persistence.BlockVersionRecord;
import io.aide.sqlgen.persistence.GenerationRecord;
import io.aide.sqlgen.persistence.GenerationRepository;
import io.aide.sqlgen.service.Dialects;
import io.aide.sqlgen.service.HashmapBuilder;
import io.aide.sqlgen.service.SqlgenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Internal API for the gateway; the tenant comes from X-Aide-Tenant and another tenant's generation is a 404. */
@Path("/internal/v1/generations")
@Produces(MediaType.APPLICATION_JSON)
public class GenerationResource {
    static final String TENANT = "X-Aide-Tenant";

    private final GenerationRepository repo;
    private final ObjectStore store;

    public GenerationResource(GenerationRepository repo, ObjectStore store) {
        this.repo = repo;
        this.store = store;
    }

    public record GenerationSummary(String generationId, String documentId, int specVersion, String status,
                                    List<String> dialects, List<String> targets, int checkpoint,
                                    int columnsNeedingAttention, Instant createdAt, Instant updatedAt) {
    }

    public record BlockVersion(int version, String status, String origin, String createdBy, int checkpoint,
                               Instant createdAt, Map<String, String> sql, List<String> mappingRefs) {
    }

    public record LineageColumn(String column, String type, String mappingRef, String status, String reason,
                                List<String> sources) {
    }

    public record TargetLineage(String target, List<LineageColumn> columns) {
    }

    public record Lineage(String generationId, List<TargetLineage> targets) {
    }

    @GET
    public List<GenerationSummary> list(@HeaderParam(TENANT) String tenant, @QueryParam("documentId") String documentId) {
        return repo.list(tenant(tenant), documentId).stream().map(g -> new GenerationSummary(g.id(), g.documentId(),
                g.specVersion(), g.status(), g.dialects(), g.targets(), g.checkpoint(), g.columnsNeedingAttention(),
                g.createdAt(), g.updatedAt())).toList();
    }

    /**
     * The hashmap of the seed plus status, layers, artifacts, columnsNeedingAttention and the last error; each block's
     * SQL once per dialect, or with {@code dialect} only that dialect's (400 for a dialect that is no SQL dialect).
     */
    @GET
    @Path("/{id}")
    public ObjectNode get(@HeaderParam(TENANT) String tenant, @PathParam("id") String id,
                          @QueryParam("dialect") String dialect) {
        GenerationRecord g = generation(tenant, id);
        ObjectNode hashmap = HashmapBuilder.build(g, repo.layers(g.key()), repo.blocks(g.key()),
                sqlDialect(dialect, g));
        hashmap.put("generationId", g.id());
        hashmap.put("documentId", g.documentId());
        hashmap.put("columnsNeedingAttention", g.columnsNeedingAttention());
        hashmap.put("filename", g.filename());
        if (g.dataSourceId() != null) {
            hashmap.put("dataSourceId", g.dataSourceId());
        }
        if (g.compileMillis() != null) {
            ObjectNode timings = hashmap.putObject("timings");
            timings.put("compileMillis", g.compileMillis());
            timings.put("compileStageMillis", g.compileStageMillis());
        }
        hashmap.put("createdAt", g.createdAt().toString());
        hashmap.put("updatedAt", g.updatedAt().toString());
        ObjectNode artifacts = hashmap.putObject("artifacts");
        g.artifacts().keySet().forEach(d -> artifacts.put(d, "/api/v1/generations/" + g.id() + "/artifacts/" + d));
        if (g.errorCode() != null) {
            ObjectNode error = hashmap.putObject("error");
            error.put("code", g.errorCode());
            error.put("stage", g.errorStage());
            error.put("message", g.errorMessage());
        }
        return hashmap;
    }

    @GET
    @Path("/{id}/artifacts/{dialect}")
    @Produces({"application/sql", "text/x-python", "application/zip", Problem.MEDIA_TYPE})
    public Response artifact(@HeaderParam(TENANT) String tenant, @PathParam("id") String id,
                             @PathParam("dialect") String requested) {
        GenerationRecord g = generation(tenant, id);
        String dialect = Dialects.canonical(requested);
        if (!Dialects.ALL.contains(dialect)) {
            throw SqlgenException.badRequest("unknown_dialect", "'" + requested + "' is not an artifact; use one of "
                    + Dialects.ALL + ".");
        }
        String key = g.artifacts().get(dialect);
        if (key == null) {
            throw new SqlgenException("artifact_not_found", 404, "Artifact not found", null, g.artifacts().isEmpty()
                    ? "Generation '" + id + "' has not written its artifacts yet (status " + g.status() + ")."
                    : "Generation '" + id + "' has no " + dialect + " artifact; it was generated for "
                    + g.artifacts().keySet() + ". Start a generation that requests " + dialect + ".");
        }
        InputStream in = store.open(key);
        if (in == null) {
            throw new SqlgenException("artifact_not_found", 404, "Artifact not found", null,
                    "The " + dialect + " artifact of generation '" + id + "' is missing from storage; request the "
                            + "generation again to rewrite it.");
        }
        String base = g.semanticLayerName() == null ? g.id() : g.semanticLayerName();
        String file = switch (dialect) {
            case Dialects.PYSPARK -> base + ".py";
            case Dialects.DBT -> base + "_dbt.zip";
            default -> base + "_" + dialect + ".sql";
        };
        StreamingOutput body = out -> {
            try (InputStream source = in) {
                source.transferTo(out);
            }
        };
        return Response.ok(body, Dialects.contentType(dialect))
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    @GET
    @Path("/{id}/lineage")
    public Lineage lineage(@HeaderParam(TENANT) String tenant, @PathParam("id") String id) {
        GenerationRecord g = generation(tenant, id);
        Map<String, List<LineageColumn>> byTarget = new LinkedHashMap<>();
        repo.lineage(g.key()).forEach(l -> byTarget.computeIfAbsent(l.target(), t -> new ArrayList<>())
                .add(new LineageColumn(l.column(), l.type(), l.mappingRef(), l.status(), l.reason(), l.sources())));
        return new Lineage(id, byTarget.entrySet().stream().map(e -> new TargetLineage(e.getKey(), e.getValue()))
                .toList());
    }

    @GET
    @Path("/{id}/blocks/{target}/{block}/versions")
    public List<BlockVersion> versions(@HeaderParam(TENANT) String tenant, @PathParam("id") String id,
                                       @PathParam("target") String target, @PathParam("block") String block) {
        GenerationRecord g = generation(tenant, id);
        List<BlockVersionRecord> versions = repo.blockVersions(g.key(), target, block);
        if (versions.isEmpty()) {
            throw new SqlgenException("block_not_found", 404, "Block not found", null, "Generation '" + id
                    + "' has no block " + block + " for target " + target + ".");
        }
        return versions.stream().map(v -> new BlockVersion(v.version(), v.status(), v.origin(), v.createdBy(),
                v.checkpoint(), v.createdAt(), v.sql(), v.mappingRefs())).toList();
    }

    /** The SQL dialect a reader asked for, null for all of them. */
    private static String sqlDialect(String requested, GenerationRecord g) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        String dialect = Dialects.canonical(requested.trim());
        if (!Dialects.SQL.contains(dialect)) {
            throw SqlgenException.badRequest("unknown_dialect", "dialect '" + requested + "' is not a SQL dialect; "
                    + "use one of " + Dialects.SQL + " (this generation has " + Dialects.sqlOnly(g.dialects())
                    + "), or leave it out for every dialect.");
        }
        return dialect;
    }

    private GenerationRecord generation(String tenant, String id) {
        return repo.find(tenant(tenant), id).orElseThrow(() -> SqlgenException.generationNotFound(id));
    }

    private static String tenant(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            throw SqlgenException.missingTenant();
        }
        return tenant;
    }
}
