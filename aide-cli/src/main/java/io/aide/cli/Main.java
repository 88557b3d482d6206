package io.aide.cli;

import io.aide.cli.bench.GenerateBenchmark;
import io.aide.cli.eval.EvalCommand;
import io.aide.cli.generate.GenerateCommand;
import io.aide.cli.rules.RulesCommand;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/** The aide command line: parse, generate, eval, rules, bench parse|generate|validate. Exit 0 ok, 1 findings or failure, 2 bad input. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            usage(err);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "parse" -> call("io.aide.parser.ParseCli", rest, out, err, true);
            case "eval" -> EvalCommand.run(rest, out, err);
            case "generate" -> GenerateCommand.run(rest, out, err);
            case "rules" -> RulesCommand.run(rest, out, err);
            case "bench" -> bench(rest, out, err);
            case "-h", "--help", "help" -> {
                usage(out);
                yield 0;
            }
            default -> {
                err.println("unknown command '" + args[0] + "'");
                usage(err);
                yield 2;
            }
        };
    }

    private static int bench(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: bench parse|generate|validate [options]");
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "parse" -> call("io.aide.parser.bench.ParseBenchmark", rest, out, err, true);
            case "generate" -> GenerateBenchmark.run(rest, out);
            case "validate" -> call("io.aide.validation.bench.ValidateBenchmark", rest, out, err, false);
            default -> {
                err.println("unknown benchmark '" + args[0] + "': use parse, generate or validate");
                yield 2;
            }
        };
    }

    // Other modules own these commands; they are looked up at run time so each can land on its own schedule.
    private static int call(String className, String[] args, PrintStream out, PrintStream err, boolean withErr) {
        try {
            Class<?> type = Class.forName(className);
            Object result;
            if (withErr) {
                Method m = findRun(type, true);
                if (m != null) {
                    result = m.invoke(null, args, out, err);
                } else {
                    result = findRun(type, false).invoke(null, args, out);
                }
            } else {
                Method m = findRun(type, false);
                result = m != null ? m.invoke(null, args, out) : findRun(type, true).invoke(null, args, out, err);
            }
            return result instanceof Integer code ? code : 0;
        } catch (ClassNotFoundException | NullPointerException e) {
            err.println(className + " is not available in this build");
            return 2;
        } catch (InvocationTargetException e) {
            err.println("failed: " + e.getCause());
            return 1;
        } catch (IllegalAccessException e) {
            err.println(className + ".run is not callable: " + e.getMessage());
            return 2;
        }
    }

    private static Method findRun(Class<?> type, boolean withErr) {
        try {
            return withErr ? type.getMethod("run", String[].class, PrintStream.class, PrintStream.class)
                    : type.getMethod("run", String[].class, PrintStream.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: aide parse FILE [--json]");
        out.println("       aide generate MAPPING [--dialect D[,D...]] [--sources DIR] [--reference DIR] [--out DIR]");
        out.println("       aide eval CASE_DIR [--json FILE] | aide eval --all DIR [--json FILE]");
        out.println("       aide rules FILE.csv... [--json OUT]");
        out.println("       aide bench parse|generate|validate [options]");
    }
}
