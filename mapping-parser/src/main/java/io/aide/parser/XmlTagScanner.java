package io.aide.parser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A forgiving byte-level scanner over XML start tags. It never resolves entities or reads a DTD:
 * it only reports that one was declared, so the caller can refuse the file.
 */
final class XmlTagScanner {

    interface Listener {
        /** Called for every start (or empty-element) tag; {@code tag} is valid only during the call. */
        void startTag(XmlTagScanner tag);
    }

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int len;
    private byte[] tag = new byte[256];
    private int tagLen;
    private int nameStart;
    private int nameEnd;
    private boolean declaresEntities;

    XmlTagScanner(InputStream in) {
        this.in = in;
    }

    boolean declaresEntities() {
        return declaresEntities;
    }

    /** Local name of the current tag (namespace prefix dropped). */
    boolean nameIs(String localName) {
        int n = nameEnd - nameStart;
        if (n != localName.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (tag[nameStart + i] != localName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    String name() {
        return new String(tag, nameStart, nameEnd - nameStart, StandardCharsets.UTF_8);
    }

    /** Value of an attribute by local name (prefix ignored), entity references decoded; null when absent. */
    String attr(String localName) {
        int i = nameEnd;
        while (i < tagLen) {
            while (i < tagLen && isSpace(tag[i])) {
                i++;
            }
            int an = i;
            while (i < tagLen && tag[i] != '=' && !isSpace(tag[i]) && tag[i] != '/') {
                i++;
            }
            int ae = i;
            while (i < tagLen && isSpace(tag[i])) {
                i++;
            }
            if (i >= tagLen || tag[i] != '=') {
                i++;
                continue;
            }
            i++;
            while (i < tagLen && isSpace(tag[i])) {
                i++;
            }
            if (i >= tagLen) {
                break;
            }
            byte q = tag[i];
            if (q != '"' && q != '\'') {
                break;
            }
            int vs = ++i;
            while (i < tagLen && tag[i] != q) {
                i++;
            }
            int ve = i;
            i++;
            int local = an;
            for (int k = an; k < ae; k++) {
                if (tag[k] == ':') {
                    local = k + 1;
                }
            }
            if (ae - local == localName.length() && regionEquals(local, localName)) {
                return decode(new String(tag, vs, ve - vs, StandardCharsets.UTF_8));
            }
        }
        return null;
    }

    /** 0-based column of an A1 reference attribute, read without allocating; -1 when absent. */
    int attrColumn(String localName) {
        int i = nameEnd;
        int n = localName.length();
        while (i + n + 2 < tagLen) {
            if (isSpace(tag[i]) && regionEquals(i + 1, localName) && tag[i + 1 + n] == '='
                    && (tag[i + 2 + n] == '"' || tag[i + 2 + n] == '\'')) {
                int k = i + 3 + n;
                int col = 0;
                boolean any = false;
                while (k < tagLen) {
                    int ch = tag[k];
                    if (ch >= 'a' && ch <= 'z') {
                        ch -= 32;
                    }
                    if (ch < 'A' || ch > 'Z') {
                        break;
                    }
                    col = col * 26 + (ch - 'A' + 1);
                    any = true;
                    k++;
                }
                return any ? col - 1 : -1;
            }
            i++;
        }
        return -1;
    }

    private boolean regionEquals(int start, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (tag[start + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    void scan(Listener listener) throws IOException {
        int b;
        while ((b = next()) >= 0) {
            if (b != '<') {
                continue;
            }
            int c = next();
            if (c < 0) {
                return;
            }
            if (c == '!') {
                handleBang();
            } else if (c == '?') {
                skipUntil("?>");
            } else if (c == '/') {
                skipUntil(">");
            } else {
                readTag(c);
                listener.startTag(this);
            }
        }
    }

    private void handleBang() throws IOException {
        int c1 = next();
        if (c1 == '-') {
            skipUntil("-->");
            return;
        }
        if (c1 == '[') {
            skipUntil("]]>");
            return;
        }
        // <!DOCTYPE or <!ENTITY: spreadsheets never need them; the caller refuses the file
        declaresEntities = true;
        skipUntil(">");
    }

    private void readTag(int first) throws IOException {
        tagLen = 0;
        append(first);
        int quote = 0;
        int c;
        while ((c = next()) >= 0) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                break;
            }
            append(c);
        }
        int i = 0;
        while (i < tagLen && !isSpace(tag[i]) && tag[i] != '/' && tag[i] != '>') {
            i++;
        }
        nameStart = 0;
        for (int k = 0; k < i; k++) {
            if (tag[k] == ':') {
                nameStart = k + 1;
            }
        }
        nameEnd = i;
    }

    private void append(int c) {
        if (tagLen == tag.length) {
            if (tag.length >= 1 << 20) {
                return;
            }
            byte[] bigger = new byte[tag.length * 2];
            System.arraycopy(tag, 0, bigger, 0, tagLen);
            tag = bigger;
        }
        tag[tagLen++] = (byte) c;
    }

    private void skipUntil(String end) throws IOException {
        int matched = 0;
        int c;
        while ((c = next()) >= 0) {
            if (c == end.charAt(matched)) {
                matched++;
                if (matched == end.length()) {
                    return;
                }
            } else {
                matched = c == end.charAt(0) ? 1 : 0;
            }
        }
    }

    private int next() throws IOException {
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++] & 0xff;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /** 0-based column index of an A1 reference ("AB12" -> 27), -1 when not a reference. */
    static int columnIndex(String ref) {
        int col = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
        }
        return i == 0 ? -1 : col - 1;
    }

    /** 1-based row of an A1 reference ("AB12" -> 12), -1 when absent. */
    static int rowIndex(String ref) {
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            i++;
        }
        if (i == ref.length()) {
            return -1;
        }
        try {
            return Integer.parseInt(ref.substring(i).replace("$", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String columnLetters(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }
}
