package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A timestamp cut to the start of its hour or minute, a timestamp still; every dialect has its own spelling. */
class RuleClockTruncationTest {
    private static final RuleTable TABLE = new RuleTable("t", "id", new String[]{"id", "reading_ts"},
            new String[]{"1", "2024-05-06 23:59:58"},
            new String[]{"2", "2024-12-31 00:00:00"},
            new String[]{"3", null});

    @Test
    void shouldTruncateATimestampToTheHourOrMinute() throws Exception {
        TABLE.expect("TIMESTAMP", "reading_ts", List.of("Reading timestamp truncated to the hour", "truncated to hour"),
                "2024-05-06 23:00:00.0", "2024-12-31 00:00:00.0", null);
        TABLE.expect("TIMESTAMP", "reading_ts", List.of("truncate reading_ts to the minute"), "2024-05-06 23:59:00.0",
                "2024-12-31 00:00:00.0", null);
        assertThat(TABLE.compile("TIMESTAMP", "reading_ts", "truncated to the hour").sql().get("bigquery"))
                .contains("TIMESTAMP_TRUNC(");
    }
}
