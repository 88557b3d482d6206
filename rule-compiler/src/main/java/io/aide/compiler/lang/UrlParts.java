package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

import java.util.List;
import java.util.Set;

/**
 * The host of a URL, chained like the other functions of {@link Functions}:
 * <pre>
 * host := (domain | host | hostname) [name] [(OF | FROM) [the] column]   -- "Domain of the referrer URL"
 *       | column (domain | host | hostname)                             -- "Referrer domain", lower case
 * </pre>
 * The scheme ("https://") and any user part ("user@") are taken off, then everything from the first '/', ':', '?' or
 * '#': written with REGEXP_REPLACE only, which every dialect has. A column whose name says it holds an email address
 * is not read here ("email domain" is the text after the '@', see {@link Delimiters}).
 */
final class UrlParts {
    private static final Set<String> HOST_WORDS = Set.of("domain", "host", "hostname");

    private UrlParts() {
    }

    static Copies.Operation host(Parser p) {
        int m = p.mark();
        Token t = p.peekToken();
        Expr column = null;
        if (t == null || !HOST_WORDS.contains(t.norm())) {
            column = p.column();
            t = p.peekToken();
            if (column == null || t == null || !HOST_WORDS.contains(t.norm())) {
                p.reset(m);
                return null;
            }
        }
        p.next();
        p.acceptWord("name");
        if (column == null && (p.acceptWord("of") || p.acceptWord("from"))) {
            p.acceptWord("the");
            column = p.column();
            if (column == null) {
                p.reset(m);
                return null;
            }
            p.acceptWord("url");
        }
        Expr read = column != null ? column : p.ctx().sources().size() == 1 ? p.ctx().sources().get(0) : null;
        if (read instanceof Expr.Col c && (c.column().toLowerCase(java.util.Locale.ROOT).contains("mail"))) {
            p.reset(m);
            return null;
        }
        return new Copies.Operation(UrlParts::hostOf, column);
    }

    private static Expr hostOf(Expr url) {
        Expr noScheme = replaced(url, "^[A-Za-z][A-Za-z0-9+.-]*://");
        Expr noUser = replaced(noScheme, "^[^@/]*@");
        return replaced(noUser, "[/:?#].*$");
    }

    private static Expr replaced(Expr x, String pattern) {
        return new Expr.Fn("REGEXP_REPLACE", List.of(x, new Expr.Lit(pattern), new Expr.Lit("")));
    }
}
