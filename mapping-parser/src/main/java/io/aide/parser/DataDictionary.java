package io.aide.parser;

import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.SourceRef;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A data dictionary of the targets generated from a spec, as Markdown and HTML. Cell texts that a spreadsheet
 * would run as a formula (=, +, -, @) are prefixed with an apostrophe, and HTML is escaped.
 */
public final class DataDictionary {

    private static final String[] COLUMNS = {"Column", "Type", "Key", "Nullable", "Source", "Rule", "Description",
            "Origin"};

    private DataDictionary() {
    }

    public static String markdown(MappingSpec spec) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Data dictionary: ").append(md(spec.fileName())).append("\n\n");
        Map<String, List<MappingRow>> byTarget = spec.rowsByTarget();
        if (byTarget.isEmpty()) {
            sb.append("No target tables.\n");
        }
        for (Map.Entry<String, List<MappingRow>> e : byTarget.entrySet()) {
            sb.append("## ").append(md(e.getKey())).append("\n\n");
            sb.append('|');
            for (String c : COLUMNS) {
                sb.append(' ').append(c).append(" |");
            }
            sb.append("\n|");
            sb.append("---|".repeat(COLUMNS.length)).append('\n');
            for (MappingRow r : e.getValue()) {
                sb.append('|');
                String[] values = values(r);
                for (int i = 0; i < values.length; i++) {
                    // the last column is AIDE's own @mapping reference: kept verbatim so it can be searched
                    sb.append(' ').append(i == values.length - 1 ? values[i] : md(values[i])).append(" |");
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static String html(MappingSpec spec) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Data dictionary: ")
                .append(html(spec.fileName())).append("</title></head><body>\n");
        sb.append("<h1>Data dictionary: ").append(html(spec.fileName())).append("</h1>\n");
        for (Map.Entry<String, List<MappingRow>> e : spec.rowsByTarget().entrySet()) {
            sb.append("<h2>").append(html(e.getKey())).append("</h2>\n<table>\n<thead><tr>");
            for (String c : COLUMNS) {
                sb.append("<th>").append(c).append("</th>");
            }
            sb.append("</tr></thead>\n<tbody>\n");
            for (MappingRow r : e.getValue()) {
                sb.append("<tr>");
                String[] values = values(r);
                for (int i = 0; i < values.length; i++) {
                    String v = i == values.length - 1 ? escapeHtml(values[i]) : html(values[i]);
                    sb.append("<td>").append(v).append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }

    private static String[] values(MappingRow r) {
        String source = r.sourceColumns().isEmpty()
                ? (r.rawSource() == null ? "" : r.rawSource())
                : r.sourceColumns().stream().map(DataDictionary::source).collect(Collectors.joining(", "));
        return new String[] {r.targetColumn(), nz(r.targetType()), r.key() ? "PK" : "",
                r.nullable() == null ? "" : r.nullable() ? "yes" : "no", source, nz(r.transformation()),
                nz(r.description()), r.ref()};
    }

    private static String source(SourceRef s) {
        String q = s.qualified();
        return s.system() == null || s.system().isBlank() ? q : s.system() + "." + q;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Neutralises spreadsheet formula injection: a leading =, +, -, @, tab or CR gets an apostrophe. */
    static String defuse(String v) {
        if (v == null) {
            return "";
        }
        return CellValues.looksLikeFormula(v) ? "'" + v : v;
    }

    private static String md(String v) {
        return defuse(v).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("`", "\\`").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static String html(String v) {
        return escapeHtml(defuse(v));
    }

    private static String escapeHtml(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\n' -> sb.append("<br>");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
