package io.aide.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aide.gateway.rest.GatewayException;
import io.aide.gateway.service.CallerResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The caller's tenant's audit log, for administrators: pages newest first, and exports as CSV or JSON Lines. */
@Path("/api/v1/admin/audit")
@Tag(name = "admin")
public class AuditResource {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final List<String> CSV_COLUMNS = List.of("seq", "at", "actor", "actor_kind", "action", "outcome", "status",
            "method", "path", "target", "correlation_id", "client_address");

    private final AuditQuery query;
    private final ObjectMapper json;

    public AuditResource(AuditQuery query, ObjectMapper json) {
        this.query = query;
        this.json = json;
    }

    /** A page and the cursor of the next (older) one, null at the end. */
    public record Page(List<AuditEntry> items, String next) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's audit log, newest first (admin): filters from, to (ISO-8601), actor, action; "
            + "limit (1-1000, default 100) and cursor for the next page")
    public Page page(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("actor") String actor,
                     @QueryParam("action") String action, @QueryParam("limit") String limit,
                     @QueryParam("cursor") String cursor, @Context RoutingContext ctx) {
        AuditQuery.Filter filter = filter(from, to, actor, action, ctx);
        int size = (int) number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        Long before = cursor == null || cursor.isBlank() ? null : (Long) number("cursor", cursor, 0, 1, Long.MAX_VALUE);
        List<AuditEntry> items = query.page(filter, before, size + 1);
        String next = items.size() > size ? Long.toString(items.get(size - 1).seq()) : null;
        return new Page(items.size() > size ? items.subList(0, size) : items, next);
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", "application/x-ndjson"})
    @Operation(summary = "Every matching audit entry of the tenant, oldest first, as CSV or JSON Lines (admin); "
            + "format=csv|jsonl, filters as for the audit page")
    public Response export(@QueryParam("format") String format, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("actor") String actor,
                           @QueryParam("action") String action, @Context RoutingContext ctx) {
        String kind = format == null ? "csv" : format.trim().toLowerCase();
        if (!kind.equals("csv") && !kind.equals("jsonl")) {
            throw GatewayException.badRequest("invalid_request", "format '" + format + "' is not csv or jsonl.");
        }
        AuditQuery.Filter filter = filter(from, to, actor, action, ctx);
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (kind.equals("csv")) {
                writer.write(String.join(",", CSV_COLUMNS) + "\n");
            }
            try {
                query.each(filter, entry -> write(writer, kind, entry));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return Response.ok(body, kind.equals("csv") ? "text/csv; charset=utf-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"audit-" + filter.tenant() + "." + kind + "\"")
                .build();
    }

    private void write(Writer writer, String kind, AuditEntry entry) {
        try {
            if (kind.equals("jsonl")) {
                writer.write(json.writeValueAsString(entry));
            } else {
                writer.write(AuditCsv.row(entry));
            }
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AuditQuery.Filter filter(String from, String to, String actor, String action, RoutingContext ctx) {
        return new AuditQuery.Filter(CallerResolver.from(ctx).tenant(), instant("from", from), instant("to", to),
                blank(actor) ? null : actor.trim(), blank(action) ? null : action.trim());
    }

    private static Instant instant(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw GatewayException.badRequest("invalid_request", name + " '" + value
                    + "' is not an ISO-8601 instant such as 2026-12-01T00:00:00Z.");
        }
    }

    private static long number(String name, String value, long fallback, long min, long max) {
        if (blank(value)) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw GatewayException.badRequest("invalid_request", name + " '" + value + "' must be a number from " + min
                + " to " + max + ".");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
