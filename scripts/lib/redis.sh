# Redis of one environment: in-memory only (no RDB, no AOF).

REDIS_LOG_NAME=redis.log

redis_healthy() { [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }

redis_up() {
    local started; started=$(now_ms)
    local log="$LOG_DIR/$REDIS_LOG_NAME" pidfile="$PID_DIR/redis.pid"
    local pid; pid=$(pid_of redis)
    if pid_alive "$pid" && redis_healthy; then
        info "redis already running (pid $pid, port $REDIS_PORT)"
        return 0
    fi
    port_open "$REDIS_PORT" && die "redis: port $REDIS_PORT is taken by a process this environment did not start"
    mkdir -p "$ENV_DIR/redis"
    rm -f "$pidfile"
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
        --pidfile "$ENV_DIR/redis/redis.pid" --logfile "$log" --dir "$ENV_DIR/redis" 9>&- 8>&- \
        || fail_component redis "$log" "redis-server did not start"
    wait_for redis 20 "$log" "" redis_healthy
    record_pid "$pidfile" "$(cat "$ENV_DIR/redis/redis.pid")"
    info "redis up (pid $(pid_of redis), port $REDIS_PORT) in $(elapsed_s "$started") s"
}

redis_down() {
    local pid; pid=$(pid_of redis)
    if pid_alive "$pid"; then
        stop_pid redis 10
        info "redis stopped"
    fi
    rm -f "$PID_DIR/redis.pid"
}

redis_status() {
    local pid; pid=$(pid_of redis)
    pid_alive "$pid" || pid=""
    status_line redis "$pid" "$REDIS_PORT" "$(redis_healthy && echo healthy || echo 'not healthy')"
}
