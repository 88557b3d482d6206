package io.aide.aihub.modeler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the CSV sources of the evaluation cases as document-service snapshots them: every column text, no keys. */
final class SampleFiles {
    record Loaded(SchemaSnapshot snapshot, SampleRows sample) {
    }

    static Loaded load(String dir, String... files) {
        List<SchemaSnapshot.Table> tables = new ArrayList<>();
        List<SampleRows.Table> samples = new ArrayList<>();
        for (String file : files) {
            List<List<String>> rows = parse(read("/modeler/" + dir + "/" + file));
            String table = file.replaceFirst("\\.csv$", "");
            List<String> header = rows.get(0);
            List<SchemaSnapshot.Column> columns = new ArrayList<>();
            List<SampleRows.Column> sampleColumns = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                columns.add(new SchemaSnapshot.Column(header.get(i), "text", i + 1, true));
                sampleColumns.add(new SampleRows.Column(header.get(i), "text"));
            }
            List<List<String>> data = rows.subList(1, rows.size());
            tables.add(new SchemaSnapshot.Table(null, table, "table", columns, null, null, (long) data.size()));
            samples.add(new SampleRows.Table(null, table, sampleColumns, data, false));
        }
        return new Loaded(new SchemaSnapshot("ds_" + dir, "files", null, tables), new SampleRows(samples));
    }

    private static String read(String resource) {
        try (InputStream in = SampleFiles.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + resource, e);
        }
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private SampleFiles() {
    }
}
