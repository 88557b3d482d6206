package io.aide.document.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.document.service.Caller;
import io.aide.document.service.DocumentService;
import io.aide.document.service.DocumentServiceException;
import io.aide.document.service.DocumentView;
import io.aide.document.service.SpecDiff;
import io.aide.document.service.UploadedFile;
import io.aide.events.spec.MappingSpec;
import io.aide.parser.DataDictionary;
import io.aide.parser.MappingFileException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Internal document API for the gateway; the caller's tenant comes from X-Aide-Tenant. */
@Path("/internal/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {
    static final String TENANT = "X-Aide-Tenant";
    static final String USER = "X-Aide-User";
    static final String CORRELATION = "X-Correlation-Id";

    private final DocumentService documents;

    public DocumentResource(DocumentService documents) {
        this.documents = documents;
    }

    public record ReparseRequest(Map<String, String> headerOverrides) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                           @RestHeader(CORRELATION) String correlation, @RestForm("file") FileUpload file,
                           @RestForm("reference") List<FileUpload> references, @RestForm String projectId,
                           @RestForm String headerOverrides, @RestForm String documentId)
            throws MappingFileException {
        Caller caller = Caller.of(tenant, user, correlation);
        if (file == null || file.uploadedFile() == null) {
            throw DocumentServiceException.badRequest("bad_mapping_file:upload",
                    "No file in the upload. Send the mapping document as multipart/form-data in the field 'file'.");
        }
        DocumentService.Accepted accepted = documents.upload(caller, file.uploadedFile(), file.fileName(),
                file.contentType(), blankToNull(projectId), headerOverrides, blankToNull(documentId),
                references == null ? List.of() : references.stream()
                        .map(r -> new UploadedFile(r.fileName(), r.uploadedFile())).toList());
        return Response.accepted(accepted).location(URI.create("/internal/v1/documents/" + accepted.documentId())).build();
    }

    @GET
    public List<DocumentView> list(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                                   @RestQuery String projectId, @RestQuery Integer limit) {
        return documents.list(Caller.of(tenant, user, null), blankToNull(projectId), limit == null ? 100 : limit);
    }

    @GET
    @Path("/{id}")
    public DocumentView get(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user, @RestPath String id) {
        return documents.get(Caller.of(tenant, user, null), id);
    }

    @GET
    @Path("/{id}/rows")
    public DocumentService.RowsView rows(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                                         @RestPath String id, @RestQuery Integer version, @RestQuery String target) {
        return documents.rows(Caller.of(tenant, user, null), id, version, blankToNull(target));
    }

    @GET
    @Path("/{id}/spec")
    public MappingSpec spec(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user, @RestPath String id,
                            @RestQuery Integer version) {
        return documents.spec(Caller.of(tenant, user, null), id, version);
    }

    @PATCH
    @Path("/{id}/rows/{row}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DocumentService.EditResult editRow(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                                              @RestHeader(CORRELATION) String correlation, @RestPath String id,
                                              @RestPath String row, JsonNode patch) {
        return documents.editRow(Caller.of(tenant, user, correlation), id, row, patch);
    }

    @GET
    @Path("/{id}/versions")
    public List<DocumentService.VersionView> versions(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                                                      @RestPath String id) {
        return documents.versions(Caller.of(tenant, user, null), id);
    }

    /** {@code {baseVersion?, rows: {"Sheet:row": {field: value}}}}: several rows edited into one new version. */
    public record VersionWriteRequest(Integer baseVersion, Map<String, JsonNode> rows) {
    }

    @POST
    @Path("/{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response writeVersion(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                                 @RestHeader(CORRELATION) String correlation, @RestPath String id,
                                 VersionWriteRequest request) {
        DocumentService.VersionWrite write = documents.editRows(Caller.of(tenant, user, correlation), id,
                request == null ? null : request.baseVersion(), request == null ? null : request.rows());
        return Response.status(write.changed() ? 201 : 200).entity(write).build();
    }

    @GET
    @Path("/{id}/versions/{from}/diff/{to}")
    public SpecDiff.Result diff(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user, @RestPath String id,
                                @RestPath int from, @RestPath int to) {
        return documents.diff(Caller.of(tenant, user, null), id, from, to);
    }

    @GET
    @Path("/{id}/dictionary")
    @Produces({"text/markdown", MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    public Response dictionary(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user, @RestPath String id,
                               @RestQuery String format, @RestQuery Integer version) {
        MappingSpec spec = documents.spec(Caller.of(tenant, user, null), id, version);
        String f = format == null ? "md" : format.toLowerCase(java.util.Locale.ROOT);
        return switch (f) {
            case "md", "markdown" -> Response.ok(DataDictionary.markdown(spec), "text/markdown; charset=utf-8").build();
            case "html" -> Response.ok(DataDictionary.html(spec), "text/html; charset=utf-8").build();
            default -> throw DocumentServiceException.badRequest("invalid_format",
                    "format must be md or html, not '" + format + "'.");
        };
    }

    @POST
    @Path("/{id}/reparse")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reparse(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                            @RestHeader(CORRELATION) String correlation, @RestPath String id, ReparseRequest request) {
        DocumentService.Accepted accepted = documents.reparse(Caller.of(tenant, user, correlation), id,
                request == null ? null : request.headerOverrides());
        return Response.accepted(accepted).build();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
