package io.aide.compiler.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Compiled-once regular expressions for the rule patterns (String.matches compiles on every call). */
public final class Rx {
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Rx() {
    }

    public static Pattern p(String regex) {
        return CACHE.computeIfAbsent(regex, Pattern::compile);
    }

    public static Function<String, Boolean> m(String regex) {
        Pattern p = p(regex);
        return s -> p.matcher(s).matches();
    }
}
