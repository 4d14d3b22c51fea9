#!/usr/bin/env bash
# The Prometheus alert rules under docs/ops/, checked as Prometheus itself would load them:
#
#   .ci/promtool.sh          # build promtool if needed, then `check rules` and `test rules`
#   .ci/promtool.sh build    # only build it (prints nothing on stdout)
#   .ci/promtool.sh path     # print the promtool binary's path (building it if needed)
#
# promtool is built from the Go module github.com/prometheus/prometheus at a pinned version into a
# cache directory outside the repository, once, as scripts/temporal-cluster.sh builds the Temporal
# server (same Go toolchain, same cache).
#
# Environment:
#   TEMPORAL_CLUSTER_CACHE where the binaries are built (default ~/.cache/sessionflow), shared with
#                          scripts/temporal-cluster.sh
set -euo pipefail

PROMETHEUS_VERSION=v0.316.0
GO_TOOLCHAIN=go1.27.3

root=$(cd "$(dirname "$0")/.." && pwd)
cache=${TEMPORAL_CLUSTER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sessionflow}
bin=$cache/promtool-$PROMETHEUS_VERSION/bin
promtool=$bin/promtool

log() { echo "promtool: $*" >&2; }
die() {
  log "$*"
  exit 1
}

build() {
  [ -x "$promtool" ] && return
  command -v go >/dev/null || die "Go is needed to build promtool (apt-get install golang-go)"
  log "building github.com/prometheus/prometheus/cmd/promtool $PROMETHEUS_VERSION into $bin (once)"
  mkdir -p "$bin"
  # remove_all_sd leaves out the cloud service-discovery plugins (AWS, Azure, GCE, ...), which
  # checking rules never uses: 173 s of CPU instead of 432 s, 74 MB instead of 117 MB.
  (cd "$cache" && GOTOOLCHAIN=$GO_TOOLCHAIN GOBIN=$bin GOFLAGS=-mod=mod nice -n 10 go install \
    -tags remove_all_sd "github.com/prometheus/prometheus/cmd/promtool@$PROMETHEUS_VERSION") >&2
}

case ${1:-check} in
  build) build ;;
  path)
    build
    echo "$promtool"
    ;;
  check)
    build
    # A `go install` build has no version stamped in: name the pinned one.
    echo "promtool from github.com/prometheus/prometheus $PROMETHEUS_VERSION"
    cd "$root/docs/ops"
    # Syntax, PromQL, templates and duplicate names; a rule that cannot parse fails here.
    "$promtool" check rules alerts.yml
    # Each alert fires on the series its test gives it, and stays quiet on healthy ones.
    "$promtool" test rules alerts.test.yml
    ;;
  *) die "usage: $0 [check|build|path]" ;;
esac
