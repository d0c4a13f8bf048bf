#!/usr/bin/env bash
# Load benchmark of ingest-service: builds the service jar and the local-servers launchers, then runs
# bench/ingest-load/IngestBench.java (a single-file Java program) which starts Kafka, s3proxy and the
# service, measures, stops them all, and writes bench/ingest-load/RESULTS.md.
# usage: bench/ingest-load.sh [uploads-per-run (20000)] [stores: s3,local] [memory test: true]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ "${SKIP_BUILD:-}" != 1 ]; then
  mvn -B -q -pl ingest-service -am package -DskipTests
fi
# The servers run with their full JIT (local-servers CompilerMode): a benchmark measures the steady state.
exec java -Xmx256m -Ddocstream.servers.steady-state=true ${BENCH_JAVA_OPTS:-} -cp local-servers/target/classes bench/ingest-load/IngestBench.java "$PWD" "${1:-20000}" "${2:-s3,local}" "${3:-true}"
