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

    public static String dataSourcePrefix(String tenantId, String dataSourceId) {
        return "tenants/" + tenantId + "/datasources/" + dataSourceId + "/";
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
