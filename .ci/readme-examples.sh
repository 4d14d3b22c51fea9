#!/usr/bin/env bash
# Runs the README's API examples, as written, against the service on its embedded defaults, and
# checks what they answered. Needs worker/target/sessionflow.jar (./mvnw -B package).
set -euo pipefail
cd "$(dirname "$0")/.."

java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
log=$(mktemp)
"$java_bin" -jar worker/target/sessionflow.jar --server.port=8080 >"$log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf http://localhost:8080/actuator/health >/dev/null 2>&1 && break
  sleep 1
done
curl -sf http://localhost:8080/actuator/health >/dev/null || { cat "$log"; exit 1; }

script=$(mktemp)
awk '/^## The API by example/{on=1} /^## How the timers/{on=0} on&&/^```bash/{b=1;next} on&&/^```/{b=0} b' README.md >"$script"
out=$(bash -euo pipefail "$script" 2>&1)
printf '%s\n' "$out"

expect() {
  if ! grep -qF -- "$1" <<<"$out"; then
    echo "README example check failed: no '$1' in the output" >&2
    exit 1
  fi
}
expect '"newSession":true'
expect '"assignedAgentId":"agent-1"'
expect '"status":"ENDED","endedBy":"AGENT","endReason":"RESOLVED"'
expect '/problems/session-ended'
expect '"status":"SOLVED"'
expect '"kind":"SESSION_ENDED"'
expect '"kind":"CSAT_INVITATION"'
expect '"surveyUrl":"http://localhost:8080/survey/'
expect '"rating":5'
expect '"status":"ANSWERED"'
expect '"endedBy":"END_USER"'
expect '"agentsCanEndSessions":true'
expect '"sessionsConsidered":'
expect '"timersCount":"BUSINESS_HOURS","businessHours":{"timeZone":"Europe/Lisbon"'
expect '"autoCloseAt":"20'
expect '"timersCount":"CALENDAR","businessHours":null,"outOfHoursText":null'
expect '"channelsEffective":{"whatsapp":{"inactiveAfter":{"value":"PT24H","source":"channel"}'
expect '"channel":"whatsapp","warningAt":null,"autoCloseAt":null'
expect '"kind":"SESSION_ENDED","text":"A conversa foi encerrada. Obrigado!"'
expect '"kind":"CSAT_INVITATION","text":"Como correu? (1-5)"'
expect '{"type":"END_SESSION","outcome":"APPLIED"'
expect '"endReason":"ESCALATED","endedVia":"macro:'
expect '"group":"tier-2"'
expect '"endedBy":"SYSTEM"'
expect '"endedVia":"trigger:'

# The webhook verification example, as written, on the Standard Webhooks test vector (the one
# WebhookSignerTest signs): it accepts the signature among others and refuses a changed body.
verifier=$(mktemp)
awk '/^## Webhooks: verifying/{on=1} /^## Escalation/{on=0} on&&/^```python/{b=1;next} on&&/^```/{b=0} b' \
  README.md >"$verifier"
python3 - "$verifier" <<'PY'
import sys, time
exec(open(sys.argv[1]).read())
secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
headers = {"webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330",
           "webhook-signature": "v1,Zm9v v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="}
time.time = lambda: 1614265330 + 60
verify(secret, headers, b'{"test": 2432232314}')
for body, now in ((b'{"test": 2432232315}', 1614265330), (b'{"test": 2432232314}', 1614265330 + 301)):
    time.time = lambda: now
    try:
        verify(secret, headers, body)
    except ValueError:
        continue
    sys.exit("README webhook example accepted a changed body or a stale timestamp")
PY

# The widget section's examples, as written: its origin and key commands, and the JWT signing code,
# whose token the running service must take as a verified visitor (and refuse once changed).
widget_section=$(awk '/^## Put the chat on your site/{on=1} /^## Webhooks: verifying/{on=0} on' README.md)
awk '/^```bash/{b=1;next} /^```/{b=0} b' <<<"$widget_section" >"$script"
widget_out=$(bash -euo pipefail "$script" 2>&1)
grep -qF '"allowedOrigins":["https://www.example.com"]' <<<"$widget_out" ||
  { echo "README widget example: the origin was not saved: $widget_out" >&2; exit 1; }
key=$(grep -o '{"kid":"[^"]*","secret":"[^"]*"}' <<<"$widget_out")
signer=$(mktemp)
awk '/^```python/{b=1;next} /^```/{b=0} b' <<<"$widget_section" >"$signer"
python3 - "$signer" "$key" <<'PY'
import json, sys, urllib.error, urllib.request
exec(open(sys.argv[1]).read())
key = json.loads(sys.argv[2])
def start(token):
    request = urllib.request.Request(
        "http://localhost:8080/api/v1/widget/visitors", data=json.dumps({"jwt": token}).encode(),
        headers={"Content-Type": "application/json", "Origin": "http://localhost:8080"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as refused:
        return refused.code, None
token = visitor_jwt(key["kid"], key["secret"], "readme-customer-1", "Ana")
status, visitor = start(token)
if status != 201 or not visitor["verified"]:
    sys.exit(f"README widget JWT example: expected a verified visitor, got {status} {visitor}")
status, _ = start(token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
if status != 401:
    sys.exit(f"README widget JWT example: a changed signature got {status}, not 401")
PY
echo "README examples: 20 passed, 0 failed"
