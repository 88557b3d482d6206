# Keycloak of one environment: own copy of the distribution (its H2 data and build live in the home dir),
# realm aide imported from infra/keycloak/aide-realm.json, rendered for this environment (keycloak_realm).

keycloak_well_known() { echo "http://127.0.0.1:$KEYCLOAK_PORT/realms/aide/.well-known/openid-configuration"; }

keycloak_healthy() { curl -sf -m 3 -o /dev/null "$(keycloak_well_known)"; }

# The realm file with this environment's gateway in the portal client's redirect URIs and web origins: the gateway's
# port (AIDE_PORT_OFFSET included) on 127.0.0.1 and localhost, and AIDE_PUBLIC_URL when the portal is reached
# elsewhere (a proxy, a host name); the portal's access-token lifespan (PORTAL_TOKEN_LIFESPAN of the environment:
# 15 min, 30 s in the test environment so the suites renew sessions as a long working day does); and the secret of
# the gateway's client that reads the realm's login events (keycloak_events_secret).
keycloak_realm() {
    local public="${AIDE_PUBLIC_URL:-http://127.0.0.1:$SERVICE_BASE_PORT}"
    public="${public%/}"
    local origin='^https?://[^/"@#&[:space:]]+$'
    [[ "$public" =~ $origin ]] || die "AIDE_PUBLIC_URL must be an origin like https://aide.example.com, got '$public'"
    # the placeholders are Keycloak's own (${VAR}, resolved from the environment at import), so docker compose can
    # import the same file; here they are filled in before, so a changed value is seen as a changed realm
    local lifespan="${AIDE_PORTAL_TOKEN_LIFESPAN:-$PORTAL_TOKEN_LIFESPAN}"
    [[ "$lifespan" =~ ^[0-9]+$ ]] || die "AIDE_PORTAL_TOKEN_LIFESPAN must be a number of seconds, got '$lifespan'"
    sed -e 's#\${AIDE_GATEWAY_PORT}#'"$SERVICE_BASE_PORT"'#g' -e 's#\${AIDE_PUBLIC_URL}#'"$public"'#g' \
        -e 's#\${AIDE_PORTAL_TOKEN_LIFESPAN}#'"$lifespan"'#g' \
        -e 's#\${AIDE_KEYCLOAK_EVENTS_SECRET}#'"$(keycloak_events_secret)"'#g' \
        "$AIDE_ROOT/infra/keycloak/aide-realm.json"
}

keycloak_up() {
    local started; started=$(now_ms)
    local log="$LOG_DIR/keycloak.log" home="$ENV_DIR/keycloak"
    local realm; realm=$(keycloak_realm)
    local pid; pid=$(pid_of keycloak)
    if pid_alive "$pid" && keycloak_healthy; then
        info "keycloak already running (pid $pid, port $KEYCLOAK_PORT)"
        return 0
    fi
    if pid_alive "$pid"; then
        info "keycloak process $pid is still starting; waiting for it"
        wait_for keycloak 180 "$log" "$pid" keycloak_healthy
        return 0
    fi
    port_open "$KEYCLOAK_PORT" && die "keycloak: port $KEYCLOAK_PORT is taken by a process this environment did not start"
    if [[ ! -x "$home/bin/kc.sh" ]]; then
        info "keycloak: copying the distribution to $home"
        rm -rf "$home.tmp" && cp -a "$KEYCLOAK_DIST" "$home.tmp" && mv "$home.tmp" "$home"
    fi
    # a changed realm file (or another gateway port or public URL) means a fresh import: drop the database of this
    # environment's Keycloak
    local sum; sum=$(printf '%s' "$realm" | sha256sum | cut -d' ' -f1)
    if [[ "$(cat "$home/data/realm.sha256" 2>/dev/null)" != "$sum" ]]; then
        rm -rf "$home/data/h2"
        mkdir -p "$home/data/import"
        printf '%s\n' "$realm" >"$home/data/import/aide-realm.json"
        echo "$sum" >"$home/data/realm.sha256"
    fi
    # C1 only: start-up under CPU contention matters more than peak throughput for a local IdP
    spawn "$log" "$PID_DIR/keycloak.pid" \
        env JAVA_OPTS_KC_HEAP="-Xms128m -Xmx768m" JAVA_OPTS_APPEND="-XX:TieredStopAtLevel=1" "$home/bin/kc.sh" start-dev \
        --http-port "$KEYCLOAK_PORT" --http-host 127.0.0.1 \
        --http-management-port $((KEYCLOAK_PORT + 1)) \
        --hostname "http://127.0.0.1:$KEYCLOAK_PORT" \
        --import-realm --log-level=info
    pid=$(pid_of keycloak)
    wait_for keycloak 240 "$log" "$pid" keycloak_healthy
    info "keycloak up (pid $pid, port $KEYCLOAK_PORT) in $(elapsed_s "$started") s"
}

keycloak_down() {
    local pid; pid=$(pid_of keycloak)
    if pid_alive "$pid"; then
        stop_pid keycloak 30
        info "keycloak stopped"
    fi
    rm -f "$PID_DIR/keycloak.pid"
}

keycloak_status() {
    local pid; pid=$(pid_of keycloak)
    pid_alive "$pid" || pid=""
    status_line keycloak "$pid" "$KEYCLOAK_PORT" "$(keycloak_healthy && echo healthy || echo 'not healthy')"
}

# Prints an access token of a demo user (client aide-cli, direct access grant).
keycloak_token() {
    local user=$1 password=$2
    curl -sf -m 10 "http://127.0.0.1:$KEYCLOAK_PORT/realms/aide/protocol/openid-connect/token" \
        -d grant_type=password -d client_id=aide-cli --data-urlencode "username=$user" --data-urlencode "password=$password" \
        | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
