package io.aide.validator.service;

import io.aide.validation.SampleTable;
import io.aide.validator.client.ObjectStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Downloads a data source's sample files ({@code tenants/{t}/datasources/{id}/...}) into a run's work directory. */
public final class SampleFiles {
    private static final Set<String> EXTENSIONS = Set.of("csv", "tsv", "txt", "parquet", "pq");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    /** Tables to load, their local files (for Spark), and expected outputs by target. */
    public record Loaded(List<SampleTable> tables, Map<String, Path> files, Map<String, Path> expected) {
    }

    private SampleFiles() {
    }

    public static Loaded load(ObjectStore store, String tenantId, String dataSourceId, Path work, long maxBytes) {
        if (dataSourceId == null || dataSourceId.isBlank()) {
            return new Loaded(List.of(), Map.of(), Map.of());
        }
        if (!SAFE_ID.matcher(dataSourceId).matches() || dataSourceId.contains("..")) {
            throw new RunRefused("tenant:foreign_key", "data source id '" + dataSourceId + "' is not a valid id");
        }
        String prefix = "tenants/" + tenantId + "/datasources/" + dataSourceId + "/";
        List<ObjectStore.Entry> entries = store.list(prefix).stream()
                .filter(e -> EXTENSIONS.contains(extension(e.key()))).toList();
        long total = entries.stream().mapToLong(ObjectStore.Entry::size).sum();
        if (total > maxBytes) {
            throw new RunRefused("sample:too_large", "the sample files of data source " + dataSourceId + " hold "
                    + total + " bytes, more than the validator's limit of " + maxBytes + "; upload a smaller sample");
        }
        List<SampleTable> tables = new ArrayList<>();
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, Path> expected = new LinkedHashMap<>();
        int n = 0;
        for (ObjectStore.Entry e : entries) {
            String relative = e.key().substring(prefix.length());
            String fileName = relative.substring(relative.lastIndexOf('/') + 1);
            Path local = work.resolve((n++) + "_" + fileName.replaceAll("[^A-Za-z0-9_.-]", "_"));
            store.download(e.key(), local);
            String lower = relative.toLowerCase(Locale.ROOT);
            if (lower.startsWith("expected/") || lower.contains("/expected/") || fileName.toLowerCase(Locale.ROOT).startsWith("expected_")) {
                expected.put(tableName(fileName.replaceFirst("(?i)^expected_", "")), local);
                continue;
            }
            String table = tableName(fileName);
            if (files.containsKey(table)) {
                continue;
            }
            files.put(table, local);
            tables.add(SampleTable.ofFile(table, local));
        }
        return new Loaded(tables, files, expected);
    }

    /** The table a sample file stands for, as document-service names it. */
    static String tableName(String fileName) {
        String base = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        String name = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty()) {
            name = "sample";
        }
        return Character.isDigit(name.charAt(0)) ? "t_" + name : name;
    }

    private static String extension(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
