# s3proxy of one environment: filesystem provider under .aide/<env>/s3, AWS v4 auth, no TLS.

s3_healthy() {
    local code
    code=$(curl -s -o /dev/null -m 3 -w '%{http_code}' "http://127.0.0.1:$S3_PORT/" 2>/dev/null) || true
    [[ -n "$code" && "$code" != 000 ]]
}

s3_up() {
    local started; started=$(now_ms)
    local log="$LOG_DIR/s3proxy.log" conf="$ENV_DIR/s3proxy.properties"
    local pid; pid=$(pid_of s3proxy)
    if pid_alive "$pid" && s3_healthy; then
        info "s3proxy already running (pid $pid, port $S3_PORT)"
        return 0
    fi
    port_open "$S3_PORT" && die "s3proxy: port $S3_PORT is taken by a process this environment did not start"
    # the filesystem provider maps each top-level directory to a bucket; a world-readable one is public-read
    mkdir -p "$ENV_DIR/s3/aide"
    chmod 700 "$ENV_DIR/s3/aide"
    cat >"$conf" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=aide
s3proxy.credential=aide-secret-key
s3proxy.cors-allow-all=true
jclouds.provider=filesystem
jclouds.filesystem.basedir=$ENV_DIR/s3
jclouds.region=us-east-1
PROPS
    spawn "$log" "$PID_DIR/s3proxy.pid" java -Xms64m -Xmx512m -XX:TieredStopAtLevel=1 -jar "$S3PROXY_JAR" --properties "$conf"
    pid=$(pid_of s3proxy)
    wait_for s3proxy 60 "$log" "$pid" s3_healthy
    info "s3proxy up (pid $pid, port $S3_PORT) in $(elapsed_s "$started") s"
}

s3_down() {
    local pid; pid=$(pid_of s3proxy)
    if pid_alive "$pid"; then
        stop_pid s3proxy 10
        info "s3proxy stopped"
    fi
    rm -f "$PID_DIR/s3proxy.pid"
}

s3_status() {
    local pid; pid=$(pid_of s3proxy)
    pid_alive "$pid" || pid=""
    status_line s3proxy "$pid" "$S3_PORT" "$(s3_healthy && echo healthy || echo 'not healthy')"
}
