# parse / eval / bench: the aide-cli module's Main, built when stale.

CLI_STAMP="$AIDE_HOME/cli.stamp"
CLI_CLASSPATH_FILE="$AIDE_HOME/cli.classpath"

cli_stale() {
    [[ -f "$CLI_STAMP" && -s "$CLI_CLASSPATH_FILE" && -d "$AIDE_ROOT/aide-cli/target/classes" ]] || return 0
    local changed
    changed=$(cd "$AIDE_ROOT" && find . \( -name .aide -o -name .git -o -name target -o -name node_modules -o -name web-ui \) -prune \
        -o -type f \( -path '*/src/main/*' -o -name pom.xml \) -newer "$CLI_STAMP" -print -quit)
    [[ -n "$changed" ]]
}

cli_build() {
    mkdir -p "$AIDE_HOME"
    [[ -f "$AIDE_ROOT/aide-cli/pom.xml" ]] || die "aide-cli module missing in $AIDE_ROOT"
    cli_stale || return 0
    local log="$AIDE_HOME/cli-build.log"
    info "building aide-cli and the modules it uses (log $log)"
    touch "$CLI_STAMP.next"
    if ! (cd "$AIDE_ROOT" && mvn -B -q -pl aide-cli -am install -DskipTests \
        && mvn -B -q -f aide-cli/pom.xml dependency:build-classpath -Dmdep.outputFile="$CLI_CLASSPATH_FILE" -Dmdep.includeScope=runtime) >"$log" 2>&1; then
        tail -n 30 "$log" >&2
        die "aide-cli build failed; full log: $log"
    fi
    mv "$CLI_STAMP.next" "$CLI_STAMP"
}

run_cli() {
    cli_build
    local cp="$AIDE_ROOT/aide-cli/target/classes:$(cat "$CLI_CLASSPATH_FILE")"
    local rc=0
    java -Xmx2g -cp "$cp" io.aide.cli.Main "$@" || rc=$?
    exit "$rc"
}
