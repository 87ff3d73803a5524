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
# The installed POMs of the published modules name every version: nothing left for a consumer to resolve.
for pom in ~/.m2/repository/io/github/dbperf/{dbperf-spring-boot-autoconfigure,dbperf-spring-boot-starter,dbperf-test}/0.1.0-SNAPSHOT/*.pom; do
	if grep -q '\${' "${pom}"; then
		echo "unresolved property in ${pom}:"; grep -n '\${' "${pom}"; exit 1
	fi
done
for version in "${versions[@]}"; do
	echo "== consumer application on Spring Boot ${version}"
	./mvnw -B -q -f compat/consumer/pom.xml -Dspring-boot.version="${version}" clean verify
	grep -h "Tests run:" compat/consumer/target/surefire-reports/*.txt
done
