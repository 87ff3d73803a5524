#!/usr/bin/env bash
# Proves the Grafana dashboard and the Prometheus rules against the real thing: starts the
# sample app and a real Prometheus (loopback only), drives a bounded load, then checks through
# Prometheus' HTTP API that every dashboard expression and every recording rule returns series,
# that every alert expression evaluates, and that promtool accepts the rules.
# Needs: java, curl, python3, prometheus and promtool (Debian package `prometheus`),
# and the sample app jar (./mvnw -pl sample-app -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."

APP_PORT=${APP_PORT:-18081}
APP_PORT2=${APP_PORT2:-18082}
PROM_PORT=${PROM_PORT:-19090}
JAR=$(ls sample-app/target/dbperf-sample-app-*.jar | grep -v original | head -n 1)
work=$(mktemp -d)
pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

echo "== promtool check rules"
promtool check rules observability/prometheus/dbperf-rules.yml

cat > "$work/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - $(pwd)/observability/prometheus/dbperf-rules.yml
scrape_configs:
  - job_name: dbperf-sample
    metrics_path: /actuator/prometheus
    static_configs:
      - targets: ['127.0.0.1:${APP_PORT}', '127.0.0.1:${APP_PORT2}']
YAML
promtool check config "$work/prometheus.yml"

# Two instances of the sample app, as a fleet: Prometheus sums them.
for port in "$APP_PORT" "$APP_PORT2"; do
	echo "== starting the sample app ($JAR) on 127.0.0.1:${port}"
	java -Xmx512m -jar "$JAR" --server.address=127.0.0.1 --server.port="$port" \
		--logging.level.root=WARN > "$work/app-${port}.log" 2>&1 &
	pids+=($!)
done
echo "== starting Prometheus on 127.0.0.1:${PROM_PORT}"
# The rules' recording interval is 30s; evaluate them every second here so the check is quick.
sed 's/interval: 30s/interval: 1s/' observability/prometheus/dbperf-rules.yml > "$work/rules.yml"
sed -i "s#$(pwd)/observability/prometheus/dbperf-rules.yml#$work/rules.yml#" "$work/prometheus.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
	--web.listen-address="127.0.0.1:${PROM_PORT}" > "$work/prometheus.log" 2>&1 &
pids+=($!)

for port in "$APP_PORT" "$APP_PORT2"; do
	for i in $(seq 1 180); do
		if curl -fs "http://127.0.0.1:${port}/authors/1" > /dev/null; then break; fi
		if [ "$i" = 180 ]; then echo "sample app did not start"; cat "$work/app-${port}.log"; exit 1; fi
		sleep 0.5
	done
done
for i in $(seq 1 60); do
	if curl -fs "http://127.0.0.1:${PROM_PORT}/-/ready" > /dev/null; then break; fi
	if [ "$i" = 60 ]; then echo "Prometheus did not start"; cat "$work/prometheus.log"; exit 1; fi
	sleep 0.5
done

echo "== bounded load: 30 rounds of the sample app's pages on both instances"
for round in $(seq 1 30); do
	for port in "$APP_PORT" "$APP_PORT2"; do
		curl -fs "http://127.0.0.1:${port}/authors" > /dev/null
		curl -fs "http://127.0.0.1:${port}/authors/fetched" > /dev/null
		curl -fs "http://127.0.0.1:${port}/authors/$round" > /dev/null
		curl -fs "http://127.0.0.1:${port}/authors/$round/books" > /dev/null
		if [ $((round % 6)) = 0 ]; then curl -fs "http://127.0.0.1:${port}/books/most-mentioned" > /dev/null; fi
	done
	sleep 0.5
done

echo "== every expression returns series"
python3 - "$PROM_PORT" <<'PY'
import json, sys, time, urllib.parse, urllib.request
port = sys.argv[1]
def query(expr):
    url = f"http://127.0.0.1:{port}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    with urllib.request.urlopen(url, timeout=10) as response:
        body = json.load(response)
    if body["status"] != "success":
        raise SystemExit(f"FAILED to evaluate {expr}: {body}")
    return body["data"]["result"]
def concrete(expr):
    return expr.replace("$__rate_interval", "30s").replace('application=~"$application"', 'application=~".*"')
dashboard = json.load(open("observability/grafana/dbperf-dashboard.json"))
expressions = [(p["title"], t["expr"]) for p in dashboard["panels"] for t in p["targets"]]
rules = open("observability/prometheus/dbperf-rules.yml").read().splitlines()
records = [line.split(":", 1)[1].strip() for line in rules if line.strip().startswith("- record:")]
alerts = []
for i, line in enumerate(rules):
    if line.strip().startswith("- alert:"):
        alerts.append((line.split(":", 1)[1].strip(), rules[i + 1].split("expr:", 1)[1].strip()))
failures = []
for title, expr in expressions + [("recording rule", r) for r in records]:
    result = []
    for attempt in range(30):
        result = query(concrete(expr))
        if result:
            break
        time.sleep(1)
    print(f"{'ok ' if result else 'EMPTY'} {len(result):3d} series  {title}: {concrete(expr)[:110]}")
    if not result:
        failures.append(expr)
for name, expr in alerts:
    query(expr)
    print(f"ok   evaluates  alert {name}: {expr}")
# The fleet: the top statements panel sums both instances, each instance within its bound.
fleet = []
for attempt in range(30):
    fleet = query('count by (statement) (dbperf_statement_top_seconds_count) == 2')
    if fleet:
        break
    time.sleep(1)
print(f"{'ok ' if fleet else 'EMPTY'} {len(fleet):3d} statements in the top of both instances")
if not fleet:
    failures.append("fleet: no statement reported by both instances")
per_instance = query('count by (instance) (dbperf_statement_top_seconds_count)')
print("top statement series per instance: " + ", ".join(f"{r['metric']['instance']}={r['value'][1]}" for r in per_instance))
if len(per_instance) != 2 or any(int(r["value"][1]) > 25 for r in per_instance):
    failures.append("per-instance top statement series above the bound of 25, or not two instances")
if failures:
    raise SystemExit(f"{len(failures)} expression(s) returned no series")
print(f"{len(expressions)} dashboard expressions and {len(records)} recording rules return series; {len(alerts)} alerts evaluate")
PY
