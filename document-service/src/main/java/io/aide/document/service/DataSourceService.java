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

    /** What the API shows of a data source: never the password. */
    public record DataSourceView(String dataSourceId, String name, String kind, String jdbcUrl, String username,
                                 JsonNode files, String createdBy, Instant createdAt) {
        static DataSourceView of(DataSourceRecord d) {
            return new DataSourceView(d.id(), d.name(), d.kind(), d.jdbcUrl(), d.username(), d.files(), d.createdBy(),
                    d.createdAt());
        }
    }

    public record SnapshotView(String dataSourceId, long snapshotId, Instant createdAt, SchemaSnapshot schema) {
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
                caller.userId(), null);
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

    private SchemaSnapshot introspectDatabase(DataSourceRecord d) {
        String password;
        try {
            password = d.passwordEncrypted() == null ? null : requireCipher().decrypt(d.passwordEncrypted());
        } catch (IllegalArgumentException e) {
            throw new DocumentServiceException(409, "credentials_unreadable", "Conflict", "The stored password of data source '"
                    + d.id() + "' cannot be decrypted with the current AIDE_SECRET_KEY. Register the data source again.");
        }
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

    /** Sample files: checked and inferred first, stored only when every file is readable. */
    public SnapshotView upload(Caller caller, String name, List<UploadedFile> uploads) {
        if (uploads == null || uploads.isEmpty()) {
            throw DocumentServiceException.badRequest("bad_sample_data:upload",
                    "Send one or more files in the multipart field 'file' (CSV, TSV, Parquet or a .zip of them).");
        }
        String id = "ds_" + UUID.randomUUID().toString().replace("-", "");
        Path work = null;
        try {
            work = Files.createTempDirectory("aide-samples-");
            List<SampleDataInspector.SampleFile> files = unpack(uploads, work);
            SchemaSnapshot snapshot = SampleDataInspector.inspect(id, files);
            String prefix = Keys.dataSourcePrefix(caller.tenantId(), id);
            List<Map<String, Object>> stored = new ArrayList<>();
            for (SampleDataInspector.SampleFile f : files) {
                String key = prefix + "files/" + Keys.safeFileName(f.name());
                store.put(key, f.path(), "application/octet-stream");
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", f.name());
                entry.put("table", SampleDataInspector.tableName(f.name()));
                entry.put("objectKey", key);
                entry.put("size", Files.size(f.path()));
                stored.add(entry);
            }
            String displayName = blank(name) ? uploads.get(0).fileName() : name.trim();
            repository.insert(new DataSourceRecord(id, caller.tenantId(), displayName, "files", null, null, null, prefix,
                    EventJson.mapper().valueToTree(stored), caller.userId(), null));
            LOG.infof("sample data source %s: %d files for tenant %s", id, files.size(), caller.tenantId());
            return view(repository.insertSnapshot(caller.tenantId(), id, snapshot));
        } catch (IOException e) {
            throw DocumentServiceException.unavailable("temp_storage", "No temporary space for the sample files ("
                    + e.getMessage() + "). Retry later.", e);
        } finally {
            deleteQuietly(work);
        }
    }

    public record UploadedFile(String fileName, Path path) {
    }

    private List<SampleDataInspector.SampleFile> unpack(List<UploadedFile> uploads, Path work) throws IOException {
        List<SampleDataInspector.SampleFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long total = 0;
        ZipGuard guard = new ZipGuard(new ZipGuard.Limits(config.datasources().maxZipEntries(),
                config.datasources().maxZipUncompressedBytes(), config.datasources().maxZipRatio()));
        int n = 0;
        for (UploadedFile upload : uploads) {
            String fileName = Keys.safeFileName(upload.fileName());
            total += Files.size(upload.path());
            if (total > config.datasources().maxUploadBytes()) {
                throw new DocumentServiceException(413, "bad_sample_data:too_large", "Sample data too large",
                        "The sample files are larger than " + config.datasources().maxUploadBytes()
                                + " bytes together. Upload a smaller sample.");
            }
            String ext = ZipGuard.extension(fileName);
            if ("zip".equals(ext)) {
                Path dir = Files.createDirectories(work.resolve("zip" + n++));
                for (ZipGuard.Extracted e : guard.extract(upload.path(), fileName, dir, SAMPLE_EXTENSIONS)) {
                    addUnique(files, names, new SampleDataInspector.SampleFile(e.name(), e.file()), fileName);
                }
            } else if (SAMPLE_EXTENSIONS.contains(ext)) {
                addUnique(files, names, new SampleDataInspector.SampleFile(fileName, upload.path()), fileName);
            } else {
                throw new DocumentServiceException(415, "bad_sample_data:unsupported_file", "Unsupported sample file",
                        "'" + fileName + "' is not a CSV, TSV, Parquet or .zip file. Export the data as CSV or Parquet.");
            }
        }
        return files;
    }

    private static void addUnique(List<SampleDataInspector.SampleFile> files, Set<String> names,
                                  SampleDataInspector.SampleFile file, String from) {
        if (!names.add(SampleDataInspector.tableName(file.name()))) {
            throw new DocumentServiceException(422, "bad_sample_data:duplicate_table", "Sample data refused",
                    "'" + file.name() + "' (in " + from + ") gives table '" + SampleDataInspector.tableName(file.name())
                            + "' a second time. Give each sample file a unique name.");
        }
        files.add(file);
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
