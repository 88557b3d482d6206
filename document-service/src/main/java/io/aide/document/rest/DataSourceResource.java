package io.aide.document.rest;

import io.aide.document.service.Caller;
import io.aide.document.service.DataSourceService;
import io.aide.document.service.DatabaseSampler;
import io.aide.document.service.UploadedFile;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import java.util.List;

/** Internal data-source API: registered databases and uploaded sample files, with their schema snapshots. */
@Path("/internal/v1/datasources")
@Produces(MediaType.APPLICATION_JSON)
public class DataSourceResource {
    private final DataSourceService dataSources;

    public DataSourceResource(DataSourceService dataSources) {
        this.dataSources = dataSources;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@RestHeader(DocumentResource.TENANT) String tenant,
                             @RestHeader(DocumentResource.USER) String user, DataSourceService.RegisterRequest request) {
        return Response.status(201).entity(dataSources.register(Caller.of(tenant, user, null), request)).build();
    }

    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestHeader(DocumentResource.TENANT) String tenant,
                           @RestHeader(DocumentResource.USER) String user, @RestForm("file") List<FileUpload> files,
                           @RestForm("expected") List<FileUpload> expected, @RestForm String name) {
        Caller caller = Caller.of(tenant, user, null);
        return Response.status(201).entity(dataSources.upload(caller, DocumentResource.blankToNull(name),
                uploads(files), uploads(expected))).build();
    }

    private static List<UploadedFile> uploads(List<FileUpload> files) {
        return files == null ? List.of() : files.stream()
                .map(f -> new UploadedFile(f.fileName(), f.uploadedFile())).toList();
    }

    @GET
    public List<DataSourceService.DataSourceView> list(@RestHeader(DocumentResource.TENANT) String tenant,
                                                       @RestHeader(DocumentResource.USER) String user) {
        return dataSources.list(Caller.of(tenant, user, null));
    }

    @GET
    @Path("/{id}")
    public DataSourceService.DataSourceView get(@RestHeader(DocumentResource.TENANT) String tenant,
                                                @RestHeader(DocumentResource.USER) String user, @RestPath String id) {
        return dataSources.get(Caller.of(tenant, user, null), id);
    }

    @POST
    @Path("/{id}/introspect")
    public DataSourceService.SnapshotView introspect(@RestHeader(DocumentResource.TENANT) String tenant,
                                                     @RestHeader(DocumentResource.USER) String user, @RestPath String id) {
        return dataSources.introspect(Caller.of(tenant, user, null), id);
    }

    /** {@code ?table=a&table=schema.b&limit=1000}: rows of a registered database, for validating on real data. */
    @GET
    @Path("/{id}/sample")
    public SampleView sample(@RestHeader(DocumentResource.TENANT) String tenant,
                             @RestHeader(DocumentResource.USER) String user, @RestPath String id,
                             @RestQuery("table") List<String> tables, @RestQuery Integer limit) {
        DatabaseSampler.Sample sample = dataSources.sample(Caller.of(tenant, user, null), id,
                tables == null ? List.of() : tables, limit == null ? 1000 : limit);
        return new SampleView(id, Math.max(1, Math.min(limit == null ? 1000 : limit, DatabaseSampler.MAX_ROWS)),
                sample.tables(), sample.missing());
    }

    public record SampleView(String dataSourceId, int limit, List<DatabaseSampler.Table> tables, List<String> missing) {
    }

    @GET
    @Path("/{id}/schema")
    public DataSourceService.SnapshotView schema(@RestHeader(DocumentResource.TENANT) String tenant,
                                                 @RestHeader(DocumentResource.USER) String user, @RestPath String id) {
        return dataSources.schema(Caller.of(tenant, user, null), id);
    }
}
