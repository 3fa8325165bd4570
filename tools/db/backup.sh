#!/bin/sh
# Backs up the SCS Check database (all schemas: application, pgboss queue, research) into one pg_dump custom-format file.
# Usage: DATABASE_URL=postgres://user@host:5432/scs tools/db/backup.sh [file]     (default: scs-<UTC timestamp>.dump)
# Restore with tools/db/restore.sh. Needs pg_dump of the server's major version or newer.
set -eu

url="${DATABASE_URL:-}"
if [ -z "$url" ]; then
  echo "db-backup: set DATABASE_URL to the database to back up" >&2
  exit 2
fi
out="${1:-scs-$(date -u +%Y%m%dT%H%M%SZ).dump}"
tmp="$out.partial"
trap 'rm -f "$tmp"' EXIT

# --no-owner/--no-privileges: the dump restores into a database owned by whichever role runs the restore.
# One consistent snapshot (pg_dump runs in a single repeatable-read transaction): no need to stop the app.
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$tmp" --dbname="$url"
# A dump that pg_restore cannot list is no backup: check the archive before it replaces anything.
entries=$(pg_restore --list "$tmp" | grep -c -v '^;' || true)
if ! pg_restore --list "$tmp" | grep -q 'TABLE DATA public migrations'; then
  echo "db-backup: the dump has no migrations table; is DATABASE_URL the SCS Check database?" >&2
  exit 1
fi
mv "$tmp" "$out"
trap - EXIT
bytes=$(wc -c < "$out" | tr -d ' ')
echo "db-backup: wrote $out ($bytes bytes, $entries archive entries)"
