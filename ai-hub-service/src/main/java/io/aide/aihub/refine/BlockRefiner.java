package io.aide.aihub.refine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.aide.aihub.context.AssembledContext;
import io.aide.aihub.context.ContextAssembler;
import io.aide.aihub.context.GenerationSource;
import io.aide.aihub.context.References;
import io.aide.aihub.llm.LanguageModels;
import io.aide.aihub.service.AiHubException;
import io.aide.aihub.service.AiTaskException;
import io.aide.aihub.service.Caller;
import io.aide.aihub.service.Prompts;
import io.aide.aihub.service.SampleQueries;
import io.aide.events.EventPayload;
import io.aide.events.v1.AiTaskRequested;
import io.aide.events.v1.AiTaskResult;
import io.aide.events.v1.BlockEdited;
import io.aide.events.v1.CodeChunk;
import io.aide.events.v1.Thought;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Refines one block of a generation: the model rewrites it (streamed as {@code thought} and {@code code_chunk}), the
 * layer with the candidate runs on the generation's sample through the validator, and only a candidate that runs is
 * sent to sqlgen as a new block version ({@link BlockEdited}). A candidate that fails goes back to the model with the
 * validator's error, at most {@code aide.ai.refine.repairs} times; after that the refinement is refused with the
 * last error. Nothing is applied when the sample cannot be queried.
 */
@ApplicationScoped
public class BlockRefiner {
    private static final Logger LOG = Logger.getLogger(BlockRefiner.class);
    public static final String KIND = "refine";
    /** Rows the layer must produce on the sample to show it runs; the row count itself is not judged. */
    static final int PROBE_ROWS = 5;
    /**
     * The renderings a candidate can be checked in, each named by the validator's engine that runs it: DuckDB in the
     * sandbox, Spark SQL on the validator's runner, PostgreSQL in the platform PostgreSQL's sandbox database.
     */
    static final Map<String, String> CHECKED_DIALECTS = Map.of("duckdb", "DuckDB SQL", "spark", "Spark SQL",
            "postgres", "PostgreSQL");
    private static final Map<String, String> ENGINE_NAMES = Map.of("duckdb", "", "spark", " with Spark",
            "postgres", " on PostgreSQL");
    static final String SYSTEM = """
            You are a senior data engineer editing one block of a generated SQL semantic layer (%s).
            The layer's SQL is its blocks in order, joined by new lines. Rewrite only the named block so it follows
            the instruction, keeps the block's role (a select list stays a select list, joins stay joins) and keeps
            the layer valid. Keep @mapping[...] comments that trace columns to mapping rows. Answer with the SQL of
            the block only: no prose, no markdown fences.""";

    private final LanguageModels models;
    private final GenerationSource generations;
    private final ContextAssembler contexts;
    private final SampleQueries samples;
    private final int repairs;

    public BlockRefiner(LanguageModels models, GenerationSource generations, ContextAssembler contexts,
                        SampleQueries samples, @ConfigProperty(name = "aide.ai.refine.repairs", defaultValue = "2") int repairs) {
        this.models = models;
        this.generations = generations;
        this.contexts = contexts;
        this.samples = samples;
        this.repairs = repairs;
    }

    /** Where the refinement's events go: the generation's event stream, and sqlgen's command topic for the edit. */
    public interface Sink {
        void event(EventPayload payload);

        void command(EventPayload payload);
    }

    public AiTaskResult refine(String tenantId, AiTaskRequested task, Sink sink) {
        Map<String, String> ctx = task.context();
        String generationId = ctx.getOrDefault("generationId", task.key());
        String blockName = ctx.get("blockName");
        Caller caller = new Caller(tenantId, task.requestedBy() == null ? "ai-hub-service" : task.requestedBy(), null);
        try {
            String dialect = ctx.getOrDefault("dialect", "duckdb");
            dialect = dialect == null || dialect.isBlank() ? "duckdb" : dialect.strip().toLowerCase(Locale.ROOT);
            if (!CHECKED_DIALECTS.containsKey(dialect)) {
                return refused(task, "refine_dialect_unsupported", "Refinement saves a candidate only once it ran on "
                        + "the generation's sample, and the sample runs DuckDB SQL (the validator's sandbox), Spark "
                        + "SQL (its Spark runner) or PostgreSQL (the platform's sandbox database); no " + dialect
                        + " engine runs here, so '" + dialect + "' cannot be run there: refine the duckdb, spark or "
                        + "postgres rendering of " + blockName + " (the " + dialect + " rendering keeps its compiled SQL).");
            }
            JsonNode hashmap = generations.hashmap(caller, generationId);
            Layer layer = Layer.of(hashmap, ctx.get("target"), blockName, dialect);
            AssembledContext context = contexts.assemble(caller, new ContextAssembler.Scope(generationId, null),
                    References.parseAll(List.of(task.prompt() == null ? "" : task.prompt(),
                            ctx.getOrDefault("references", ""))));
            sink.event(new Thought("Rewriting " + layer.target() + "." + blockName + " (version "
                    + layer.block().version() + ")" + (context.references().isEmpty() ? ""
                    : " with " + context.references().size() + " reference(s)") + "; the candidate runs on the sample "
                    + "before it is saved."));
            List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(SYSTEM.formatted(
                    CHECKED_DIALECTS.get(dialect))), UserMessage.from(prompt(layer, dialect, context, task.prompt()))));
            String lastError = null;
            for (int attempt = 0; attempt <= repairs; attempt++) {
                String answer = models.stream(tenantId, caller.userId(), KIND, messages,
                        delta -> sink.event(new CodeChunk("sql", delta, blockName)));
                String candidate = Prompts.stripFences(answer);
                try {
                    SampleQueries.Result probe = samples.onGeneration(caller, generationId, layer.with(candidate),
                            PROBE_ROWS, dialect);
                    sink.event(new Thought("The candidate ran on the sample" + ENGINE_NAMES.get(dialect) + " ("
                            + probe.rows().size() + " row(s) read, "
                            + probe.columns().size() + " column(s))" + (attempt == 0 ? "" : " after " + attempt
                            + " repair(s)") + "; saving it as a new version of " + blockName + "."));
                    sink.command(new BlockEdited(generationId, layer.target(), dialect, blockName, candidate,
                            caller.userId()));
                    return new AiTaskResult(task.taskId(), KIND, "completed", candidate, null, null);
                } catch (AiHubException e) {
                    if (e.status() != 422) {
                        return refused(task, e.code(), "The candidate could not be checked on the sample, so nothing "
                                + "was applied: " + e.getMessage());
                    }
                    lastError = e.code() + ": " + e.getMessage();
                    if (attempt < repairs) {
                        sink.event(new Thought("The candidate failed on the sample (" + lastError + "); asking the "
                                + "model to repair it (" + (attempt + 1) + " of " + repairs + ")."));
                        messages.add(AiMessage.from(candidate));
                        messages.add(UserMessage.from("That block failed when the layer ran on the sample: " + lastError
                                + "\nAnswer with the corrected SQL of the block " + blockName + " only."));
                    }
                }
            }
            return refused(task, "refine_rejected", "No candidate ran on the sample after " + (repairs + 1)
                    + " attempt(s); block " + blockName + " is unchanged. Last error: " + lastError);
        } catch (AiTaskException e) {
            return new AiTaskResult(task.taskId(), KIND, LanguageModels.NOT_CONFIGURED.equals(e.code())
                    ? "not_configured" : "failed", null, e.code(), e.getMessage());
        } catch (AiHubException e) {
            return refused(task, e.code(), e.getMessage());
        }
    }

    private static AiTaskResult refused(AiTaskRequested task, String code, String message) {
        LOG.infof("refinement %s refused: %s", task.taskId(), code);
        return new AiTaskResult(task.taskId(), KIND, "failed", null, code, message);
    }

    private static String prompt(Layer layer, String dialect, AssembledContext context, String instruction) {
        StringBuilder out = new StringBuilder();
        out.append("Dialect: ").append(dialect).append("\nTarget table: ").append(layer.target()).append("\nBlock to rewrite: ")
                .append(layer.block().name()).append("\n\nThe layer's blocks in order:\n");
        for (Layer.Block b : layer.blocks()) {
            out.append("-- block ").append(b.name()).append(b == layer.block() ? " (rewrite this one)" : "").append('\n')
                    .append(b.sql().strip()).append('\n');
        }
        if (!context.references().isEmpty()) {
            out.append("\nReferenced items:\n").append(context.prompt());
        }
        out.append("\nInstruction: ").append(instruction == null ? "" : instruction);
        return out.toString();
    }

    /** The blocks of one target in order, and the one being refined. */
    record Layer(String target, List<Block> blocks, Block block) {
        record Block(String target, String name, int order, int version, String sql) {
        }

        static Layer of(JsonNode hashmap, String target, String blockName) {
            return of(hashmap, target, blockName, "duckdb");
        }

        /** The blocks in {@code dialect}; a generation that did not write that dialect is refused, naming its own. */
        static Layer of(JsonNode hashmap, String target, String blockName, String dialect) {
            List<Block> all = new ArrayList<>();
            boolean rendered = false;
            for (JsonNode b : hashmap.path("blocks")) {
                JsonNode sql = b.path("sql_by_dialect").path(dialect);
                rendered |= sql.isTextual();
                all.add(new Block(b.path("target").asText(), b.path("block_name").asText(), b.path("order").asInt(),
                        b.path("version").asInt(), sql.isTextual() ? sql.asText()
                        : "duckdb".equals(dialect) ? b.path("sql").asText("") : ""));
            }
            if (!rendered && !"duckdb".equals(dialect)) {
                List<String> written = new ArrayList<>();
                hashmap.path("dialects").forEach(d -> written.add(d.asText()));
                throw new AiHubException(422, "refine_dialect_not_generated", "Dialect not generated", "The "
                        + "generation did not write the " + dialect + " rendering" + (written.isEmpty() ? ""
                        : " (it wrote " + String.join(", ", written) + ")") + "; generate it with " + dialect
                        + " among the dialects, or refine the duckdb rendering.");
            }
            List<String> targets = all.stream().map(Block::target).distinct().toList();
            String chosen = target == null || target.isBlank() ? (targets.size() == 1 ? targets.get(0) : null)
                    : targets.stream().filter(t -> t.equalsIgnoreCase(target)).findFirst().orElse(null);
            if (chosen == null) {
                throw new AiHubException(422, "refine_target_unknown", "Unknown target", (target == null
                        || target.isBlank() ? "The generation has several targets; name one of " : "Target '" + target
                        + "' is not part of the generation; its targets are ") + String.join(", ", targets) + ".");
            }
            List<Block> blocks = all.stream().filter(b -> b.target().equals(chosen))
                    .sorted(Comparator.comparingInt(Block::order)).toList();
            Block block = blocks.stream().filter(b -> b.name().equalsIgnoreCase(blockName)).findFirst()
                    .orElseThrow(() -> new AiHubException(422, "refine_block_unknown", "Unknown block", "Target "
                            + chosen + " has no block '" + blockName + "'; its blocks are "
                            + String.join(", ", blocks.stream().map(Block::name).toList()) + "."));
            return new Layer(chosen, blocks, block);
        }

        /** The layer's SQL with the candidate in place of the block, assembled as sqlgen assembles it. */
        String with(String candidate) {
            StringBuilder sql = new StringBuilder();
            for (Block b : blocks) {
                String text = b == block ? candidate : b.sql();
                if (text != null && !text.isBlank()) {
                    sql.append(sql.length() == 0 ? "" : "\n").append(text.strip());
                }
            }
            return sql.toString();
        }
    }
}
