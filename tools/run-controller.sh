#!/bin/bash
# Start the odl-bfd controller in the foreground: RESTCONF on 8181 (admin/admin), the embedded
# BFD agent, NETCONF southbound. Builds the distribution first when it is missing. Ctrl-C stops it.
# For the Karaf console instead, run karaf-distribution/target/assembly/bin/karaf (no "server").
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
. tools/env.sh
karaf=karaf-distribution/target/assembly/bin/karaf
if [ ! -x "$karaf" ]; then
  echo "run-controller: building the distribution first (the first build downloads ~700 MB)" >&2
  ./mvnw -B -q install -DskipTests -Dcheckstyle.skip -Dspotbugs.skip -Dmaven.javadoc.skip
fi
# a controller that died uncleanly leaves a lock that would abort this start
rm -f karaf-distribution/target/assembly/lock
exec "$karaf" server
