# PostgreSQL of one environment: cluster in .aide/<env>/pg owned by postgres (initdb refuses root).

pg_init_vars() {
    PG_BIN=$(pg_bin_dir) || die "postgres: no /usr/lib/postgresql/*/bin found (apt-get install postgresql)"
    PG_DATA="$ENV_DIR/pg"
    PG_SOCK="$ENV_DIR/pg-run"
    PG_LOG="$LOG_DIR/postgres.log"
    # unix socket paths are limited to 107 bytes
    if (( ${#PG_SOCK} > 80 )); then PG_SOCK="/tmp/aide-pg-$AIDE_ENV-$(id -u)"; fi
}

# Runs a command as the postgres user when we are root (initdb and postgres refuse root).
as_pg() {
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_healthy() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2; }

pg_postmaster_pid() { [[ -s "$PG_DATA/postmaster.pid" ]] && head -n1 "$PG_DATA/postmaster.pid" || true; }

pg_up() {
    pg_init_vars
    local started; started=$(now_ms)
    local pid; pid=$(pg_postmaster_pid)
    if pid_alive "$pid" && pg_healthy; then
        record_pid "$PID_DIR/postgres.pid" "$pid"
        pg_ensure_database
        info "postgres already running (pid $pid, port $PG_PORT)"
        return 0
    fi
    port_open "$PG_PORT" && die "postgres: port $PG_PORT is taken by a process this environment did not start (ss -ltnp 'sport = :$PG_PORT')"
    mkdir -p "$PG_SOCK"
    touch "$PG_LOG"
    if [[ $EUID -eq 0 ]]; then chown postgres: "$PG_SOCK" "$PG_LOG"; fi
    if [[ ! -s "$PG_DATA/PG_VERSION" ]]; then
        info "postgres: initdb into $PG_DATA"
        rm -rf "$PG_DATA" && mkdir -p "$PG_DATA"
        if [[ $EUID -eq 0 ]]; then chown postgres: "$PG_DATA"; fi
        chmod 700 "$PG_DATA"
        as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
            --auth-local=trust --auth-host=scram-sha-256 >>"$PG_LOG" 2>&1 \
            || fail_component postgres "$PG_LOG" "initdb failed"
        local tuning="$PG_DATA/postgresql.auto.conf"
        {
            echo "max_connections = 300"
            echo "shared_buffers = 128MB"
            if [[ "$AIDE_ENV" == test ]]; then
                # throwaway test data: durability is not worth the fsyncs
                echo "fsync = off"
                echo "synchronous_commit = off"
                echo "full_page_writes = off"
            fi
        } >>"$tuning"
    fi
    rm -f "$PG_DATA/postmaster.pid"
    local attempt
    for attempt in 1 2 3; do
        if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -s -w -t 60 \
            -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_SOCK" start >>"$PG_LOG" 2>&1; then
            break
        fi
        # a client socket may hold the port for a moment (ephemeral range); anything else is fatal
        if ((attempt == 3)) || ! tail -n 20 "$PG_LOG" | grep -q 'could not bind'; then
            fail_component postgres "$PG_LOG" "pg_ctl start failed"
        fi
        sleep 2
    done
    wait_for postgres 30 "$PG_LOG" "" pg_healthy
    pid=$(pg_postmaster_pid)
    record_pid "$PID_DIR/postgres.pid" "$pid"
    pg_ensure_database
    info "postgres up (pid $pid, port $PG_PORT) in $(elapsed_s "$started") s"
}

pg_psql() { as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -U postgres "$@"; }

pg_ensure_database() {
    local sql="DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'aide') THEN
    CREATE ROLE aide LOGIN PASSWORD 'aide' CREATEDB;
  END IF;
END \$\$;"
    pg_psql -d postgres -c "$sql" >>"$PG_LOG" 2>&1 || fail_component postgres "$PG_LOG" "could not create role aide"
    if [[ -z "$(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'aide'" 2>>"$PG_LOG")" ]]; then
        pg_psql -d postgres -c "CREATE DATABASE aide OWNER aide" >>"$PG_LOG" 2>&1 \
            || fail_component postgres "$PG_LOG" "could not create database aide"
    fi
    pg_ensure_sandbox
}

# The validator's PostgreSQL sandbox (queries with engine postgres): database and role aide_sandbox, see the file.
pg_ensure_sandbox() {
    pg_psql -d postgres -f - <"$AIDE_ROOT/infra/postgres/sandbox.sql" >>"$PG_LOG" 2>&1 \
        || fail_component postgres "$PG_LOG" "could not set up the sandbox database (infra/postgres/sandbox.sql)"
}

pg_down() {
    pg_init_vars
    local was_running=""
    if [[ -f "$PG_DATA/postmaster.pid" ]] && pid_alive "$(pg_postmaster_pid)"; then
        was_running=1
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -s -m fast -w -t 30 stop >>"$PG_LOG" 2>&1 || true
    fi
    # pg_ctl knows its own postmaster; the pid file only covers a postmaster that ignored it
    local pid; pid=$(pid_of postgres)
    if pid_alive "$pid" && [[ "$(ps -o comm= -p "$pid" 2>/dev/null)" == postgres ]]; then
        was_running=1
        stop_pid postgres 10
    fi
    rm -f "$PID_DIR/postgres.pid"
    [[ -z "$was_running" ]] || info "postgres stopped"
}

pg_status() {
    pg_init_vars
    local pid; pid=$(pg_postmaster_pid)
    pid_alive "$pid" || pid=""
    status_line postgres "$pid" "$PG_PORT" "$(pg_healthy && echo healthy || echo 'not healthy')"
}
