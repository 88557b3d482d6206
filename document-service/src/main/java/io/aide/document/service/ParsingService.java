package io.aide.document.service;

import io.aide.document.client.ObjectStore;
import io.aide.document.messaging.DocumentEventsPublisher;
import com.fasterxml.jackson.databind.JsonNode;
import io.aide.document.persistence.DataSourceRepository;
import io.aide.document.persistence.DocumentRecord;
import io.aide.document.persistence.DocumentRepository;
import io.aide.document.persistence.Sql;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.MappingSpec;
import io.aide.events.v1.DocumentUploaded;
import io.aide.events.v1.MappingParseFailed;
import io.aide.events.v1.MappingParsed;
import io.aide.parser.MappingFileException;
import io.aide.parser.ParseOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Handles one record of aide.documents.v1: a DocumentUploaded becomes spec version n (MappingParsed) or a failed
 * document (MappingParseFailed); anything that retrying cannot fix goes to the DLQ. Idempotent on eventId.
 */
@ApplicationScoped
public class ParsingService {
    private static final Logger LOG = Logger.getLogger(ParsingService.class);
    private static final int ATTEMPTS = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    /** An outage of S3 or Postgres (a 5xx) is retried with exponential backoff; anything else is final. */
    private final Guard retries = Guard.create().withDescription("parse DocumentUploaded")
            .withRetry().maxRetries(ATTEMPTS - 1).delay(FIRST_BACKOFF.toMillis(), ChronoUnit.MILLIS)
            .whenException(e -> e instanceof DocumentServiceException d && d.status() >= 500)
            .beforeRetry(e -> LOG.warnf("parsing attempt failed, retrying: %s", e.getMessage()))
            .withExponentialBackoff().factor(2).done()
            .done().build();

    private final DocumentRepository documents;
    private final DocumentService documentService;
    private final Sql sql;
    private final ObjectStore store;
    private final MappingFiles mappingFiles;
    private final DocumentEventsPublisher publisher;
    private final MeterRegistry metrics;
    private final DataSourceRepository dataSources;

    public ParsingService(DocumentRepository documents, DocumentService documentService, Sql sql, ObjectStore store,
                          MappingFiles mappingFiles, DocumentEventsPublisher publisher, MeterRegistry metrics,
                          DataSourceRepository dataSources) {
        this.dataSources = dataSources;
        this.metrics = metrics;
        this.documents = documents;
        this.documentService = documentService;
        this.sql = sql;
        this.store = store;
        this.mappingFiles = mappingFiles;
        this.publisher = publisher;
    }

    public void onRecord(String key, String value) {
        Envelope envelope;
        try {
            envelope = EventJson.envelope(value == null ? new byte[0] : value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            publisher.deadLetter(key, value, "not an AIDE envelope: " + e.getMessage());
            return;
        }
        if (!DocumentUploaded.TYPE.equals(envelope.type())) {
            return;
        }
        MDC.put("correlationId", envelope.correlationId());
        MDC.put("eventId", envelope.eventId());
        try {
            if (documents.isProcessed(envelope.eventId())) {
                LOG.debugf("event %s already handled", envelope.eventId());
                return;
            }
            handleWithRetries(envelope, value);
        } finally {
            MDC.remove("correlationId");
            MDC.remove("eventId");
        }
    }

    private void handleWithRetries(Envelope envelope, String value) {
        DocumentUploaded uploaded;
        try {
            uploaded = envelope.payloadAs(DocumentUploaded.class);
        } catch (RuntimeException e) {
            publisher.deadLetter(envelope.key(), value, "invalid DocumentUploaded payload: " + e.getMessage());
            return;
        }
        try {
            retries.call(() -> {
                handle(envelope, uploaded);
                return null;
            }, Object.class);
        } catch (DocumentServiceException e) {
            giveUp(envelope, uploaded, value, e.getMessage());
        } catch (Exception e) {
            LOG.debugf(e, "unexpected failure on document %s", uploaded.documentId());
            giveUp(envelope, uploaded, value, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void handle(Envelope envelope, DocumentUploaded uploaded) {
        String tenant = envelope.tenantId();
        if (!Keys.belongsTo(uploaded.objectKey(), tenant)) {
            throw new IllegalArgumentException("object key " + uploaded.objectKey() + " is outside tenant " + tenant);
        }
        DocumentRecord document = ensureDocument(envelope, uploaded);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("aide-parse-");
            Path raw = dir.resolve("raw");
            store.download(uploaded.objectKey(), raw);
            String fileName = uploaded.fileName() == null ? document.fileName() : uploaded.fileName();
            List<Diagnostic> missing = new ArrayList<>();
            List<Path> references = downloadReferences(tenant, document, dir.resolve("reference"), missing);
            MappingSpec spec;
            try {
                ParseOptions options = ParseOptions.of(document.id(), tenant)
                        .withHeaderOverrides(uploaded.headerOverrides())
                        .withReferenceFiles(references)
                        .withKnownSchema(knownSchema(tenant));
                Timer.Sample sample = Timer.start(metrics);
                spec = withDiagnostics(mappingFiles.parse(raw, fileName, options), missing);
                sample.stop(metrics.timer("aide.documents.parse"));
            } catch (MappingFileException e) {
                fail(envelope, document, e.code(), e.getMessage());
                return;
            }
            storeParsed(envelope, document, fileName, uploaded.uploadedBy(), spec);
        } catch (IOException e) {
            throw DocumentServiceException.unavailable("temp_storage", "no temporary space to parse: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * Copies the document's reference files into {@code dir} under their own names (the parser names reference
     * tables after them). One that is no longer stored becomes an error diagnostic, not a lost document.
     */
    private List<Path> downloadReferences(String tenant, DocumentRecord document, Path dir, List<Diagnostic> missing)
            throws IOException {
        List<Path> files = new ArrayList<>();
        if (document.referenceFiles().isEmpty()) {
            return files;
        }
        Files.createDirectories(dir);
        for (String name : document.referenceFiles()) {
            String key = Keys.reference(tenant, document.id(), name);
            Path local = dir.resolve(Keys.safeFileName(name));
            try {
                store.download(key, local);
                files.add(local);
            } catch (DocumentServiceException e) {
                if (e.status() != 404) {
                    throw e;
                }
                missing.add(new Diagnostic(Diagnostic.ERROR, "reference_file_missing", "Reference file '" + name
                        + "' is no longer stored (" + key + "), so its tables are missing from this parse. Upload"
                        + " the document again with the file in the field 'reference'.", null, null));
            }
        }
        return files;
    }

    private static MappingSpec withDiagnostics(MappingSpec spec, List<Diagnostic> extra) {
        if (extra.isEmpty()) {
            return spec;
        }
        List<Diagnostic> diagnostics = new ArrayList<>(spec.diagnostics());
        diagnostics.addAll(extra);
        return new MappingSpec(spec.documentId(), spec.tenantId(), spec.version(), spec.fileName(), spec.format(),
                spec.headerMapping(), spec.sheets(), spec.rows(), spec.referenceTables(), diagnostics, spec.notes());
    }

    private void storeParsed(Envelope envelope, DocumentRecord document, String fileName, String uploadedBy,
                             MappingSpec parsed) {
        String tenant = envelope.tenantId();
        MappingParsed event = sql.transaction(c -> {
            documents.lock(c, tenant, document.id());
            if (!documents.markProcessed(c, envelope.eventId(), envelope.type())) {
                return null;
            }
            int version = documents.latestVersion(c, tenant, document.id()) + 1;
            MappingSpec spec = new MappingSpec(document.id(), tenant, version, fileName, parsed.format(),
                    parsed.headerMapping(), parsed.sheets(), parsed.rows(), parsed.referenceTables(),
                    parsed.diagnostics(), parsed.notes());
            String key = documentService.storeVersion(c, tenant, document.id(), spec, version == 1 ? "parsed" : "reparsed",
                    null, uploadedBy);
            int errors = (int) spec.diagnostics().stream().filter(d -> Diagnostic.ERROR.equals(d.severity())).count();
            int warnings = (int) spec.diagnostics().stream().filter(d -> Diagnostic.WARNING.equals(d.severity())).count();
            return new MappingParsed(document.id(), version, key, spec.rows().size(), spec.targetCounts(), errors,
                    warnings);
        });
        if (event == null) {
            LOG.infof("event %s was handled concurrently; nothing to do", envelope.eventId());
            return;
        }
        publisher.publish(Envelope.causedBy(envelope, document.id(), event));
        metrics.counter("aide.documents.processed", "outcome", "parsed").increment();
        LOG.infof("document %s parsed: version %d, %d rows, targets %s", document.id(), event.specVersion(),
                event.rowsFound(), event.targets());
    }

    private void fail(Envelope envelope, DocumentRecord document, String code, String message) {
        boolean first = sql.transaction(c -> {
            documents.lock(c, envelope.tenantId(), document.id());
            if (!documents.markProcessed(c, envelope.eventId(), envelope.type())) {
                return false;
            }
            documents.markFailed(c, envelope.tenantId(), document.id(), code, message);
            return true;
        });
        if (first) {
            publisher.publish(Envelope.causedBy(envelope, document.id(), new MappingParseFailed(document.id(), code, message)));
            metrics.counter("aide.documents.processed", "outcome", "refused").increment();
            LOG.infof("document %s refused by the parser: %s", document.id(), code);
        }
    }

    /** Retrying cannot fix it: the event goes to the DLQ and the document says clearly that it failed. */
    private void giveUp(Envelope envelope, DocumentUploaded uploaded, String value, String reason) {
        publisher.deadLetter(envelope.key(), value, reason);
        metrics.counter("aide.documents.processed", "outcome", "dead_lettered").increment();
        String message = "Document '" + uploaded.fileName() + "' could not be processed (" + reason
                + "). Upload it again; if it fails again, report document " + uploaded.documentId() + ".";
        try {
            boolean known = sql.transaction(c -> {
                documents.markProcessed(c, envelope.eventId(), envelope.type());
                if (documents.find(c, envelope.tenantId(), uploaded.documentId()).isEmpty()) {
                    return false;
                }
                documents.markFailed(c, envelope.tenantId(), uploaded.documentId(), "processing_failed", message);
                return true;
            });
            if (known) {
                publisher.publish(Envelope.causedBy(envelope, uploaded.documentId(),
                        new MappingParseFailed(uploaded.documentId(), "processing_failed", message)));
            }
        } catch (RuntimeException e) {
            LOG.errorf("could not mark document %s failed: %s", uploaded.documentId(), e.getMessage());
        }
    }

    /** Tables and columns of the tenant's data sources, so rows naming an unknown source table get a diagnostic. */
    private Map<String, Set<String>> knownSchema(String tenant) {
        Map<String, Set<String>> tables = new HashMap<>();
        for (JsonNode snapshot : dataSources.latestSnapshots(tenant)) {
            for (JsonNode table : snapshot.path("tables")) {
                Set<String> columns = new HashSet<>();
                table.path("columns").forEach(c -> columns.add(c.path("name").asText()));
                String name = table.path("name").asText();
                tables.computeIfAbsent(name, k -> new HashSet<>()).addAll(columns);
                if (table.hasNonNull("schema")) {
                    tables.computeIfAbsent(table.path("schema").asText() + "." + name, k -> new HashSet<>()).addAll(columns);
                }
            }
        }
        return tables.isEmpty() ? null : tables;
    }

    /** The gateway may publish DocumentUploaded for a file it stored itself: record the document then. */
    private DocumentRecord ensureDocument(Envelope envelope, DocumentUploaded uploaded) {
        String tenant = envelope.tenantId();
        return documents.find(tenant, uploaded.documentId()).orElseGet(() -> {
            String fileName = uploaded.fileName() == null
                    ? uploaded.objectKey().substring(uploaded.objectKey().lastIndexOf('/') + 1) : uploaded.fileName();
            documents.insert(new DocumentRecord(uploaded.documentId(), tenant, uploaded.projectId(), fileName,
                    uploaded.contentType(), uploaded.size(), uploaded.objectKey(), DocumentRecord.PARSING, null, null,
                    null, null, null, null, null, null,
                    uploaded.headerOverrides().isEmpty() ? null : EventJson.mapper().valueToTree(uploaded.headerOverrides()),
                    uploaded.uploadedBy(), null, null, List.of()));
            return documents.find(tenant, uploaded.documentId()).orElseThrow();
        });
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("temp dir %s not removed: %s", dir, e.getMessage());
        }
    }

}
