package io.aide.compiler.lang;

/** One rule family of the rule language (constants, copies, lookups, conditionals, ...). */
public interface Recognizer {
    /** Reads the whole cell from the parser's start; every content word must be placed to answer Recognized. */
    Recognition recognize(Parser p);
}
