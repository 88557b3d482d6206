package io.aide.gateway.rest;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Checks what no route should ever see, before authentication and before any database: over-long URIs,
 * malformed percent-encoding, control characters ({@code %00}), dot segments, and resource ids that are not
 * ids (pattern and length). Answers the refusal, or null when the request may go on.
 */
final class EdgeGuard {
    /** Longest request URI the gateway answers; longer ones get 414 (the HTTP layer itself stops at 16 KB). */
    static final int MAX_URI = 8192;
    /** An id of a document, data source, generation or validation: what the services issue, nothing else. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final Pattern RESOURCE = Pattern.compile("^/api/v1/(documents|datasources|generations|validations)/([^/]*)(/.*)?$");

    record Refusal(int status, String code, String title, String detail) {
    }

    private EdgeGuard() {
    }

    static Refusal check(String uri, String rawPath) {
        if (uri != null && uri.length() > MAX_URI) {
            return new Refusal(414, "uri_too_long", "URI too long", "The request URI has " + uri.length()
                    + " characters; at most " + MAX_URI + " are accepted. Send long values in the request body.");
        }
        if (rawPath == null) {
            return null;
        }
        String path = decode(rawPath);
        if (path == null) {
            return invalidPath("it holds a '%' that is not followed by two hexadecimal digits");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return invalidPath("it holds a control character (such as %00)");
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return invalidPath("it holds a '.' or '..' segment");
            }
        }
        var resource = RESOURCE.matcher(path);
        if (resource.matches() && !ID.matcher(resource.group(2)).matches()) {
            String kind = resource.group(1);
            return new Refusal(400, "invalid_id", "Invalid id", "'" + printable(resource.group(2)) + "' is not a "
                    + kind.substring(0, kind.length() - 1) + " id: ids are 1-100 letters, digits, '_', '-' or '.', "
                    + "starting with a letter or digit. Use the id the API returned.");
        }
        return null;
    }

    /** Percent-decodes a path strictly (no '+' rule); null when an escape is malformed. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        byte[] out = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return null;
                }
                out[n++] = (byte) (Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c < 0x80) {
                out[n++] = (byte) c;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (n + utf8.length > out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2 + utf8.length);
                }
                System.arraycopy(utf8, 0, out, n, utf8.length);
                n += utf8.length;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static Refusal invalidPath(String why) {
        return new Refusal(400, "invalid_path", "Invalid path", "The request path cannot be served: " + why
                + ". Use the paths listed in /q/openapi.");
    }

    private static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
