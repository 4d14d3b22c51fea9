#!/usr/bin/env bash
# Keycloak's server distribution (org.keycloak:keycloak-quarkus-dist, pinned) from Maven Central,
# unpacked once into ~/.cache/sessionflow for the identity suite (KeycloakIT starts it with
# `kc.sh start-dev --import-realm` and docs/ops/keycloak/support-realm.json). Runs on the JDK 25
# the build uses.
set -euo pipefail
cd "$(dirname "$0")/.."

version=26.7.3
cache="${HOME}/.cache/sessionflow"
home="$cache/keycloak-$version"
if [ -x "$home/bin/kc.sh" ]; then
  echo "Keycloak $version: $home"
  exit 0
fi
mkdir -p "$cache"
./mvnw -B -q -N dependency:copy \
  -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" \
  -DoutputDirectory="$cache" -Dmdep.stripVersion=false
rm -rf "$home.partial"
mkdir -p "$home.partial"
command -v unzip >/dev/null || { apt-get update -q && apt-get install -y -q unzip; }
unzip -q "$cache/keycloak-quarkus-dist-$version.zip" -d "$home.partial"
mv "$home.partial/keycloak-$version" "$home"
rm -rf "$home.partial" "$cache/keycloak-quarkus-dist-$version.zip"
echo "Keycloak $version: $home"
