package io.aide.events;

import io.aide.events.v1.AiTaskRequested;
import io.aide.events.v1.AiTaskResult;
import io.aide.events.v1.BlockEdited;
import io.aide.events.v1.BlockRefinementRequested;
import io.aide.events.v1.BlockUpdated;
import io.aide.events.v1.CodeChunk;
import io.aide.events.v1.DataReady;
import io.aide.events.v1.DocumentUploaded;
import io.aide.events.v1.GenerationCancelled;
import io.aide.events.v1.GenerationCompleted;
import io.aide.events.v1.GenerationFailed;
import io.aide.events.v1.GenerationRequested;
import io.aide.events.v1.HashmapSynced;
import io.aide.events.v1.MappingEdited;
import io.aide.events.v1.MappingParseFailed;
import io.aide.events.v1.MappingParsed;
import io.aide.events.v1.Progress;
import io.aide.events.v1.Thought;
import io.aide.events.v1.ValidationReported;
import io.aide.events.v1.ValidationRequested;

import java.util.Map;

/** Envelope type name -> payload record, and the SSE event name each generation event is streamed as. */
public final class EventTypes {
    private static final Map<String, Class<? extends EventPayload>> CLASSES = Map.ofEntries(
            Map.entry(DocumentUploaded.TYPE, DocumentUploaded.class),
            Map.entry(MappingParsed.TYPE, MappingParsed.class),
            Map.entry(MappingParseFailed.TYPE, MappingParseFailed.class),
            Map.entry(MappingEdited.TYPE, MappingEdited.class),
            Map.entry(GenerationRequested.TYPE, GenerationRequested.class),
            Map.entry(BlockRefinementRequested.TYPE, BlockRefinementRequested.class),
            Map.entry(BlockEdited.TYPE, BlockEdited.class),
            Map.entry(GenerationCancelled.TYPE, GenerationCancelled.class),
            Map.entry(ValidationRequested.TYPE, ValidationRequested.class),
            Map.entry(AiTaskRequested.TYPE, AiTaskRequested.class),
            Map.entry(Progress.TYPE, Progress.class),
            Map.entry(BlockUpdated.TYPE, BlockUpdated.class),
            Map.entry(HashmapSynced.TYPE, HashmapSynced.class),
            Map.entry(Thought.TYPE, Thought.class),
            Map.entry(CodeChunk.TYPE, CodeChunk.class),
            Map.entry(DataReady.TYPE, DataReady.class),
            Map.entry(ValidationReported.TYPE, ValidationReported.class),
            Map.entry(GenerationCompleted.TYPE, GenerationCompleted.class),
            Map.entry(GenerationFailed.TYPE, GenerationFailed.class),
            Map.entry(AiTaskResult.TYPE, AiTaskResult.class));

    /** SSE event names of the contract in ARCHITECTURE.md (plus validation and ai_result). */
    private static final Map<String, String> SSE_NAMES = Map.ofEntries(
            Map.entry(Progress.TYPE, "progress"),
            Map.entry(BlockUpdated.TYPE, "block_update"),
            Map.entry(HashmapSynced.TYPE, "hashmap_sync"),
            Map.entry(Thought.TYPE, "thought"),
            Map.entry(CodeChunk.TYPE, "code_chunk"),
            Map.entry(DataReady.TYPE, "data_ready"),
            Map.entry(ValidationReported.TYPE, "validation"),
            Map.entry(GenerationCompleted.TYPE, "generation_complete"),
            Map.entry(GenerationFailed.TYPE, "error"),
            Map.entry(AiTaskResult.TYPE, "ai_result"));

    /** The SSE event that closes a stream; sent after generation_complete or error. */
    public static final String SSE_DONE = "done";

    public static Class<? extends EventPayload> classOf(String type) {
        return CLASSES.get(type);
    }

    /** SSE event name for an envelope type, or null when the type is not streamed to browsers. */
    public static String sseName(String type) {
        return SSE_NAMES.get(type);
    }

    /** Whether the event ends a generation stream (the gateway then sends {@code done}). */
    public static boolean isTerminal(String type) {
        return GenerationCompleted.TYPE.equals(type) || GenerationFailed.TYPE.equals(type);
    }

    private EventTypes() {
    }
}
