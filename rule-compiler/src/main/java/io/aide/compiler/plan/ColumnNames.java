package io.aide.compiler.plan;

import java.util.regex.Pattern;

/** What a column's name says about its values when no registered type does. */
public final class ColumnNames {
    private static final Pattern DATE_NAME = Pattern.compile("(?i)(^|_)(date|dt|dte)$|^(date|dt)_|_(date|dt)_|^dob$");

    private ColumnNames() {
    }

    /** order_date, svc_to_dt, date_of_birth, dob: the name says the column holds a date. */
    public static boolean date(String column) {
        return DATE_NAME.matcher(column).find();
    }
}
