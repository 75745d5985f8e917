#!/usr/bin/env bash
# A throwaway Dovecot IMAP server for tests, on loopback with one test user:
#   scripts/imap-test-server.sh start DIR   configure dovecot in DIR and start it on a free port;
#                                           prints imap://USER:PASSWORD@127.0.0.1:PORT
#   scripts/imap-test-server.sh stop DIR    stop the dovecot started in DIR
# The user is desk@steward.test with the password imap-test-password; its mail lives in DIR/mail
# (INBOX and a "Service Desk" folder). Debian: apt-get install dovecot-imapd.
set -euo pipefail

cmd="${1:-}"
dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

find_bin() { command -v "$1" 2>/dev/null || { [ -x "/usr/sbin/$1" ] && echo "/usr/sbin/$1"; } || true; }
dovecot="$(find_bin dovecot)"

if [ "$cmd" = stop ]; then
  if [ -f "$dir/run/master.pid" ]; then
    pid="$(cat "$dir/run/master.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  exit 0
fi
[ "$cmd" = start ] || { echo "unknown command: $cmd" >&2; exit 2; }
[ -n "$dovecot" ] || { echo "dovecot is needed (Debian: apt-get install dovecot-imapd)" >&2; exit 3; }

user=desk@steward.test
password=imap-test-password
# Run as whoever starts it; as root, Dovecot's own unprivileged users do the work.
if [ "$(id -u)" = 0 ] && getent passwd dovecot >/dev/null && getent passwd dovenull >/dev/null; then
  internal=dovecot
  login=dovenull
  mail_uid="$(id -u dovecot)"
  mail_gid="$(id -g dovecot)"
else
  internal="$(id -un)"
  login="$(id -un)"
  mail_uid="$(id -u)"
  mail_gid="$(id -g)"
fi

mkdir -p "$dir/run" "$dir/state" "$dir/mail"
printf '%s:{PLAIN}%s:%s:%s::%s/mail/%%u\n' "$user" "$password" "$mail_uid" "$mail_gid" "$dir" >"$dir/users"
chmod 755 "$dir" "$dir/run"
chown "$mail_uid:$mail_gid" "$dir/mail"

write_conf() {
  cat >"$dir/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $dir/run
state_dir = $dir/state
instance_name = steward-imap-test-$1
log_path = $dir/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = $internal
default_internal_group = $(id -gn "$internal")
default_login_user = $login
first_valid_uid = 1
first_valid_gid = 1
mail_location = maildir:$dir/mail/%u
mail_uid = $mail_uid
mail_gid = $mail_gid
namespace inbox {
  inbox = yes
  separator = /
  mailbox "Service Desk" {
    auto = create
  }
  mailbox Processed {
    auto = create
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/users
}
userdb {
  driver = passwd-file
  args = username_format=%u $dir/users
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $1
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
  inet_listener pop3s {
    port = 0
  }
}
service submission-login {
  inet_listener submission {
    port = 0
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0600
  }
}
CONF
}

# A free port from the kernel; dovecot binds it a moment later (retried if someone took it).
for _ in 1 2 3 4 5; do
  port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  write_conf "$port"
  "$dovecot" -c "$dir/dovecot.conf" </dev/null >/dev/null 2>&1 && {
    for _ in $(seq 1 50); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "imap://$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$user"):$password@127.0.0.1:$port"
        exit 0
      fi
      sleep 0.1
    done
  }
  "$0" stop "$dir"
done
echo "dovecot did not start; see $dir/dovecot.log" >&2
exit 1
