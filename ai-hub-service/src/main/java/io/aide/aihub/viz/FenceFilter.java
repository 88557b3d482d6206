package io.aide.aihub.viz;

import java.util.function.Consumer;

/**
 * Passes streamed model text through while taking off a Markdown code fence around it: an opening line such as
 * {@code ```tsx} and a closing {@code ```}. Holds back only the first line and the last few characters.
 */
final class FenceFilter {
    private static final int TAIL = 8;
    private final Consumer<String> out;
    private final StringBuilder pending = new StringBuilder();
    private boolean headDecided;

    FenceFilter(Consumer<String> out) {
        this.out = out;
    }

    void accept(String text) {
        pending.append(text);
        if (!headDecided) {
            String trimmed = stripLeading(pending);
            if (trimmed.startsWith("```")) {
                int newline = trimmed.indexOf('\n');
                if (newline < 0) {
                    return;
                }
                pending.setLength(0);
                pending.append(trimmed.substring(newline + 1));
                headDecided = true;
            } else if (trimmed.length() >= 3 || (!trimmed.isEmpty() && !"```".startsWith(trimmed))) {
                headDecided = true;
            } else {
                return;
            }
        }
        if (pending.length() > TAIL) {
            out.accept(pending.substring(0, pending.length() - TAIL));
            pending.delete(0, pending.length() - TAIL);
        }
    }

    void finish() {
        String rest = pending.toString();
        String trimmed = rest.stripTrailing();
        if (trimmed.endsWith("```")) {
            rest = trimmed.substring(0, trimmed.length() - 3);
        }
        if (!rest.isEmpty()) {
            out.accept(rest);
        }
        pending.setLength(0);
    }

    private static String stripLeading(CharSequence s) {
        return s.toString().stripLeading();
    }
}
