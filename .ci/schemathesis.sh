#!/usr/bin/env bash
# Runs schemathesis (from PyPI, pinned) against the packaged service on its embedded defaults: the
# OpenAPI document at /v3/api-docs is the contract, checked with every check, as each development
# token (ADMIN, two AGENTs, CHANNEL), stateful phase included (the document's links let it open,
# message and end sessions). A bounded example count keeps it short. It runs on the fixed seed (the
# same sequence every time) and then on a fresh random seed, printed so that a failure can be
# replayed with SCHEMATHESIS_RANDOM_SEED=<seed>: the contract is explored beyond one sequence.
# Needs worker/target/sessionflow.jar (./mvnw -B package); builds nothing. Exits non-zero on any
# failure.
set -euo pipefail
cd "$(dirname "$0")/.."

schemathesis_version=4.32.5
max_examples="${SCHEMATHESIS_MAX_EXAMPLES:-5}"
seed="${SCHEMATHESIS_SEED:-20260101}"
random_seed="${SCHEMATHESIS_RANDOM_SEED:-$(python3 -c 'import secrets; print(secrets.randbelow(2**31))')}"
venv="${SCHEMATHESIS_VENV:-${TMPDIR:-/tmp}/sessionflow-schemathesis-$schemathesis_version}"

if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "schemathesis==$schemathesis_version"
fi
"$venv/bin/schemathesis" --version

# A free loopback port, never a fixed one: other services may run on this machine.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
log=$(mktemp)
"$java_bin" -jar worker/target/sessionflow.jar --server.address=127.0.0.1 --server.port="$port" \
  >"$log" 2>&1 &
service=$!
stop() {
  kill "$service" 2>/dev/null || true
  wait "$service" 2>/dev/null || true
}
trap stop EXIT
for _ in $(seq 1 180); do
  curl -sf "$base/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$service" 2>/dev/null || break
  sleep 1
done
curl -sf "$base/actuator/health" >/dev/null || {
  cat "$log"
  exit 1
}

# springdoc builds the document on its first request: once, before the timed runs.
curl -sf --max-time 300 "$base/v3/api-docs" >/dev/null

started=$(date +%s)
failed=0
failures=0
cases=0
for run in "$seed" "$random_seed"; do
  for token in dev-admin dev-agent-1 dev-agent-2 dev-channel; do
    echo "== schemathesis as $token, seed $run"
    out=$(mktemp)
    status=0
    "$venv/bin/schemathesis" --config-file .ci/schemathesis.toml run "$base/v3/api-docs" \
      --checks all \
      -H "Authorization: Bearer $token" \
      --seed "$run" \
      --max-examples "$max_examples" \
      --phases examples,coverage,fuzzing,stateful \
      --generation-database none \
      --request-timeout 60 \
      --no-color |& tee "$out" || status=$?
    generated=$(grep -oE '[0-9]+ generated' "$out" | tail -1 | grep -oE '[0-9]+' || echo 0)
    found=$(grep -oE '[0-9]+ failures?,|[0-9]+ failures? in' "$out" | tail -1 | grep -oE '[0-9]+' || echo 0)
    cases=$((cases + generated))
    failures=$((failures + found))
    if [ "$status" -ne 0 ]; then
      failed=$((failed + 1))
    fi
    rm -f "$out"
  done
done
echo "schemathesis $schemathesis_version: $cases test cases generated over 4 roles, seeds $seed" \
  "(fixed) and $random_seed (random), in $(($(date +%s) - started))s; $failures failures;" \
  "runs with failures: $failed"
if [ "$(grep -c ' ERROR \| 500 ' "$log" || true)" -gt 0 ]; then
  echo "the service logged errors:" >&2
  grep -A5 ' ERROR ' "$log" | head -50 >&2
fi
[ "$failed" -eq 0 ]
