package io.aide.events.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A line of a sheet that holds no mapping: a cover sheet's conventions ("All code comparisons are case-insensitive"),
 * a target's grain ("dim_student grain | Keep one row per Student ID ..."), kept as written so the compiler can read
 * what applies to every row.
 *
 * @param sheet the sheet it is on
 * @param row   its 1-based row
 * @param text  its non-blank cells, joined with " | "
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentNote(String sheet, int row, String text) {
}
