#!/bin/sh
# Builds libodlbfd (the JNI part of org.odlbfd.impl.linux) with the machine's C compiler.
# Called by Maven (impl/pom.xml, phase generate-resources): build.sh JAVA_HOME SRC_DIR OUT_DIR
# The library lands in OUT_DIR/META-INF/native/, which the build adds as a resource directory,
# so it travels inside the bundle. Rebuilt only when a source is newer than the library.
set -eu
java_home=$1 src=$2 out=$3
case "$(uname -m)" in
  x86_64) classifier=linux-x86_64 ;;
  aarch64) classifier=linux-aarch_64 ;;
  *) echo "libodlbfd: no native build for $(uname -m); the transport falls back to Netty" >&2; exit 0 ;;
esac
lib="$out/META-INF/native/libodlbfd-$classifier.so"
mkdir -p "$(dirname "$lib")"
if [ -f "$lib" ] && [ -z "$(find "$src" -newer "$lib" -type f)" ]; then
  exit 0
fi
cc=${CC:-gcc}
command -v "$cc" >/dev/null || { echo "libodlbfd: $cc not found: install gcc (build-essential)" >&2; exit 1; }
# -fvisibility=hidden: only JNIEXPORT symbols leave the library.
"$cc" -std=gnu11 -O2 -g -fPIC -shared -fvisibility=hidden -Wall -Wextra -Werror \
  -I"$java_home/include" -I"$java_home/include/linux" -o "$lib" "$src"/*.c
echo "libodlbfd: built $lib"
