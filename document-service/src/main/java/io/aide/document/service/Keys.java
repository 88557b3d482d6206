package io.aide.document.service;

import java.util.Locale;

/** S3 keys; every one starts with the tenant's prefix. */
public final class Keys {
    private Keys() {
    }

    public static String raw(String tenantId, String documentId, String fileName) {
        return "tenants/" + tenantId + "/documents/" + documentId + "/raw/" + safeFileName(fileName);
    }

    public static String spec(String tenantId, String documentId, int version) {
        return "tenants/" + tenantId + "/documents/" + documentId + "/spec/v" + version + ".json";
    }

    /** A lookup, dictionary or config file the parser reads next to the mapping document. */
    public static String reference(String tenantId, String documentId, String fileName) {
        return "tenants/" + tenantId + "/documents/" + documentId + "/reference/" + safeFileName(fileName);
    }

    public static String dataSourcePrefix(String tenantId, String dataSourceId) {
        return "tenants/" + tenantId + "/datasources/" + dataSourceId + "/";
    }

    /** A sample table of an uploaded data source. */
    public static String sampleFile(String tenantId, String dataSourceId, String fileName) {
        return dataSourcePrefix(tenantId, dataSourceId) + "files/" + safeFileName(fileName);
    }

    /** Expected rows of one target; the validator reads every key under {@code expected/} as such. */
    public static String expectedFile(String tenantId, String dataSourceId, String fileName) {
        return dataSourcePrefix(tenantId, dataSourceId) + "expected/" + safeFileName(fileName);
    }

    public static boolean belongsTo(String key, String tenantId) {
        return key != null && key.startsWith("tenants/" + tenantId + "/") && !key.contains("..");
    }

    /** The name as the user gave it, without directories or characters that would change the key's meaning. */
    public static String safeFileName(String fileName) {
        String n = fileName == null ? "" : fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).trim();
        n = n.replaceAll("[\\p{Cntrl}]", "").replaceAll("[^\\p{L}\\p{N} ._()+-]", "_");
        while (n.startsWith(".")) {
            n = n.substring(1);
        }
        if (n.length() > 200) {
            String ext = n.contains(".") ? n.substring(n.lastIndexOf('.')) : "";
            n = n.substring(0, 200 - ext.length()) + ext;
        }
        return n.isBlank() ? "upload" : n;
    }

    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
