package io.aide.events;

/** Kafka topic names of the v1 backbone. A breaking change to a payload means a new v2 topic. */
public final class Topics {
    /** DocumentUploaded, MappingParsed, MappingParseFailed, MappingEdited; key = documentId. */
    public static final String DOCUMENTS = "aide.documents.v1";
    /** GenerationRequested, BlockRefinementRequested, BlockEdited, GenerationCancelled; key = generationId. */
    public static final String GENERATION_COMMANDS = "aide.generation.commands.v1";
    /** ValidationRequested; key = generationId. */
    public static final String VALIDATION_COMMANDS = "aide.validation.commands.v1";
    /** AiTaskRequested; key = generationId or sessionId. */
    public static final String AI_COMMANDS = "aide.ai.commands.v1";
    /** Everything the browser sees over SSE; key = generationId (or documentId, sessionId). */
    public static final String GENERATION_EVENTS = "aide.generation.events.v1";

    public static final String DLQ_SUFFIX = ".dlq";

    public static final String[] ALL = {DOCUMENTS, GENERATION_COMMANDS, VALIDATION_COMMANDS, AI_COMMANDS, GENERATION_EVENTS};

    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }

    private Topics() {
    }
}
