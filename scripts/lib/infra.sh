# Local infrastructure of one environment: up, down, status.

INFRA_COMPONENTS=(postgres redis kafka s3proxy keycloak spark)

# Our fixed ports sit inside Linux's ephemeral range (32768-60999): reserve them so an outgoing
# connection never takes one as its local port and makes a later bind fail. Best effort (root only).
reserve_ports() {
    local f=/proc/sys/net/ipv4/ip_local_reserved_ports
    [[ -w "$f" ]] || return 0
    local ports="$PG_PORT,$REDIS_PORT,$KAFKA_PORT,$KAFKA_CONTROLLER_PORT,$S3_PORT,$KEYCLOAK_PORT,$((KEYCLOAK_PORT + 1)),$SERVICE_BASE_PORT-$((SERVICE_BASE_PORT + 4))"
    ports+=",$SPARK_MASTER_PORT,$SPARK_MASTER_UI_PORT,$SPARK_WORKER_PORT,$SPARK_WORKER_UI_PORT"
    local current; current=$(cat "$f" 2>/dev/null || true)
    { echo "${current:+$current,}$ports" >"$f"; } 2>/dev/null || true
}

infra_up() {
    local started; started=$(now_ms)
    ensure_installed
    reserve_ports
    lock_env
    info "infra ($AIDE_ENV): starting postgres $PG_PORT, redis $REDIS_PORT, kafka $KAFKA_PORT, s3proxy $S3_PORT, keycloak $KEYCLOAK_PORT$(spark_enabled \
        && echo ", spark $(spark_master_url)")"
    # the JVM components start in parallel; the slowest (keycloak) bounds the total
    local jobs=() job failed=0
    ( keycloak_up ) & jobs+=($!)
    ( kafka_up ) & jobs+=($!)
    ( s3_up ) & jobs+=($!)
    ( pg_up ) & jobs+=($!)
    ( redis_up ) & jobs+=($!)
    ( spark_up ) & jobs+=($!)
    for job in "${jobs[@]}"; do
        wait "$job" || failed=1
    done
    unlock_env
    ((failed == 0)) || die "infra ($AIDE_ENV) did not come up; see the messages above (logs in $LOG_DIR)"
    info "infra ($AIDE_ENV) healthy in $(elapsed_s "$started") s"
}

infra_down() {
    lock_env
    spark_down
    keycloak_down
    s3_down
    kafka_down
    redis_down
    pg_down
    unlock_env
    info "infra ($AIDE_ENV) stopped"
}

infra_status() {
    echo "infra ($AIDE_ENV):"
    pg_status
    redis_status
    kafka_status
    s3_status
    keycloak_status
    spark_status
}

infra_healthy() {
    pg_init_vars
    pg_healthy && redis_healthy && port_open "$KAFKA_PORT" && s3_healthy && keycloak_healthy && { ! spark_enabled || spark_healthy; }
}

infra_logs() {
    local component=${1%-service}
    [[ "$component" == postgresql ]] && component=postgres
    local log="$LOG_DIR/$component.log"
    [[ -f "$log" ]] || die "no log for '$component' in $LOG_DIR (components: ${INFRA_COMPONENTS[*]} ${SERVICES[*]:-})"
    tail -n 200 -F "$log"
}
