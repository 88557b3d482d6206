package io.aide.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser as far as the portal's login needs one: a cookie jar across the gateway and Keycloak, redirects followed
 * by hand (so each hop can be looked at), and Keycloak's real login form filled in and posted. The jar keeps cookies
 * by name and sends them to both (a browser on 127.0.0.1 keeps the realm's Secure cookies over plain http, which
 * java.net.CookieManager does not).
 */
final class PortalBrowser {
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(absolute(url))).timeout(Duration.ofSeconds(30)).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true);
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=')
                    .append(value));
            withCookies.header("Cookie", header.toString());
        }
        try {
            HttpResponse<String> response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(this::keep);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** "Sign in": the gateway's answer, a redirect to the realm's authorization endpoint. */
    HttpResponse<String> startLogin(String returnTo) {
        return get(Stack.GATEWAY + "/api/v1/session/login?return_to=" + URLEncoder.encode(returnTo,
                StandardCharsets.UTF_8));
    }

    /**
     * Starts a login and signs in on Keycloak's login page (or, when this browser still has a realm session, is sent
     * straight back); returns the callback URL the realm sends the browser to (not yet visited).
     */
    String signInAtTheRealm(String returnTo, String user, String password) {
        HttpResponse<String> started = startLogin(returnTo);
        if (started.statusCode() != 303) {
            throw new IllegalStateException("the login did not start: " + started.statusCode() + " " + started.body());
        }
        HttpResponse<String> page = get(location(started));
        if (page.statusCode() == 302) {
            return location(page);
        }
        if (page.statusCode() != 200) {
            throw new IllegalStateException("the realm's login page answered " + page.statusCode() + ": " + page.body());
        }
        HttpResponse<String> posted = submitLogin(page.body(), user, password);
        if (posted.statusCode() != 302) {
            throw new IllegalStateException("the realm did not accept " + user + ": " + posted.statusCode());
        }
        return location(posted);
    }

    /** Posts Keycloak's login form of {@code html}. */
    HttpResponse<String> submitLogin(String html, String user, String password) {
        Matcher form = LOGIN_FORM.matcher(html);
        if (!form.find()) {
            throw new IllegalStateException("no login form on the realm's page: " + html.substring(0, Math.min(400,
                    html.length())));
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new IllegalStateException("the realm's login form has no action: " + form.group());
        }
        String body = "username=" + enc(user) + "&password=" + enc(password) + "&credentialId=";
        return send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private void keep(String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        boolean expired = false;
        for (String attribute : parts) {
            expired |= attribute.trim().equalsIgnoreCase("Max-Age=0");
        }
        if (expired || value.isEmpty()) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    /** The value of a cookie the jar holds, or null. */
    String cookie(String name) {
        return cookies.get(name);
    }

    static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "no Location in the answer " + response.statusCode() + " of " + response.uri()));
        return response.uri().resolve(location).toString();
    }

    static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** {@code url} with its query parameter {@code name} replaced by {@code value}. */
    static String withParameter(String url, String name, String value) {
        URI uri = URI.create(url);
        StringBuilder query = new StringBuilder();
        query(url).forEach((k, v) -> query.append(query.isEmpty() ? "" : "&").append(enc(k)).append('=')
                .append(enc(k.equals(name) ? value : v)));
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "?" + query;
    }

    private static String absolute(String url) {
        return url.startsWith("/") ? Stack.GATEWAY + url : url;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
