package io.aide.gateway.audit;

import java.util.List;
import java.util.stream.Collectors;

/** One audit entry as a CSV row (RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with '). */
final class AuditCsv {
    private AuditCsv() {
    }

    static String row(AuditEntry e) {
        return List.of(Long.toString(e.seq()), e.at().toString(), text(e.actor()), e.actorKind(), e.action(),
                e.outcome(), Integer.toString(e.status()), e.method(), text(e.path()), text(e.target()),
                text(e.correlationId()), text(e.clientAddress())).stream().map(AuditCsv::cell)
                .collect(Collectors.joining(","));
    }

    private static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static String cell(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
