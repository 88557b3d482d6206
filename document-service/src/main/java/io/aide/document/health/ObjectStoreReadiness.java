package io.aide.document.health;

import io.aide.document.client.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the S3 endpoint answers with our credentials. */
@Readiness
@ApplicationScoped
public class ObjectStoreReadiness implements HealthCheck {
    private final ObjectStore store;

    public ObjectStoreReadiness(ObjectStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            store.ping();
            return HealthCheckResponse.named("s3").up().withData("bucket", store.bucket()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("s3").down().withData("bucket", store.bucket())
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
