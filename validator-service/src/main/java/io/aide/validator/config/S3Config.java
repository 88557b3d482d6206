package io.aide.validator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Object store holding layers, specs and sample files (s3proxy locally, S3 or MinIO elsewhere). */
@ConfigMapping(prefix = "aide.s3")
public interface S3Config {
    /** Endpoint URL, e.g. http://127.0.0.1:59000. */
    String endpoint();

    String accessKey();

    String secretKey();

    /** The one bucket all services share. */
    @WithDefault("aide")
    String bucket();

    @WithDefault("us-east-1")
    String region();
}
