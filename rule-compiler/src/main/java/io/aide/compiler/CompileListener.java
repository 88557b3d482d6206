package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;

/** Callbacks while a spec compiles, so callers can stream blocks as each completes. */
public interface CompileListener {
    CompileListener NONE = new CompileListener() { };

    default void onBlock(String target, GeneratedLayers.Block block) {
    }

    default void onProgress(int rowsCompiled, int totalRows, int columnsFlagged, String currentTarget) {
    }

    default void onThought(String text) {
    }
}
