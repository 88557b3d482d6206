package io.aide.aihub.viz;

import java.util.Locale;

/** A visualization run that stopped, and at which stage of seed 001's error event. */
public class VizException extends RuntimeException {
    public enum Stage {
        SQL_EXECUTION, CODE_GENERATION, DATA_FETCH;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Stage stage;

    public VizException(Stage stage, String message) {
        super(message);
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }
}
