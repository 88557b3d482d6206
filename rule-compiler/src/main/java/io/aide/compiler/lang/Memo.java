package io.aide.compiler.lang;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The answers of a pure function of words, kept for the words met again: documents repeat their column names and
 * their rules, and the service compiles document after document, so the memory is bounded (forgotten whole when full).
 */
public final class Memo<K, V> {

    private final Map<K, V> answers = new ConcurrentHashMap<>();
    private final int bound;
    private final Function<K, V> function;

    public Memo(int bound, Function<K, V> function) {
        this.bound = bound;
        this.function = function;
    }

    public V get(K key) {
        V known = answers.get(key);
        if (known != null) {
            return known;
        }
        V answer = function.apply(key);
        if (answer != null) {
            if (answers.size() >= bound) {
                answers.clear();
            }
            answers.put(key, answer);
        }
        return answer;
    }
}
