# Shared by bin/commands/job and bin/commands/query: builds the streaming-job module when its classes or
# classpath are missing, and runs a Java main with Spark's JVM flags. `--conf key=value` arguments become
# system properties (SparkConf reads spark.* from them); the other arguments go to the main class.
# shellcheck shell=bash

streaming_job_classpath() {
  local module="$DOCSTREAM_HOME/streaming-job"
  if [ ! -f "$module/target/classpath.txt" ] || [ ! -d "$module/target/classes/io/docstream/job" ]; then
    echo "building streaming-job (first run only): mvn -B -q -pl streaming-job -am -DskipTests package" >&2
    (cd "$DOCSTREAM_HOME" && mvn -B -q -pl streaming-job -am -DskipTests package) >&2
  fi
  printf '%s:%s' "$module/target/classes" "$(cat "$module/target/classpath.txt")"
}

spark_jvm_flags() {
  printf '%s\n' -XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  local pkg
  for pkg in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
             java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs \
             sun.security.action sun.util.calendar; do
    printf '%s\n' "--add-opens=java.base/$pkg=ALL-UNNAMED"
  done
  printf '%s\n' --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true
}

# run_spark_main MAIN_CLASS DEFAULT_HEAP ARGS...
run_spark_main() {
  local main="$1" heap="$2"
  shift 2
  local props=() args=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --conf) props+=("-D$2"); shift 2 ;;
      --conf=*) props+=("-D${1#--conf=}"); shift ;;
      *) args+=("$1"); shift ;;
    esac
  done
  local classpath flags
  classpath="$(streaming_job_classpath)"
  mapfile -t flags < <(spark_jvm_flags)
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags on purpose
  exec java "-Xmx$heap" ${JAVA_OPTS:-} "${flags[@]}" -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
    "${props[@]}" -cp "$classpath" "$main" "${args[@]}"
}
