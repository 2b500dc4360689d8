#!/usr/bin/env bash
# Deploys the reference app (the same CDK app `npm start` runs) to LocalStack with cdklocal.
#   docker compose -f localstack/docker-compose.yml up -d
#   localstack/deploy.sh            # bootstrap once, then deploy; writes localstack/outputs.json
set -euo pipefail
cd "$(dirname "$0")/.."
source localstack/env.sh
wait_for_localstack

# cdklocal wraps the project's own CDK CLI (found through NODE_PATH); npx fetches the wrapper,
# nothing is added to package.json.
cdklocal() { NODE_PATH="$PWD/node_modules${NODE_PATH:+:$NODE_PATH}" npx --yes aws-cdk-local@3.0.4 "$@"; }

# A separate cloud assembly: the LocalStack variant (no HTTP API) must not replace the cdk.out npm start uses.
ASSEMBLY=localstack/cdk.out
cdklocal bootstrap "aws://$LOCALSTACK_ACCOUNT/$AWS_DEFAULT_REGION" --output "$ASSEMBLY" -c approvalHttpApi=false
cdklocal deploy Sagaflow --require-approval never --output "$ASSEMBLY" -c approvalHttpApi=false --outputs-file "$OUTPUTS"
echo "deployed; outputs in $OUTPUTS"
