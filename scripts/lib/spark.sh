# Spark standalone cluster of one environment: one master and one worker as plain java processes, from the Spark
# jars the spark-runner module resolves (no Spark distribution). The validator's Spark runner is its driver
# (AIDE_SPARK_MASTER=spark://127.0.0.1:$SPARK_MASTER_PORT); the worker launches that driver's executors.
# AIDE_SPARK_CLUSTER=0 leaves the cluster out: the runner then uses local[*].

# The worker offers two cores and 1 GB; each application (a runner) takes one core and 512 MB (AIDE_SPARK_CONF),
# so the validator's runner and a test's runner can both have an executor on this small machine.
# A failing task is not retried: on samples a failure is the code's, not a lost machine's.
SPARK_WORKER_CORES=${AIDE_SPARK_WORKER_CORES:-2}
SPARK_WORKER_MEMORY=${AIDE_SPARK_WORKER_MEMORY:-1g}
SPARK_APP_CONF="spark.cores.max=1 spark.executor.memory=512m spark.executor.cores=1 spark.task.maxFailures=1"
# Spark on Java 17 reflects into these JDK packages (the same list as spark-runner's spark.jvm.opens)
SPARK_DAEMON_OPENS=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
    --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
    -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)

spark_enabled() { [[ "${AIDE_SPARK_CLUSTER:-1}" != 0 ]]; }

spark_master_url() { echo "spark://127.0.0.1:$SPARK_MASTER_PORT"; }

# The master's JSON status page: ALIVE with at least one ALIVE worker
spark_healthy() {
    local body
    body=$(curl -sf -m 3 "http://127.0.0.1:$SPARK_MASTER_UI_PORT/json/" 2>/dev/null) || return 1
    [[ "$body" == *'"status" : "ALIVE"'* || "$body" == *'"status":"ALIVE"'* ]] || return 1
    [[ "$body" =~ \"aliveworkers\"[[:space:]]*:[[:space:]]*([0-9]+) ]] && ((BASH_REMATCH[1] >= 1))
}

spark_master_healthy() { curl -sf -m 3 -o /dev/null "http://127.0.0.1:$SPARK_MASTER_UI_PORT/json/"; }

# A SPARK_HOME the worker builds executor command lines from: jars/ links every jar of the runner's Spark classpath
spark_home_prepare() {
    local home=$SPARK_HOME_DIR jar
    [[ -s "$SPARK_CLASSPATH_FILE" ]] || die "spark: $SPARK_CLASSPATH_FILE is missing; run ./aide infra up once (it resolves the Spark jars)"
    if [[ ! -f "$home/jars.stamp" || "$SPARK_CLASSPATH_FILE" -nt "$home/jars.stamp" ]]; then
        rm -rf "$home/jars"
        mkdir -p "$home/jars" "$home/conf"
        tr ':' '\n' <"$SPARK_CLASSPATH_FILE" | while read -r jar; do
            [[ -n "$jar" && -f "$jar" ]] && ln -sf "$jar" "$home/jars/$(basename "$jar")"
        done
        touch "$home/jars.stamp"
    fi
    # executors log at WARN like the runner
    cat >"$home/conf/log4j2.properties" <<'PROPS'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n
PROPS
}

spark_daemon() {
    local name=$1 class=$2; shift 2
    spawn "$LOG_DIR/$name.log" "$PID_DIR/$name.pid" env SPARK_HOME="$SPARK_HOME_DIR" SPARK_SCALA_VERSION=2.13 \
        SPARK_CONF_DIR="$SPARK_HOME_DIR/conf" SPARK_LOCAL_IP=127.0.0.1 \
        java -Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "${SPARK_DAEMON_OPENS[@]}" \
        -Dlog4j.configurationFile="$SPARK_HOME_DIR/conf/log4j2.properties" "$@" \
        -cp "$(cat "$SPARK_CLASSPATH_FILE")" "$class" "${SPARK_DAEMON_ARGS[@]}"
}

spark_up() {
    spark_enabled || { info "spark: AIDE_SPARK_CLUSTER=0, no cluster (the runner uses local[*])"; return 0; }
    local started; started=$(now_ms)
    local mpid wpid; mpid=$(pid_of spark-master); wpid=$(pid_of spark-worker)
    if pid_alive "$mpid" && pid_alive "$wpid" && spark_healthy; then
        info "spark already running (master pid $mpid, worker pid $wpid, $(spark_master_url))"
        return 0
    fi
    spark_home_prepare
    if ! pid_alive "$mpid"; then
        local p
        for p in "$SPARK_MASTER_PORT" "$SPARK_MASTER_UI_PORT"; do
            port_open "$p" && die "spark: port $p is taken by a process this environment did not start"
        done
        SPARK_DAEMON_ARGS=(--host 127.0.0.1 --port "$SPARK_MASTER_PORT" --webui-port "$SPARK_MASTER_UI_PORT")
        spark_daemon spark-master org.apache.spark.deploy.master.Master
        mpid=$(pid_of spark-master)
        wait_for spark-master 90 "$LOG_DIR/spark-master.log" "$mpid" spark_master_healthy
    fi
    if ! pid_alive "$wpid"; then
        for p in "$SPARK_WORKER_PORT" "$SPARK_WORKER_UI_PORT"; do
            port_open "$p" && die "spark: port $p is taken by a process this environment did not start"
        done
        mkdir -p "$ENV_DIR/spark/work"
        SPARK_DAEMON_ARGS=(--host 127.0.0.1 --port "$SPARK_WORKER_PORT" --webui-port "$SPARK_WORKER_UI_PORT"
            --cores "$SPARK_WORKER_CORES" --memory "$SPARK_WORKER_MEMORY" --work-dir "$ENV_DIR/spark/work"
            "$(spark_master_url)")
        # finished applications' directories (executor logs, fetched jars) are removed after a day
        spark_daemon spark-worker org.apache.spark.deploy.worker.Worker -Dspark.worker.cleanup.enabled=true \
            -Dspark.worker.cleanup.interval=3600 -Dspark.worker.cleanup.appDataTtl=86400
        wpid=$(pid_of spark-worker)
    fi
    wait_for spark-worker 90 "$LOG_DIR/spark-worker.log" "$wpid" spark_healthy
    info "spark up (master pid $mpid $(spark_master_url), web UI $SPARK_MASTER_UI_PORT; worker pid $wpid, $SPARK_WORKER_CORES cores, $SPARK_WORKER_MEMORY) in $(elapsed_s "$started") s"
}

spark_down() {
    local name pid
    for name in spark-worker spark-master; do
        pid=$(pid_of "$name")
        if pid_alive "$pid"; then
            # the worker's process group holds the executors it launched: they stop with it
            stop_pid "$name" 15
            info "$name stopped"
        fi
        rm -f "$PID_DIR/$name.pid"
    done
}

spark_status() {
    local mpid wpid h='not healthy'
    mpid=$(pid_of spark-master); wpid=$(pid_of spark-worker)
    pid_alive "$mpid" || mpid=""
    pid_alive "$wpid" || wpid=""
    spark_healthy && h=healthy
    if ! spark_enabled; then h="not used (AIDE_SPARK_CLUSTER=0)"; fi
    status_line spark-master "$mpid" "$SPARK_MASTER_PORT" "$h"
    status_line spark-worker "$wpid" "$SPARK_WORKER_PORT" "$( [[ -n "$wpid" ]] && echo "$SPARK_WORKER_CORES cores, $SPARK_WORKER_MEMORY" || echo stopped)"
}
