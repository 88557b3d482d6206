package io.aide.sqlgen.service;

import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.v1.MappingEdited;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which target tables a generation compiles, which a mapping edit touches, and what the layer is called. */
final class TargetSelection {
    private TargetSelection() {
    }

    /** The requested targets in the mapping's spelling, or all of them when none were requested. */
    static List<String> resolveTargets(List<String> requested, Map<String, List<MappingRow>> byTarget) {
        if (requested.isEmpty()) {
            return List.copyOf(byTarget.keySet());
        }
        List<String> resolved = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String r : requested) {
            byTarget.keySet().stream().filter(t -> t.equalsIgnoreCase(r.trim())).findFirst()
                    .ifPresentOrElse(t -> {
                        if (!resolved.contains(t)) {
                            resolved.add(t);
                        }
                    }, () -> unknown.add(r));
        }
        if (!unknown.isEmpty()) {
            throw new SqlgenException("unknown_target", 422, "Unknown target", Stages.LOADING_SPEC,
                    "Target table(s) " + unknown + " are not in the mapping document; it maps "
                            + byTarget.keySet() + ".");
        }
        return resolved;
    }

    /** The targets a mapping edit names, else the targets of its changed rows, else all; in generation order. */
    static List<String> affectedTargets(MappingEdited edited, MappingSpec spec, List<String> targets) {
        Set<String> affected = new LinkedHashSet<>();
        for (String t : edited.changedTargets()) {
            targets.stream().filter(x -> x.equalsIgnoreCase(t)).forEach(affected::add);
        }
        if (affected.isEmpty() && !edited.changedRows().isEmpty()) {
            Set<String> refs = new HashSet<>(edited.changedRows());
            spec.rows().stream().filter(r -> refs.contains(r.ref())).map(MappingRow::targetTable)
                    .filter(t -> t != null && targets.contains(t)).forEach(affected::add);
        }
        if (affected.isEmpty()) {
            affected.addAll(targets);
        }
        return targets.stream().filter(affected::contains).toList();
    }

    /** The one target's name, else the mapping file's name as an identifier. */
    static String layerName(MappingSpec spec, List<String> targets) {
        if (targets.size() == 1) {
            return targets.get(0);
        }
        String file = spec.fileName() == null ? "semantic_layer" : spec.fileName();
        int dot = file.lastIndexOf('.');
        String base = (dot > 0 ? file.substring(0, dot) : file).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return base.isEmpty() ? "semantic_layer" : base;
    }

    /**
     * The targets a refresh after a mapping edit compiles: the generation's targets still in the mapping, plus the
     * mapping's new targets when the generation was not asked for particular ones.
     */
    static List<String> refreshedTargets(List<String> current, List<String> requested,
                                         Map<String, List<MappingRow>> byTarget) {
        List<String> targets = new ArrayList<>(current);
        if (requested.isEmpty()) {
            byTarget.keySet().stream().filter(t -> !containsIgnoreCase(targets, t)).forEach(targets::add);
        }
        targets.removeIf(t -> !byTarget.containsKey(t));
        return targets;
    }

    private static boolean containsIgnoreCase(List<String> list, String value) {
        return list.stream().anyMatch(v -> v.equalsIgnoreCase(value));
    }
}
