package io.aide.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps the inferred schema and the in-memory copy of recently used sample files, so a warm
 * runner reads a sample once instead of once per check. A local file that changed gets a new key.
 */
final class SampleCache {

    /** Samples larger than this are read from disk on every check rather than held in memory. */
    private static final long MAX_CACHED_BYTES = 256L * 1024 * 1024;

    record Sample(String key, StructType schema, boolean cacheable) {
    }

    private final int capacity;
    private final Map<String, StructType> schemas;
    private final LinkedHashMap<String, Dataset<Row>> cached;

    SampleCache(int capacity) {
        this.capacity = capacity;
        this.schemas = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StructType> eldest) {
                return size() > capacity * 4;
            }
        };
        this.cached = new LinkedHashMap<>(16, 0.75f, true);
    }

    Sample sample(String location, String format, Supplier<StructType> infer) {
        String key = key(location, format);
        StructType schema;
        synchronized (this) {
            schema = schemas.get(key);
        }
        if (schema == null) {
            schema = infer.get();
            synchronized (this) {
                schemas.put(key, schema);
            }
        }
        return new Sample(key, schema, isSmallLocalFile(location));
    }

    /** Marks the sample's plan as cached in the shared CacheManager; later sessions reading it hit the cache. */
    void cache(Sample sample, Dataset<Row> df) {
        if (!sample.cacheable()) {
            return;
        }
        Dataset<Row> evicted = null;
        synchronized (this) {
            if (cached.containsKey(sample.key())) {
                cached.get(sample.key());
                return;
            }
            cached.put(sample.key(), df);
            if (cached.size() > capacity) {
                String eldest = cached.keySet().iterator().next();
                evicted = cached.remove(eldest);
            }
        }
        df.persist(StorageLevel.MEMORY_AND_DISK());
        if (evicted != null) {
            evicted.unpersist(false);
        }
    }

    private static String key(String location, String format) {
        Path local = localPath(location);
        if (local != null) {
            try {
                return format + ":" + local.toAbsolutePath() + ":" + Files.size(local) + ":"
                        + Files.getLastModifiedTime(local).toMillis();
            } catch (IOException e) {
                return format + ":" + location;
            }
        }
        return format + ":" + location;
    }

    private static boolean isSmallLocalFile(String location) {
        Path local = localPath(location);
        try {
            return local != null && Files.isRegularFile(local) && Files.size(local) <= MAX_CACHED_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path localPath(String location) {
        if (location.contains("://") && !location.startsWith("file:")) {
            return null;
        }
        return Path.of(location.replaceFirst("^file:(//)?", ""));
    }
}
