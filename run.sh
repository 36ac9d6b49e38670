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
dotnet run --project migrations --no-build -- up --connection "$ConnectionStrings__Default"
dotnet run --project migrations --no-build -- seed-demo --connection "$ConnectionStrings__Default"
# The key is stored hashed; its clear text is kept under .pg/ (git-ignored) so every start prints the same one.
api_key=$(dotnet run --project migrations --no-build -- seed-demo-api-key --connection "$ConnectionStrings__Default" --key-file .pg/demo-api-key)

cat <<EOT

  API      $url/api/v1
  Health   $url/health/ready
  Docs     $url/docs
  OpenAPI  $url/openapi/v1.json
  API key  $api_key   (demo-studio)

  Try it:
    curl -H "Authorization: Bearer $api_key" "$url/api/v1/customers"
    curl "$url/api/v1/public/demo-studio/schedule"

EOT
export Logging__Console__FormatterName=${Logging__Console__FormatterName:-simple}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
exec dotnet run --project src/Api --no-build --no-launch-profile --urls "$url"
