package io.aide.cli.bench;

public final class GenerateBenchmark {
    private GenerateBenchmark() {
    }

    public static int run(String[] args, java.io.PrintStream out) {
        out.println("not yet");
        return 0;
    }
}
