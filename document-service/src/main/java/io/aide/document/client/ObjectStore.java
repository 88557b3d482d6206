package io.aide.document.client;

import io.aide.document.config.DocumentConfig;
import io.aide.document.service.DocumentServiceException;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;

/** The S3 bucket (s3proxy, MinIO or AWS) through one MinIO client, closed on shutdown. */
@ApplicationScoped
public class ObjectStore {
    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    private final MinioClient client;
    private final String bucket;
    private final String region;
    private final AtomicBoolean bucketReady = new AtomicBoolean();

    public ObjectStore(DocumentConfig config) {
        this.bucket = config.s3().bucket();
        this.region = config.s3().region();
        this.client = MinioClient.builder()
                .endpoint(config.s3().endpoint())
                .credentials(config.s3().accessKey(), config.s3().secretKey())
                .region(region)
                .build();
    }

    public void put(String key, Path file, String contentType) {
        ensureBucket();
        try (InputStream in = Files.newInputStream(file)) {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(in, Files.size(file), -1)
                    .contentType(contentType == null ? "application/octet-stream" : contentType)
                    .build());
        } catch (Exception e) {
            throw unavailable("store " + key, e);
        }
    }

    public void put(String key, byte[] bytes, String contentType) {
        ensureBucket();
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(in, bytes.length, -1).contentType(contentType).build());
        } catch (Exception e) {
            throw unavailable("store " + key, e);
        }
    }

    /** Copies an object into a local file (never into memory: raw files can be large). */
    public void download(String key, Path target) {
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchBucket".equals(e.errorResponse().code())) {
                throw new DocumentServiceException(404, "object_missing", "Not found",
                        "The stored file " + key + " does not exist in bucket " + bucket + ".", e);
            }
            throw unavailable("read " + key, e);
        } catch (Exception e) {
            throw unavailable("read " + key, e);
        }
    }

    public byte[] read(String key) {
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw unavailable("read " + key, e);
        }
    }

    public boolean exists(String key) {
        try {
            client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchBucket".equals(e.errorResponse().code())) {
                return false;
            }
            throw unavailable("stat " + key, e);
        } catch (Exception e) {
            throw unavailable("stat " + key, e);
        }
    }

    /** Keys under a prefix, for checks and operators; not for large listings. */
    public java.util.List<String> keys(String prefix) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        try {
            for (var result : client.listObjects(io.minio.ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                    .recursive(true).build())) {
                keys.add(result.get().objectName());
            }
            return keys;
        } catch (Exception e) {
            throw unavailable("list " + prefix, e);
        }
    }

    /** Best effort: used to undo a write whose database row could not be inserted. */
    public void deleteQuietly(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            LOG.warnf("could not remove %s: %s", key, e.toString());
        }
    }

    /** For the readiness check: the endpoint answers and the credentials are accepted. */
    public void ping() throws Exception {
        client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
    }

    public String bucket() {
        return bucket;
    }

    private void ensureBucket() {
        if (bucketReady.get()) {
            return;
        }
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                try {
                    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).region(region).build());
                } catch (ErrorResponseException e) {
                    // another service created it between our check and our call
                    String code = e.errorResponse().code();
                    if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) {
                        throw e;
                    }
                }
            }
            bucketReady.set(true);
        } catch (Exception e) {
            throw unavailable("create bucket " + bucket, e);
        }
    }

    private static DocumentServiceException unavailable(String what, Exception e) {
        return DocumentServiceException.unavailable("storage_unavailable",
                "The object store could not " + what + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                        + "). Nothing was changed; retry in a moment.", e);
    }

    @PreDestroy
    void close() {
        try {
            client.close();
        } catch (Exception e) {
            LOG.debugf("closing the S3 client: %s", e.toString());
        }
    }
}
