#!/bin/bash
# Start the odl-bfd remote agent in the foreground: our BFD engine on this host (or the network
# namespace it runs in), serving ietf-bfd over NETCONF/SSH. Defaults: port 2830 on every address,
# user admin, password admin; change them in a settings file (README.md, "Remote agent"):
#   tools/run-agent.sh [-c SETTINGS_FILE]
# Builds bfd-impl first when it is missing. Ctrl-C (or SIGTERM) stops it; peers are told AdminDown.
# JVM options come from AGENT_JAVA_OPTS (default: -Xms32m -Xmx256m -XX:+UseShenandoahGC, a low-pause
# collector, PERF-NOTES rule 7, with a smaller footprint here than ZGC; a session takes about 100 KiB of
# heap, so raise -Xmx beyond ~2,000 sessions). Its heap is capped small, so unlike the controller's
# (bin/setenv, which caps what ZGC commits with -XX:SoftMaxHeapSize) it needs no soft maximum; like the
# controller it runs with MALLOC_ARENA_MAX=2 unless the environment sets it (glibc's default of 8
# arenas per core cost the controller ~40-60 MiB of RSS).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
config=()
while [ $# -gt 0 ]; do
  case $1 in
    -c|--config) [ $# -ge 2 ] || { echo "run-agent: -c needs a file" >&2; exit 2; }
                 config=(--config "$(realpath "$2")"); shift 2;;
    -h|--help) sed -n '2,12p' "$0"; exit 0;;
    *) echo "usage: run-agent.sh [-c SETTINGS_FILE]" >&2; exit 2;;
  esac
done
cd "$top"
. tools/env.sh >&2
classes=impl/target/classes
cp_file=impl/target/remote-agent.classpath
if [ ! -f "$classes/org/odlbfd/impl/agent/RemoteAgent.class" ] || [ ! -f "$cp_file" ]; then
  echo "run-agent: building bfd-impl first" >&2
  ./mvnw -B -q -pl impl -am install -DskipTests -Dcheckstyle.skip -Dspotbugs.skip -Dmaven.javadoc.skip >&2
fi
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" ${AGENT_JAVA_OPTS:--Xms32m -Xmx256m -XX:+UseShenandoahGC} \
  -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
  -cp "$top/$classes:$(cat "$cp_file")" org.odlbfd.impl.agent.RemoteAgent "${config[@]}"
