package io.aide.validator.client;

import io.aide.validator.config.S3Config;
import io.minio.BucketExistsArgs;
import io.minio.DownloadObjectArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads layers, specs and sample files from S3. */
@ApplicationScoped
public class ObjectStore {
    private final MinioClient client;
    private final String bucket;

    public ObjectStore(S3Config s3) {
        this.bucket = s3.bucket();
        this.client = MinioClient.builder().endpoint(s3.endpoint()).credentials(s3.accessKey(), s3.secretKey())
                .region(s3.region()).build();
    }

    /** The whole object, or null when it does not exist. */
    public byte[] read(String key) {
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return in.readAllBytes();
        } catch (ErrorResponseException e) {
            String code = e.errorResponse().code();
            if ("NoSuchKey".equals(code) || "NoSuchBucket".equals(code)) {
                return null;
            }
            throw new ObjectStoreException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new ObjectStoreException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    /** Object keys and sizes under a prefix. */
    public List<Entry> list(String prefix) {
        List<Entry> entries = new ArrayList<>();
        try {
            for (Result<Item> r : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                    .recursive(true).build())) {
                Item item = r.get();
                if (!item.isDir()) {
                    entries.add(new Entry(item.objectName(), item.size()));
                }
            }
            return entries;
        } catch (ErrorResponseException e) {
            if ("NoSuchBucket".equals(e.errorResponse().code())) {
                return entries;
            }
            throw new ObjectStoreException("cannot list s3://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new ObjectStoreException("cannot list s3://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
        }
    }

    public void download(String key, Path target) {
        try {
            client.downloadObject(DownloadObjectArgs.builder().bucket(bucket).object(key).filename(target.toString())
                    .overwrite(true).build());
        } catch (Exception e) {
            throw new ObjectStoreException("cannot download s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    /** Whether the bucket answers; for readiness. */
    public boolean reachable() {
        try {
            client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @PreDestroy
    void close() {
        try {
            client.close();
        } catch (Exception ignored) {
            // shutting down
        }
    }

    public record Entry(String key, long size) {
    }

    public static final class ObjectStoreException extends RuntimeException {
        public ObjectStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
