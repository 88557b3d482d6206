package io.aide.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A failed login the realm recorded (its event LOGIN_ERROR: a wrong password on its own login page, a password grant
 * of a script, a disabled user) as an audit entry of the user's tenant: action {@value #ACTION}, outcome refused,
 * the realm's error as target (e.g. {@code invalid_user_credentials}), the realm's event id as correlation id, the
 * client address the realm saw. The actor is the realm's user name of the account, never the text typed into the
 * user name field (someone may type a password there): an attempt on an unknown account is recorded as anonymous
 * under {@link AuditEntry#NO_TENANT}, where no tenant administrator sees it.
 */
public final class RealmLoginFailures {
    public static final String ACTION = "session.login_failed";
    static final String BROWSER_PATH = "/realms/{realm}/login-actions/authenticate";
    static final String TOKEN_PATH = "/realms/{realm}/protocol/openid-connect/token";

    private RealmLoginFailures() {
    }

    /** The account the event names, when it names one: the realm's user id. */
    public static String userId(JsonNode event) {
        String id = event.path("userId").asText("");
        return id.isBlank() ? null : id;
    }

    /**
     * The audit entry of {@code event}.
     *
     * @param user   the realm's user name of the account, null when the event names no account
     * @param tenant the account's tenant attribute, null when it has none
     */
    public static AuditEntry entry(JsonNode event, String user, String tenant) {
        boolean known = user != null && !user.isBlank();
        String realm = event.path("realmName").asText("aide");
        String path = (event.path("details").hasNonNull("grant_type") ? TOKEN_PATH : BROWSER_PATH)
                .replace("{realm}", realm.isBlank() ? "aide" : realm);
        String error = event.path("error").asText("");
        String address = event.path("ipAddress").asText("");
        long time = event.path("time").asLong(0L);
        return new AuditEntry(0, known && tenant != null && !tenant.isBlank() ? tenant : AuditEntry.NO_TENANT,
                time > 0 ? Instant.ofEpochMilli(time) : Instant.now(), known ? user : "anonymous",
                known ? "user" : "anonymous", ACTION, "refused", 401, "POST", path,
                error.isBlank() ? "login_error" : error, "realm-event:" + event.path("id").asText(""),
                address.isBlank() ? null : address);
    }
}
