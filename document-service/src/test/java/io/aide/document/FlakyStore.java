package io.aide.document;

import io.aide.document.client.ObjectStore;
import io.aide.document.config.DocumentConfig;
import io.aide.document.service.DocumentServiceException;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The real object store, except that reading raw uploads fails with an outage the first {@code failures} times. */
public final class FlakyStore extends ObjectStore {
    private final AtomicInteger failuresLeft;
    public final AtomicInteger reads = new AtomicInteger();

    public FlakyStore(DocumentConfig config, int failures) {
        super(config);
        this.failuresLeft = new AtomicInteger(failures);
    }

    @Override
    public void download(String key, Path target) {
        if (key.contains("/raw/")) {
            reads.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                throw DocumentServiceException.unavailable("storage_unavailable", "The object store could not read "
                        + key + " (simulated outage). Nothing was changed; retry in a moment.", null);
            }
        }
        super.download(key, target);
    }
}
