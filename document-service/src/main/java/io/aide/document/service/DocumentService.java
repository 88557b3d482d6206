package io.aide.document.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.aide.document.client.ObjectStore;
import io.aide.document.config.DocumentConfig;
import io.aide.document.messaging.DocumentEventsPublisher;
import io.aide.document.persistence.DocumentRecord;
import io.aide.document.persistence.DocumentRepository;
import io.aide.document.persistence.SpecVersionRecord;
import io.aide.document.persistence.Sql;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.spec.MappingField;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.v1.DocumentUploaded;
import io.aide.events.v1.MappingEdited;
import io.aide.parser.FileInspection;
import io.aide.parser.HeaderOverrideKey;
import io.aide.parser.MappingFileException;
import io.aide.parser.ParseOptions;
import io.aide.parser.ParseReport;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Uploads, reads, edits and versions of mapping documents, always within the caller's tenant. */
@ApplicationScoped
public class DocumentService {
    private static final Logger LOG = Logger.getLogger(DocumentService.class);
    private static final Set<String> TEXT_FORMATS = Set.of("csv", "tsv");
    private static final Pattern DOCUMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,79}");
    /** A project's name as the portal lets one be written: letters, digits, space, '.', '_', '-'. */
    private static final Pattern PROJECT_ID = Pattern.compile("[\\p{L}\\p{N} ._-]{1,64}");

    private final DocumentRepository documents;
    private final Sql sql;
    private final ObjectStore store;
    private final MappingFiles mappingFiles;
    private final DocumentEventsPublisher publisher;
    private final DocumentConfig config;
    private final MeterRegistry metrics;

    public DocumentService(DocumentRepository documents, Sql sql, ObjectStore store, MappingFiles mappingFiles,
                           DocumentEventsPublisher publisher, DocumentConfig config, MeterRegistry metrics) {
        this.metrics = metrics;
        this.documents = documents;
        this.sql = sql;
        this.store = store;
        this.mappingFiles = mappingFiles;
        this.publisher = publisher;
        this.config = config;
    }

    public record Accepted(String documentId, String status, String fileName, String format, List<String> sheets,
                           List<String> referenceFiles) {
    }

    /**
     * Checks the file and its reference files, then records the document, stores them and asks for parsing. A refused
     * upload stores nothing and changes nothing already stored.
     *
     * @param references lookups, dictionaries and config the parser reads with the mapping (may be empty)
     * @throws MappingFileException when the parser refuses the file (answered as 4xx problem)
     */
    public Accepted upload(Caller caller, Path file, String fileName, String contentType, String projectId,
                           String headerOverridesJson, String requestedId, List<UploadedFile> references)
            throws MappingFileException {
        checkProjectId(projectId);
        if (fileName == null || fileName.isBlank()) {
            throw DocumentServiceException.badRequest("bad_mapping_file:upload",
                    "The multipart field 'file' needs a file name (e.g. mapping.xlsx); send the file as a file part.");
        }
        long size = size(file);
        if (size > config.upload().maxBytes()) {
            throw new MappingFileException(MappingFileException.TOO_LARGE, fileName, "'" + fileName + "' is " + size
                    + " bytes; the limit is " + config.upload().maxBytes() + " bytes. Split the workbook or remove"
                    + " sheets that are not mappings.");
        }
        Map<String, String> overrides = headerOverrides(headerOverridesJson);
        List<String> referenceNames = ReferenceUploads.check(references, new ReferenceUploads.Limits(
                config.upload().maxReferenceFiles(), config.upload().maxReferenceBytes()));
        String documentId = documentId(caller.tenantId(), requestedId);
        FileInspection inspection;
        try {
            inspection = mappingFiles.inspect(file, fileName);
            if (TEXT_FORMATS.contains(inspection.format())) {
                // a text file has no container to inspect: reading it is the only check, and it is cheap
                mappingFiles.parse(file, fileName,
                        ParseOptions.of(documentId, caller.tenantId()).withHeaderOverrides(overrides));
            }
        } catch (MappingFileException e) {
            metrics.counter("aide.documents.refused", "code", e.code()).increment();
            throw e;
        }

        String key = Keys.raw(caller.tenantId(), documentId, fileName);
        DocumentRecord record = new DocumentRecord(documentId, caller.tenantId(), projectId, fileName, contentType, size,
                key, DocumentRecord.PARSING, null, null, null, null, null, null, null, null,
                overrides.isEmpty() ? null : EventJson.mapper().valueToTree(overrides), caller.userId(), null, null,
                referenceNames);
        // the row claims the id first, so a concurrent upload with the same documentId cannot overwrite its files
        try {
            documents.insert(record);
        } catch (RuntimeException e) {
            if (documents.exists(caller.tenantId(), documentId)) {
                throw conflictingId(documentId);
            }
            throw e;
        }
        storeFiles(caller.tenantId(), documentId, key, file, contentType, references, referenceNames);
        DocumentUploaded uploaded = new DocumentUploaded(documentId, fileName, key, contentType, size, projectId,
                overrides, caller.userId());
        publishOrFail(caller, documentId, uploaded);
        metrics.counter("aide.documents.uploaded", "format", inspection.format()).increment();
        LOG.infof("document %s (%s, %d bytes, %s, %d reference files) stored for tenant %s", documentId, fileName, size,
                inspection.format(), referenceNames.size(), caller.tenantId());
        return new Accepted(documentId, DocumentRecord.PARSING, fileName, inspection.format(), inspection.sheets(),
                referenceNames);
    }

    /** Stores the raw file and the reference files; on failure removes what it stored and the document row. */
    private void storeFiles(String tenantId, String documentId, String rawKey, Path raw, String contentType,
                            List<UploadedFile> references, List<String> referenceNames) {
        List<String> stored = new ArrayList<>();
        try {
            store.put(rawKey, raw, contentType);
            stored.add(rawKey);
            for (int i = 0; i < references.size(); i++) {
                String key = Keys.reference(tenantId, documentId, referenceNames.get(i));
                store.put(key, references.get(i).path(), "application/octet-stream");
                stored.add(key);
            }
        } catch (RuntimeException e) {
            stored.forEach(store::deleteQuietly);
            documents.delete(tenantId, documentId);
            throw e;
        }
    }

    /** Parses the stored raw file again (e.g. with other header overrides); the result becomes a new version. */
    public Accepted reparse(Caller caller, String documentId, Map<String, String> headerOverrides) {
        Map<String, String> overrides = validateOverrides(headerOverrides == null ? Map.of() : headerOverrides);
        DocumentRecord d = sql.transaction(c -> {
            DocumentRecord current = documents.lock(c, caller.tenantId(), documentId)
                    .orElseThrow(() -> DocumentServiceException.notFound("document", documentId));
            if (DocumentRecord.PARSING.equals(current.status())) {
                throw DocumentServiceException.conflict("document_parsing", "Document '" + documentId
                        + "' is being parsed right now; wait until its status is parsed or failed, then reparse.");
            }
            checkOverrideSheets(documentId, current.sheets(), overrides);
            documents.markParsing(c, caller.tenantId(), documentId, overrides.isEmpty() ? null : EventJson.mapper().valueToTree(overrides));
            return current;
        });
        publishOrFail(caller, documentId, new DocumentUploaded(documentId, d.fileName(), d.rawObjectKey(),
                d.contentType(), d.sizeBytes(), d.projectId(), overrides, caller.userId()));
        return new Accepted(documentId, DocumentRecord.PARSING, d.fileName(), null, null, d.referenceFiles());
    }

    public DocumentView get(Caller caller, String documentId) {
        return DocumentView.of(find(caller, documentId));
    }

    public List<DocumentView> list(Caller caller, String projectId, int limit) {
        checkProjectId(projectId);
        return documents.list(caller.tenantId(), projectId, Math.max(1, Math.min(limit, 500))).stream()
                .map(DocumentView::of).toList();
    }

    public MappingSpec spec(Caller caller, String documentId, Integer version) {
        return toSpec(specVersion(caller, documentId, version).spec());
    }

    public record RowsView(String documentId, int specVersion, int rowsFound, List<MappingRow> rows) {
    }

    public RowsView rows(Caller caller, String documentId, Integer version, String target) {
        MappingSpec spec = spec(caller, documentId, version);
        List<MappingRow> rows = target == null ? spec.rows()
                : spec.rows().stream().filter(r -> target.equalsIgnoreCase(r.targetTable())).toList();
        return new RowsView(documentId, spec.version(), rows.size(), rows);
    }

    public record VersionView(int version, String reason, JsonNode changedRows, String createdBy,
                              java.time.Instant createdAt, String specObjectKey) {
    }

    public List<VersionView> versions(Caller caller, String documentId) {
        find(caller, documentId);
        return documents.versions(caller.tenantId(), documentId).stream()
                .map(v -> new VersionView(v.version(), v.reason(), v.changedRows(), v.createdBy(), v.createdAt(),
                        v.objectKey()))
                .toList();
    }

    public SpecDiff.Result diff(Caller caller, String documentId, int from, int to) {
        MappingSpec a = spec(caller, documentId, from);
        MappingSpec b = spec(caller, documentId, to);
        return SpecDiff.between(a, b);
    }

    public record EditResult(String documentId, int specVersion, boolean changed, MappingRow row,
                             List<SpecDiff.FieldChange> changes) {
    }

    /** One row of a multi-row edit: the row as saved and what changed in it. */
    public record RowEdit(String ref, MappingRow row, List<SpecDiff.FieldChange> changes) {
    }

    /** The answer to a spec-version write: the new version (or the latest when nothing changed) and its rows. */
    public record VersionWrite(String documentId, int specVersion, boolean changed, List<RowEdit> rows) {
    }

    /** Applies an edit to one row; a real change makes a new spec version and a MappingEdited event. */
    public EditResult editRow(Caller caller, String documentId, String rowSelector, JsonNode patch) {
        String ref = normalizeRef(rowSelector);
        Map<String, JsonNode> edits = new LinkedHashMap<>();
        edits.put(ref, patch);
        VersionWrite write = editRows(caller, documentId, null, edits);
        RowEdit only = write.rows().get(0);
        return new EditResult(documentId, write.specVersion(), write.changed(), only.row(), only.changes());
    }

    /**
     * Edits several rows at once into ONE new spec version (every earlier version is kept). With a
     * {@code baseVersion}, the write is refused with 409 when another version was saved since, so edits made
     * on an older grid never silently undo someone else's.
     *
     * @param edits row selector (Sheet:row or @mapping[Sheet:row]) -> JSON object of the fields to change
     */
    public VersionWrite editRows(Caller caller, String documentId, Integer baseVersion, Map<String, JsonNode> edits) {
        if (edits == null || edits.isEmpty()) {
            throw DocumentServiceException.badRequest("invalid_edit", "Send {\"baseVersion\": n, \"rows\": {\"Sheet:row\": "
                    + "{\"transformation\": \"UPPER(name)\"}}} with at least one row to change.");
        }
        Map<String, JsonNode> byRef = new LinkedHashMap<>();
        edits.forEach((selector, patch) -> byRef.put(normalizeRef(selector), patch));
        record Saved(VersionWrite result, MappingEdited event) {
        }
        Saved saved = sql.transaction(c -> {
            DocumentRecord d = documents.lock(c, caller.tenantId(), documentId)
                    .orElseThrow(() -> DocumentServiceException.notFound("document", documentId));
            requireParsed(d);
            SpecVersionRecord latest = documents.version(c, caller.tenantId(), documentId, null)
                    .orElseThrow(() -> notParsed(d));
            if (baseVersion != null && baseVersion != latest.version()) {
                throw DocumentServiceException.conflict("stale_version", "Document '" + documentId + "' is at spec "
                        + "version " + latest.version() + " (saved by " + latest.createdBy() + "), but these edits were "
                        + "made on version " + baseVersion + ". Reload the rows, apply the edits again and save.");
            }
            MappingSpec spec = toSpec(latest.spec());
            List<MappingRow> rows = new ArrayList<>(spec.rows());
            List<RowEdit> results = new ArrayList<>();
            List<String> changedRefs = new ArrayList<>();
            Set<String> targets = new LinkedHashSet<>();
            for (Map.Entry<String, JsonNode> edit : byRef.entrySet()) {
                int index = indexOf(rows, edit.getKey());
                if (index < 0) {
                    throw new DocumentServiceException(404, "row_not_found", "Not found", "Document '" + documentId
                            + "' has no row " + edit.getKey() + " in version " + latest.version()
                            + ". List the rows with GET /api/v1/documents/" + documentId + "/rows.");
                }
                MappingRow before = rows.get(index);
                MappingRow after = RowPatch.apply(before, edit.getValue());
                List<SpecDiff.FieldChange> changes = SpecDiff.fieldChanges(before, after);
                results.add(new RowEdit(before.ref(), changes.isEmpty() ? before : after, changes));
                if (changes.isEmpty()) {
                    continue;
                }
                rows.set(index, after);
                changedRefs.add(before.ref());
                if (before.targetTable() != null) {
                    targets.add(before.targetTable());
                }
                if (after.targetTable() != null) {
                    targets.add(after.targetTable());
                }
            }
            if (changedRefs.isEmpty()) {
                return new Saved(new VersionWrite(documentId, latest.version(), false, results), null);
            }
            int version = documents.latestVersion(c, caller.tenantId(), documentId) + 1;
            MappingSpec next = spec.withRows(rows).withVersion(version);
            String key = storeVersion(c, caller.tenantId(), documentId, next, "edited", changedRefs, caller.userId());
            MappingEdited event = new MappingEdited(documentId, version, key, changedRefs, new ArrayList<>(targets),
                    caller.userId());
            return new Saved(new VersionWrite(documentId, version, true, results), event);
        });
        if (saved.event() != null) {
            try {
                publisher.publish(Envelope.of(caller.tenantId(), caller.correlationId(), documentId, saved.event()));
            } catch (RuntimeException e) {
                // the version is committed; consumers catch up from GET .../versions
                LOG.errorf("version %d of %s saved but MappingEdited not published: %s", saved.result().specVersion(),
                        documentId, e.getMessage());
            }
        }
        return saved.result();
    }

    /**
     * Stores a spec version in S3 and Postgres and makes it the document's latest (caller holds the row lock).
     *
     * @return the S3 key of the spec
     */
    String storeVersion(java.sql.Connection c, String tenantId, String documentId, MappingSpec spec, String reason,
                        List<String> changedRows, String createdBy) throws java.sql.SQLException {
        String key = Keys.spec(tenantId, documentId, spec.version());
        byte[] json = EventJson.toBytes(spec);
        store.put(key, json, "application/json");
        documents.insertVersion(c, tenantId, documentId, spec.version(), spec, key, reason, changedRows, createdBy);
        // the same summary `aide parse --json` prints
        com.fasterxml.jackson.databind.node.ObjectNode report = ParseReport.toJson(spec);
        documents.updateSummary(c, tenantId, documentId, spec.version(), report.path("rowsFound").asInt(), report.get("targets"),
                report.get("headerMapping"), report.get("diagnostics"), report.get("sheets"));
        return key;
    }

    DocumentRecord find(Caller caller, String documentId) {
        return documents.find(caller.tenantId(), documentId)
                .orElseThrow(() -> DocumentServiceException.notFound("document", documentId));
    }

    private SpecVersionRecord specVersion(Caller caller, String documentId, Integer version) {
        DocumentRecord d = find(caller, documentId);
        Optional<SpecVersionRecord> v = documents.version(caller.tenantId(), documentId, version);
        if (v.isEmpty()) {
            if (version == null) {
                throw notParsed(d);
            }
            throw new DocumentServiceException(404, "version_not_found", "Not found", "Document '" + documentId
                    + "' has no spec version " + version + ". List its versions with GET /api/v1/documents/"
                    + documentId + "/versions.");
        }
        return v.get();
    }

    private static void requireParsed(DocumentRecord d) {
        if (!DocumentRecord.PARSED.equals(d.status())) {
            throw notParsed(d);
        }
    }

    private static DocumentServiceException notParsed(DocumentRecord d) {
        if (DocumentRecord.FAILED.equals(d.status()) && d.specVersion() == null) {
            return DocumentServiceException.conflict("document_failed", "Document '" + d.id() + "' (" + d.fileName()
                    + ") could not be parsed: " + d.errorMessage() + " Fix the file and upload it again.");
        }
        return DocumentServiceException.conflict("document_not_parsed", "Document '" + d.id() + "' (" + d.fileName()
                + ") is " + d.status() + "; try again when its status is parsed.");
    }

    static MappingSpec toSpec(JsonNode json) {
        try {
            return EventJson.mapper().treeToValue(json, MappingSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored spec is not a MappingSpec: " + e.getOriginalMessage(), e);
        }
    }

    /** Accepts {@code @mapping[Sheet:18]}, {@code Sheet:18} (URL-decoded by JAX-RS). */
    static String normalizeRef(String selector) {
        String s = selector == null ? "" : selector.trim();
        if (s.startsWith("@mapping[") && s.endsWith("]")) {
            s = s.substring("@mapping[".length(), s.length() - 1);
        }
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1 || !s.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            throw DocumentServiceException.badRequest("invalid_row_ref", "Row '" + selector
                    + "' is not a row reference; use Sheet:row as the user sees it in Excel (e.g. Mappings:18)"
                    + " or @mapping[Mappings:18].");
        }
        return MappingRow.ref(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
    }

    private static int indexOf(List<MappingRow> rows, String ref) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).ref().equals(ref)) {
                return i;
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).ref().equalsIgnoreCase(ref)) {
                return i;
            }
        }
        return -1;
    }

    private void publishOrFail(Caller caller, String documentId, DocumentUploaded uploaded) {
        try {
            publisher.publish(Envelope.of(caller.tenantId(), caller.correlationId(), documentId, uploaded));
        } catch (RuntimeException e) {
            String message = "The file is stored but could not be queued for parsing (" + e.getMessage()
                    + "). Retry with POST /api/v1/documents/" + documentId + "/reparse.";
            sql.query(c -> {
                documents.markFailed(c, caller.tenantId(), documentId, "queue_unavailable", message);
                return null;
            });
            throw DocumentServiceException.unavailable("queue_unavailable", message, e);
        }
    }

    private static Map<String, String> headerOverrides(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            JsonNode node = EventJson.mapper().readTree(json);
            if (!node.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            Map<String, String> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
            return validateOverrides(map);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw DocumentServiceException.badRequest("invalid_header_overrides", "Field headerOverrides must be a JSON"
                    + " object of canonical field -> header text, e.g. {\"target_column\": \"Attribute Name\"}.");
        }
    }

    static Map<String, String> validateOverrides(Map<String, String> overrides) {
        for (String key : overrides.keySet()) {
            HeaderOverrideKey parsed = HeaderOverrideKey.parse(key);
            if (parsed.field() == null || MappingField.fromKey(parsed.field()) == null) {
                List<String> known = java.util.Arrays.stream(MappingField.values()).map(MappingField::key).toList();
                throw DocumentServiceException.badRequest("invalid_header_overrides", "headerOverrides names '" + key
                        + "', which is not a canonical field" + (parsed.sheet() == null ? "" : " of sheet '"
                        + parsed.sheet() + "'") + ". Use one of: " + String.join(", ", known)
                        + ", alone (every sheet) or after a sheet's name and ':' (that sheet only, e.g. "
                        + "\"Orders:transformation\").");
            }
            String header = overrides.get(key);
            if (header == null || header.isBlank()) {
                throw DocumentServiceException.badRequest("invalid_header_overrides", "headerOverrides gives '" + key
                        + "' no header text. Give the text of the header cell to read it from, or leave the key out "
                        + "to let the parser choose.");
            }
        }
        return Map.copyOf(overrides);
    }

    /** A sheet-specific override must name a sheet of the document, else it would silently apply nowhere. */
    private static void checkOverrideSheets(String documentId, JsonNode sheets, Map<String, String> overrides) {
        if (sheets == null || !sheets.isArray()) {
            return;
        }
        List<String> names = new java.util.ArrayList<>();
        sheets.forEach(sheet -> names.add(sheet.path("name").asText()));
        for (String key : overrides.keySet()) {
            String sheet = HeaderOverrideKey.parse(key).sheet();
            if (sheet != null && names.stream().noneMatch(sheet::equalsIgnoreCase)) {
                throw DocumentServiceException.badRequest("invalid_header_overrides", "headerOverrides names sheet '"
                        + sheet + "' (in '" + key + "'), which document '" + documentId + "' does not have; its "
                        + "sheets: " + String.join(", ", names) + ".");
            }
        }
    }

    /** A project id, when one is given, is a name of 1-64 letters, digits, spaces, '.', '_' or '-' (a 400 otherwise). */
    private static void checkProjectId(String projectId) {
        if (projectId != null && (!PROJECT_ID.matcher(projectId).matches() || projectId.isBlank())) {
            String shown = projectId.length() > 40 ? projectId.substring(0, 37) + "..." : projectId;
            throw DocumentServiceException.badRequest("invalid_project_id", "projectId '" + shown + "' ("
                    + projectId.length() + " characters) must be 1-64 letters, digits, spaces, '.', '_' or '-' (as the"
                    + " portal names projects); or leave it out.");
        }
    }

    /** The id of a new document: the one asked for unless this tenant has it already (other tenants' do not count). */
    private String documentId(String tenantId, String requested) {
        if (requested == null || requested.isBlank()) {
            return "doc_" + UUID.randomUUID().toString().replace("-", "");
        }
        if (!DOCUMENT_ID.matcher(requested).matches()) {
            throw DocumentServiceException.badRequest("invalid_document_id", "documentId '" + requested
                    + "' must be 1-80 letters, digits, '_' or '-'; or leave it out to get one.");
        }
        if (documents.exists(tenantId, requested)) {
            throw conflictingId(requested);
        }
        return requested;
    }

    private static DocumentServiceException conflictingId(String id) {
        return DocumentServiceException.conflict("document_exists", "A document with id '" + id
                + "' already exists. Choose another documentId or leave it out.");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("uploaded temp file vanished", e);
        }
    }
}
