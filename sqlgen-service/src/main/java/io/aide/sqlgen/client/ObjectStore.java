package io.aide.sqlgen.client;

import io.aide.sqlgen.config.S3Config;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** S3 access (s3proxy locally, S3 or MinIO elsewhere) for specs, layers and artifacts. */
@ApplicationScoped
public class ObjectStore {
    private final MinioClient client;
    private final String bucket;
    private final String region;
    private volatile boolean bucketReady;

    public ObjectStore(S3Config s3) {
        this.bucket = s3.bucket();
        this.region = s3.region();
        this.client = MinioClient.builder().endpoint(s3.endpoint()).credentials(s3.accessKey(), s3.secretKey())
                .region(s3.region()).build();
    }

    public String bucket() {
        return bucket;
    }

    public void put(String key, byte[] content, String contentType) {
        ensureBucket();
        try (InputStream in = new ByteArrayInputStream(content)) {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(in, content.length, -1).contentType(contentType).build());
        } catch (Exception e) {
            throw new ObjectStoreException("cannot write s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    /** Opens an object; the caller closes the stream. Null when the object does not exist. */
    public InputStream open(String key) {
        try {
            GetObjectResponse response = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
            return response;
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

    /** The whole object, or null when it does not exist. */
    public byte[] read(String key) {
        try (InputStream in = open(key)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new ObjectStoreException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    public long size(String key) {
        try {
            return client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()).size();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Readiness: the endpoint answers and the credentials are accepted. */
    public boolean ping() {
        try {
            client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void ensureBucket() {
        if (bucketReady) {
            return;
        }
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).region(region).build());
            }
            bucketReady = true;
        } catch (ErrorResponseException e) {
            // another service created it between our check and our create
            if ("BucketAlreadyOwnedByYou".equals(e.errorResponse().code())
                    || "BucketAlreadyExists".equals(e.errorResponse().code())) {
                bucketReady = true;
                return;
            }
            throw new ObjectStoreException("cannot create bucket " + bucket + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new ObjectStoreException("cannot create bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        try {
            client.close();
        } catch (Exception ignored) {
            // shutting down: nothing left to release
        }
    }

    public static class ObjectStoreException extends RuntimeException {
        public ObjectStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
