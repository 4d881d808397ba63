#!/usr/bin/env bash
# Starts Mend as several processes on this machine: Postgres (a cluster of its own under the state folder, or
# the server in DATABASE_URL), PgBouncer in transaction mode, two instances of one production build, nginx in
# front. Installs what is missing with apt-get and builds the app if there is no build yet.
#
#   bash deploy/up.sh                  # own cluster, demo data, http://127.0.0.1:34080
#   MEND_PROXY_PORT=8080 bash deploy/up.sh
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/mend bash deploy/up.sh   # use an existing server
#
# Ctrl-C stops everything. State (cluster, secrets, logs) stays in deploy/.state unless MEND_STACK_DIR says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/install-packages.sh

if [ ! -d node_modules ]; then npm ci --no-audit --no-fund; fi
if [ ! -f .next/BUILD_ID ]; then npm run build; fi

exec npm exec --no -- node deploy/run.mjs "$@"
