package io.aide.gateway.rest;

import java.util.List;

/**
 * Body of {@code POST /api/v1/generations/{id}/refine}.
 *
 * @param references {@code @mapping[Sheet:row]}, {@code @code[block]} or {@code @schema[table]} references
 * @param sql        the block's current SQL as the editor shows it (optional)
 */
public record RefineRequest(String target, String blockName, String instruction, List<String> references,
                            String sql, String dialect) {
}
