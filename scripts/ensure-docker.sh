#!/usr/bin/env bash
# ensure-docker.sh makes sure a Docker engine answers, and that the tools the
# image recipes need (mmdebstrap) are here. `make test` and .ci/run call it.
#
# Where no engine answers and this is Debian (or Ubuntu) with root, it
# installs Debian's docker.io and mmdebstrap and starts dockerd in the
# background. Elsewhere it stops with a message saying what to do.
set -euo pipefail

log=${DOCKERD_LOG:-/tmp/oteldocs-dockerd.log}

engine_up() { docker info >/dev/null 2>&1; }

can_install() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    echo "ensure-docker: apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    apt_updated=1
  fi
  echo "ensure-docker: apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
}

if ! engine_up; then
  if ! command -v dockerd >/dev/null 2>&1; then
    if ! can_install; then
      echo "ensure-docker: no Docker engine answers (docker info failed)." >&2
      echo "  Start one (README.md, Prerequisites), or run this as root on Debian," >&2
      echo "  where it installs Debian's docker.io and starts dockerd for you." >&2
      exit 1
    fi
    apt_install docker.io
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "ensure-docker: dockerd is installed but not answering, and starting it needs root." >&2
    exit 1
  fi
  echo "ensure-docker: starting dockerd (log: $log)"
  nohup dockerd >"$log" 2>&1 &
  for _ in $(seq 1 60); do
    engine_up && break
    sleep 1
  done
  if ! engine_up; then
    echo "ensure-docker: dockerd did not answer within 60 s; last lines of $log:" >&2
    tail -20 "$log" >&2 || true
    exit 1
  fi
fi
echo "ensure-docker: engine $(docker version --format '{{.Server.Version}}') answers"

# The Postgres and MQTT images are built from Debian's packages with
# mmdebstrap, unless upstream images are chosen for both.
if { [ -z "${OTELDOCS_POSTGRES_IMAGE:-}" ] || [ -z "${OTELDOCS_MQTT_IMAGE:-}" ]; } && ! command -v mmdebstrap >/dev/null 2>&1; then
  if can_install; then
    apt_install mmdebstrap
  else
    echo "ensure-docker: mmdebstrap is missing: install it, or set OTELDOCS_POSTGRES_IMAGE=postgres:17 and OTELDOCS_MQTT_IMAGE=eclipse-mosquitto:2 to pull images instead." >&2
    exit 1
  fi
fi
