#!/usr/bin/env bash
# Runs the API on a local PostgreSQL with demo data. Ctrl-C stops the API; the database keeps
# running for the next start (scripts/pg stop removes it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

url=${UC_URL:-http://127.0.0.1:5080}
if [[ -z "${ConnectionStrings__Default:-}" ]]; then
  ConnectionStrings__Default=$(scripts/pg start)
  export ConnectionStrings__Default
fi

dotnet build src/Api/UnifiedCustomers.Api.csproj -v quiet -nologo
dotnet build tools/UnifiedCustomers.Tool/UnifiedCustomers.Tool.csproj -v quiet -nologo
dotnet run --project tools/UnifiedCustomers.Tool --no-build -- up --connection "$ConnectionStrings__Default"
dotnet run --project tools/UnifiedCustomers.Tool --no-build -- seed-demo --connection "$ConnectionStrings__Default"
# The key is stored hashed; its clear text is kept under .pg/ (git-ignored) so every start prints the same one.
api_key=$(dotnet run --project tools/UnifiedCustomers.Tool --no-build -- seed-demo-api-key --connection "$ConnectionStrings__Default" --key-file .pg/demo-api-key)
# Customer access tokens are signed with this key; kept under .pg/ so tokens survive a restart.
if [[ -z "${CustomerAccess__SigningKey:-}" ]]; then
  [[ -s .pg/customer-token-key ]] || head -c 48 /dev/urandom | base64 -w0 >.pg/customer-token-key
  CustomerAccess__SigningKey=$(cat .pg/customer-token-key)
  export CustomerAccess__SigningKey
fi

cat <<EOT

  API      $url/api/v1
  Health   $url/health/ready
  Docs     $url/docs
  OpenAPI  $url/openapi/v1.json
  API key  $api_key   (demo-studio)

EOT
# The same walkthrough as the README's, with this key and address filled in.
sed -e "s|__KEY__|$api_key|" -e "s|__URL__|$url|" scripts/walkthrough.txt | sed 's/^/  /'
echo
export Logging__Console__FormatterName=${Logging__Console__FormatterName:-simple}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
exec dotnet run --project src/Api --no-build --no-launch-profile --urls "$url"
