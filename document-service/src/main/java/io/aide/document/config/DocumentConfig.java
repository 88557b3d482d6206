package io.aide.document.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Settings of document-service; every value comes from an AIDE_* environment variable (see README). */
@ConfigMapping(prefix = "aide")
public interface DocumentConfig {

    S3 s3();

    Upload upload();

    DataSources datasources();

    /** Key for AES-GCM encryption of stored data-source credentials (AIDE_SECRET_KEY). */
    Optional<String> secretKey();

    Internal internal();

    interface Internal {
        /** The per-install secret internal tokens are verified with (AIDE_INTERNAL_SECRET, 32+ bytes; required). */
        String secret();
    }

    interface S3 {
        /** S3-compatible endpoint (s3proxy, MinIO, AWS). */
        @WithDefault("http://127.0.0.1:59000")
        String endpoint();

        @WithDefault("aide")
        String accessKey();

        @WithDefault("aide-secret-key")
        String secretKey();

        /** Bucket for raw files, spec versions and sample data; created on first write. */
        @WithDefault("aide")
        String bucket();

        @WithDefault("us-east-1")
        String region();
    }

    interface Upload {
        /** Largest mapping file accepted, in bytes; larger uploads answer 413. */
        @WithDefault("52428800")
        long maxBytes();

        /** Most reference files (dictionaries, lookups, config) one mapping document may carry. */
        @WithDefault("20")
        int maxReferenceFiles();

        /** Largest reference file accepted, in bytes. */
        @WithDefault("20971520")
        long maxReferenceBytes();
    }

    interface DataSources {
        /** Largest sample data upload (one file or a zip), in bytes. */
        @WithDefault("104857600")
        long maxUploadBytes();

        /** Most entries a sample-data zip may hold. */
        @WithDefault("200")
        int maxZipEntries();

        /** Most bytes all entries of a sample-data zip may inflate to. */
        @WithDefault("524288000")
        long maxZipUncompressedBytes();

        /** Largest inflate ratio of one zip entry before it counts as a zip bomb. */
        @WithDefault("100")
        int maxZipRatio();

        /** Seconds a JDBC connection attempt to a registered data source may take. */
        @WithDefault("10")
        int connectTimeoutSeconds();
    }
}
