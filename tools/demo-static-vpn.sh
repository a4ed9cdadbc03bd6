#!/bin/bash
# demo-static-vpn.sh [--backup] - seed 004 "BFD for static VPN routes" in network namespaces.
#
#                 +-- vPE1 192.0.2.1/30 ---- 192.0.2.2/30 vCE [PE1] vCORE 192.0.2.9/30 ----+
#  [CE1] lo 203.0.113.1                        (VRF vpna)                                [CE2] lo 203.0.113.100
#  controller     +-- vPE2 192.0.2.5/30 ---- 192.0.2.6/30 vCE [PE2] vCORE 192.0.2.13/30 ---+   (PE3+CE2, BGP)
#
# CE1 is our controller (the embedded agent, kernel-routes=true), configured over RESTCONF: two BFD
# sessions (ce1_to_pe1, ce1_to_pe2, 100 ms x 3) and a default route with two next hops that track
# them by name (Huawei's "ip route-static ... track bfd-session"), load-balanced (ECMP) or, with
# --backup, PE2 as a backup (preference 10). PE1 and PE2 are BIRD 2: a static route to CE1's
# loopback in VRF vpna tracked by BFD, advertised over BGP to CE2 (which plays PE3 and CE2 in one).
# The demo pings CE2 from CE1 every 10 ms, breaks the CE1-PE link the flow uses (nftables drops
# everything on PE's side, the carrier stays up: the failure BFD is for), prints the timeline
# (BFD Down, operational RIB, kernel route, packets lost), then restores the link.
#
# Needs root, the built controller (tools/run-controller.sh builds it) and the peers
# (tools/install-peers.sh, which tools/test.sh runs). Addresses are RFC 5737 documentation ones,
# inside namespaces this script creates and deletes; it stops only processes it started.
set -Eeuo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
mode=ecmp
[ "${1:-}" = "--backup" ] && mode=backup
log() { printf '%s\n' "$*" >&2; }
die() { log "demo: $*"; exit 1; }
# set -e ends the demo on any failed command: say which, or the only trace is an exit status of 1
trap 'log "demo: failed (status $?) at line $LINENO: $BASH_COMMAND"' ERR
[ "$(id -u)" = 0 ] || die "must run as root (network namespaces)"
home="$top/karaf-distribution/target/assembly"
[ -x "$home/bin/karaf" ] || die "no controller at $home: build it first (tools/run-controller.sh, or ./mvnw -B install -DskipTests)"
for bin in ip bird birdc nft ping curl; do command -v "$bin" >/dev/null || die "$bin missing: run tools/install-peers.sh"; done
. "$top/tools/env.sh" >/dev/null

id=$$
ce1=dce1-$id pe1=dpe1-$id pe2=dpe2-$id ce2=dce2-$id
run=${TMPDIR:-/tmp}/odlbfd-demo-$id
mkdir -p "$run"
mgmt_root=198.51.100.253 mgmt_ns=198.51.100.254
base=http://$mgmt_ns:8181/rests/data
cfg="$home/etc/org.odlbfd.agent.cfg"
ctl_pid=

cleanup() {
  set +e
  if [ -n "$ctl_pid" ]; then
    # the controller and its children: every process inside our own namespace ce1
    for p in $(ip netns pids "$ce1" 2>/dev/null); do kill "$p" 2>/dev/null; done
    for _ in $(seq 60); do [ -z "$(ip netns pids "$ce1" 2>/dev/null)" ] && break; sleep 1; done
    for p in $(ip netns pids "$ce1" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
  fi
  for n in pe1 pe2 ce2; do
    [ -f "$run/$n.pid" ] && kill "$(cat "$run/$n.pid")" 2>/dev/null
  done
  if [ -f "$run/agent.cfg.saved" ]; then mv "$run/agent.cfg.saved" "$cfg"; elif [ -f "$run/agent.cfg.none" ]; then rm -f "$cfg"; fi
  ip link del "dm$id" 2>/dev/null
  for ns in "$ce1" "$pe1" "$pe2" "$ce2"; do ip netns del "$ns" 2>/dev/null; done
  log "demo: cleaned up (logs in $run)"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

nsx() { ip netns exec "$@"; }
veth() { # veth NS1 IF1 ADDR1 NS2 IF2 ADDR2
  ip link add "$2" netns "$1" type veth peer name "$5" netns "$4"
  ip -n "$1" addr add "$3" dev "$2"; ip -n "$4" addr add "$6" dev "$5"
  ip -n "$1" link set "$2" up; ip -n "$4" link set "$5" up
}

log "demo: building the topology ($mode)"
for ns in "$ce1" "$pe1" "$pe2" "$ce2"; do
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  nsx "$ns" sysctl -qw net.ipv4.ip_forward=1 net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0
done
veth "$ce1" vPE1 192.0.2.1/30 "$pe1" vCE 192.0.2.2/30
veth "$ce1" vPE2 192.0.2.5/30 "$pe2" vCE 192.0.2.6/30
veth "$pe1" vCORE 192.0.2.9/30 "$ce2" vPE1 192.0.2.10/30
veth "$pe2" vCORE 192.0.2.13/30 "$ce2" vPE2 192.0.2.14/30
ip -n "$ce1" addr add 203.0.113.1/32 dev lo
ip -n "$ce2" addr add 203.0.113.100/32 dev lo
ip link add "dm$id" type veth peer name mgmt0 netns "$ce1"
ip addr add $mgmt_root/30 dev "dm$id"; ip link set "dm$id" up
ip -n "$ce1" addr add $mgmt_ns/30 dev mgmt0; ip -n "$ce1" link set mgmt0 up

# VRF vpna on the PEs (seed 004's vpn-instance), where the kernel has VRFs (CONFIG_NET_VRF)
vrf=no
if nsx "$pe1" ip link add vpna type vrf table 100 2>/dev/null; then
  vrf=yes
  nsx "$pe2" ip link add vpna type vrf table 100
  for pe in "$pe1" "$pe2"; do
    ip -n "$pe" link set vpna up
    ip -n "$pe" link set vCE master vpna; ip -n "$pe" link set vCORE master vpna
  done
else
  log "demo: this kernel has no VRF driver (CONFIG_NET_VRF): the PEs keep vpna's routes in their main table"
fi

bird_pe() { # NAME ROUTER-ID CE-ADDR CORE-LOCAL CORE-PEER
  local v='' t='' kt=''
  if [ "$vrf" = yes ]; then v='vrf "vpna";'; t='table vpna4;'; kt='kernel table 100;'; fi
  cat > "$run/$1.conf" <<EOF
log "$run/$1.log" all;
router id $2;
$( [ "$vrf" = yes ] && echo 'ipv4 table vpna4;' )
protocol device { }
protocol kernel { $v $kt ipv4 { $t export all; import none; }; merge paths on; }
protocol bfd { $v interface "vCE" { interval 100 ms; multiplier 3; }; }
protocol static ce1static { $v ipv4 { $t }; route 203.0.113.1/32 via $3 bfd; }
protocol bgp core {
  $v local $4 as 65000; neighbor $5 as 65100;
  connect delay time 1; connect retry time 2; error wait time 1, 5;
  ipv4 { $t import all; export where proto = "ce1static"; };
}
EOF
}
bird_pe pe1 192.0.2.2 192.0.2.1 192.0.2.9 192.0.2.10
bird_pe pe2 192.0.2.6 192.0.2.5 192.0.2.13 192.0.2.14
cat > "$run/ce2.conf" <<EOF
log "$run/ce2.log" all;
router id 192.0.2.10;
protocol device { }
protocol direct { ipv4; interface "lo"; }
protocol kernel { ipv4 { export where source = RTS_BGP; import none; }; merge paths on; }
template bgp tpe { connect delay time 1; connect retry time 2; error wait time 1, 5;
  ipv4 { import all; export where net = 203.0.113.100/32; }; }
protocol bgp bgp_pe1 from tpe { local 192.0.2.10 as 65100; neighbor 192.0.2.9 as 65000; }
protocol bgp bgp_pe2 from tpe { local 192.0.2.14 as 65100; neighbor 192.0.2.13 as 65000; }
EOF
for n in pe1 pe2 ce2; do
  ns_var=$n; ns=${!ns_var}
  nsx "$ns" bird -c "$run/$n.conf" -s "$run/$n.ctl" -P "$run/$n.pid" || die "bird $n did not start: $(cat "$run/$n.log" 2>/dev/null)"
done

log "demo: starting the controller in $ce1 (kernel-routes=true; log $run/controller.log)"
if [ -f "$cfg" ]; then cp "$cfg" "$run/agent.cfg.saved"; else touch "$run/agent.cfg.none"; fi
echo "kernel-routes=true" > "$cfg"
( cd "$home" && rm -rf data journal snapshots state cache instances lock )
( cd "$home" && exec ip netns exec "$ce1" bin/karaf server ) > "$run/controller.log" 2>&1 &
ctl_pid=$!
boot=$(date +%s)
# ready when RESTCONF itself answers: data, or its own data-missing error (Jetty's bare 404 and AAA's 401 come earlier)
until code=$(curl -s -o "$run/probe" -w '%{http_code}' -u admin:admin "$base/ietf-routing:routing?content=config") \
    && { [ "$code" = 200 ] || grep -q data-missing "$run/probe"; }; do
  kill -0 "$ctl_pid" 2>/dev/null || die "the controller exited; see $run/controller.log"
  [ $(( $(date +%s) - boot )) -lt 300 ] || die "RESTCONF did not answer within 300 s"
  sleep 2
done
log "demo: RESTCONF up after $(( $(date +%s) - boot )) s"

rest() { # METHOD PATH [BODY]
  curl -s -u admin:admin -X "$1" -H 'Content-Type: application/yang-data+json' "$base/$2" ${3:+-d "$3"}
}
BFD='ietf-routing:routing/control-plane-protocols/control-plane-protocol=ietf-bfd-types:bfdv1,bfd1'
STATIC='ietf-routing:routing/control-plane-protocols/control-plane-protocol=ietf-routing:static,ce1'
session() { # IF PEER SOURCE NAME
  rest PUT "$BFD/ietf-bfd:bfd/ietf-bfd-ip-sh:ip-sh/sessions/session=$1,$2" "{\"ietf-bfd-ip-sh:session\": [{
    \"interface\": \"$1\", \"dest-addr\": \"$2\", \"source-addr\": \"$3\", \"local-multiplier\": 3,
    \"desired-min-tx-interval\": 100000, \"required-min-rx-interval\": 100000, \"odl-bfd-ext:session-name\": \"$4\"}]}"
}
session vPE1 192.0.2.2 192.0.2.1 ce1_to_pe1
session vPE2 192.0.2.6 192.0.2.5 ce1_to_pe2
pref2=1; [ "$mode" = backup ] && pref2=10
out=$(rest PUT "$STATIC" "{\"ietf-routing:control-plane-protocol\": [{\"type\": \"ietf-routing:static\", \"name\": \"ce1\",
  \"static-routes\": {\"ietf-ipv4-unicast-routing:ipv4\": {\"route\": [{\"destination-prefix\": \"0.0.0.0/0\",
  \"next-hop\": {\"next-hop-list\": {\"next-hop\": [
    {\"index\": \"pe1\", \"next-hop-address\": \"192.0.2.2\", \"outgoing-interface\": \"vPE1\",
     \"odl-bfd-static-route:preference\": 1,
     \"odl-bfd-static-route:bfd\": {\"enabled\": true, \"session-name\": \"ce1_to_pe1\"}},
    {\"index\": \"pe2\", \"next-hop-address\": \"192.0.2.6\", \"outgoing-interface\": \"vPE2\",
     \"odl-bfd-static-route:preference\": $pref2,
     \"odl-bfd-static-route:bfd\": {\"enabled\": true, \"session-name\": \"ce1_to_pe2\"}}]}}}]}}}]}")
[ -z "$out" ] || die "static route refused: $out"

wanted=2; [ "$mode" = backup ] && wanted=1
log "demo: waiting for BFD Up, the default route in CE1's kernel and BGP on CE2"
for _ in $(seq 300); do
  hops=$(ip -n "$ce1" route show default proto 84 | grep -c 'via 192.0.2' || true)
  ce2ok=$(ip -n "$ce2" route show 203.0.113.1 | grep -c 'via 192.0.2' || true)
  [ "$hops" -ge "$wanted" ] && [ "$ce2ok" -ge 1 ] && nsx "$ce1" ping -q -c 1 -W 1 -I 203.0.113.1 203.0.113.100 >/dev/null 2>&1 && break
  sleep 0.2
done
[ "$hops" -ge "$wanted" ] || die "the default route did not come: $(ip -n "$ce1" route)"
log "demo: CE1's default route (protocol 84, installed by the controller):"
ip -n "$ce1" route show default | sed 's/^/    /' >&2
log "demo: CE2's route back to CE1 (BGP from the PEs' BFD-tracked static routes):"
ip -n "$ce2" route show 203.0.113.1 | sed 's/^/    /' >&2

# the link the ping flow uses: ECMP hashes a flow onto one next hop; which one, the packet counters tell
tx() { nsx "$ce1" cat "/sys/class/net/$1/statistics/tx_packets"; }
a1=$(tx vPE1); a2=$(tx vPE2)
nsx "$ce1" ping -q -c 20 -i 0.01 -I 203.0.113.1 203.0.113.100 >/dev/null
if [ $(( $(tx vPE1) - a1 )) -ge $(( $(tx vPE2) - a2 )) ]; then
  pe=$pe1 peif=vPE1 name=ce1_to_pe1 peer=192.0.2.2
else
  pe=$pe2 peif=vPE2 name=ce1_to_pe2 peer=192.0.2.6
fi
log "demo: the ping flow leaves through $peif to $peer; breaking that link"

epoch() { date -d "$1" +%s.%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+8.1f ms", (b - a) * 1000 }'; }
# a leaf from a RESTCONF reply, empty when absent (grep finding nothing must not end the demo)
json() { { grep -o "\"$1\" *: *\"[^\"]*\"" || true; } | sed -n '1s/.*: *"//; 1s/"$//p'; }
# GET until the leaf is there (the operational view can trail the kernel by a commit): at most 5 s
leaf() { # PATH LEAF
  local v='' i
  for i in $(seq 20); do
    rest GET "$1" > "$run/$2.json" || true
    v=$(json "$2" < "$run/$2.json")
    [ -n "$v" ] && break
    sleep 0.25
  done
  [ "$i" = 1 ] || log "demo: $2 took $i GETs"
  printf '%s' "$v"
}

nsx "$ce1" ping -D -i 0.01 -c 700 -I 203.0.113.1 203.0.113.100 > "$run/ping.txt" 2>&1 &
pinger=$!
sleep 2
# the monitor starts just before the break: its first default-route line is then the failover,
# not a change of the seconds before (a busy box can flap a 300 ms session before the break)
nsx "$ce1" ip -ts monitor route > "$run/monitor.txt" 2>&1 &
mon=$!
sleep 0.2
t0=$(date +%s.%N)
cat > "$run/break.nft" <<EOF
table inet demo_break {
  chain in { type filter hook input priority 0; iifname "vCE" drop; }
  chain out { type filter hook output priority 0; oifname "vCE" drop; }
  chain through {
    type filter hook forward priority 0;
    iifname "vCE" drop
    oifname "vCE" drop
  }
}
EOF
nsx "$pe" nft -f "$run/break.nft"
wait "$pinger" || true
kill "$mon" 2>/dev/null || true

down=$(leaf "$BFD/ietf-bfd:bfd/ietf-bfd-ip-sh:ip-sh/sessions/session=$peif,$peer?content=nonconfig" last-down-time)
updated=$(leaf "ietf-routing:routing/ribs/rib=ipv4-master?content=nonconfig" last-updated)
[ -n "$down" ] || log "demo: the operational datastore shows no last-down-time for $name"
[ -n "$updated" ] || log "demo: the operational RIB shows no last-updated"

kchange=$(awk '/default|0\.0\.0\.0\/0/ { ts = substr($1, 2, length($1) - 2); print ts; exit }' "$run/monitor.txt")
sent=$(grep -o '[0-9]* packets transmitted' "$run/ping.txt" | cut -d' ' -f1)
got=$(grep -o '[0-9]* received' "$run/ping.txt" | cut -d' ' -f1)
lost=$(( sent - got ))
# the outage: the longest silence between two replies (ping -D stamps each), less one send interval
# (under load ping sends slower than every 10 ms, so lost x 10 ms would understate it)
outage=$(awk -F'[][]' '/bytes from/ { t = $2 + 0; if (last && t - last > gap) gap = t - last; n++; if (n > 1) sum += t - last; last = t }
  END { avg = n > 1 ? sum / (n - 1) : 0.01; printf "%.0f", (gap - avg) * 1000 }' "$run/ping.txt")
log ""
log "demo: timeline after the $peif link broke (detection time 300 ms: 100 ms x 3)"
log "    link broken                               $(ms "$t0" "$t0")"
[ -n "$down" ] && log "    BFD $name Down (ietf-bfd last-down-time)  $(ms "$t0" "$(epoch "$down")")"
[ -n "$updated" ] && log "    route switched in the operational RIB      $(ms "$t0" "$(epoch "$updated")")  (last-updated)"
[ -n "$kchange" ] && log "    route switched in CE1's kernel              $(ms "$t0" "$(epoch "$kchange")")  (ip monitor)"
log "    packets lost: $lost of $sent (one sent every 10 ms or as fast as the machine manages)"
log "    traffic lost for $outage ms (longest silence between replies; target: detection + 50 ms = 350 ms)"
log "demo: CE1's default route now:"
ip -n "$ce1" route show default | sed 's/^/    /' >&2
[ "$(ip -n "$ce1" route show default | grep -c "$peer")" = 0 ] || die "the broken next hop is still in the kernel"

log "demo: restoring the link"
nsx "$pe" nft delete table inet demo_break
for _ in $(seq 150); do
  hops=$(ip -n "$ce1" route show default proto 84 | grep -c 'via 192.0.2' || true)
  [ "$hops" -ge "$wanted" ] && ip -n "$ce1" route show default | grep -q 192.0.2.2 && break
  sleep 0.2
done
up=$(leaf "$BFD/ietf-bfd:bfd/ietf-bfd-ip-sh:ip-sh/sessions/session=$peif,$peer?content=nonconfig" last-up-time)
log "demo: BFD $name Up again at $up; CE1's default route:"
ip -n "$ce1" route show default | sed 's/^/    /' >&2
nsx "$ce1" ping -q -c 5 -i 0.2 -I 203.0.113.1 203.0.113.100 | tail -2 | sed 's/^/    /' >&2
after() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) * 1000 }'; }
echo "MEASURED demo $mode vrf=$vrf lost=$lost/$sent outage_ms=$outage bfd_down_ms=$(after "$t0" "$(epoch "$down")")" \
  "rib_ms=$(after "$t0" "$(epoch "$updated")") kernel_ms=$(after "$t0" "$(epoch "$kchange")")" \
  "load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"
