# Single-node KRaft Kafka broker of one environment, classpath from the kafka-broker module.

KAFKA_PARTITIONS=3
# The five topics of io.aide.events.Topics; each also gets its .dlq.
KAFKA_TOPICS=(aide.documents.v1 aide.generation.commands.v1 aide.validation.commands.v1 aide.ai.commands.v1 aide.generation.events.v1)

kafka_cp() { cat "$KAFKA_CLASSPATH_FILE"; }

kafka_admin() { java -Xms32m -Xmx128m -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$KAFKA_ADMIN_CLASSES:$(kafka_cp)" KafkaAdmin "$@"; }

kafka_healthy() { port_open "$KAFKA_PORT" && kafka_admin ready "127.0.0.1:$KAFKA_PORT"; }

kafka_up() {
    local started; started=$(now_ms)
    local log="$LOG_DIR/kafka.log" dir="$ENV_DIR/kafka"
    local props="$dir/server.properties"
    local pid; pid=$(pid_of kafka)
    if pid_alive "$pid" && port_open "$KAFKA_PORT"; then
        info "kafka already running (pid $pid, port $KAFKA_PORT)"
        return 0
    fi
    port_open "$KAFKA_PORT" && die "kafka: port $KAFKA_PORT is taken by a process this environment did not start"
    port_open "$KAFKA_CONTROLLER_PORT" && die "kafka: controller port $KAFKA_CONTROLLER_PORT is taken by a process this environment did not start"
    mkdir -p "$dir"
    sed -e "s|@PORT@|$KAFKA_PORT|g" -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" -e "s|@LOG_DIRS@|$dir/data|g" \
        "$AIDE_ROOT/infra/kafka/server.properties" >"$props"
    if [[ ! -f "$dir/data/meta.properties" ]]; then
        local cluster_id
        cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
        info "kafka: formatting storage in $dir/data (cluster $cluster_id)"
        java -Xmx256m -cp "$(kafka_cp)" kafka.tools.StorageTool format --cluster-id="$cluster_id" -c "$props" >>"$log" 2>&1 \
            || fail_component kafka "$log" "StorageTool format failed"
    fi
    spawn "$log" "$PID_DIR/kafka.pid" java -Xms256m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:TieredStopAtLevel=1 \
        -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
        -Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info -Dorg.slf4j.simpleLogger.showDateTime=true \
        -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
        -cp "$(kafka_cp)" kafka.Kafka "$props"
    pid=$(pid_of kafka)
    local topics=() t
    for t in "${KAFKA_TOPICS[@]}"; do topics+=("$t" "$t.dlq"); done
    # one JVM waits for the broker's metadata and creates the topics
    kafka_admin await "127.0.0.1:$KAFKA_PORT" "$pid" 120 "$KAFKA_PARTITIONS" "${topics[@]}" >>"$log" 2>&1 \
        || fail_component kafka "$log" "did not become ready or could not create the aide topics"
    info "kafka up (pid $pid, port $KAFKA_PORT) in $(elapsed_s "$started") s"
}

kafka_down() {
    local pid; pid=$(pid_of kafka)
    if pid_alive "$pid"; then
        stop_pid kafka 30
        info "kafka stopped"
    fi
    rm -f "$PID_DIR/kafka.pid"
}

kafka_status() {
    local pid; pid=$(pid_of kafka)
    pid_alive "$pid" || pid=""
    local h='not healthy'
    if [[ -n "$pid" ]] && kafka_healthy >/dev/null 2>&1; then h=healthy; fi
    status_line kafka "$pid" "$KAFKA_PORT" "$h"
}
