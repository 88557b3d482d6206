package io.aide.sqlgen.service;

import io.aide.events.v1.Progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real counts of a compile run and an estimated completion time: the rows left at the measured rate, plus what the
 * stages after compiling (artifacts, validation) are expected to take. Compiling spans 5..85 % of the progress bar;
 * writing artifacts and validation take the rest.
 */
final class ProgressTracker {
    static final int COMPILE_START = 5;
    static final int COMPILE_END = 85;

    private final Clock clock;
    private final int totalRows;
    private final int totalTargets;
    private final Duration interval;
    private final Instant started;
    private final Duration afterCompile;
    private final int rowsAtStart;
    private int rowsDone;
    private int rowsInTarget;
    private int flaggedDone;
    private int flaggedInTarget;
    private int blocksCompleted;
    private int targetsCompleted;
    private String target;
    private Instant lastEmitted = Instant.EPOCH;

    ProgressTracker(Clock clock, int totalRows, int rowsAlreadyCompiled, int totalTargets, int targetsAlreadyCompiled,
                    Duration interval, Duration afterCompile) {
        this.clock = clock;
        this.totalRows = totalRows;
        this.totalTargets = totalTargets;
        this.interval = interval;
        this.afterCompile = afterCompile;
        this.started = clock.instant();
        this.rowsAtStart = rowsAlreadyCompiled;
        this.rowsDone = rowsAlreadyCompiled;
        this.targetsCompleted = targetsAlreadyCompiled;
    }

    void startTarget(String name) {
        target = name;
        rowsInTarget = 0;
        flaggedInTarget = 0;
    }

    /** The compiler's counts within the current target. */
    void update(int rowsCompiledInTarget, int columnsFlaggedInTarget) {
        rowsInTarget = Math.max(rowsInTarget, rowsCompiledInTarget);
        flaggedInTarget = Math.max(flaggedInTarget, columnsFlaggedInTarget);
    }

    void blockCompleted() {
        blocksCompleted++;
    }

    void targetCompleted(int rowsOfTarget, int flaggedOfTarget) {
        rowsDone += rowsOfTarget;
        flaggedDone += flaggedOfTarget;
        rowsInTarget = 0;
        flaggedInTarget = 0;
        targetsCompleted++;
    }

    /** True at most once per interval, so a thousand-row target does not send a thousand events. */
    boolean due() {
        Instant now = clock.instant();
        if (Duration.between(lastEmitted, now).compareTo(interval) >= 0) {
            lastEmitted = now;
            return true;
        }
        return false;
    }

    void emitted() {
        lastEmitted = clock.instant();
    }

    int rowsCompiled() {
        return Math.min(totalRows, rowsDone + rowsInTarget);
    }

    int columnsFlagged() {
        return flaggedDone + flaggedInTarget;
    }

    int percentage() {
        if (totalRows == 0) {
            return COMPILE_END;
        }
        return COMPILE_START + (int) ((long) (COMPILE_END - COMPILE_START) * rowsCompiled() / totalRows);
    }

    /**
     * Now plus the remaining rows at the rate measured so far, plus the stages after compiling; null before anything
     * was measured.
     */
    Instant estimatedCompletion() {
        Instant now = clock.instant();
        int compiledHere = rowsCompiled() - rowsAtStart;
        long elapsedMicros = Duration.between(started, now).toNanos() / 1000;
        if (compiledHere <= 0 || elapsedMicros <= 0) {
            return null;
        }
        double microsPerRow = (double) elapsedMicros / compiledHere;
        long remainingMicros = (long) (microsPerRow * (totalRows - rowsCompiled()));
        return now.plusNanos(remainingMicros * 1000).plus(afterCompile);
    }

    Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("rows_compiled", rowsCompiled());
        stats.put("total_rows", totalRows);
        stats.put("columns_flagged", columnsFlagged());
        stats.put("blocks_completed", blocksCompleted);
        stats.put("targets_completed", targetsCompleted);
        stats.put("total_targets", totalTargets);
        if (target != null) {
            stats.put("target", target);
        }
        return stats;
    }

    /** A Progress event, its percentage held to 0..100. */
    static Progress event(String stage, String message, int percentage, Map<String, Object> stats, Instant eta) {
        return new Progress(stage, message, Math.max(0, Math.min(100, percentage)), stats, eta);
    }
}
