#!/bin/bash
# Run every test: unit tests, the Karaf features test, the controller IT and the interop tests
# against real BFD peers (FRR, BIRD, keepalived) in network namespaces. Needs root (netns).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
. tools/env.sh
if [ -x tools/install-peers.sh ]; then
  if [ "$(id -u)" = 0 ]; then tools/install-peers.sh; else sudo tools/install-peers.sh; fi
fi
exec ./mvnw -B clean install "$@"
