#!/usr/bin/env bash
# Installs the .deb that `./mvnw -Pinstaller package` made, checks what it installed, and removes it
# again: the installer's acceptance check, too slow and too intrusive for `./mvnw verify`.
# Needs root on Debian or Ubuntu, and token-console not installed yet.
# Usage: installer/check-deb.sh [path/to/token-console_*.deb]
set -euo pipefail
cd "$(dirname "$0")/.."
deb=${1:-$(ls target/installer/token-console_*.deb)}
fail() { echo "check-deb: FAILED: $*" >&2; exit 1; }
ok() { echo "check-deb: ok: $*"; }

if dpkg-query -W -f='${Status}' token-console 2>/dev/null | grep -q ' installed$'; then
    fail "token-console is installed already; remove it first: dpkg -r token-console"
fi

echo "check-deb: dpkg -i $deb"
dpkg -i "$deb" || fail "dpkg -i failed (missing dependencies? apt-get install -f)"
[ "$(command -v token-console)" = /usr/bin/token-console ] || fail "no token-console command on the PATH"
ok "token-console on the PATH: /usr/bin/token-console -> $(readlink /usr/bin/token-console)"

payload='{"client_id":"c","exp":1900000000,"iat":1899996400,"iss":"argyle-core-auth-prod","jti":"j","sub":"check-deb-user","user_id":"check-deb-user"}'
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
token="$(printf '{"alg":"HS256","typ":"JWT"}' | b64url).$(printf '%s' "$payload" | b64url).c2lnbmF0dXJl"
home=$(mktemp -d)
json=$(echo "$token" | TOKEN_CONSOLE_HOME="$home" token-console inspect - --json) || fail "inspect exited with $?: $json"
rm -rf "$home"
echo "$json" | grep -q '"ok" : true' || fail "inspect did not decode the token: $json"
echo "$json" | grep -q '"user_id" : "check-deb-user"' || fail "inspect printed no user_id: $json"
ok "the installed token-console inspect - --json decodes a token"

check=$(mktemp -d)
javac --release 17 -cp "/opt/token-console/lib/app/*" -d "$check" installer/linux/check/TeamDatabaseCheck.java \
    || fail "could not compile installer/linux/check/TeamDatabaseCheck.java (javac of a JDK 17+ needed)"
team=$(/opt/token-console/lib/runtime/bin/java -cp "$check:/opt/token-console/lib/app/*" TeamDatabaseCheck 2>&1) \
    || fail "the installed runtime cannot load the team workspace's database driver and pool: $team"
rm -rf "$check"
ok "the installed runtime loads the PostgreSQL driver and HikariCP: $team"

desktop=$(dpkg -L token-console | grep '^/opt/token-console/lib/[^/]*\.desktop$' | head -1)
[ -n "$desktop" ] || fail "the package has no .desktop entry"
launcher=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop" | tr -d '"')
icon=$(sed -n 's/^Icon=//p' "$desktop")
categories=$(sed -n 's/^Categories=//p' "$desktop")
[ -x "$launcher" ] || fail "the desktop entry's launcher $launcher is not an executable"
[ -f "$icon" ] || fail "the desktop entry's icon $icon does not exist"
[ -n "$categories" ] || fail "the desktop entry names no category"
ok "desktop entry $desktop: Exec=$launcher, Icon=$icon, Categories=$categories"
if [ -d /usr/share/applications ]; then
    menu=$(grep -l "^Exec=\"\?$launcher" /usr/share/applications/*.desktop 2>/dev/null | head -1 || true)
    [ -n "$menu" ] || fail "no desktop menu entry in /usr/share/applications points at $launcher"
    ok "desktop menu entry $menu"
fi
[ -f /opt/token-console/lib/app/token-console.jsa ] || fail "the install made no class-data archive"
ok "class-data archive made at install: $(du -h /opt/token-console/lib/app/token-console.jsa | cut -f1)"

echo "check-deb: dpkg -r token-console"
dpkg -r token-console || fail "dpkg -r failed"
[ ! -e /usr/bin/token-console ] && [ ! -L /usr/bin/token-console ] || fail "/usr/bin/token-console is still there"
[ ! -e /opt/token-console ] || fail "/opt/token-console is still there: $(find /opt/token-console | head -5)"
if [ -n "${menu:-}" ] && [ -e "$menu" ]; then
    fail "the desktop menu entry $menu is still there"
fi
ok "dpkg -r removed the command, the app folder and the menu entry"
echo "check-deb: all checks passed"
