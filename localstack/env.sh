# Shared by deploy.sh and test.sh: where LocalStack listens, and the dummy credentials it accepts.
export AWS_ENDPOINT_URL="${AWS_ENDPOINT_URL:-http://localhost:4566}"
# cdklocal wants S3's endpoint too; path-style addressing needs no wildcard DNS for bucket names.
export AWS_ENDPOINT_URL_S3="${AWS_ENDPOINT_URL_S3:-$AWS_ENDPOINT_URL}" AWS_S3_FORCE_PATH_STYLE=1
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"
export AWS_REGION="$AWS_DEFAULT_REGION"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_PAGER=""
# LocalStack's default account.
LOCALSTACK_ACCOUNT=000000000000
OUTPUTS=localstack/outputs.json

wait_for_localstack() {
  for _ in $(seq 1 60); do
    if curl -fsS "$AWS_ENDPOINT_URL/_localstack/health" >/dev/null 2>&1; then return 0; fi
    sleep 2
  done
  echo "LocalStack does not answer at $AWS_ENDPOINT_URL; start it with: docker compose -f localstack/docker-compose.yml up -d" >&2
  return 1
}
