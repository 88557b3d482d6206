package io.aide.sqlgen.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Object storage for specs, layers and artifacts, under {@code aide.s3} (shared by the services). */
@ConfigMapping(prefix = "aide.s3")
public interface S3Config {
    /** S3 endpoint, e.g. http://127.0.0.1:59000 for s3proxy. */
    String endpoint();

    String accessKey();

    String secretKey();

    /** Bucket shared by the services; created on first write. */
    @WithDefault("aide")
    String bucket();

    @WithDefault("us-east-1")
    String region();
}
