#!/usr/bin/env bash
# ensure-gcc.sh makes sure a C compiler is here: examples/mobile-cshared is
# built with cgo as a C shared library and a C host (app/host.c) is compiled
# against it with gcc (run.build in its verify.yaml). `make test` calls it.
#
# Where gcc is missing and this is Debian (or Ubuntu) with root, it installs
# Debian's gcc (and libc6-dev, which it needs to link). Elsewhere it stops
# with a message saying what to do.
set -euo pipefail

if command -v gcc >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-gcc: gcc is missing." >&2
  echo "  Install it (Debian, Ubuntu: apt-get install gcc libc6-dev)," >&2
  echo "  or run this as root on Debian, where it installs it for you." >&2
  exit 1
fi
echo "ensure-gcc: apt-get install gcc libc6-dev"
DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends gcc libc6-dev >/dev/null
command -v gcc >/dev/null 2>&1 || { echo "ensure-gcc: gcc installed, but not on PATH" >&2; exit 1; }
