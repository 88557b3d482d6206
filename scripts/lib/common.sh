# Shared helpers of ./aide: environment, ports, pid files, waiting, messages.
# Sourced by ./aide; expects AIDE_ROOT to be set.

AIDE_HOME="$AIDE_ROOT/.aide"
AIDE_LIB="$AIDE_HOME/lib"

info() { printf '\033[1;34m[aide]\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33m[aide]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[aide] error:\033[0m %s\n' "$*" >&2; exit 1; }

now_ms() { date +%s%3N; }
elapsed_s() { local start=$1; awk -v a="$start" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }

# Selects dev or test: directories, ports and the environment variables of every component.
select_env() {
    AIDE_ENV="${1:-dev}"
    case "$AIDE_ENV" in
        dev)
            PG_PORT=55432 REDIS_PORT=56379 KAFKA_PORT=59092 KAFKA_CONTROLLER_PORT=59093
            S3_PORT=59000 KEYCLOAK_PORT=58180 SERVICE_BASE_PORT=8080 PORTAL_TOKEN_LIFESPAN=900
            SPARK_MASTER_PORT=57077 SPARK_MASTER_UI_PORT=57080 SPARK_WORKER_PORT=57078 SPARK_WORKER_UI_PORT=57081 ;;
        test)
            PG_PORT=55532 REDIS_PORT=56479 KAFKA_PORT=59192 KAFKA_CONTROLLER_PORT=59193
            S3_PORT=59100 KEYCLOAK_PORT=58280 SERVICE_BASE_PORT=18080 PORTAL_TOKEN_LIFESPAN=30
            SPARK_MASTER_PORT=57177 SPARK_MASTER_UI_PORT=57180 SPARK_WORKER_PORT=57178 SPARK_WORKER_UI_PORT=57181 ;;
        *) die "unknown environment '$AIDE_ENV' (use --env dev or --env test)" ;;
    esac
    # AIDE_PORT_OFFSET shifts every port, e.g. to run a second checkout's test env beside this one
    local off=${AIDE_PORT_OFFSET:-0}
    [[ "$off" =~ ^[0-9]+$ ]] || die "AIDE_PORT_OFFSET must be a number, got '$off'"
    if ((off != 0)); then
        PG_PORT=$((PG_PORT + off)) REDIS_PORT=$((REDIS_PORT + off)) KAFKA_PORT=$((KAFKA_PORT + off))
        KAFKA_CONTROLLER_PORT=$((KAFKA_CONTROLLER_PORT + off)) S3_PORT=$((S3_PORT + off))
        KEYCLOAK_PORT=$((KEYCLOAK_PORT + off)) SERVICE_BASE_PORT=$((SERVICE_BASE_PORT + off))
        SPARK_MASTER_PORT=$((SPARK_MASTER_PORT + off)) SPARK_MASTER_UI_PORT=$((SPARK_MASTER_UI_PORT + off))
        SPARK_WORKER_PORT=$((SPARK_WORKER_PORT + off)) SPARK_WORKER_UI_PORT=$((SPARK_WORKER_UI_PORT + off))
    fi
    ENV_DIR="$AIDE_HOME/$AIDE_ENV"
    PID_DIR="$ENV_DIR/pids"
    LOG_DIR="$ENV_DIR/logs"
    mkdir -p "$PID_DIR" "$LOG_DIR"
}

# Environment variables the services and tests read (names from the team brief).
export_aide_env() {
    export AIDE_ENV
    export AIDE_PG_HOST=127.0.0.1 AIDE_PG_PORT="$PG_PORT" AIDE_PG_DB=aide AIDE_PG_USER=aide AIDE_PG_PASSWORD=aide
    # the validator's PostgreSQL sandbox (engine: postgres): its own database and role, created by pg_ensure_database
    export AIDE_PG_SANDBOX_DB=aide_sandbox AIDE_PG_SANDBOX_USER=aide_sandbox AIDE_PG_SANDBOX_PASSWORD=aide_sandbox
    export AIDE_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
    export AIDE_KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
    export AIDE_S3_ENDPOINT="http://127.0.0.1:$S3_PORT" AIDE_S3_ACCESS_KEY=aide AIDE_S3_SECRET_KEY=aide-secret-key
    export AIDE_S3_BUCKET=aide AIDE_S3_REGION=us-east-1
    export AIDE_OIDC_URL="http://127.0.0.1:$KEYCLOAK_PORT/realms/aide"
    export AIDE_GATEWAY_URL="http://127.0.0.1:$SERVICE_BASE_PORT"
    export AIDE_DOCUMENT_URL="http://127.0.0.1:$((SERVICE_BASE_PORT + 1))"
    export AIDE_SQLGEN_URL="http://127.0.0.1:$((SERVICE_BASE_PORT + 2))"
    export AIDE_VALIDATOR_URL="http://127.0.0.1:$((SERVICE_BASE_PORT + 3))"
    export AIDE_AIHUB_URL="http://127.0.0.1:$((SERVICE_BASE_PORT + 4))"
    # the gateway's chart sandbox: its own port, so its own origin; only the portal may frame it
    export AIDE_SANDBOX_PORT="$((SERVICE_BASE_PORT + 9))"
    export AIDE_PORTAL_ORIGINS="http://localhost:$SERVICE_BASE_PORT http://127.0.0.1:$SERVICE_BASE_PORT"
    export AIDE_PORTAL_SANDBOX_ORIGIN="http://localhost:$AIDE_SANDBOX_PORT http://127.0.0.1:$AIDE_SANDBOX_PORT"
    # the environment's Spark standalone cluster (scripts/lib/spark.sh) unless AIDE_SPARK_CLUSTER=0; each runner
    # (an application on it) takes one core and 512 MB of the worker
    if [[ "${AIDE_SPARK_CLUSTER:-1}" != 0 ]]; then
        export AIDE_SPARK_MASTER="${AIDE_SPARK_MASTER:-spark://127.0.0.1:$SPARK_MASTER_PORT}"
        export AIDE_SPARK_CONF="${AIDE_SPARK_CONF:-$SPARK_APP_CONF}"
        export AIDE_SPARK_MASTER_WEB_URL="http://127.0.0.1:$SPARK_MASTER_UI_PORT"
    else
        export AIDE_SPARK_MASTER="${AIDE_SPARK_MASTER:-local[*]}"
    fi
    export AIDE_SECRET_KEY="${AIDE_SECRET_KEY:-aide-local-$AIDE_ENV-secret-key-change-me}"
    export AIDE_INTERNAL_SECRET="${AIDE_INTERNAL_SECRET:-$(internal_secret)}"
    # the gateway's realm client that reads failed logins on the realm's page into the tenants' audit logs
    export AIDE_KEYCLOAK_EVENTS_SECRET="${AIDE_KEYCLOAK_EVENTS_SECRET:-$(keycloak_events_secret)}"
    # the local install is plain http on localhost: session cookies cannot be Secure there
    export AIDE_COOKIE_SECURE="${AIDE_COOKIE_SECURE:-false}"
    # metrics and OpenAPI of each service: loopback management interface, API port + 1000
    export AIDE_SQLGEN_MANAGEMENT_URL="http://127.0.0.1:$((SERVICE_BASE_PORT + 1002))"
}

# The per-install secret the services sign and verify internal tokens with: generated once, readable only by
# its owner, kept in .aide/internal-secret (never in git). Every service of every environment of this checkout uses it.
internal_secret() {
    local file="$AIDE_HOME/internal-secret"
    if [[ ! -s "$file" ]]; then
        mkdir -p "$AIDE_HOME"
        (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n/+=' >"$file.$$" && mv "$file.$$" "$file")
    fi
    cat "$file"
}

# The secret of the realm client aide-gateway-events (the gateway reads the realm's login events with it): generated
# once like the internal secret, kept in .aide/keycloak-events-secret, written into the realm at import.
keycloak_events_secret() {
    local file="$AIDE_HOME/keycloak-events-secret"
    if [[ ! -s "$file" ]]; then
        mkdir -p "$AIDE_HOME"
        (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n/+=' >"$file.$$" && mv "$file.$$" "$file")
    fi
    cat "$file"
}

# Serialises infra up/down of one environment across concurrent ./aide invocations.
# fd 9 is closed in every spawned daemon (see spawn) so a daemon never keeps the lock.
lock_env() {
    exec 9>"$ENV_DIR/lock"
    if ! flock -n 9; then
        info "another ./aide is working on the '$AIDE_ENV' environment; waiting for it"
        flock -w 600 9 || die "timed out waiting for $ENV_DIR/lock"
    fi
}

unlock_env() { flock -u 9 2>/dev/null || true; exec 9>&- || true; }

# Runs a long-lived process detached from this shell, output appended to a log file.
# Usage: spawn <logfile> <pidfile> cmd args...
spawn() {
    local log=$1 pidfile=$2; shift 2
    setsid "$@" </dev/null >>"$log" 2>&1 8>&- 9>&- &
    record_pid "$pidfile" $!
}

# Start time of a process in clock ticks since boot; with the pid it identifies the process across pid reuse.
proc_start() { [[ -r "/proc/$1/stat" ]] && sed -E 's/^.*\) //' "/proc/$1/stat" | awk '{print $20}' || true; }

record_pid() { echo "$2 $(proc_start "$2")" >"$1"; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The pid recorded for a component, empty when that process is gone (or its pid now belongs to another process).
pid_of() {
    local f="$PID_DIR/$1.pid" pid started
    [[ -s "$f" ]] || return 0
    read -r pid started <"$f" || true
    if [[ -n "${started:-}" && "$(proc_start "$pid")" != "$started" ]]; then
        return 0
    fi
    echo "$pid"
}

pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

# Waits until a check command succeeds; fails naming the component and its log.
# Usage: wait_for <component> <timeout_s> <log> <pid-or-empty> cmd args...
wait_for() {
    local name=$1 timeout=$2 log=$3 pid=$4; shift 4
    local deadline=$(( $(date +%s) + timeout ))
    until "$@" >/dev/null 2>&1; do
        if [[ -n "$pid" ]] && ! pid_alive "$pid"; then
            fail_component "$name" "$log" "its process $pid exited during start-up"
        fi
        if (( $(date +%s) >= deadline )); then
            fail_component "$name" "$log" "not healthy after ${timeout}s"
        fi
        sleep 0.3
    done
}

fail_component() {
    local name=$1 log=$2 why=$3
    printf '\033[1;31m[aide] error:\033[0m %s (%s env) %s. Log: %s\n' "$name" "$AIDE_ENV" "$why" "$log" >&2
    if [[ -f "$log" ]]; then
        echo "---- last lines of $log ----" >&2
        tail -n 25 "$log" | cut -c1-400 >&2
        echo "----" >&2
    fi
    exit 1
}

# Stops a process by pid file: TERM, then KILL after a grace period.
stop_pid() {
    local name=$1 grace=${2:-20}
    local pid; pid=$(pid_of "$name")
    if pid_alive "$pid"; then
        # spawned processes lead their own process group: signal the group so wrappers leave no child behind
        local target=$pid
        [[ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$pid" ]] && target="-$pid"
        kill -TERM -- "$target" 2>/dev/null || true
        local i
        for ((i = 0; i < grace * 10; i++)); do
            pid_alive "$pid" || break
            sleep 0.1
        done
        if pid_alive "$pid"; then
            warn "$name (pid $pid) ignored TERM for ${grace}s; killing it"
            kill -KILL -- "$target" 2>/dev/null || true
        fi
    fi
    rm -f "$PID_DIR/$name.pid"
}

status_line() {
    local name=$1 pid=$2 port=$3 healthy=$4
    if [[ -z "$pid" ]]; then
        [[ "$healthy" == healthy ]] && healthy="healthy, but not started by ./aide ($AIDE_ENV)" || healthy=stopped
    fi
    printf '  %-12s pid %-8s port %-6s %s\n' "$name" "${pid:--}" "$port" "$healthy"
}
