#!/bin/bash
# Boot the built controller (karaf-distribution/target/assembly) with an empty datastore inside a
# network namespace of its own, wait until RESTCONF answers there, let it settle, and print one line:
# boot time, RSS, threads, CPU while it settles (all threads, collector threads), the heap the
# collector committed, pauses (count, p99, max) and the load average (this box is shared). Then stop
# it and delete the namespace. JVM settings are those of bin/setenv plus what the environment brings, e.g.
#   tools/measure-footprint.sh today
#   EXTRA_JAVA_OPTS="-XX:+UseG1GC" JAVA_MAX_MEM=768m tools/measure-footprint.sh g1-768m
#   SETTLE=120 NMT=1 tools/measure-footprint.sh zgc-nmt      (NMT=1: native memory summary too)
# Root only (ip netns). Only this script's own controller is signalled.
set -euo pipefail
name=${1:?usage: measure-footprint.sh NAME}
settle=${SETTLE:-30}
top=$(cd "$(dirname "$0")/.." && pwd)
home=$top/karaf-distribution/target/assembly
[ -x "$home/bin/karaf" ] || { echo "build karaf-distribution first" >&2; exit 1; }
. "$top/tools/env.sh" >/dev/null 2>&1
out=$top/target/footprint/$name-$(date +%H%M%S)
mkdir -p "$out"
ns=fp-$$
ip netns add "$ns"
ip -n "$ns" link set lo up
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"; for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  ip netns del "$ns" 2>/dev/null || true
}
trap cleanup EXIT
# a fresh controller: no datastore, no Karaf cache, no lock of an earlier run
(cd "$home" && rm -rf data journal snapshots state cache instances lock)
opts="-Xlog:safepoint=info:file=$out/safepoint.log:uptime -Xlog:gc*=info:file=$out/gc.log:uptime"
[ -n "${NMT:-}" ] && opts="$opts -XX:NativeMemoryTracking=summary"
start=$(date +%s%N)
EXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS:-} $opts" JAVA_HOME=$JAVA_HOME \
  ip netns exec "$ns" "$home/bin/karaf" server >"$out/karaf.out" 2>&1 &
launcher=$!
boot_ms=
for _ in $(seq 480); do
  kill -0 "$launcher" 2>/dev/null || { echo "$name: controller exited, see $out/karaf.out" >&2; exit 1; }
  body=$(ip netns exec "$ns" curl -s -m 5 -u admin:admin -w ' HTTP%{http_code}' \
    "http://127.0.0.1:8181/rests/data/ietf-routing:routing?content=config" 2>/dev/null || true)
  case $body in
    *HTTP200|*data-missing*) boot_ms=$(( ($(date +%s%N) - start) / 1000000 )); break;;
  esac
  sleep 0.5
done
[ -n "$boot_ms" ] || { echo "$name: RESTCONF not ready in 4 min" >&2; exit 1; }
pid=$(pgrep -P "$launcher" -f org.apache.karaf.main.Main || pgrep -f "org.apache.karaf.main.Main.*$home" | head -1)
# CPU ticks of the whole JVM and of its collector threads (ZGC Z*, G1/Shenandoah "GC Thread#", "G1 *")
cpu() {
  local gc=0 t c
  for t in /proc/"$pid"/task/*; do
    read -r c < "$t/comm" || continue
    set -- $(sed 's/^.*) //' "$t/stat" 2>/dev/null) ; [ $# -gt 12 ] || continue
    case $c in Z*|GC\ *|G1*|Shenandoah*) gc=$((gc + ${12} + ${13}));; esac
  done
  # the process's own figure also counts threads that have ended
  set -- $(sed 's/^.*) //' /proc/"$pid"/stat)
  echo "$((${12} + ${13})) $gc"
}
read -r cpu0 gc0 <<<"$(cpu)"
sleep "$settle"
read -r cpu1 gc1 <<<"$(cpu)"
hz=$(getconf CLK_TCK)
boot_cpu=$(awk -v a="$cpu0" -v g="$gc0" -v hz="$hz" 'BEGIN {printf "%.1f s, collector %.1f s", a / hz, g / hz}')
idle_cpu=$(awk -v a=$((cpu1 - cpu0)) -v g=$((gc1 - gc0)) -v s="$settle" -v hz="$hz" \
  'BEGIN {printf "%.1f%% of a core, collector %.1f%%", 100 * a / hz / s, 100 * g / hz / s}')
rss=$(awk '/^VmRSS/ {printf "%d", $2/1024}' "/proc/$pid/status")
threads=$(ls "/proc/$pid/task" | wc -l)
"$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info >"$out/heap_info.txt" 2>&1 || true
"$JAVA_HOME/bin/jcmd" "$pid" VM.flags >"$out/flags.txt" 2>&1 || true
[ -n "${NMT:-}" ] && { "$JAVA_HOME/bin/jcmd" "$pid" VM.native_memory summary >"$out/nmt.txt" 2>&1 || true; }
heap=$(grep -m1 -E 'used|capacity|total' "$out/heap_info.txt" | sed 's/^ *//')
# The collector's own pauses (gc.log "Pause ... 0.012ms"), whole run; and every safepoint's total
# (JDK 21 safepoint log: [12.3s] Safepoint "ZMarkEndYoung", ..., Reaching safepoint: N ns, ...,
# Total: N ns) from 5 s after RESTCONF ready on: reaching and leaving a safepoint is where a loaded 2-core box
# stalls the JVM, and the engine's threads stop for the total. jcmd's own operations are left out.
stats() {
  sort -n | awk '{v[NR]=$1} END {if (NR==0) {print "none"; exit}
    i=int(NR*0.99+0.999); if (i<1) i=1; printf "n=%d p99 %.2f ms max %.2f ms", NR, v[i], v[NR]}'
}
gc_stats=$(sed -n 's/.*Pause .* \([0-9.]*\)ms$/\1/p' "$out/gc.log" | stats)
sp_stats=$(awk -v t="$(( boot_ms / 1000 + 5 ))" '/Safepoint "/ {
    up=$1; gsub(/[\[\]s]/, "", up); if (up+0 < t) next
    if ($0 ~ /"(HeapDumper|GC_HeapInspection|PrintThreads|PrintJNI|FindDeadlocks|ThreadDump)"/) next
    n=split($0, f, "Total: "); split(f[n], g, " "); print g[1]/1e6 }' "$out/safepoint.log" | stats)
printf '%s: boot %d ms (CPU %s), RSS %d MiB after %d s, %d threads, CPU while settling %s, heap [%s], collector pauses %s, safepoints after boot %s, load %s, EXTRA_JAVA_OPTS [%s]%s, dir %s\n' \
  "$name" "$boot_ms" "$boot_cpu" "$rss" "$settle" "$threads" "$idle_cpu" "$heap" "$gc_stats" "$sp_stats" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "${EXTRA_JAVA_OPTS:-}" \
  "${JAVA_MAX_MEM:+ JAVA_MAX_MEM=$JAVA_MAX_MEM}${JAVA_MIN_MEM:+ JAVA_MIN_MEM=$JAVA_MIN_MEM}${JAVA_SOFT_MAX_MEM:+ JAVA_SOFT_MAX_MEM=$JAVA_SOFT_MAX_MEM}${MALLOC_ARENA_MAX:+ MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX}" \
  "$out" | tee -a "$top/target/footprint/results.txt"
