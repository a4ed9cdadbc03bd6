#!/bin/bash
# install-peers.sh - install the BFD peer daemons used by the interop tests (module it,
# package org.odlbfd.it.interop): FRR (bfdd 8.4.x), BIRD 2, keepalived (built with BFD),
# iproute2 (ip netns / veth), nftables (to drop echo packets in one test) and ping; python3-ncclient,
# the NETCONF client the NETCONF tests drive the remote agent and the controller's NETCONF northbound with;
# for the NETCONF southbound tests (org.odlbfd.it.southbound, e2e.Southbound*IT): yuma123 netconfd (a
# real NETCONF server; the tests load the RFC 9314 modules into it) behind OpenSSH's sshd (its netconf
# subsystem), and the unprivileged user `nctest` those sshd instances let in.
# Debian's chromium, which the status-page test (it/e2e OperatorSurfacesIT) drives headless.
# curl for tools/demo-static-vpn.sh.
#
# Idempotent: installs only packages that are missing, with --no-install-recommends, so a
# second run does nothing but `apt-get update`. Starts no daemon (Debian's packages start
# none here: there is no systemd; and we pass no service commands). Must run as root.
# Debian 12 (bookworm) package versions this was checked with: frr 8.4.4-1.1~deb12u2,
# bird2 2.0.12-7, keepalived 1:2.2.7-1+b2, iproute2 6.1.0-3, nftables 1.0.6-2+deb12u2,
# python3-ncclient 0.6.13-1, netconfd 2.13-1, openssh-server 1:9.2p1-2+deb12u10.
set -euo pipefail

log() { echo "install-peers: $*" >&2; }
[ "$(id -u)" = 0 ] || { log "must run as root"; exit 1; }

PKGS=(frr bird2 keepalived iproute2 nftables iputils-ping procps python3-ncclient netconfd openssh-server chromium
      curl)

missing=()
for p in "${PKGS[@]}"; do
  # dpkg-query prints "install ok installed" only for a fully installed package
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

log "apt-get update"
apt-get update -qq >&2
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  # policy-rc.d 101: even on a machine with an init system, do not start the daemons
  prc=/usr/sbin/policy-rc.d; made_prc=0
  if [ ! -e "$prc" ]; then printf '#!/bin/sh\nexit 101\n' > "$prc"; chmod 755 "$prc"; made_prc=1; fi
  rc=0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || rc=$?
  [ "$made_prc" = 1 ] && rm -f "$prc"
  [ "$rc" = 0 ] || { log "apt-get install failed ($rc)"; exit "$rc"; }
else
  log "all present: ${PKGS[*]}"
fi

# check what the tests need is really there
for f in /usr/lib/frr/bfdd /usr/lib/frr/zebra /usr/bin/vtysh /usr/sbin/bird /usr/sbin/birdc /usr/sbin/keepalived \
         /usr/sbin/nft /usr/sbin/ip /usr/bin/ping /usr/sbin/netconfd /usr/sbin/netconf-subsystem /usr/sbin/sshd \
         /usr/bin/chromium; do
  [ -x "$f" ] || [ -x "/bin/${f##*/}" ] || [ -x "/sbin/${f##*/}" ] || { log "missing after install: $f"; exit 1; }
done
/usr/bin/python3 -c 'import ncclient' || { log "missing after install: python3 module ncclient"; exit 1; }

# The NETCONF test devices' sshd instances (started by the tests inside their own network
# namespaces, never on the host's addresses) log in as this user; netconf-subsystem runs under
# its shell. Password nctest, as in ../shared/peers/netconfd-bfd.sh. Created once, no sudo rights.
if ! id nctest >/dev/null 2>&1; then
  log "creating user nctest (NETCONF test devices)"
  useradd -m -s /bin/bash nctest
fi
echo 'nctest:nctest' | chpasswd
mkdir -p /run/sshd   # sshd's privilege-separation directory (no systemd here to create it)
log "ok: $(dpkg-query -W -f='${Package} ${Version}\n' frr bird2 keepalived python3-ncclient netconfd openssh-server | tr '\n' ' ')"
