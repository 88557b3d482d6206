package io.aide.document.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.aide.document.client.ObjectStore;
import io.aide.document.config.DocumentConfig;
import io.aide.document.persistence.DataSourceRepository;
import io.aide.document.persistence.DataSourceRepository.DataSourceRecord;
import io.aide.document.persistence.DataSourceRepository.SnapshotRecord;
import io.aide.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/** Registered databases and uploaded sample files, and the schema snapshots taken of them. */
@ApplicationScoped
public class DataSourceService {
    private static final Logger LOG = Logger.getLogger(DataSourceService.class);
    private static final Set<String> SAMPLE_EXTENSIONS = Set.of("csv", "tsv", "parquet");
    /** Driver options that load classes, read local files or deserialize objects: never from a tenant. */
    private static final Set<String> FORBIDDEN_URL_OPTIONS = Set.of("socketfactory", "socketfactoryarg", "sslfactory",
            "sslfactoryarg", "sslhostnameverifier", "sslpasswordcallback", "authenticationpluginclassname",
            "authenticationplugins", "loggerfile", "loggerlevel", "allowloadlocalinfile", "allowlocalinfile",
            "autodeserialize", "credentialtype", "sslkey", "sslcert", "sslrootcert", "keystore", "truststore",
            "servertruststore", "serversslcert", "jaasapplicationname", "jaaslogin", "gsslib", "restrictedauth",
            "localsocket", "pipe", "codecs");

    private final DataSourceRepository repository;
    private final ObjectStore store;
    private final DocumentConfig config;
    private final CredentialCipher cipher;

    public DataSourceService(DataSourceRepository repository, ObjectStore store, DocumentConfig config) {
        this.repository = repository;
        this.store = store;
        this.config = config;
        this.cipher = config.secretKey().filter(k -> !k.isBlank()).map(CredentialCipher::new).orElse(null);
    }

    public record RegisterRequest(String name, String jdbcUrl, String username, String password) {
    }

    /**
     * What the API shows of a data source: never the password.
     *
     * @param expectedTargets targets whose expected rows were uploaded with the sample files (empty for databases)
     */
    public record DataSourceView(String dataSourceId, String name, String kind, String jdbcUrl, String username,
                                 JsonNode files, List<String> expectedTargets, String createdBy, Instant createdAt) {
        static DataSourceView of(DataSourceRecord d) {
            return new DataSourceView(d.id(), d.name(), d.kind(), d.jdbcUrl(), d.username(), d.files(),
                    targetsOf(d.expectedFiles()), d.createdBy(), d.createdAt());
        }
    }

    public record SnapshotView(String dataSourceId, long snapshotId, Instant createdAt, SchemaSnapshot schema) {
    }

    /** The answer to an upload of sample files: the inferred snapshot and the targets that have expected rows. */
    public record UploadView(String dataSourceId, long snapshotId, Instant createdAt, SchemaSnapshot schema,
                             List<String> expectedTargets) {
    }

    public DataSourceView register(Caller caller, RegisterRequest request) {
        if (request == null || blank(request.jdbcUrl())) {
            throw DocumentServiceException.badRequest("invalid_datasource",
                    "Send {name, jdbcUrl, username, password}; jdbcUrl like jdbc:postgresql://host:5432/db or jdbc:mariadb://host:3306/db.");
        }
        String url = request.jdbcUrl().trim();
        String kind = kindOf(url);
        checkUrlOptions(url);
        if (cipher == null) {
            throw DocumentServiceException.unavailable("secret_key_missing", "This installation has no AIDE_SECRET_KEY,"
                    + " so it cannot store database credentials. Ask the operator to set AIDE_SECRET_KEY.", null);
        }
        String id = "ds_" + UUID.randomUUID().toString().replace("-", "");
        String name = blank(request.name()) ? url.replaceAll("\\?.*", "") : request.name().trim();
        DataSourceRecord record = new DataSourceRecord(id, caller.tenantId(), name, kind, url,
                request.username(), request.password() == null ? null : cipher.encrypt(request.password()), null, null,
                caller.userId(), null, null);
        repository.insert(record);
        LOG.infof("data source %s (%s) registered for tenant %s", id, kind, caller.tenantId());
        return DataSourceView.of(repository.find(caller.tenantId(), id).orElseThrow());
    }

    public List<DataSourceView> list(Caller caller) {
        return repository.list(caller.tenantId()).stream().map(DataSourceView::of).toList();
    }

    public DataSourceView get(Caller caller, String id) {
        return DataSourceView.of(find(caller, id));
    }

    public SnapshotView schema(Caller caller, String id) {
        find(caller, id);
        SnapshotRecord s = repository.latestSnapshot(caller.tenantId(), id).orElseThrow(() ->
                new DocumentServiceException(404, "schema_not_introspected", "Not found", "Data source '" + id
                        + "' has no schema snapshot yet. Take one with POST /api/v1/datasources/" + id + "/introspect."));
        return view(s);
    }

    /** Reads the schema now and stores it as the data source's latest snapshot. */
    public SnapshotView introspect(Caller caller, String id) {
        DataSourceRecord d = find(caller, id);
        SchemaSnapshot snapshot = "files".equals(d.kind()) ? reinspectFiles(d) : introspectDatabase(d);
        return view(repository.insertSnapshot(caller.tenantId(), id, snapshot));
    }

    /**
     * Up to {@code limit} rows of each requested table of a registered database (all its tables, up to
     * {@link DatabaseSampler#MAX_TABLES}, when none is named), read through a read-only connection with the stored
     * credentials. Only tables of the latest schema snapshot are read.
     */
    public DatabaseSampler.Sample sample(Caller caller, String id, List<String> tables, int limit) {
        DataSourceRecord d = find(caller, id);
        if ("files".equals(d.kind())) {
            throw new DocumentServiceException(409, "datasource_not_database", "Conflict", "Data source '" + d.name()
                    + "' is uploaded sample files; read them from its files, there is no database to sample.");
        }
        SchemaSnapshot snapshot = repository.latestSnapshot(caller.tenantId(), id)
                .map(s -> EventJson.mapper().convertValue(s.snapshot(), SchemaSnapshot.class))
                .orElseGet(() -> {
                    // never introspected: take the snapshot now, as the introspect endpoint would
                    SchemaSnapshot fresh = introspectDatabase(d);
                    repository.insertSnapshot(caller.tenantId(), id, fresh);
                    return fresh;
                });
        try (Connection connection = connect(d.kind(), d.jdbcUrl(), d.username(), password(d))) {
            DatabaseSampler.Sample sample = DatabaseSampler.sample(connection, d.kind(), snapshot, tables, limit);
            LOG.infof("data source %s sampled: %d table(s), %d requested table(s) unknown", d.id(), sample.tables().size(),
                    sample.missing().size());
            return sample;
        } catch (SQLException e) {
            throw new DocumentServiceException(422, "datasource_unreachable", "Data source unreachable", "Could not read"
                    + " sample rows of data source '" + d.name() + "' (" + d.jdbcUrl().replaceAll("\\?.*", "") + "): "
                    + e.getMessage() + ". Check that the database is up and the user may read these tables.", e);
        }
    }

    private String password(DataSourceRecord d) {
        try {
            return d.passwordEncrypted() == null ? null : requireCipher().decrypt(d.passwordEncrypted());
        } catch (IllegalArgumentException e) {
            throw new DocumentServiceException(409, "credentials_unreadable", "Conflict", "The stored password of data source '"
                    + d.id() + "' cannot be decrypted with the current AIDE_SECRET_KEY. Register the data source again.");
        }
    }

    private SchemaSnapshot introspectDatabase(DataSourceRecord d) {
        String password = password(d);
        try (Connection connection = connect(d.kind(), d.jdbcUrl(), d.username(), password)) {
            SchemaSnapshot snapshot = SchemaIntrospector.introspect(d.id(), d.kind(), connection);
            LOG.infof("data source %s introspected: %d tables", d.id(), snapshot.tables().size());
            return snapshot;
        } catch (SQLException e) {
            throw new DocumentServiceException(422, "datasource_unreachable", "Data source unreachable", "Could not read"
                    + " the schema of data source '" + d.name() + "' (" + d.jdbcUrl().replaceAll("\\?.*", "") + "): "
                    + e.getMessage() + ". Check host, port, database, user and password, and that this service can reach it.", e);
        }
    }

    private Connection connect(String kind, String url, String user, String password) throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        int timeout = config.datasources().connectTimeoutSeconds();
        Connection c;
        if ("postgresql".equals(kind)) {
            props.setProperty("connectTimeout", String.valueOf(timeout));
            props.setProperty("socketTimeout", String.valueOf(timeout * 6));
            props.setProperty("readOnly", "true");
            c = new org.postgresql.Driver().connect(url, props);
        } else {
            props.setProperty("connectTimeout", String.valueOf(timeout * 1000));
            props.setProperty("socketTimeout", String.valueOf(timeout * 6000));
            props.setProperty("allowLocalInfile", "false");
            c = new org.mariadb.jdbc.Driver().connect(url.replaceFirst("^jdbc:mysql:", "jdbc:mariadb:"), props);
        }
        if (c == null) {
            throw new SQLException("the driver does not accept this URL");
        }
        return c;
    }

    /**
     * Sample files: checked and inferred first, stored only when every file is readable. Files under an
     * {@code expected/} folder of a zip, and files of {@code expected}, are the expected rows of the target they name.
     */
    public UploadView upload(Caller caller, String name, List<UploadedFile> uploads, List<UploadedFile> expectedUploads) {
        if (uploads == null || uploads.isEmpty()) {
            throw DocumentServiceException.badRequest("bad_sample_data:upload",
                    "Send one or more files in the multipart field 'file' (CSV, TSV, Parquet or a .zip of them).");
        }
        String id = "ds_" + UUID.randomUUID().toString().replace("-", "");
        Path work = null;
        List<String> storedKeys = new ArrayList<>();
        try {
            work = Files.createTempDirectory("aide-samples-");
            Unpacked unpacked = unpack(uploads, expectedUploads == null ? List.of() : expectedUploads, work);
            if (unpacked.samples().isEmpty()) {
                throw new DocumentServiceException(422, "bad_sample_data:no_sample_table", "Sample data refused",
                        "The upload holds expected rows (" + String.join(", ", names(unpacked.expected()))
                                + ") but no sample table. Add the source tables as CSV, TSV or Parquet files in 'file'"
                                + " (at the root of the zip or under sources/).");
            }
            SchemaSnapshot snapshot = SampleDataInspector.inspect(id, unpacked.samples());
            if (!unpacked.expected().isEmpty()) {
                // expected rows are not tables, but an unreadable one is refused now rather than at validation time
                SampleDataInspector.inspect(id, unpacked.expected());
            }
            List<Map<String, Object>> samples = store(unpacked.samples(), "table",
                    f -> Keys.sampleFile(caller.tenantId(), id, f.name()), storedKeys);
            List<Map<String, Object>> expected = store(unpacked.expected(), "target",
                    f -> Keys.expectedFile(caller.tenantId(), id, f.name()), storedKeys);
            String displayName = blank(name) ? uploads.get(0).fileName() : name.trim();
            repository.insert(new DataSourceRecord(id, caller.tenantId(), displayName, "files", null, null, null,
                    Keys.dataSourcePrefix(caller.tenantId(), id), EventJson.mapper().valueToTree(samples),
                    caller.userId(), null, expected.isEmpty() ? null : EventJson.mapper().valueToTree(expected)));
            storedKeys.clear();
            LOG.infof("sample data source %s: %d files, expected rows of %d targets for tenant %s", id,
                    samples.size(), expected.size(), caller.tenantId());
            SnapshotView view = view(repository.insertSnapshot(caller.tenantId(), id, snapshot));
            return new UploadView(view.dataSourceId(), view.snapshotId(), view.createdAt(), view.schema(),
                    names(unpacked.expected()));
        } catch (IOException e) {
            throw DocumentServiceException.unavailable("temp_storage", "No temporary space for the sample files ("
                    + e.getMessage() + "). Retry later.", e);
        } finally {
            // a data source that was not recorded leaves no objects behind
            storedKeys.forEach(store::deleteQuietly);
            deleteQuietly(work);
        }
    }

    private record Unpacked(List<SampleDataInspector.SampleFile> samples, List<SampleDataInspector.SampleFile> expected) {
    }

    private List<Map<String, Object>> store(List<SampleDataInspector.SampleFile> files, String nameField,
                                            java.util.function.Function<SampleDataInspector.SampleFile, String> key,
                                            List<String> storedKeys) throws IOException {
        List<Map<String, Object>> stored = new ArrayList<>();
        for (SampleDataInspector.SampleFile f : files) {
            String objectKey = key.apply(f);
            store.put(objectKey, f.path(), "application/octet-stream");
            storedKeys.add(objectKey);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", f.name());
            entry.put(nameField, SampleDataInspector.tableName(f.name()));
            entry.put("objectKey", objectKey);
            entry.put("size", Files.size(f.path()));
            stored.add(entry);
        }
        return stored;
    }

    private Unpacked unpack(List<UploadedFile> uploads, List<UploadedFile> expectedUploads, Path work) throws IOException {
        List<SampleDataInspector.SampleFile> samples = new ArrayList<>();
        List<SampleDataInspector.SampleFile> expected = new ArrayList<>();
        Set<String> tables = new HashSet<>();
        Set<String> targets = new HashSet<>();
        long total = 0;
        ZipGuard guard = new ZipGuard(new ZipGuard.Limits(config.datasources().maxZipEntries(),
                config.datasources().maxZipUncompressedBytes(), config.datasources().maxZipRatio()));
        int n = 0;
        for (UploadedFile upload : uploads) {
            String fileName = Keys.safeFileName(upload.fileName());
            total = addSize(total, upload);
            String ext = ZipGuard.extension(fileName);
            if ("zip".equals(ext)) {
                Path dir = Files.createDirectories(work.resolve("zip" + n++));
                for (ZipGuard.Extracted e : guard.extract(upload.path(), fileName, dir, SAMPLE_EXTENSIONS)) {
                    SampleDataInspector.SampleFile file = new SampleDataInspector.SampleFile(e.name(), e.file());
                    if (e.expected()) {
                        requireExpectedCsv(e.name(), "entry '" + e.folder() + "/" + e.name() + "' of " + fileName);
                        addUnique(expected, targets, file, fileName, "expected rows of target");
                    } else {
                        addUnique(samples, tables, file, fileName, "table");
                    }
                }
            } else if (SAMPLE_EXTENSIONS.contains(ext)) {
                addUnique(samples, tables, new SampleDataInspector.SampleFile(fileName, upload.path()), fileName, "table");
            } else {
                throw new DocumentServiceException(415, "bad_sample_data:unsupported_file", "Unsupported sample file",
                        "'" + fileName + "' is not a CSV, TSV, Parquet or .zip file. Export the data as CSV or Parquet.");
            }
        }
        for (UploadedFile upload : expectedUploads) {
            String fileName = Keys.safeFileName(upload.fileName());
            total = addSize(total, upload);
            requireExpectedCsv(fileName, "'" + fileName + "' (field 'expected')");
            addUnique(expected, targets, new SampleDataInspector.SampleFile(fileName, upload.path()), fileName,
                    "expected rows of target");
        }
        return new Unpacked(samples, expected);
    }

    private long addSize(long total, UploadedFile upload) throws IOException {
        long sum = total + Files.size(upload.path());
        if (sum > config.datasources().maxUploadBytes()) {
            throw new DocumentServiceException(413, "bad_sample_data:too_large", "Sample data too large",
                    "The sample files are larger than " + config.datasources().maxUploadBytes()
                            + " bytes together (reached with '" + Keys.safeFileName(upload.fileName())
                            + "'). Upload a smaller sample.");
        }
        return sum;
    }

    /** Expected rows are compared as CSV, the way {@code ./aide eval} reads {@code expected/<target>.csv}. */
    private static void requireExpectedCsv(String fileName, String what) {
        if (!"csv".equals(ZipGuard.extension(fileName))) {
            throw new DocumentServiceException(415, "bad_sample_data:unsupported_expected_file",
                    "Unsupported expected rows", what + " is not a .csv file. Expected rows of a target are a CSV"
                    + " file named after the target (e.g. orders.csv for target orders); export them as CSV.");
        }
    }

    private static void addUnique(List<SampleDataInspector.SampleFile> files, Set<String> names,
                                  SampleDataInspector.SampleFile file, String from, String what) {
        String name = SampleDataInspector.tableName(file.name());
        if (!names.add(name)) {
            throw new DocumentServiceException(422, "bad_sample_data:duplicate_table", "Sample data refused",
                    "'" + file.name() + "' (in " + from + ") gives " + what + " '" + name
                            + "' a second time. Give each file a unique name.");
        }
        files.add(file);
    }

    private static List<String> names(List<SampleDataInspector.SampleFile> files) {
        return files.stream().map(f -> SampleDataInspector.tableName(f.name())).toList();
    }

    static List<String> targetsOf(JsonNode expectedFiles) {
        List<String> targets = new ArrayList<>();
        if (expectedFiles != null) {
            expectedFiles.forEach(f -> targets.add(f.path("target").asText()));
        }
        return targets;
    }

    private SchemaSnapshot reinspectFiles(DataSourceRecord d) {
        Path work = null;
        try {
            work = Files.createTempDirectory("aide-samples-");
            List<SampleDataInspector.SampleFile> files = new ArrayList<>();
            for (JsonNode f : d.files()) {
                Path local = work.resolve(Keys.safeFileName(f.path("name").asText()));
                store.download(f.path("objectKey").asText(), local);
                files.add(new SampleDataInspector.SampleFile(f.path("name").asText(), local));
            }
            return SampleDataInspector.inspect(d.id(), files);
        } catch (IOException e) {
            throw DocumentServiceException.unavailable("temp_storage", "No temporary space (" + e.getMessage() + ").", e);
        } finally {
            deleteQuietly(work);
        }
    }

    private SnapshotView view(SnapshotRecord s) {
        try {
            return new SnapshotView(s.dataSourceId(), s.id(), s.createdAt(),
                    EventJson.mapper().treeToValue(s.snapshot(), SchemaSnapshot.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored snapshot unreadable", e);
        }
    }

    private DataSourceRecord find(Caller caller, String id) {
        return repository.find(caller.tenantId(), id)
                .orElseThrow(() -> DocumentServiceException.notFound("data_source", id));
    }

    private CredentialCipher requireCipher() {
        if (cipher == null) {
            throw DocumentServiceException.unavailable("secret_key_missing",
                    "AIDE_SECRET_KEY is not set, so stored credentials cannot be read. Ask the operator to set it.", null);
        }
        return cipher;
    }

    static String kindOf(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql://")) {
            return "postgresql";
        }
        if (lower.startsWith("jdbc:mysql://") || lower.startsWith("jdbc:mariadb://")) {
            return "mysql";
        }
        throw DocumentServiceException.badRequest("unsupported_datasource", "Only PostgreSQL"
                + " (jdbc:postgresql://host:port/db) and MySQL/MariaDB (jdbc:mysql:// or jdbc:mariadb://host:port/db)"
                + " connections can be registered; for files use POST /api/v1/datasources/upload.");
    }

    static void checkUrlOptions(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return;
        }
        for (String option : url.substring(q + 1).split("[&;]")) {
            String key = option.split("=", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (FORBIDDEN_URL_OPTIONS.contains(key)) {
                throw DocumentServiceException.badRequest("unsafe_datasource_option", "The JDBC option '"
                        + option.split("=", 2)[0] + "' is not allowed for registered data sources; remove it from the URL.");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
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
