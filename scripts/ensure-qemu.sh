#!/usr/bin/env bash
# ensure-qemu.sh makes sure qemu-user-static is here: verify runs the
# examples built for linux/arm and linux/arm64 under qemu-arm-static and
# qemu-aarch64-static (run.emulator in a verify.yaml). `make test` calls it.
#
# Where they are missing and this is Debian (or Ubuntu) with root, it
# installs Debian's qemu-user-static. Elsewhere it stops with a message
# saying what to do. binfmt_misc is not needed: verify calls the emulator
# by name.
set -euo pipefail

have() { command -v qemu-arm-static >/dev/null 2>&1 && command -v qemu-aarch64-static >/dev/null 2>&1; }

if have; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-qemu: qemu-arm-static and qemu-aarch64-static are missing." >&2
  echo "  Install qemu-user-static (Debian, Ubuntu: apt-get install qemu-user-static)," >&2
  echo "  or run this as root on Debian, where it installs it for you." >&2
  exit 1
fi
echo "ensure-qemu: apt-get install qemu-user-static"
DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends qemu-user-static >/dev/null
have || { echo "ensure-qemu: qemu-user-static installed, but qemu-arm-static or qemu-aarch64-static is still missing" >&2; exit 1; }
