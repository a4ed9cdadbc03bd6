#!/bin/bash
# Sourced by the project's scripts: make sure JDK 21 is installed (installing it when missing)
# and export JAVA_HOME. Only an install needs root; a non-root user is asked through sudo then.
_odlbfd_jdk=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/install-jdk21.sh
if [ "$(id -u)" = 0 ]; then
  _jh=$("$_odlbfd_jdk")
elif ! _jh=$("$_odlbfd_jdk" 2>/dev/null); then
  _jh=$(sudo "$_odlbfd_jdk")
fi
[ -n "${_jh:-}" ] || { echo "JDK 21 setup failed" >&2; return 1; }
export "${_jh?}"
export PATH="$JAVA_HOME/bin:$PATH"
unset _jh _odlbfd_jdk
