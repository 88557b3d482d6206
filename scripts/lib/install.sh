# Installs what the local infrastructure needs, only when missing.

KAFKA_VERSION=4.1.1
S3PROXY_VERSION=4.1.0
KEYCLOAK_VERSION=26.7.3
S3PROXY_JAR="$AIDE_LIB/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar"
KEYCLOAK_ZIP="$AIDE_LIB/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
KEYCLOAK_DIST="$AIDE_HOME/keycloak"
KAFKA_CLASSPATH_FILE="$AIDE_LIB/kafka-$KAFKA_VERSION.classpath"
KAFKA_ADMIN_CLASSES="$AIDE_LIB/kafka-admin"
# the Spark standalone cluster runs from the spark-runner module's own Spark classpath (same jars as the runner)
SPARK_CLASSPATH_FILE="$AIDE_LIB/spark-runner.classpath"
SPARK_HOME_DIR="$AIDE_HOME/spark-home"

pg_bin_dir() {
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
    [[ -n "$d" ]] && echo "$d"
}

apt_install() {
    local missing=()
    command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
    command -v mvn >/dev/null || missing+=(maven)
    command -v unzip >/dev/null || missing+=(unzip)
    command -v curl >/dev/null || missing+=(curl)
    command -v flock >/dev/null || missing+=(util-linux)
    [[ -n "$(pg_bin_dir)" ]] || missing+=(postgresql)
    command -v redis-server >/dev/null || missing+=(redis-server)
    command -v redis-cli >/dev/null || missing+=(redis-tools)
    command -v npm >/dev/null || missing+=(nodejs npm)
    # the data-source introspection tests start a real MariaDB server of their own
    if [[ "${AIDE_ENV:-dev}" == test ]] && ! command -v mariadbd >/dev/null && [[ ! -x /usr/sbin/mariadbd ]]; then
        missing+=(mariadb-server)
    fi
    apt_get_install "${missing[@]+"${missing[@]}"}"
}

# apt-get update once per run, then install the given packages (none: nothing to do).
apt_get_install() {
    local missing=("$@")
    ((${#missing[@]} == 0)) && return 0
    info "installing with apt-get: ${missing[*]}"
    local sudo=""
    [[ $EUID -eq 0 ]] || sudo="sudo"
    local log="$AIDE_HOME/apt.log"
    if [[ -z "${AIDE_APT_UPDATED:-}" ]]; then
        $sudo apt-get -o DPkg::Lock::Timeout=600 update -q >>"$log" 2>&1 || warn "apt-get update failed; trying the install anyway (log $log)"
        AIDE_APT_UPDATED=1
    fi
    if ! { DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"; } >>"$log" 2>&1; then
        tail -n 20 "$log" >&2
        die "apt-get install ${missing[*]} failed. Log: $log"
    fi
    # the Debian package starts its own cluster and server; ours run on other ports, stop theirs.
    if [[ " ${missing[*]} " == *" redis-server "* ]]; then
        { $sudo service redis-server stop || true; } >>"$log" 2>&1
    fi
    if [[ " ${missing[*]} " == *" mariadb-server "* ]]; then
        { $sudo service mariadb stop || true; } >>"$log" 2>&1
    fi
    if [[ " ${missing[*]} " == *" postgresql "* ]]; then
        { $sudo service postgresql stop || true; } >>"$log" 2>&1
    fi
}

# The browser suite drives Debian's Chromium (playwright cannot download browsers here).
ensure_browser() {
    grep -qs playwright "$AIDE_ROOT/web-ui/package.json" || return 0
    command -v chromium >/dev/null && return 0
    (
        exec 8>"$AIDE_HOME/install.lock"
        flock -w 900 8 || die "timed out waiting for $AIDE_HOME/install.lock"
        command -v chromium >/dev/null || apt_get_install chromium
    ) 9>&-
}

mvn_fetch() {
    local artifact=$1 log="$AIDE_HOME/maven-fetch.log"
    info "downloading $artifact with Maven"
    if ! mvn -B -q -f "$AIDE_ROOT/kafka-broker/pom.xml" dependency:copy -Dartifact="$artifact" \
        -DoutputDirectory="$AIDE_LIB" -Dmdep.overWriteIfNewer=true >>"$log" 2>&1; then
        tail -n 20 "$log" >&2
        die "could not download $artifact. Log: $log"
    fi
}

# True when every jar a cached classpath names still exists (a cleaned or moved Maven repository invalidates it).
classpath_complete() {
    local entry
    while IFS= read -r -d ':' entry || [[ -n "$entry" ]]; do
        entry=${entry%$'\n'}
        [[ -z "$entry" || -e "$entry" ]] || return 1
    done <"$1"
    return 0
}

install_artifacts() {
    mkdir -p "$AIDE_LIB"
    local log="$AIDE_HOME/maven-fetch.log"
    if [[ ! -s "$KAFKA_CLASSPATH_FILE" || "$AIDE_ROOT/kafka-broker/pom.xml" -nt "$KAFKA_CLASSPATH_FILE" ]] \
        || ! classpath_complete "$KAFKA_CLASSPATH_FILE"; then
        info "resolving the Kafka $KAFKA_VERSION broker classpath (kafka-broker module)"
        if ! mvn -B -q -f "$AIDE_ROOT/kafka-broker/pom.xml" dependency:build-classpath \
            -Dmdep.outputFile="$KAFKA_CLASSPATH_FILE.tmp" >>"$log" 2>&1; then
            tail -n 20 "$log" >&2
            die "could not resolve the Kafka broker classpath. Log: $log"
        fi
        mv "$KAFKA_CLASSPATH_FILE.tmp" "$KAFKA_CLASSPATH_FILE"
    fi
    if spark_enabled && { [[ ! -s "$SPARK_CLASSPATH_FILE" || "$AIDE_ROOT/spark-runner/pom.xml" -nt "$SPARK_CLASSPATH_FILE" ]] \
        || ! classpath_complete "$SPARK_CLASSPATH_FILE"; }; then
        info "resolving the Spark classpath of the standalone cluster (spark-runner module)"
        if ! mvn -B -q -f "$AIDE_ROOT/spark-runner/pom.xml" dependency:build-classpath -Dmdep.includeScope=runtime \
            -Dmdep.outputFile="$SPARK_CLASSPATH_FILE.tmp" >>"$log" 2>&1; then
            tail -n 20 "$log" >&2
            die "could not resolve the Spark classpath. Log: $log"
        fi
        mv "$SPARK_CLASSPATH_FILE.tmp" "$SPARK_CLASSPATH_FILE"
    fi
    local src="$AIDE_ROOT/scripts/java/KafkaAdmin.java"
    if [[ ! -f "$KAFKA_ADMIN_CLASSES/KafkaAdmin.class" || "$src" -nt "$KAFKA_ADMIN_CLASSES/KafkaAdmin.class" ]]; then
        mkdir -p "$KAFKA_ADMIN_CLASSES"
        javac -nowarn -d "$KAFKA_ADMIN_CLASSES" -cp "$(cat "$KAFKA_CLASSPATH_FILE")" "$src" >>"$log" 2>&1 \
            || die "could not compile $src. Log: $log"
    fi
    [[ -s "$S3PROXY_JAR" ]] || mvn_fetch "org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies"
    [[ -s "$KEYCLOAK_ZIP" ]] || mvn_fetch "org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip"
    if [[ ! -x "$KEYCLOAK_DIST/bin/kc.sh" ]]; then
        info "unpacking Keycloak $KEYCLOAK_VERSION into $KEYCLOAK_DIST"
        local tmp="$AIDE_HOME/keycloak.unpack.$$"
        rm -rf "$tmp" && mkdir -p "$tmp"
        unzip -q "$KEYCLOAK_ZIP" -d "$tmp" || die "could not unpack $KEYCLOAK_ZIP"
        rm -rf "$KEYCLOAK_DIST"
        mv "$tmp"/keycloak-* "$KEYCLOAK_DIST" && rm -rf "$tmp"
    fi
}

# Installs once per machine; a lock keeps concurrent dev and test runs from racing.
ensure_installed() {
    mkdir -p "$AIDE_HOME"
    (
        exec 8>"$AIDE_HOME/install.lock"
        flock -w 900 8 || die "timed out waiting for $AIDE_HOME/install.lock"
        apt_install
        install_artifacts
    ) 9>&-
}
