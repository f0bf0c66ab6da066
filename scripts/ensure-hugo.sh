#!/usr/bin/env bash
# ensure-hugo.sh makes sure Hugo is here for `make bench`, which builds the
# same generated corpus with docgen and with Hugo and prints the ratio.
# Where there is none and this is Debian (or Ubuntu) with root, it installs
# Debian's hugo package. Elsewhere it stops with a message.
set -euo pipefail

if ! command -v hugo >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-hugo: no hugo on PATH: install Hugo (https://gohugo.io/installation/), or run this as root on Debian." >&2
    exit 1
  fi
  echo "ensure-hugo: apt-get install hugo"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q hugo >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q hugo >/dev/null
  fi
fi
echo "ensure-hugo: $(hugo version)"
