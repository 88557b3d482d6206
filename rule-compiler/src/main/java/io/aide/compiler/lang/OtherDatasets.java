package io.aide.compiler.lang;

import io.aide.events.spec.MappingRow;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A row whose instruction writes into another dataset: "If CMDRG is over 200 characters, split it into CMDRGn in
 * SUPPCM". SDTM keeps text past 200 characters in a supplemental qualifier dataset (SUPP--), which this layer does not
 * generate; such a row, beside another that gives the column its value, does not define this column.
 */
public final class OtherDatasets {
    /** "... into CMDRGn in SUPPCM", "... into SUPPAE", "moved to SUPPDM": a supplemental dataset as the destination. */
    private static final Pattern DESTINATION = Pattern.compile(
            "(?i)\\b(?:into|to|in)\\b[^.;]*?\\b(SUPP[A-Z][A-Z0-9]{1,7})\\b");
    private static final Pattern SPLIT = Pattern.compile("(?i)\\b(?:split|move|moved|put|store|stored|write|written)\\b");

    private OtherDatasets() {
    }

    /** The supplemental dataset the row writes into (upper case), or null when it writes into the row's own target. */
    public static String destination(MappingRow row) {
        // the instruction may stand in the rule or, beside an algorithm code, in the row's annotation or notes
        String text = java.util.stream.Stream.of(row.transformation(), row.description(), row.nullHandling())
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining(" "));
        if (!SPLIT.matcher(text).find()) {
            return null;
        }
        Matcher m = DESTINATION.matcher(text);
        if (!m.find()) {
            return null;
        }
        String dataset = m.group(1).toUpperCase(Locale.ROOT);
        String target = row.targetTable() == null ? "" : row.targetTable().trim().toUpperCase(Locale.ROOT);
        return dataset.equals(target) ? null : dataset;
    }
}
