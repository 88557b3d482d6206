# ./aide test: the whole suite on the test environment, from a fresh clone.

# Sums the surefire and failsafe XML reports into "N passed, N failed, N skipped".
test_summary() {
    local files
    files=$(find "$AIDE_ROOT" -path "$AIDE_HOME" -prune -o -path '*/node_modules' -prune -o -type f \
        \( -path '*/target/surefire-reports/TEST-*.xml' -o -path '*/target/failsafe-reports/TEST-*.xml' \) -print 2>/dev/null)
    if [[ -z "$files" ]]; then
        echo "0 passed, 0 failed, 0 skipped"
        return 0
    fi
    # shellcheck disable=SC2086
    awk '
        /<testsuite[ >]/ {
            line = $0
            t = f = e = s = 0
            if (match(line, / tests="[0-9]+"/))    t = substr(line, RSTART + 8, RLENGTH - 9)
            if (match(line, / failures="[0-9]+"/)) f = substr(line, RSTART + 11, RLENGTH - 12)
            if (match(line, / errors="[0-9]+"/))   e = substr(line, RSTART + 9, RLENGTH - 10)
            if (match(line, / skipped="[0-9]+"/))  s = substr(line, RSTART + 10, RLENGTH - 11)
            tests += t; failed += f + e; skipped += s
            nextfile
        }
        END { printf "%d passed, %d failed, %d skipped\n", tests - failed - skipped, failed, skipped }
    ' $files
}

clear_test_reports() {
    find "$AIDE_ROOT" -path "$AIDE_HOME" -prune -o -path '*/node_modules' -prune -o -type d \
        \( -path '*/target/surefire-reports' -o -path '*/target/failsafe-reports' \) -print 2>/dev/null \
        | while read -r d; do rm -rf "$d"; done
}

test_cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ "${AIDE_TEST_KEEP:-0}" == 1 ]]; then
        warn "AIDE_TEST_KEEP=1: leaving the test services and infrastructure running (./aide down --env test stops them)"
    else
        info "stopping the test services and infrastructure"
        services_down || true
        infra_down || true
    fi
    exit "$rc"
}

service_jars_built_since() {
    local s
    for s in "${SERVICES[@]}"; do
        [[ "$(service_jar "$s")" -nt "$1" ]] || return 1
    done
}

run_tests() {
    local started; started=$(now_ms)
    select_env test
    export_aide_env
    export AIDE_ROOT
    # the validator's Spark runner starts with the service, so the first Spark query of the end-to-end suite finds
    # its application and executor on the test cluster ready
    export AIDE_VALIDATOR_SPARK_WARM_UP="${AIDE_VALIDATOR_SPARK_WARM_UP:-true}"
    trap test_cleanup EXIT
    trap 'exit 130' INT TERM
    infra_up
    ensure_browser
    clear_test_reports
    local rc=0 marker="$ENV_DIR/test-run.started"
    touch "$marker"
    # generated deploy files must match their generator
    if ! "$AIDE_ROOT/deploy/k8s/generate.sh" --check; then
        rc=1
        warn "deploy/k8s is out of date with deploy/k8s/generate.sh"
    fi
    info "unit, @QuarkusTest and *IT tiers: mvn -B install (infra of the test env exported as AIDE_*)"
    # --fail-at-end: one failing module does not hide the results of the modules that do not depend on it
    if ! (cd "$AIDE_ROOT" && mvn -B --fail-at-end install); then
        rc=1
        warn "mvn install failed"
    fi
    ((rc != 0)) || touch "$AIDE_HOME/build.stamp"
    if ((rc == 0)) || service_jars_built_since "$marker"; then
        ((rc == 0)) || warn "some modules failed, but all five services were built: running the end-to-end suite anyway"
        # a service that does not start fails the run, but the summary is still printed
        local up_rc=0
        set +e
        ( set -e; services_up )
        up_rc=$?
        set -e
        if ((up_rc != 0)); then
            rc=1
        else
            info "end-to-end suite against $AIDE_GATEWAY_URL"
            if ! (cd "$AIDE_ROOT" && mvn -B -pl e2e-tests verify -De2e=true \
                -Daide.gateway.url="$AIDE_GATEWAY_URL" -Daide.oidc.url="$AIDE_OIDC_URL"); then
                rc=1
            fi
            # crashes the gateway and stops the broker: after every other e2e test, and the browser suites run only
            # once the whole stack is ready again
            info "resilience suite (gateway killed, broker stopped mid-generation) against $AIDE_GATEWAY_URL"
            if ! (cd "$AIDE_ROOT" && mvn -B -pl e2e-tests verify -De2e=true -Dresilience=true -Daide.env="$AIDE_ENV" \
                -Daide.gateway.url="$AIDE_GATEWAY_URL" -Daide.oidc.url="$AIDE_OIDC_URL" \
                -Daide.kafka.bootstrap="127.0.0.1:$KAFKA_PORT"); then
                rc=1
            fi
            if ! stack_ready_again; then
                rc=1
                warn "the stack is not ready after the resilience suite; the browser suites are skipped"
                return_summary "$started" "$rc"
                return "$rc"
            fi
            info "browser suite (web-ui/e2e, Chromium) against $AIDE_GATEWAY_URL"
            if ! (cd "$AIDE_ROOT/web-ui" && AIDE_GATEWAY_URL="$AIDE_GATEWAY_URL" node e2e/portal.e2e.mjs); then
                rc=1
                warn "the browser suite failed"
            fi
            info "visualization browser suite (web-ui/e2e/viz.e2e.mjs, Chromium, a scripted model it starts itself)"
            if ! (cd "$AIDE_ROOT/web-ui" && AIDE_GATEWAY_URL="$AIDE_GATEWAY_URL" node e2e/viz.e2e.mjs); then
                rc=1
                warn "the visualization browser suite failed"
            fi
            info "AI browser suite (web-ui/e2e/ai.e2e.mjs, Chromium: refine chat, rule assist, modeler drawer; a scripted model it starts itself)"
            if ! (cd "$AIDE_ROOT/web-ui" && AIDE_GATEWAY_URL="$AIDE_GATEWAY_URL" node e2e/ai.e2e.mjs); then
                rc=1
                warn "the AI browser suite failed"
            fi
        fi
    fi
    return_summary "$started" "$rc"
    return "$rc"
}

return_summary() {
    local started=$1 rc=$2
    local summary; summary=$(test_summary)
    echo
    echo "aide test: $summary ($(elapsed_s "$started") s)"
    echo "$summary"
    if ((rc != 0)); then
        warn "test run FAILED (exit 1); service logs in $LOG_DIR"
    fi
}

# after the resilience suite: every infrastructure component and service answers its readiness check again
# (a component it left stopped is started)
stack_ready_again() {
    local s started; started=$(now_ms)
    ( infra_up ) >/dev/null 2>&1 || { warn "infrastructure did not come back"; return 1; }
    for s in "${SERVICES[@]}"; do
        if ! pid_alive "$(pid_of "$s")"; then
            warn "$s is not running after the resilience suite; starting it"
            ( component_start "$s" ) || return 1
        fi
        # a service reconnecting to the restarted broker may take a moment to report ready
        local i
        for ((i = 0; i < 120; i++)); do
            service_healthy "$s" && break
            sleep 1
        done
        service_healthy "$s" || { warn "$s is not ready 120 s after the resilience suite"; return 1; }
    done
    info "stack ready again after the resilience suite ($(elapsed_s "$started") s)"
}
