#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Doorstep contributors
#
# run-store-demo.sh DEMO_BINARY — runs doorstep-store-demo twice on a fresh data
# directory (inside with-keyring, so against the real keychain) and checks:
# first run creates the key and database, second run reopens them with the
# same key, the audit chain verifies, and nothing readable is left on disk.
set -euo pipefail
demo=$1
data=$(mktemp -d "${TMPDIR:-/tmp}/doorstep-demo.XXXXXX")
trap 'rm -rf -- "$data"' EXIT

first=$("$demo" --data-dir "$data")
echo "$first"
second=$("$demo" --data-dir "$data")
echo "$second"

check() { # check TEXT PATTERN WHAT
  if ! grep -qF -- "$2" <<<"$1"; then
    echo "FAIL: $3 (expected \"$2\")" >&2
    exit 1
  fi
}
check "$first" "(new)" "first run starts a new database"
check "$first" "created for this new database" "first run creates a key"
check "$first" "verified intact" "audit chain after the first run"
check "$first" "seen alone: no (reason: child_refused)" "visit answers read back"
check "$second" "(existing)" "second run reopens the database"
check "$second" "verified intact" "audit chain after the second run"
entry1=$(grep -o 'entry database-key-[0-9a-f]*' <<<"$first")
entry2=$(grep -o 'entry database-key-[0-9a-f]*' <<<"$second")
[ -n "$entry1" ] && [ "$entry1" = "$entry2" ] || { echo "FAIL: keychain entry changed between runs" >&2; exit 1; }

db="$data/records.db"
[ -s "$db" ] || { echo "FAIL: no database file" >&2; exit 1; }
if head -c 16 "$db" | grep -qa "SQLite format 3"; then
  echo "FAIL: the database file has a plain SQLite header (not encrypted)" >&2
  exit 1
fi
# The demo's words must not be readable anywhere in the data directory (WAL included).
for word in Jamie "my dad there" "school meeting" "Missed school days"; do
  if grep -rqaF -- "$word" "$data"; then
    echo "FAIL: \"$word\" readable in $data" >&2
    exit 1
  fi
done
echo "PASS: store demo (key from keychain, encrypted file, audit chain intact)"
