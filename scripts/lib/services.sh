# The five Quarkus services: build when stale, start as java -jar, wait for readiness.

SERVICES=(gateway document sqlgen validator ai-hub)

service_module() { echo "$1-service"; }

service_port() {
    local i
    for i in "${!SERVICES[@]}"; do
        [[ "${SERVICES[$i]}" == "$1" ]] && { echo $((SERVICE_BASE_PORT + i)); return 0; }
    done
    die "unknown service '$1'"
}

# the loopback management interface (metrics, OpenAPI) of a service: its API port + 1000
service_management_port() { echo $(($(service_port "$1") + 1000)); }

service_jar() { echo "$AIDE_ROOT/$(service_module "$1")/target/quarkus-app/quarkus-run.jar"; }

service_healthy() { curl -sf -m 3 -o /dev/null "http://127.0.0.1:$(service_port "$1")/q/health/ready"; }

BUILD_STAMP="$AIDE_HOME/build.stamp"

# True when a source file of the reactor changed since the last successful build, or a service jar is missing.
build_stale() {
    [[ -f "$BUILD_STAMP" ]] || return 0
    local s
    for s in "${SERVICES[@]}"; do [[ -f "$(service_jar "$s")" ]] || return 0; done
    local changed
    changed=$(cd "$AIDE_ROOT" && find . \( -name .aide -o -name .git -o -name target -o -name node_modules -o -name dist \) -prune \
        -o -type f \( -path '*/src/*' -o -name pom.xml -o -path './web-ui/*' \) -newer "$BUILD_STAMP" -print -quit)
    [[ -n "$changed" ]]
}

build_if_stale() {
    if [[ "${AIDE_SKIP_BUILD:-0}" == 1 ]]; then
        info "AIDE_SKIP_BUILD=1: starting the jars as they are"
        return 0
    fi
    if ! build_stale; then
        info "build is up to date (nothing changed since $(date -r "$BUILD_STAMP" '+%H:%M:%S'))"
        return 0
    fi
    local started log="$AIDE_HOME/build.log"
    started=$(now_ms)
    info "building the reactor (mvn install, tests not compiled), log $log"
    touch "$BUILD_STAMP.next"
    if ! (cd "$AIDE_ROOT" && mvn -B -q install -Dmaven.test.skip=true) >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        die "build failed; full log: $log"
    fi
    mv "$BUILD_STAMP.next" "$BUILD_STAMP"
    info "built in $(elapsed_s "$started") s"
}

# JVM options of one service beyond the common ones. The gateway holds thousands of SSE streams: a fixed young
# generation (48 MB) keeps its heap, and so its resident memory, growing by what the streams hold, instead of by a
# young generation that SerialGC sizes in proportion to the old one (about 0.8 KB more resident per 1 KB held).
service_jvm_opts() {
    case "$1" in
        gateway) echo "-Xmn48m" ;;
    esac
}

service_start() {
    local s=$1 port jar log pidfile pid
    port=$(service_port "$s")
    jar=$(service_jar "$s")
    log="$LOG_DIR/$s.log"
    pidfile="$PID_DIR/$s.pid"
    pid=$(pid_of "$s")
    if pid_alive "$pid"; then
        # a rebuilt jar replaces the running process
        if [[ "$jar" -nt "$pidfile" ]]; then
            info "$s: newer build found; restarting"
            stop_pid "$s" 20
        else
            return 0
        fi
    fi
    port_open "$port" && die "$s: port $port is taken by a process this environment did not start"
    [[ -f "$jar" ]] || die "$s: $jar is missing; build with mvn -pl $(service_module "$s") install -DskipTests"
    : >"$log"
    spawn "$log" "$pidfile" env QUARKUS_HTTP_PORT="$port" AIDE_MANAGEMENT_PORT="$(service_management_port "$s")" \
        java -Xms64m -Xmx768m -XX:+UseSerialGC $(service_jvm_opts "$s") -Dquarkus.http.port="$port" -jar "$jar"
}

service_wait() {
    local s=$1 started=$2
    local pid; pid=$(pid_of "$s")
    wait_for "$s" 180 "$LOG_DIR/$s.log" "$pid" service_healthy "$s"
    info "$s ready on http://127.0.0.1:$(service_port "$s") (pid $pid, $(elapsed_s "$started") s)"
}

services_up() {
    export_aide_env
    local started s
    started=$(now_ms)
    local reused=()
    for s in "${SERVICES[@]}"; do
        if pid_alive "$(pid_of "$s")" && service_healthy "$s" && [[ ! "$(service_jar "$s")" -nt "$PID_DIR/$s.pid" ]]; then
            reused+=("$s")
        fi
        service_start "$s"
    done
    ((${#reused[@]} == 0)) || info "already running: ${reused[*]}"
    local jobs=() job failed=0
    for s in "${SERVICES[@]}"; do
        ( service_wait "$s" "$started" ) & jobs+=($!)
    done
    for job in "${jobs[@]}"; do wait "$job" || failed=1; done
    ((failed == 0)) || die "services ($AIDE_ENV) did not become ready; logs in $LOG_DIR"
    info "services ($AIDE_ENV) ready in $(elapsed_s "$started") s"
}

services_down() {
    local s pid
    for s in "${SERVICES[@]}"; do
        pid=$(pid_of "$s")
        if pid_alive "$pid"; then
            stop_pid "$s" 20 &
        else
            rm -f "$PID_DIR/$s.pid"
        fi
    done
    wait
    info "services ($AIDE_ENV) stopped"
}

services_status() {
    echo "services ($AIDE_ENV):"
    local s pid
    for s in "${SERVICES[@]}"; do
        pid=$(pid_of "$s")
        pid_alive "$pid" || pid=""
        status_line "$s" "$pid" "$(service_port "$s")" "$( [[ -n "$pid" ]] && service_healthy "$s" && echo healthy || echo 'not healthy')"
    done
}

stack_up() {
    local started; started=$(now_ms)
    export_aide_env
    infra_up
    # Chromium for ./aide screenshots and the browser suites, as ./aide test installs it
    ensure_browser
    local infra_done; infra_done=$(now_ms)
    build_if_stale
    local build_done; build_done=$(now_ms)
    services_up
    local total; total=$(elapsed_s "$started")
    cat <<DONE

  AIDE is up ($AIDE_ENV) in $total s (infra $(awk -v a="$started" -v b="$infra_done" 'BEGIN{printf "%.1f",(b-a)/1000}') s, build $(awk -v a="$infra_done" -v b="$build_done" 'BEGIN{printf "%.1f",(b-a)/1000}') s, services $(elapsed_s "$build_done") s)

  Portal:    http://localhost:$SERVICE_BASE_PORT
  API:       http://localhost:$SERVICE_BASE_PORT/api/v1   (OpenAPI: /q/openapi)
  Keycloak:  http://127.0.0.1:$KEYCLOAK_PORT  (realm aide)
  Logins:    alice / alice  (tenant acme, engineer)
             carol / carol  (tenant acme, engineer)
             victor / victor (tenant acme, viewer: reads only)
             anna  / anna   (tenant acme, admin)
             bob   / bob    (tenant globex, engineer)
             gwen  / gwen   (tenant globex, admin)
  Token:     ./aide token alice alice
  Stop:      ./aide down      Status: ./aide status      Logs: ./aide logs gateway

DONE
    spark_warm_up
}

# Starts the validator's Spark runner in the background once everything else is ready (it answers at once): its cold
# start takes about a minute here, and the first Spark query of a session would otherwise wait for it.
spark_warm_up() {
    local url="http://127.0.0.1:$(service_management_port validator)/q/spark/warm-up" answer
    if answer=$(curl -sf -m 5 -X POST "$url" 2>/dev/null); then
        [[ "$answer" == *starting* ]] && info "validator: Spark runner warming up in the background"
    else
        warn "validator: the Spark runner warm-up was not accepted ($url); the first Spark query starts it"
    fi
    return 0
}

stack_down() {
    services_down
    infra_down
}
