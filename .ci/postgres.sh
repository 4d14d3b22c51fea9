#!/usr/bin/env bash
# A local PostgreSQL server for the ticket store's PostgreSQL suite (./mvnw test -pl activities
# -Ppostgres) and the worker's `postgres` profile, from Debian's packages; no Docker.
#
#   bash .ci/postgres.sh              # 127.0.0.1:5432
#   PGPORT=5433 bash .ci/postgres.sh  # another port
#
# Installs the `postgresql` package if it is missing, starts a cluster that listens on the port
# (the packaged cluster when it has that port, else a new one named sessionflow_<port>), creates
# the role `sessionflow` (password `sessionflow`) and its database `sessionflow`, and prints the
# JDBC URL, the only line on stdout (url=$(bash .ci/postgres.sh)); progress goes to stderr.
# Safe to run again: on a running server it only makes sure the role and database exist.
# Runs as root (or as the postgres user, for a server that is already installed).
set -euo pipefail

port=${PGPORT:-5432}
host=127.0.0.1

log() { echo "postgres.sh: $*" >&2; }
die() {
  log "$*"
  exit 1
}

case $port in
  '' | *[!0-9]*) die "PGPORT must be a port number, not '$port'" ;;
esac

# 1. The package.
if ! dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q 'install ok installed'; then
  [ "$(id -u)" -eq 0 ] || die "the postgresql package is not installed; run this as root"
  log "installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y postgresql >&2
fi

# Commands as the postgres superuser (peer authentication over the Unix socket).
as_postgres() {
  if [ "$(id -un)" = postgres ]; then
    "$@"
  else
    runuser -u postgres -- "$@"
  fi
}

# 2. A server on the port. pg_lsclusters -h: version cluster port status owner data-dir log-file.
cluster_on_port() {
  pg_lsclusters -h | awk -v p="$port" '$3 == p { print $1, $2, $4; exit }'
}
if [ "$(id -u)" -eq 0 ]; then
  # Debian's socket directory; a tmpfs /run loses it at every boot.
  install -d -o postgres -g postgres -m 2775 /var/run/postgresql
fi

read -r version cluster status <<<"$(cluster_on_port)" || true
if [ -z "${version:-}" ]; then
  if pg_isready -q -h "$host" -p "$port"; then
    die "something that is not a cluster of this machine answers on $host:$port; stop it or set PGPORT"
  fi
  version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V | tail -n 1)
  [ -n "$version" ] || die "no PostgreSQL server binaries under /usr/lib/postgresql"
  cluster=sessionflow_$port
  log "creating cluster $version/$cluster on port $port"
  pg_createcluster "$version" "$cluster" --port "$port" >&2
  status=down
fi

if [ "$status" != online ]; then
  log "starting cluster $version/$cluster"
  # Without systemd (containers, CI) pg_ctlcluster runs pg_ctl itself; under systemd it asks
  # systemctl to start postgresql@<version>-<cluster>.
  pg_ctlcluster "$version" "$cluster" start >&2 ||
    pg_ctlcluster "$version" "$cluster" status >/dev/null ||
    die "cluster $version/$cluster did not start; see /var/log/postgresql/postgresql-$version-$cluster.log"
fi

for _ in $(seq 1 60); do
  pg_isready -q -h "$host" -p "$port" && break
  sleep 1
done
pg_isready -q -h "$host" -p "$port" ||
  die "cluster $version/$cluster runs but does not answer on $host:$port (listen_addresses?)"

# Room for a production-shaped topology on one server: two Temporal nodes and two service replicas
# (each replica's pool up to 30 connections, see docs/operations.md) exceed Debian's default 100.
wanted_connections=300
current_connections=$(as_postgres psql --cluster "$version/$cluster" -X -At -d postgres \
  -c 'show max_connections')
if [ "$current_connections" -lt "$wanted_connections" ]; then
  log "raising max_connections from $current_connections to $wanted_connections (restart)"
  as_postgres pg_conftool "$version" "$cluster" set max_connections "$wanted_connections" >&2
  pg_ctlcluster "$version" "$cluster" restart >&2
  for _ in $(seq 1 60); do
    pg_isready -q -h "$host" -p "$port" && break
    sleep 1
  done
fi

# 3. Role and database, idempotent; the password is reset each time so a stale one cannot linger.
# --cluster makes Debian's psql wrapper find the cluster's socket directory and port.
as_postgres psql --cluster "$version/$cluster" -X -q -v ON_ERROR_STOP=1 -d postgres <<'SQL'
do $$
begin
  if not exists (select from pg_roles where rolname = 'sessionflow') then
    create role sessionflow login password 'sessionflow';
  else
    alter role sessionflow login password 'sessionflow';
  end if;
end
$$;
select 'create database sessionflow owner sessionflow'
where not exists (select from pg_database where datname = 'sessionflow') \gexec
alter database sessionflow owner to sessionflow;
SQL

# 4. Check it as the application connects: TCP with the password.
PGPASSWORD=sessionflow psql -X -At -h "$host" -p "$port" -U sessionflow -d sessionflow \
  -c 'select 1' >/dev/null || die "cannot connect as sessionflow to $host:$port/sessionflow"

log "cluster $version/$cluster ready on $host:$port; database, user and password: sessionflow"
echo "jdbc:postgresql://$host:$port/sessionflow"
