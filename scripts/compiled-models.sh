#!/usr/bin/env bash
# Regenerates EF Core's compiled model of each provider (src/Content/Data/CompiledModels/Sqlite and /Postgres), which the
# site starts on instead of building the model from the configurations, and the script of all its migrations
# (Data/Migrations/<provider>/script.sql), which a new database is created with. Run it after any model change, with the
# migrations of that change: CompiledModelTests and MigrationScriptTests fail until it is run. Uses the dotnet-ef of
# dotnet-tools.json.
# Usage: scripts/compiled-models.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../src/Content"
dotnet tool restore >/dev/null
dotnet build --nologo -v quiet
for provider in Sqlite Postgres; do
  # A model that lost an entity type must lose its file too: optimize only writes, never deletes.
  rm -rf "Data/CompiledModels/$provider"
  dotnet ef dbcontext optimize --no-build --context "${provider}ContentContext" \
    --output-dir "Data/CompiledModels/$provider" --namespace "CchcSite.Content.Data.CompiledModels.$provider" >/dev/null
  echo "Data/CompiledModels/$provider: $(ls "Data/CompiledModels/$provider" | wc -l) files"
  dotnet ef migrations script --no-build --context "${provider}ContentContext" --output "Data/Migrations/$provider/script.sql" >/dev/null
  echo "Data/Migrations/$provider/script.sql: $(grep -c '^INSERT INTO "__EFMigrationsHistory"' "Data/Migrations/$provider/script.sql") migrations"
done
