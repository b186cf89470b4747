# Sourced by bench scripts: a throw-away PostgreSQL server from the Debian packages (apt-get install postgresql-15),
# owned by the postgres user, listening on loopback only. Functions: pg_start DIR PORT, pg_stop DIR, pg_createdb PORT NAME.
# PG_BIN picks another server build (default: the newest /usr/lib/postgresql/*/bin).
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"

pg_as_owner() {
	if [[ "$(id -u)" == "0" ]]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

pg_start() {
	local dir=$1 port=$2
	[[ -x "$PG_BIN/postgres" ]] || { echo "No PostgreSQL server found (apt-get install postgresql-15)" >&2; return 1; }
	mkdir -p "$dir"
	[[ "$(id -u)" == "0" ]] && chown postgres "$dir"
	if [[ ! -f "$dir/PG_VERSION" ]]; then
		pg_as_owner "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
	fi
	# Settings for a benchmark box with 24 GiB: enough shared buffers to keep the demo data in memory
	pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -o \
		"-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp -c shared_buffers=512MB -c max_connections=200 -c fsync=on ${PG_EXTRA_OPTS:-}" \
		start >/dev/null
}

pg_stop() {
	local dir=$1
	pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

pg_createdb() {
	local port=$1 name=$2
	psql -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" postgres | grep -q 1 \
		|| psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE $name" postgres
}
