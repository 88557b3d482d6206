package io.aide.compiler.lang;

/**
 * One token of a rule cell.
 *
 * @param kind  what it is
 * @param text  as written (without quotes for STRING and IDENT)
 * @param norm  lower-case form the lexicon compares against
 * @param hyphenated a hyphen joined this word to the next one as written (Semi-annual)
 */
public record Token(Kind kind, String text, String norm, boolean hyphenated) {

    public Token(Kind kind, String text, String norm) {
        this(kind, text, norm, false);
    }

    public enum Kind {
        /** A plain word: a lexicon phrase part, or a column or table name. */
        WORD,
        /** 12, 3.5 */
        NUMBER,
        /** a time of day: 00:00, 23:59:59, 00:00:0000 */
        TIME,
        /** 'text' or "text" */
        STRING,
        /** `name` or [name]: a name the writer marked as one */
        IDENT,
        /** table.column written with a dot */
        NAME,
        /** = <> != >= <= > < + - * / ( ) , : | */
        OP,
        /** end of a sentence or line: . ; and line breaks */
        SEP,
        /** a date pattern written unquoted: DD/MM/YYYY, yyyy-mm-dd, %d-%b-%y (text = the strftime form) */
        DATE_PATTERN
    }

    static Token of(Kind kind, String text) {
        return new Token(kind, text, text.toLowerCase(java.util.Locale.ROOT));
    }

    boolean is(Kind k, String n) {
        return kind == k && norm.equals(n);
    }

    boolean op(String symbol) {
        return kind == Kind.OP && text.equals(symbol);
    }

    /** A name the rule may use for a column: a plain word, a marked name or table.column. */
    boolean nameLike() {
        return kind == Kind.WORD || kind == Kind.IDENT || kind == Kind.NAME;
    }

    @Override
    public String toString() {
        return kind == Kind.STRING ? "'" + text + "'" : text;
    }
}
