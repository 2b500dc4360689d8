#!/usr/bin/env bash
# Runs the end-to-end journey suite against the LocalStack deployment (after deploy.sh).
# Tests that need sagaflow's virtual time (the 24-hour approval timeout, the monitor) are skipped
# there, and the suite says so.
set -euo pipefail
cd "$(dirname "$0")/.."
source localstack/env.sh
wait_for_localstack
if [ ! -f "$OUTPUTS" ]; then
  echo "no $OUTPUTS: deploy first with localstack/deploy.sh" >&2
  exit 1
fi
export SAGAFLOW_TARGET=localstack
export SFN_ENDPOINT="$AWS_ENDPOINT_URL"
APPROVE_FUNCTION_NAME="$(node -p "require('./$OUTPUTS').Sagaflow.ApproveFunctionName")"
export APPROVE_FUNCTION_NAME
npx jest test/e2e/journey "$@"
