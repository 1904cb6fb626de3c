#!/usr/bin/env bash
# Temporal's time-skipping test server (Java, from Maven Central). `exec` matters: sdk-core
# kills only its direct child, so java must replace this shell. Usage: temporal-test-server.sh <port>
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec java -Xss2m -cp "$here/.local/temporal-test-server/lib/*" io.temporal.testserver.TestServer "$@"
