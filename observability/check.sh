#!/usr/bin/env bash
# Proves the Grafana dashboard and the Prometheus rules against the real thing: starts the
# sample app, a real Prometheus and a real Zipkin (loopback only), drives a bounded load, then
# checks through Prometheus' HTTP API that every dashboard expression and every recording rule
# returns series, that every alert expression evaluates, and that promtool accepts the rules;
# that dbperf.statements' buckets carry exemplars whose trace ids Zipkin holds, and that the
# request spans in Zipkin carry dbperf's summary (a tag search finds the N+1 requests).
# Needs: java, curl, python3, prometheus and promtool (Debian package `prometheus`),
# the sample app jar (./mvnw -pl sample-app -am package -DskipTests), and Maven Central for
# the Zipkin server's jar.
set -euo pipefail
cd "$(dirname "$0")/.."

APP_PORT=${APP_PORT:-18081}
APP_PORT2=${APP_PORT2:-18082}
PROM_PORT=${PROM_PORT:-19090}
ZIPKIN_PORT=${ZIPKIN_PORT:-19411}
ZIPKIN_VERSION=3.5.1
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

echo "== starting Zipkin ${ZIPKIN_VERSION} on 127.0.0.1:${ZIPKIN_PORT}"
./mvnw -B -q -N dependency:copy -Dartifact="io.zipkin:zipkin-server:${ZIPKIN_VERSION}:jar:exec" \
	-DoutputDirectory="$work"
java -Xmx256m -jar "$work/zipkin-server-${ZIPKIN_VERSION}-exec.jar" --server.address=127.0.0.1 \
	--server.port="$ZIPKIN_PORT" > "$work/zipkin.log" 2>&1 &
pids+=($!)

# Two instances of the sample app, as a fleet: Prometheus sums them. Each sends its spans to Zipkin.
for port in "$APP_PORT" "$APP_PORT2"; do
	echo "== starting the sample app ($JAR) on 127.0.0.1:${port}"
	java -Xmx512m -jar "$JAR" --server.address=127.0.0.1 --server.port="$port" \
		--management.tracing.export.zipkin.enabled=true \
		--management.tracing.export.zipkin.endpoint="http://127.0.0.1:${ZIPKIN_PORT}/api/v2/spans" \
		--logging.level.root=WARN > "$work/app-${port}.log" 2>&1 &
	pids+=($!)
done
echo "== starting Prometheus on 127.0.0.1:${PROM_PORT}"
# The rules' recording interval is 30s; evaluate them every second here so the check is quick.
sed 's/interval: 30s/interval: 1s/' observability/prometheus/dbperf-rules.yml > "$work/rules.yml"
sed -i "s#$(pwd)/observability/prometheus/dbperf-rules.yml#$work/rules.yml#" "$work/prometheus.yml"
# Exemplars kept, so that the latency panel's points lead to their traces.
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" --enable-feature=exemplar-storage \
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
for i in $(seq 1 120); do
	if curl -fs "http://127.0.0.1:${ZIPKIN_PORT}/health" > /dev/null; then break; fi
	if [ "$i" = 120 ]; then echo "Zipkin did not start"; cat "$work/zipkin.log"; exit 1; fi
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

echo "== exemplars lead to traces, and the traces carry dbperf's summary"
python3 - "$PROM_PORT" "$ZIPKIN_PORT" <<'PY'
import json, sys, time, urllib.error, urllib.parse, urllib.request
prom, zipkin = sys.argv[1], sys.argv[2]
def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)
def retry(what, attempt_once):
    for attempt in range(30):
        found = attempt_once()
        if found:
            return found
        time.sleep(1)
    raise SystemExit(f"FAILED: {what}")
now = time.time()
def exemplars():
    body = get(f"http://127.0.0.1:{prom}/api/v1/query_exemplars?" + urllib.parse.urlencode(
        {"query": "dbperf_statements_seconds_bucket", "start": now - 900, "end": time.time()}))
    return [e for series in body["data"] for e in series["exemplars"] if "trace_id" in e["labels"]]
found = retry("no exemplar with a trace id on dbperf_statements_seconds_bucket", exemplars)
print(f"ok   {len(found)} exemplars with a trace id on dbperf_statements_seconds_bucket")
def in_zipkin():
    # Spans are sent in batches: a trace may reach Zipkin a moment after its exemplar.
    for exemplar in found[:20]:
        trace_id = exemplar["labels"]["trace_id"]
        try:
            return trace_id, get(f"http://127.0.0.1:{zipkin}/api/v2/trace/{trace_id}")
        except urllib.error.HTTPError:
            continue
    return None
trace_id, spans = retry("no exemplar's trace id is a trace in Zipkin", in_zipkin)
print(f"ok   exemplar trace {trace_id} is in Zipkin: {', '.join(sorted({s.get('name', '') for s in spans}))}")
def n_plus_one_traces():
    query = urllib.parse.urlencode({"serviceName": "dbperf-sample", "annotationQuery": "dbperf.findings",
        "limit": 100, "lookback": 900000, "endTs": int(time.time() * 1000)})
    traces = get(f"http://127.0.0.1:{zipkin}/api/v2/traces?{query}")
    return [s for trace in traces for s in trace
            if "N_PLUS_ONE" in s.get("tags", {}).get("dbperf.findings", "") and s.get("kind") == "SERVER"]
servers = retry("no server span tagged dbperf.findings=N_PLUS_ONE in Zipkin", n_plus_one_traces)
span = next(s for s in servers if s["tags"].get("http.url") == "/authors")
tags = {k: v for k, v in span["tags"].items() if k.startswith("dbperf.")}
print(f"ok   {len(servers)} server spans tagged with an N+1; GET /authors: {tags}")
if int(tags["dbperf.statements"]) < 51 or float(tags["dbperf.db_millis"]) <= 0:
    raise SystemExit(f"FAILED: GET /authors runs 51 statements (1 + 50 N+1), its span says {tags}")
PY
