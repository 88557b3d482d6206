# parse / generate / eval / bench: the aide-cli module's Main, built when stale.

CLI_STAMP="$AIDE_HOME/cli.stamp"
CLI_CLASSPATH_FILE="$AIDE_HOME/cli.classpath"

# The reactor modules a module depends on, itself included (io.aide artifacts that are sibling directories).
module_closure() {
    local todo=("$1") seen=" " m dep
    while ((${#todo[@]})); do
        m=${todo[0]}; todo=("${todo[@]:1}")
        [[ "$seen" == *" $m "* ]] && continue
        seen+="$m "
        echo "$m"
        for dep in $(grep -o '<groupId>io.aide</groupId><artifactId>[a-z0-9-]*</artifactId>' "$AIDE_ROOT/$m/pom.xml" 2>/dev/null \
                | sed 's/.*<artifactId>\(.*\)<\/artifactId>/\1/'; \
            awk '/<dependency>/{d=1} d&&/<groupId>io.aide<\/groupId>/{g=1} d&&g&&/<artifactId>/{gsub(/.*<artifactId>|<\/artifactId>.*/,""); print; g=0} /<\/dependency>/{d=0;g=0}' \
                "$AIDE_ROOT/$m/pom.xml" 2>/dev/null); do
            [[ -d "$AIDE_ROOT/$dep" ]] && todo+=("$dep")
        done
    done
}

cli_stale() {
    [[ -f "$CLI_STAMP" && -s "$CLI_CLASSPATH_FILE" && -d "$AIDE_ROOT/aide-cli/target/classes" ]] || return 0
    local m changed
    [[ "$AIDE_ROOT/pom.xml" -nt "$CLI_STAMP" ]] && return 0
    for m in $(module_closure aide-cli); do
        changed=$(find "$AIDE_ROOT/$m/pom.xml" "$AIDE_ROOT/$m/src/main" -type f -newer "$CLI_STAMP" -print -quit 2>/dev/null || true)
        [[ -z "$changed" ]] || return 0
    done
    return 1
}

cli_build() {
    mkdir -p "$AIDE_HOME"
    [[ -f "$AIDE_ROOT/aide-cli/pom.xml" ]] || die "aide-cli module missing in $AIDE_ROOT"
    cli_stale || return 0
    local log="$AIDE_HOME/cli-build.log"
    info "building aide-cli and the modules it uses (log $log)"
    touch "$CLI_STAMP.next"
    if ! (cd "$AIDE_ROOT" && mvn -B -q -pl aide-cli -am install -Dmaven.test.skip=true \
        && mvn -B -q -f aide-cli/pom.xml dependency:build-classpath -Dmdep.outputFile="$CLI_CLASSPATH_FILE" -Dmdep.includeScope=runtime) >"$log" 2>&1; then
        tail -n 30 "$log" >&2
        die "aide-cli build failed; full log: $log"
    fi
    mv "$CLI_STAMP.next" "$CLI_STAMP"
}

# bench generate measures the running stack of --env (dev unless given): gateway, Keycloak, sqlgen metrics, unless set.
bench_stack_env() {
    select_env "${env:-dev}"
    export AIDE_GATEWAY_URL="${AIDE_GATEWAY_URL:-http://127.0.0.1:$SERVICE_BASE_PORT}"
    export AIDE_OIDC_URL="${AIDE_OIDC_URL:-http://127.0.0.1:$KEYCLOAK_PORT/realms/aide}"
    export AIDE_SQLGEN_URL="${AIDE_SQLGEN_URL:-http://127.0.0.1:$((SERVICE_BASE_PORT + 2))}"
}

SSE_BENCH_CLASSPATH_FILE="$AIDE_HOME/sse-bench.classpath"

# bench sse: the load generator in e2e-tests' test sources against the running stack of --env (dev unless given). It is
# one user holding thousands of streams, so the gateway is restarted with that user's stream and rate caps raised for
# the run, and restarted with its usual caps afterwards.
run_sse_bench() {
    bench_stack_env
    local log="$AIDE_HOME/sse-bench-build.log" rc=0 pid
    info "building the SSE load generator (e2e-tests test sources), log $log"
    if ! (cd "$AIDE_ROOT" && mvn -B -q -pl e2e-tests test-compile \
        && mvn -B -q -pl e2e-tests dependency:build-classpath -Dmdep.outputFile="$SSE_BENCH_CLASSPATH_FILE" \
            -Dmdep.includeScope=test) >"$log" 2>&1; then
        tail -n 30 "$log" >&2
        die "building the SSE load generator failed; full log: $log"
    fi
    pid_alive "$(pid_of gateway)" || die "the $AIDE_ENV gateway is not running; start the stack first (./aide up)"
    info "restarting the gateway with one user's stream and rate caps raised for the load generator"
    stop_pid gateway 20
    AIDE_SSE_MAX_STREAMS_PER_USER=20000 AIDE_RATE_LIMIT_BURST=1000000 AIDE_RATE_LIMIT_PER_SECOND=1000000 \
        component_start gateway
    pid=$(pid_of gateway)
    java -Xmx2g -cp "$AIDE_ROOT/e2e-tests/target/test-classes:$(cat "$SSE_BENCH_CLASSPATH_FILE")" \
        -Daide.gateway.url="$AIDE_GATEWAY_URL" -Daide.oidc.url="$AIDE_OIDC_URL" \
        -Daide.kafka.bootstrap="127.0.0.1:$KAFKA_PORT" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
        io.aide.e2e.SseBenchmark --gateway-pid "$pid" "$@" || rc=$?
    info "restarting the gateway with its usual caps"
    stop_pid gateway 20
    component_start gateway
    exit "$rc"
}

run_cli() {
    if [[ "${1:-}" == bench && "${2:-}" == sse ]]; then
        shift 2
        run_sse_bench "$@"
    fi
    cli_build
    [[ "${1:-}" == bench ]] && bench_stack_env
    local cp="$AIDE_ROOT/aide-cli/target/classes:$(cat "$CLI_CLASSPATH_FILE")"
    local rc=0
    java -Xmx2g -cp "$cp" io.aide.cli.Main "$@" || rc=$?
    exit "$rc"
}
