package io.aide.compiler;

import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A filter cell that points at another target's: "Same exclusions as fact_order_line (cancelled orders, zero-qty
 * lines)", "same filter as stg_orders". It stands for that target's one filter cell; where that target has none or
 * several, the cell is left as written (and flagged as a filter that is not applied).
 */
final class FilterReferences {
    private static final Pattern SAME_AS = Pattern.compile("(?i)^\\s*(?:apply\\s+)?(?:the\\s+)?same\\s+(?:exclusions?|filters?|"
            + "filter\\s+criteria|criteria|conditions?|where\\s+clause|restrictions?|row\\s+filters?)\\s+as\\s+(?:for\\s+|in\\s+|on\\s+)?"
            + "(?:the\\s+)?([A-Za-z_][\\w.]*)\\b.*$");

    private FilterReferences() {
    }

    static List<MappingRow> expand(MappingSpec spec, List<MappingRow> rows) {
        if (rows.stream().noneMatch(r -> r.filter() != null && SAME_AS.matcher(r.filter()).matches())) {
            return rows;
        }
        return rows.stream().map(r -> {
            Matcher m = r.filter() == null ? null : SAME_AS.matcher(r.filter());
            if (m == null || !m.matches() || m.group(1).equalsIgnoreCase(r.targetTable())) {
                return r;
            }
            List<String> theirs = spec.rows().stream().filter(o -> m.group(1).equalsIgnoreCase(o.targetTable()))
                    .map(MappingRow::filter).filter(Objects::nonNull).map(String::trim).filter(f -> !f.isEmpty()).distinct().toList();
            if (theirs.size() != 1 || SAME_AS.matcher(theirs.get(0)).matches()) {
                return r;
            }
            return new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                    r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), r.transformation(), r.join(),
                    theirs.get(0), r.key(), r.nullable(), r.defaultValue(), r.nullHandling(), r.description(), r.attributes());
        }).toList();
    }
}
