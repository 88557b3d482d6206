package io.aide.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated CSV mapping of many targets (target_00, target_01, ...), each reading its own source table with the
 * rules analysts write, so a generation of it runs long enough to be cancelled, resumed or watched part-way.
 */
final class ManyTargetsMapping {
    private static final String[] RULES = {"Direct move", "Trim", "Upper case", "amount_cents / 100",
            "If status = 'A' then 'Active' else 'Inactive'", "Cast to date", "Coalesce with 0"};

    private ManyTargetsMapping() {
    }

    /** {@code targets} targets of {@code rowsPerTarget} rows; the first row of each is its key, with a filter. */
    static byte[] csv(int targets, int rowsPerTarget) {
        StringBuilder csv = new StringBuilder("Many targets test mapping,,,,,,,,\n,,,,,,,,\n"
                + "Target Table,Target Column,Data Type,Source Table,Source Column,Transformation Rule,Join Condition,"
                + "Filter,Key\n");
        for (String target : targets(targets)) {
            String source = target.replace("target_", "source_");
            for (int r = 0; r < rowsPerTarget; r++) {
                String rule = RULES[r % RULES.length];
                String column = switch (rule) {
                    case "amount_cents / 100" -> "amount_cents";
                    case "If status = 'A' then 'Active' else 'Inactive'" -> "status";
                    default -> "field_" + r;
                };
                String type = rule.startsWith("amount") || rule.startsWith("Coalesce") ? "\"DECIMAL(12,2)\""
                        : rule.startsWith("Cast") ? "DATE" : "VARCHAR";
                csv.append(target).append(",col_").append(r).append(',').append(type).append(',').append(source)
                        .append(',').append(r == 0 ? "id" : column).append(',').append(r == 0 ? "Direct move" : rule)
                        .append(",,").append(r == 0 ? "status <> 'deleted'" : "").append(',')
                        .append(r == 0 ? "Y" : "N").append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The target names of a mapping of {@code count} targets, in order. */
    static List<String> targets(int count) {
        List<String> targets = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            targets.add(String.format("target_%02d", t));
        }
        return targets;
    }
}
