#!/usr/bin/env bash
# A throwaway OpenLDAP server for tests, run as the current user on loopback:
#   scripts/ldap-test-server.sh start DIR [LDIF]   configure slapd in DIR, load LDIF, start it on a
#                                                   free port; prints ldap://127.0.0.1:PORT
#   scripts/ldap-test-server.sh stop DIR            stop the slapd started in DIR
# LDIF defaults to test/support/ldap-directory.ldif (suffix dc=example,dc=org).
set -euo pipefail

cmd="${1:-}"
dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR [LDIF]" >&2; exit 2; }

find_bin() { command -v "$1" 2>/dev/null || { [ -x "/usr/sbin/$1" ] && echo "/usr/sbin/$1"; } || true; }

if [ "$cmd" = stop ]; then
  if [ -f "$dir/slapd.pid" ]; then
    pid="$(cat "$dir/slapd.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  exit 0
fi
[ "$cmd" = start ] || { echo "unknown command: $cmd" >&2; exit 2; }

slapd="$(find_bin slapd)"
slapadd="$(find_bin slapadd)"
[ -n "$slapd" ] && [ -n "$slapadd" ] || {
  echo "slapd and slapadd are needed (Debian: apt-get install slapd ldap-utils)" >&2
  exit 3
}
here="$(cd "$(dirname "$0")/.." && pwd)"
ldif="${3:-$here/test/support/ldap-directory.ldif}"
modules=/usr/lib/ldap
[ -d "$modules" ] || modules="$(dirname "$(find / -name 'back_mdb.la' -print -quit 2>/dev/null)")"

mkdir -p "$dir/data"
cat >"$dir/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
pidfile $dir/slapd.pid
modulepath $modules
moduleload back_mdb
database mdb
maxsize 16777216
suffix "dc=example,dc=org"
rootdn "cn=admin,dc=example,dc=org"
rootpw admin-password
directory $dir/data
access to attrs=userPassword by anonymous auth by self read by * none
access to * by users read by * none
CONF
"$slapadd" -q -f "$dir/slapd.conf" -l "$ldif" >/dev/null

# A free port from the kernel; slapd binds it a moment later (retried if someone took it).
for _ in 1 2 3 4 5; do
  port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  "$slapd" -h "ldap://127.0.0.1:$port/" -f "$dir/slapd.conf" -s 0 && {
    for _ in $(seq 1 50); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "ldap://127.0.0.1:$port"
        exit 0
      fi
      sleep 0.1
    done
  }
  "$0" stop "$dir"
done
echo "slapd did not start" >&2
exit 1
