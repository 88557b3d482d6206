package io.aide.cli.bench;

/** A benchmark that cannot be measured; the message says what to do, the exit code is the command's. */
final class BenchException extends RuntimeException {
    static final int STACK_DOWN = 2;
    static final int FAILED = 1;

    private final int exitCode;

    BenchException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
