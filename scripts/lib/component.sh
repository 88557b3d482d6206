# One component of an environment on its own: stop (TERM), kill (KILL, as a crash would) and start again.
# The resilience tests use these to take the gateway or the broker away mid-generation and bring it back.

component_check() {
    local c=$1 s
    for s in "${INFRA_COMPONENTS[@]}" "${SERVICES[@]}"; do
        [[ "$s" == "$c" ]] && return 0
    done
    die "unknown component '$c' (use one of: ${INFRA_COMPONENTS[*]} ${SERVICES[*]})"
}

component_is_service() {
    local s
    for s in "${SERVICES[@]}"; do [[ "$s" == "$1" ]] && return 0; done
    return 1
}

# the scripts' function prefix of an infrastructure component (postgres -> pg, s3proxy -> s3)
component_prefix() {
    case "$1" in
        postgres) echo pg ;;
        s3proxy) echo s3 ;;
        *) echo "$1" ;;
    esac
}

component_stop() {
    local c=$1
    component_check "$c"
    if component_is_service "$c"; then
        stop_pid "$c" 20
        info "$c ($AIDE_ENV) stopped"
    else
        lock_env
        "$(component_prefix "$c")_down"
        unlock_env
    fi
}

# the processes (pid file names) of a component: spark is its master and its worker
component_processes() {
    case "$1" in
        spark) echo spark-worker spark-master ;;
        *) echo "$1" ;;
    esac
}

# SIGKILL to the component's process group: no shutdown hook runs, nothing is flushed or committed
component_kill() {
    local c=$1 pid name killed=0
    component_check "$c"
    for name in $(component_processes "$c"); do
        pid=$(pid_of "$name")
        pid_alive "$pid" || continue
        local target=$pid
        [[ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$pid" ]] && target="-$pid"
        kill -KILL -- "$target" 2>/dev/null || true
        local i
        for ((i = 0; i < 100; i++)); do
            pid_alive "$pid" || break
            sleep 0.1
        done
        rm -f "$PID_DIR/$name.pid"
        killed=1
        info "$name ($AIDE_ENV, pid $pid) killed"
    done
    ((killed)) || info "$c ($AIDE_ENV) is not running"
}

# starts the component and returns once it is ready (a service: /q/health/ready; infrastructure: its own check)
component_start() {
    local c=$1 started; started=$(now_ms)
    component_check "$c"
    export_aide_env
    if component_is_service "$c"; then
        service_start "$c"
        service_wait "$c" "$started"
    else
        lock_env
        "$(component_prefix "$c")_up"
        unlock_env
    fi
}
