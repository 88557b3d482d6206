package io.aide.gateway.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which requests the audit log records, and under which action name. Every change (any method but GET, HEAD and
 * OPTIONS) is recorded, named by resource and verb ({@code document.upload}, {@code generation.cancel}, ...), so a new
 * route is audited without being listed here; reads are recorded when they hand data out (downloads, audit reads) or
 * when they are refused (401, 403, 404).
 */
public final class AuditActions {
    private static final Pattern API = Pattern.compile("^/api/v1/([^/]+)(?:/([^/]+))?(?:/([^/]+))?.*$");

    private AuditActions() {
    }

    /** The action of a request that ended with {@code status}, or null when it is not audited. */
    public static String classify(String method, String path, int status) {
        Matcher m = API.matcher(path);
        if (!m.matches()) {
            return null;
        }
        String collection = m.group(1);
        String id = m.group(2);
        String sub = m.group(3);
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (method.equals("OPTIONS")) {
            return null;
        }
        if (collection.equals("session")) {
            // a login (the password login, or the portal's return from the realm), a session renewed (attributed to the
            // user of the token the realm issued for it), a logout; the redirect that starts a login is not one
            if (id == null && method.equals("POST") || "callback".equals(id) && method.equals("GET")) {
                return "session.login";
            }
            if (id == null && method.equals("DELETE")) {
                return "session.logout";
            }
            return "refresh".equals(id) && method.equals("POST") ? "session.refresh" : null;
        }
        String named = named(method, collection, id, sub, read);
        if (named != null) {
            return named;
        }
        if (!read) {
            return resource(collection) + "." + verb(method, id, sub);
        }
        return status == 401 || status == 403 || status == 404 ? resource(collection) + ".read" : null;
    }

    private static String named(String method, String collection, String id, String sub, boolean read) {
        switch (collection) {
            case "documents":
                if (method.equals("POST") && id == null) {
                    return "document.upload";
                }
                return !read && sub != null ? "document." + (sub.equals("reparse") ? "reparse" : "edit") : null;
            case "datasources":
                return method.equals("POST") && "upload".equals(id) ? "datasource.upload" : null;
            case "generations":
                if (method.equals("POST") && id == null) {
                    return "generation.request";
                }
                if ("blocks".equals(sub) && !read) {
                    return "generation.block_edit";
                }
                if ("refine".equals(sub) && !read) {
                    return "generation.refine";
                }
                if (method.equals("DELETE") && sub == null && id != null) {
                    return "generation.cancel";
                }
                return read && "artifacts".equals(sub) ? "generation.download" : null;
            case "admin":
                if ("api-keys".equals(id)) {
                    return method.equals("POST") ? "api_key.create" : method.equals("DELETE") ? "api_key.revoke"
                            : "api_key.list";
                }
                if ("audit".equals(id)) {
                    return "export".equals(sub) ? "audit.export" : "audit.read";
                }
                return null;
            default:
                return null;
        }
    }

    private static String resource(String collection) {
        return switch (collection) {
            case "documents" -> "document";
            case "datasources" -> "datasource";
            case "generations" -> "generation";
            case "validations" -> "validation";
            case "dictionary", "ai", "me", "admin" -> collection;
            default -> "api"; // a path the gateway does not serve: never a caller's text as an action name
        };
    }

    private static String verb(String method, String id, String sub) {
        return switch (method) {
            case "POST" -> id == null ? "create" : "change";
            case "DELETE" -> sub == null ? "delete" : "change";
            default -> "change";
        };
    }

    /** ok for 1xx-3xx, refused for 401, 403, 404 and 429, failed for any other answer. */
    public static String outcome(int status) {
        if (status < 400) {
            return "ok";
        }
        return status == 401 || status == 403 || status == 404 || status == 429 ? "refused" : "failed";
    }
}
