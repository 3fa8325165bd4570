#!/bin/sh
# Restores a tools/db/backup.sh dump into an EMPTY database (created when it does not exist), in one transaction.
# Usage: tools/db/restore.sh <file> <target database URL>
#   e.g. tools/db/restore.sh scs-20261126T020000Z.dump postgres://postgres@127.0.0.1:5432/scs_restore
# Then start one process against the target (migrations already in the dump are skipped) and check /api/health.
set -eu

if [ $# -ne 2 ]; then
  echo "usage: tools/db/restore.sh <dump file> <target database URL>" >&2
  exit 2
fi
file="$1"
target="$2"
[ -r "$file" ] || { echo "db-restore: cannot read $file" >&2; exit 2; }
pg_restore --list "$file" >/dev/null || { echo "db-restore: $file is not a pg_dump custom-format archive" >&2; exit 2; }

# The database name is the last path segment of the URL (query parameters removed).
db=$(printf '%s' "$target" | sed -e 's/[?#].*$//' -e 's|^.*/||')
case "$db" in
  ''|*[!A-Za-z0-9_-]*) echo "db-restore: cannot read a plain database name from the target URL" >&2; exit 2 ;;
esac
maintenance=$(printf '%s' "$target" | sed -e "s|/$db\\([?#].*\\)\\{0,1\\}\$|/postgres\\1|")

exists=$(psql --no-psqlrc -tA --dbname="$maintenance" -c "SELECT 1 FROM pg_database WHERE datname = '$db'")
if [ "$exists" != "1" ]; then
  psql --no-psqlrc -q --dbname="$maintenance" -c "CREATE DATABASE \"$db\"" >/dev/null
  echo "db-restore: created database $db"
else
  # Never mix a backup into live data: the target must have no tables outside the system schemas.
  tables=$(psql --no-psqlrc -tA --dbname="$target" -c "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
  if [ "$tables" != "0" ]; then
    echo "db-restore: database $db is not empty ($tables tables); restore into a new database and switch DATABASE_URL" >&2
    exit 1
  fi
fi

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$target" "$file"
migrations=$(psql --no-psqlrc -tA --dbname="$target" -c 'SELECT count(*) FROM migrations')
echo "db-restore: restored $file into $db ($migrations migrations recorded)"
