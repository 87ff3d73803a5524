#!/usr/bin/env bash
# Builds a throwaway consumer application (compat/consumer) against each supported Spring Boot
# version with the dbperf artifacts installed from this tree, and runs its test: it starts, serves
# a repository-backed route, and shows its statements in /actuator/dbperf and /actuator/prometheus.
# Usage: compat/check.sh [boot-version ...]   (default: every supported version)
set -euo pipefail
cd "$(dirname "$0")/.."
versions=("$@")
if [ ${#versions[@]} -eq 0 ]; then
	versions=(3.5.7 4.0.7 4.1.2)
fi
./mvnw -B -q install -DskipTests
for version in "${versions[@]}"; do
	echo "== consumer application on Spring Boot ${version}"
	./mvnw -B -q -f compat/consumer/pom.xml -Dspring-boot.version="${version}" clean verify
	grep -h "Tests run:" compat/consumer/target/surefire-reports/*.txt
done
