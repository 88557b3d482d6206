package io.aide.document.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a sample-data zip while counting what it really inflates to: entry count, total bytes and
 * per-entry inflate ratio are capped, names are flattened (no path traversal). Entries under a folder named
 * {@value #EXPECTED_FOLDER} (at any depth) are expected rows: they are unpacked into their own sub-directory
 * and may share a name with a sample table. Pure; no framework.
 */
public final class ZipGuard {
    public record Limits(int maxEntries, long maxTotalBytes, int maxRatio) {
    }

    /** Folder whose files hold the expected output rows of a target rather than a sample table. */
    public static final String EXPECTED_FOLDER = "expected";

    /**
     * @param name   the entry's file name, without folders
     * @param folder the entry's folders inside the zip, '/'-separated without '.' or '..' ("" at the root)
     */
    public record Extracted(String name, String folder, Path file, long size) {
        /** True when the entry is expected rows: one of its folders is named {@value #EXPECTED_FOLDER}. */
        public boolean expected() {
            return inFolder(folder, EXPECTED_FOLDER);
        }
    }

    private final Limits limits;

    public ZipGuard(Limits limits) {
        this.limits = limits;
    }

    /** Extracts entries whose extension is accepted into {@code dir}; throws a 4xx DocumentServiceException otherwise. */
    public List<Extracted> extract(Path zip, String zipName, Path dir, Set<String> acceptedExtensions) throws IOException {
        List<Extracted> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        // the central directory gives each entry's compressed size; what is really inflated is counted below
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            var all = archive.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                if (++entries > limits.maxEntries()) {
                    throw refused(zipName, "zip_too_many_entries", "it holds more than " + limits.maxEntries()
                            + " files. Upload fewer files per zip.");
                }
                String name = baseName(entry.getName());
                if (name.isEmpty() || name.startsWith(".") || entry.getName().startsWith("__MACOSX")) {
                    continue;
                }
                String ext = extension(name);
                if (!acceptedExtensions.contains(ext)) {
                    throw refused(zipName, "unsupported_file", "entry '" + entry.getName()
                            + "' is not a CSV or Parquet file. Zip only .csv, .tsv and .parquet files.");
                }
                String folder = folder(entry.getName());
                boolean expected = inFolder(folder, EXPECTED_FOLDER);
                if (!names.add((expected ? EXPECTED_FOLDER + "/" : "") + name.toLowerCase(Locale.ROOT))) {
                    throw refused(zipName, "duplicate_entry", "two " + (expected ? "expected-rows " : "")
                            + "entries are named '" + name + "' (the second is '" + entry.getName()
                            + "'). Give each file a unique name.");
                }
                long compressed = Math.max(entry.getCompressedSize(), 1);
                Path target = expected ? Files.createDirectories(dir.resolve(EXPECTED_FOLDER)).resolve(name)
                        : dir.resolve(name);
                long written = 0;
                try (InputStream in = archive.getInputStream(entry); OutputStream os = Files.newOutputStream(target)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        written += n;
                        total += n;
                        if (total > limits.maxTotalBytes()) {
                            throw refused(zipName, "zip_bomb", "its files inflate to more than "
                                    + limits.maxTotalBytes() + " bytes. Upload smaller samples.");
                        }
                        if (written > 1024 * 1024 && written / compressed > limits.maxRatio()) {
                            throw refused(zipName, "zip_bomb", "entry '" + entry.getName() + "' inflates more than "
                                    + limits.maxRatio() + " times its compressed size. Upload the files unzipped.");
                        }
                        os.write(buffer, 0, n);
                    }
                }
                out.add(new Extracted(name, folder, target, written));
            }
        } catch (java.util.zip.ZipException e) {
            throw refused(zipName, "corrupt_zip", "it is not a readable zip archive (" + e.getMessage()
                    + "). Re-create the zip and upload it again.");
        }
        if (out.isEmpty()) {
            throw refused(zipName, "empty_zip", "it holds no CSV or Parquet file.");
        }
        return out;
    }

    static String baseName(String entryName) {
        String n = entryName.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1).trim();
    }

    /** The folders of an entry name, without empty, '.' or '..' segments: "a/./b/../c.csv" -> "a/b". */
    static String folder(String entryName) {
        String[] parts = entryName.replace('\\', '/').split("/");
        StringBuilder folder = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            String part = parts[i].trim();
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                continue;
            }
            folder.append(folder.length() == 0 ? "" : "/").append(part);
        }
        return folder.toString();
    }

    /** True when one of the folders (at any depth) is named {@code name}, ignoring case. */
    static boolean inFolder(String folder, String name) {
        for (String part : folder.split("/")) {
            if (part.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static DocumentServiceException refused(String zipName, String code, String why) {
        return new DocumentServiceException(422, "bad_sample_data:" + code, "Sample data refused",
                "'" + zipName + "' was refused: " + why);
    }
}
