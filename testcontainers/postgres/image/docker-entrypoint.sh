#!/bin/bash
# Entrypoint of oteldocs/postgres, a Postgres image built from Debian's
# postgresql-15. It follows the official postgres image's contract, as far as
# testcontainers-go's modules/postgres relies on it:
#
#   POSTGRES_USER      superuser name (default postgres)
#   POSTGRES_PASSWORD  its password; required unless POSTGRES_HOST_AUTH_METHOD=trust
#   POSTGRES_DB        database created at init (default: POSTGRES_USER)
#   POSTGRES_HOST_AUTH_METHOD  pg_hba method for TCP clients (default scram-sha-256)
#   POSTGRES_INITDB_ARGS       extra initdb arguments
#   PGDATA             data directory (default /var/lib/postgresql/data)
#
# With arguments "postgres ..." (or only flags, "-c fsync=off") and an empty
# PGDATA, it runs initdb, starts a temporary server on the unix socket only,
# creates POSTGRES_DB, runs /docker-entrypoint-initdb.d/*.sh|*.sql, stops that
# server, then execs the real one as the postgres OS user. Both servers log
# "database system is ready to accept connections". Other commands are exec'd
# as they are.
set -Eeuo pipefail

export PGDATA="${PGDATA:-/var/lib/postgresql/data}"
export POSTGRES_USER="${POSTGRES_USER:-postgres}"
export POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"

log() { echo "entrypoint: $*"; }

# run_as_postgres re-executes this script as the postgres OS user when root.
run_as_postgres() {
	mkdir -p "$PGDATA" /var/run/postgresql
	chmod 00700 "$PGDATA"
	chmod 03775 /var/run/postgresql
	chown postgres:postgres "$PGDATA" /var/run/postgresql
	exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
}

init_cluster() {
	local method="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"
	if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$method" != trust ]; then
		log "error: POSTGRES_PASSWORD is empty; set it (or POSTGRES_HOST_AUTH_METHOD=trust)" >&2
		exit 1
	fi
	local args=(--username="$POSTGRES_USER" --auth-local=trust --auth-host="$method"
		--encoding=UTF8 --locale=C.UTF-8)
	if [ -n "${POSTGRES_PASSWORD:-}" ]; then
		args+=(--pwfile=/dev/stdin)
	fi
	log "initdb in $PGDATA for superuser $POSTGRES_USER"
	# shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is split on purpose
	printf '%s\n' "${POSTGRES_PASSWORD:-}" | initdb "${args[@]}" ${POSTGRES_INITDB_ARGS:-}
	printf '\nhost all all all %s\n' "$method" >>"$PGDATA/pg_hba.conf"
	printf "\nlisten_addresses = '*'\n" >>"$PGDATA/postgresql.conf"

	# A temporary server, reachable on the unix socket only.
	pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p 5432" -w start
	local psql=(psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname postgres)
	if [ "$POSTGRES_DB" != postgres ]; then
		log "creating database $POSTGRES_DB"
		"${psql[@]}" --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
	fi
	local f
	for f in /docker-entrypoint-initdb.d/*; do
		case "$f" in
		*.sh) log "running $f"; bash "$f" ;;
		*.sql) log "running $f"; "${psql[@]}" --dbname "$POSTGRES_DB" -f "$f" ;;
		*.sql.gz) log "running $f"; gzip -dc "$f" | "${psql[@]}" --dbname "$POSTGRES_DB" ;;
		*) if [ -e "$f" ]; then log "ignoring $f"; fi ;;
		esac
	done
	pg_ctl -D "$PGDATA" -m fast -w stop
	log "init done; starting the server"
}

# Only flags: they are for postgres.
case "${1:-}" in
-*) set -- postgres "$@" ;;
esac

if [ "${1:-}" = postgres ]; then
	if [ "$(id -u)" = 0 ]; then
		run_as_postgres "$@"
	fi
	if [ ! -s "$PGDATA/PG_VERSION" ]; then
		init_cluster
	fi
fi

exec "$@"
