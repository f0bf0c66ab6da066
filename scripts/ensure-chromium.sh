#!/usr/bin/env bash
# ensure-chromium.sh makes sure a Chromium the browser tests and verify's
# run.browser can drive is here. `make chromium` (before `make verify` and
# `make browser`, so part of `make test` and of .ci/run) calls it.
#
# OTELDOCS_CHROMIUM, when set, names the browser binary to use. Otherwise it
# looks for chromium on PATH; where there is none and this is Debian (or
# Ubuntu) with root, it installs Debian's chromium package. Elsewhere it
# stops with a message saying what to do.
set -euo pipefail

if [ -n "${OTELDOCS_CHROMIUM:-}" ]; then
  if [ ! -x "$OTELDOCS_CHROMIUM" ]; then
    echo "ensure-chromium: OTELDOCS_CHROMIUM=$OTELDOCS_CHROMIUM is not an executable file." >&2
    exit 1
  fi
  exe=$OTELDOCS_CHROMIUM
elif command -v chromium >/dev/null 2>&1; then
  exe=$(command -v chromium)
else
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: no chromium on PATH." >&2
    echo "  Install Chromium, or set OTELDOCS_CHROMIUM to a Chromium or Chrome binary," >&2
    echo "  or run this as root on Debian, where it installs Debian's chromium for you." >&2
    exit 1
  fi
  echo "ensure-chromium: apt-get update"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  echo "ensure-chromium: apt-get install chromium"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null
  exe=$(command -v chromium)
fi
echo "ensure-chromium: $("$exe" --version 2>/dev/null || echo "$exe")"
