package io.aide.validator;

import io.aide.events.EventJson;
import io.aide.validator.config.S3Config;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Writes what sqlgen and document-service would have stored, for the validator to read. */
final class TestStore implements AutoCloseable {
    private final MinioClient client;
    private final String bucket;

    TestStore(S3Config s3) {
        this.bucket = s3.bucket();
        this.client = MinioClient.builder().endpoint(s3.endpoint()).credentials(s3.accessKey(), s3.secretKey())
                .region(s3.region()).build();
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).region(s3.region()).build());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    void put(String key, byte[] content) {
        try {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(new ByteArrayInputStream(content), content.length, -1).build());
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + key + ": " + e.getMessage(), e);
        }
    }

    void putJson(String key, Object value) {
        put(key, EventJson.toBytes(value));
    }

    void putText(String key, String text) {
        put(key, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
