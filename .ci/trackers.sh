#!/usr/bin/env bash
# Real ticket trackers for test/tickets/real-trackers.test.ts: Redmine and Request Tracker 5 from Debian
# packages (SQLite, answers preseeded), installed only when missing. No daemon is started here: the test
# starts each server on 127.0.0.1 on a copy of its database and stops it by PID.
set -uo pipefail
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }
need=()
installed redmine-sqlite || need+=(redmine redmine-sqlite)
installed rt5-standalone && installed rt5-db-sqlite || need+=(request-tracker5 rt5-db-sqlite rt5-standalone)
if ((${#need[@]})); then
  debconf-set-selections <<'SEL'
redmine redmine/instances/default/database-type select sqlite3
redmine redmine/instances/default/dbconfig-install boolean true
request-tracker5 request-tracker5/dbconfig-install boolean true
request-tracker5 request-tracker5/database-type select sqlite3
request-tracker5 request-tracker5/rtname string localhost
request-tracker5 request-tracker5/webbaseurl string http://127.0.0.1:8080
SEL
  start=$(date +%s)
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; } \
    || { echo "trackers: apt-get install ${need[*]} failed; the real-tracker tests will skip"; exit 0; }
  echo "trackers: installed ${need[*]} in $(( $(date +%s) - start )) s"
fi
# Debian's Redmine 5 on Ruby 3 needs webrick named in the bundle to run `rails server`.
if [ -d /usr/share/redmine ] && ! grep -qs webrick /usr/share/redmine/Gemfile.local; then echo 'gem "webrick"' >> /usr/share/redmine/Gemfile.local; fi
exit 0
