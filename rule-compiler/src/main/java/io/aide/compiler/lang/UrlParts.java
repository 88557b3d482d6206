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
 * '#': written with REGEXP_REPLACE only, which every dialect has. The domain of a column whose name says it holds an
 * email address ("email domain", "Domain part of the email (after '@')") is the text after its '@', NULL without one.
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
        if (!p.acceptWord("part")) {
            p.acceptWord("portion");
        }
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
            // "Domain part of the email", "email domain": the text after the '@' (NULL without one)
            int at = p.mark();
            if (!remarkOnAt(p)) {
                p.reset(at);
            }
            return new Copies.Operation(UrlParts::domainOf, column);
        }
        return new Copies.Operation(UrlParts::hostOf, column);
    }

    /**
     * "e-mail domain", "the domain of the referrer URL" as the value a condition tests, of a column it names: the value
     * (cursor after it), or null (cursor unchanged).
     */
    static Expr compared(Parser p) {
        int m = p.mark();
        p.acceptWord("the");
        p.acceptWord("its");
        Copies.Operation op = host(p);
        if (op == null || op.column() == null) {
            p.reset(m);
            return null;
        }
        return op.apply().apply(op.column());
    }

    /**
     * "... domain is qa.tunely.io": a domain compared with a domain name written without quotes, its dotted parts read as
     * one text where they name no column; the test (cursor after the name), or null (cursor unchanged).
     */
    static Expr isDomainName(Parser p, Expr domain) {
        int m = p.mark();
        boolean not = false;
        if (p.acceptWord("is") || p.acceptWord("equals") || p.acceptOp("=")) {
            not = p.acceptWord("not");
        } else {
            return null;
        }
        StringBuilder name = new StringBuilder();
        Token t = p.rawPeek();
        while (t != null && (t.kind() == Token.Kind.NAME || t.kind() == Token.Kind.WORD) && DOMAIN_PART.matcher(t.text()).matches()) {
            if (t.kind() == Token.Kind.NAME && p.ctx().resolve(null, t.text()) instanceof Expr.Col c && p.ctx().known(c)) {
                p.reset(m);
                return null;
            }
            name.append(name.length() == 0 ? "" : ".").append(t.text());
            p.rawNext();
            if (!(p.rawPeek() != null && p.rawPeek().text().equals(".") && p.mark() + 1 < p.tokens().size())) {
                break;
            }
            p.rawNext();
            t = p.rawPeek();
        }
        if (name.indexOf(".") < 0) {
            p.reset(m);
            return null;
        }
        Expr test = new Expr.Bin("=", domain, new Expr.Lit(name.toString()));
        return not ? new Expr.Not(test) : test;
    }

    private static final java.util.regex.Pattern DOMAIN_PART = java.util.regex.Pattern.compile("[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*");

    /** "(after '@')", "(after the @)": the delimiter said again. */
    private static boolean remarkOnAt(Parser p) {
        if (!p.acceptOp("(") || !(p.acceptWord("after") || p.acceptWord("following"))) {
            return false;
        }
        p.acceptWord("the");
        Token t = p.rawNext();
        return t != null && t.text().equals("@") && p.acceptOp(")");
    }

    private static Expr domainOf(Expr email) {
        Expr at = new Expr.Fn("STRPOS", List.of(email, new Expr.Lit("@")));
        return new Expr.Case(List.of(new Expr.When(new Expr.Bin(">", at, new Expr.Lit(0L)),
                new Expr.Substr(email, new Expr.Bin("+", at, new Expr.Lit(1L)), null))), null);
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
