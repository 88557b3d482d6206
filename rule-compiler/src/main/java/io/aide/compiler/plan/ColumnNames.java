package io.aide.compiler.plan;

import java.util.regex.Pattern;

/** What a column's name says about its values when no registered type does. */
public final class ColumnNames {
    private static final Pattern DATE_NAME = Pattern.compile("(?i)(^|_)(date|dt|dte)$|^(date|dt)_|_(date|dt)_|^dob$");
    private static final Pattern TIMESTAMP_NAME = Pattern.compile("(?i)(^|_)(ts|timestamp|tstamp|dttm|datetime)$");

    private ColumnNames() {
    }

    /** order_date, svc_to_dt, date_of_birth, dob: the name says the column holds a date. */
    public static boolean date(String column) {
        return DATE_NAME.matcher(column).find();
    }

    /** created_ts, event_timestamp, load_dttm: the name says the column holds a timestamp. */
    public static boolean timestamp(String column) {
        return TIMESTAMP_NAME.matcher(column).find();
    }
}
