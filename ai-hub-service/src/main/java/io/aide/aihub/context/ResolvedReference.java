package io.aide.aihub.context;

/**
 * A reference resolved into what it stands for.
 *
 * @param reference the reference as written canonically ({@code @code[orders.joins]})
 * @param title     one line naming what was found ({@code block orders.joins, version 3})
 * @param content   the exact text given to the model: the mapping row's fields, the block's SQL, the column's type
 *                  and sample values, or the step's results
 */
public record ResolvedReference(String reference, String kind, String title, String content) {
}
