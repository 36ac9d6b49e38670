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

cat <<EOT

  API      $url/api/v1
  Health   $url/health/ready
  Docs     $url/docs
  OpenAPI  $url/openapi/v1.json

EOT
export Logging__Console__FormatterName=${Logging__Console__FormatterName:-simple}
exec dotnet run --project src/Api --no-build --no-launch-profile --urls "$url"
