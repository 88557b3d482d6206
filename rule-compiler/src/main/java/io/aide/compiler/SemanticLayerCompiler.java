package io.aide.compiler;

import io.aide.compiler.plan.LayerPlan;
import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles a mapping spec into one semantic layer per target table: every rule becomes a typed expression
 * (or a flagged typed NULL), then FROM/JOIN, CTEs, WHERE, GROUP BY are planned and rendered per dialect.
 * Each target is compiled from the spec alone, so compiling a subset of targets gives the same output for them.
 */
public final class SemanticLayerCompiler {
    private static final java.util.Set<String> NOT_SQL = java.util.Set.of("pyspark", "dbt");

    public CompilationResult compile(MappingSpec spec, CompileOptions options, CompileListener listener) {
        CompileListener l = listener == null ? CompileListener.NONE : listener;
        // pyspark and dbt are artifacts of every compile (Artifacts), not SQL dialects
        List<Dialect> dialects = options.dialects().stream().filter(d -> !NOT_SQL.contains(lower(d))).map(Dialect::of)
                .distinct().toList();
        if (dialects.isEmpty()) {
            dialects = List.of(Dialect.DUCKDB);
        }
        Map<String, List<MappingRow>> selected = new LinkedHashMap<>();
        spec.rowsByTarget().forEach((target, rows) -> {
            if (options.targets().isEmpty() || options.targets().stream().anyMatch(t -> t.equalsIgnoreCase(target))) {
                selected.put(target, rows);
            }
        });
        UpstreamTargets upstream = new UpstreamTargets(spec, options.schema());
        // a target that reads another target's view comes after it
        Map<String, List<MappingRow>> byTarget = new LinkedHashMap<>();
        upstream.order(selected.keySet()).forEach(t -> byTarget.put(t, selected.get(t)));
        int total = byTarget.values().stream().mapToInt(List::size).sum();
        int done = 0;
        int flagged = 0;
        List<GeneratedLayers.Layer> layers = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, Integer> attention = new LinkedHashMap<>();
        List<LayerRenderer> renderers = dialects.stream().map(LayerRenderer::new).toList();
        for (Map.Entry<String, List<MappingRow>> e : byTarget.entrySet()) {
            String target = e.getKey();
            l.onThought("Planning " + target + " from " + e.getValue().size() + " mapping rows");
            LayerPlan plan;
            try {
                plan = plan(spec, options.schema(), upstream, target, e.getValue(), diagnostics);
            } catch (RuntimeException ex) {
                // one target the planner cannot handle must not take the others down: every column is flagged
                diagnostics.add(new Diagnostic(Diagnostic.ERROR, "target_not_compiled", "target " + target
                        + " could not be planned (" + ex + "); every column is emitted as a typed NULL", null,
                        e.getValue().get(0).ref()));
                plan = fallbackPlan(target, e.getValue(), ex.toString());
            }
            upstream.planned(target, plan);
            Map<String, Map<String, String>> blockSql;
            try {
                blockSql = render(renderers, dialects, plan, target, diagnostics);
            } catch (RuntimeException ex) {
                diagnostics.add(new Diagnostic(Diagnostic.ERROR, "target_not_compiled", "target " + target
                        + " could not be rendered (" + ex + "); every column is emitted as a typed NULL", null,
                        e.getValue().get(0).ref()));
                plan = fallbackPlan(target, e.getValue(), ex.toString());
                blockSql = render(renderers, dialects, plan, target, diagnostics);
            }
            List<GeneratedLayers.Block> blocks = new ArrayList<>();
            for (String name : LayerRenderer.ORDER) {
                Map<String, String> sql = blockSql.get(name);
                if (sql == null) {
                    continue;
                }
                GeneratedLayers.Block block = new GeneratedLayers.Block(name, LayerRenderer.ORDER.indexOf(name), 1, sql,
                        refsOf(name, plan));
                blocks.add(block);
                l.onBlock(target, block);
            }
            Map<String, String> layerSql = new LinkedHashMap<>();
            for (Dialect d : dialects) {
                layerSql.put(d.id(), BlockAssembler.assemble(blocks, d.id()));
            }
            List<GeneratedLayers.Column> columns = plan.columns().stream().map(c -> new GeneratedLayers.Column(c.name(),
                    c.type().known() ? c.type().display() : null, c.mappingRef(), c.status(), c.reason(), c.sources(), c.key(),
                    c.nullable(), c.acceptedValues(), c.lookupTable())).toList();
            int layerFlagged = (int) columns.stream().filter(c -> "flagged".equals(c.status())).count();
            flagged += layerFlagged;
            attention.put(target, layerFlagged);
            GeneratedLayers.Layer layer = new GeneratedLayers.Layer(target, layerSql, PySparkWriter.job(plan),
                    blocks, columns, plan.sourceTables(), plan.keyColumns());
            layers.add(layer);
            done += e.getValue().size();
            l.onProgress(done, total, flagged, target);
        }
        return new CompilationResult(layers, diagnostics, attention);
    }

    /** Plans a target; the targets it reads are views whose compiled columns it may read. */
    private static LayerPlan plan(MappingSpec spec, SchemaCatalog catalog, UpstreamTargets upstream, String target,
                                  List<MappingRow> rows, List<Diagnostic> diagnostics) {
        Map<String, List<LayerPlan.ColumnInfo>> reads = upstream.columnsReadBy(target);
        return LayerPlanner.planTarget(spec, upstream.catalogFor(target, reads), target, rows, diagnostics, reads);
    }

    private static Map<String, Map<String, String>> render(List<LayerRenderer> renderers, List<Dialect> dialects, LayerPlan plan,
                                                          String target, List<Diagnostic> diagnostics) {
        Map<String, Map<String, String>> blockSql = new LinkedHashMap<>();
        for (int i = 0; i < dialects.size(); i++) {
            Map<String, String> rendered = renderers.get(i).render(plan);
            String d = dialects.get(i).id();
            for (LayerRenderer.Gap gap : renderers.get(i).gaps()) {
                // the other dialects keep the column; this one writes NULL (or leaves a condition out) with a TODO
                diagnostics.add(new Diagnostic(Diagnostic.WARNING, "dialect_unsupported", d + ": " + target + "." + gap.place()
                        + ": " + gap.reason(), null, gap.ref()));
            }
            rendered.forEach((block, sql) -> blockSql.computeIfAbsent(block, k -> new LinkedHashMap<>()).put(d, sql));
        }
        return blockSql;
    }

    private static LayerPlan fallbackPlan(String target, List<MappingRow> rows, String reason) {
        List<LayerPlan.Item> items = new ArrayList<>();
        List<LayerPlan.ColumnInfo> infos = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (MappingRow r : rows) {
            if (r.targetColumn() == null || r.targetColumn().isBlank() || !seen.add(lower(r.targetColumn().trim()))) {
                continue;
            }
            io.aide.compiler.plan.SqlType t = io.aide.compiler.plan.SqlType.parse(r.targetType());
            t = t.known() ? t : io.aide.compiler.plan.SqlType.VARCHAR;
            items.add(new LayerPlan.Item(r.targetColumn().trim(), new io.aide.compiler.plan.Expr.TypedNull(t), r.ref(),
                    "TODO target not planned: " + reason));
            infos.add(new LayerPlan.ColumnInfo(r.targetColumn().trim(), t, r.ref(), "flagged", "target not planned: " + reason,
                    List.of(), r.key(), r.nullable(), List.of(), null, r.transformation()));
        }
        LayerPlan.Branch branch = new LayerPlan.Branch(null, List.of(), items, List.of(), List.of(), List.of(),
                rows.stream().map(MappingRow::ref).toList(), List.of());
        return new LayerPlan(target, List.of(), List.of(branch), infos, List.of(), List.of());
    }

    private static List<String> refsOf(String block, LayerPlan plan) {
        LayerPlan.Branch main = plan.branches().get(0);
        return switch (block) {
            case LayerRenderer.SELECT -> main.items().stream().filter(i -> i.mappingRef() != null)
                    .flatMap(i -> List.of(i.mappingRef().split(" ")).stream()).distinct().toList();
            case LayerRenderer.JOINS -> main.joins().stream().flatMap(j -> j.mappingRefs().stream()).distinct().toList();
            case LayerRenderer.CTES -> plan.ctes().stream().flatMap(c -> c.mappingRefs().stream()).distinct().toList();
            case LayerRenderer.WHERE -> main.whereRefs();
            case LayerRenderer.GROUP_BY -> main.items().stream().filter(i -> i.todo() == null && i.mappingRef() != null)
                    .flatMap(i -> List.of(i.mappingRef().split(" ")).stream()).distinct().toList();
            default -> plan.branches().stream().skip(1).flatMap(b -> b.mappingRefs().stream()).distinct().toList();
        };
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
