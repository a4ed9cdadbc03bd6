#!/bin/bash
# boot-figures.sh - how README.md ("Why a standalone JVM") measured the two remote-agent builds:
# boot to the first NETCONF hello that lists ietf-bfd, then RSS and the heap in use after a full GC.
#   it/src/test/resources/netconf/boot-figures.sh a [RUNS]   lean Karaf (build it first:
#       ./mvnw -B -f karaf-distribution/agent/pom.xml clean install -DskipTests)
#   it/src/test/resources/netconf/boot-figures.sh b [RUNS]   tools/run-agent.sh (AGENT_JAVA_OPTS honoured)
# Runs as root: each run is in a network namespace of its own (port 2830 there only), deleted after.
# Only the PIDs this script started are signalled; every wait is bounded.
set -euo pipefail
top=$(cd "$(dirname "$0")/../../../../.." && pwd)
which=${1:?usage: boot-figures.sh a|b [RUNS]}
runs=${2:-3}
nc="$top/it/src/test/resources/netconf/nc.py"
. "$top/tools/env.sh" >/dev/null 2>&1
karaf=$top/karaf-distribution/agent/target/assembly

for run in $(seq "$runs"); do
  ns=bootfig-$$-$run
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  log=$(mktemp)
  start=$(date +%s%N)
  if [ "$which" = a ]; then
    [ -x "$karaf/bin/karaf" ] || { echo "no lean Karaf at $karaf" >&2; exit 1; }
    rm -rf "$karaf"/{data,journal,snapshots,state,cache,instances,lock}
    ip netns exec "$ns" env JAVA_HOME="$JAVA_HOME" "$karaf/bin/karaf" server >"$log" 2>&1 &
    marker="Djava.security.properties=$karaf/etc"
  else
    ip netns exec "$ns" "$top/tools/run-agent.sh" >"$log" 2>&1 &
    marker=org.odlbfd.impl.agent.RemoteAgent
  fi
  ready=
  for _ in $(seq 600); do
    if ip netns exec "$ns" /usr/bin/python3 "$nc" 127.0.0.1 2830 admin admin hello 2>/dev/null \
        | grep -q 'module=ietf-bfd&'; then
      ready=$(date +%s%N); break
    fi
    sleep 0.2
  done
  pid=$(pgrep -f -- "$marker" | head -1 || true)
  if [ -z "$ready" ] || [ -z "$pid" ]; then
    echo "run $run: not ready, log $log" >&2
  else
    sleep 10
    rss=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status")
    "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null
    heap=$("$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info | grep -m1 used | tr -s ' ')
    echo "candidate $which run $run: boot-to-NETCONF $(( (ready - start) / 1000000 )) ms, RSS $rss MiB," \
      "heap:$heap; load $(cut -d' ' -f1-3 /proc/loadavg)"
  fi
  if [ -n "$pid" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$marker"; then
    kill "$pid"
    for _ in $(seq 120); do [ -d "/proc/$pid" ] || break; sleep 0.5; done
    [ -d "/proc/$pid" ] && kill -KILL "$pid"
  fi
  ip netns del "$ns"
  rm -f "$log"
done
