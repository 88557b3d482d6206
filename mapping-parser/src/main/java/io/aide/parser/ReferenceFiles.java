package io.aide.parser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.aide.events.spec.ReferenceTable;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Turns uploaded lookup files (csv, tsv, xlsx, xls, yaml, json) into named reference tables. */
final class ReferenceFiles {

    private static final int MAX_ROWS = 50_000;
    private final ParserLimits limits;

    ReferenceFiles(ParserLimits limits) {
        this.limits = limits;
    }

    List<ReferenceTable> read(Path file) throws MappingFileException {
        String fileName = file.getFileName().toString();
        String ext = ContainerInspector.extension(fileName);
        String base = ContainerInspector.baseName(fileName);
        if (ext.equals("yaml") || ext.equals("yml") || ext.equals("json")) {
            return structured(file, fileName, base, ext);
        }
        Container container = new ContainerInspector(limits).inspect(file, fileName);
        ParseContext ctx = new ParseContext(fileName, ParseOptions.defaults(), limits);
        ctx.referenceOnly = true;
        switch (container.format()) {
            case "csv", "tsv" -> {
                return List.of(csv(file, fileName, base, container.format().equals("tsv")));
            }
            case "xlsx", "xlsm" -> new XlsxReader().read(file, container, ctx);
            case "xls" -> new XlsReader().read(file, ctx);
            default -> throw new MappingFileException(MappingFileException.UNSUPPORTED_FORMAT, fileName, fileName
                    + " is not a supported reference file; upload csv, tsv, xlsx, xls, yaml or json.");
        }
        List<ReferenceTable> out = new ArrayList<>();
        for (ReferenceTable t : ctx.referenceTables) {
            out.add(new ReferenceTable(t.name(), t.columns(), t.rows(), fileName + "#" + t.name()));
        }
        return out;
    }

    private ReferenceTable csv(Path file, String fileName, String base, boolean tsv) throws MappingFileException {
        CsvReader.Dialect d = CsvReader.detect(file, tsv, fileName);
        List<String> columns = null;
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser p = CsvReader.open(file, d)) {
            for (CSVRecord rec : p) {
                List<String> values = rec.toList();
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (columns == null) {
                    columns = values.stream().map(String::strip).toList();
                } else if (rows.size() < MAX_ROWS) {
                    rows.add(values);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new MappingFileException(MappingFileException.CORRUPT, fileName, fileName
                    + " is not a well-formed CSV file: " + e.getMessage() + ".", e);
        }
        return new ReferenceTable(base, columns, rows, fileName);
    }

    private List<ReferenceTable> structured(Path file, String fileName, String base, String ext)
            throws MappingFileException {
        try {
            if (Files.size(file) > limits.maxBytes()) {
                throw new MappingFileException(MappingFileException.TOO_LARGE, fileName, fileName + " is larger than "
                        + ContainerInspector.mb(limits.maxBytes()) + ".");
            }
            ObjectMapper mapper = ext.equals("json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
            JsonNode root;
            try (InputStream in = Files.newInputStream(file)) {
                root = mapper.readTree(in);
            }
            List<ReferenceTable> out = new ArrayList<>();
            List<List<String>> flat = new ArrayList<>();
            flatten("", root, flat, out, fileName);
            out.add(0, new ReferenceTable(base, List.of("key", "value"), flat, fileName));
            return out;
        } catch (MappingFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MappingFileException(MappingFileException.CORRUPT, fileName, fileName + " is not valid "
                    + ext.toUpperCase() + ": " + e.getMessage(), e);
        }
    }

    /** Leaves as key/value rows; every map or list of plain values also becomes its own table (a lookup). */
    private static void flatten(String path, JsonNode node, List<List<String>> flat, List<ReferenceTable> tables,
                                String fileName) {
        if (node == null || node.isNull()) {
            flat.add(List.of(path, ""));
        } else if (node.isObject()) {
            List<List<String>> own = new ArrayList<>();
            boolean allScalar = node.size() > 0;
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (e.getValue().isValueNode()) {
                    own.add(List.of(e.getKey(), e.getValue().asText()));
                } else {
                    allScalar = false;
                }
                flatten(p, e.getValue(), flat, tables, fileName);
            }
            if (allScalar && !path.isEmpty()) {
                tables.add(new ReferenceTable(path, List.of("key", "value"), own, fileName + "#" + path));
            }
        } else if (node.isArray()) {
            List<List<String>> own = new ArrayList<>();
            boolean allScalar = node.size() > 0;
            for (int i = 0; i < node.size(); i++) {
                JsonNode v = node.get(i);
                if (v.isValueNode()) {
                    own.add(List.of(v.asText()));
                } else {
                    allScalar = false;
                }
                flatten(path + "[" + i + "]", v, flat, tables, fileName);
            }
            if (allScalar && !path.isEmpty()) {
                tables.add(new ReferenceTable(path, List.of("value"), own, fileName + "#" + path));
            }
        } else {
            flat.add(List.of(path, node.asText()));
        }
    }
}
