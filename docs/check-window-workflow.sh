#!/usr/bin/env bash
# Issue 7's outside check: a fresh data folder, the real window, Ctrl+N, an external id, Enter, Ctrl+T, Ctrl+Q.
# Needs Xvfb, xdotool and ImageMagick (apt-get install xvfb xdotool imagemagick) and a built jar (./mvnw -DskipTests package).
# Prints what the command line sees afterwards: the saved user, its user-created and token-issued rows, a fresh token.
set -u
cd "$(dirname "$0")/.."
export TOKEN_CONSOLE_HOME=$(mktemp -d /tmp/tc-accept.XXXX)
echo "data folder: $TOKEN_CONSOLE_HOME"
pgrep -f 'Xvfb :90' >/dev/null || { Xvfb :90 -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 & sleep 1; }
export DISPLAY=:90
java -jar target/token-console.jar > ${TMPDIR:-/tmp}/accept-app.log 2>&1 &
app=$!
for i in $(seq 1 40); do win=$(xdotool search --name "Token Console" 2>/dev/null | head -1); [ -n "$win" ] && break; sleep 0.5; done
echo "window: $win"
sleep 4
xdotool windowmove $win 0 0; xdotool windowsize $win 1180 780; sleep 1
xdotool mousemove 600 500 click 1; sleep 0.5
xdotool key ctrl+n; sleep 2
xdotool type --delay 40 "ticket-4711"; sleep 0.5
xdotool key Return; sleep 4
import -window root ${TMPDIR:-/tmp}/accept-1-created.png
xdotool key ctrl+t; sleep 4
import -window root ${TMPDIR:-/tmp}/accept-2-token.png
xdotool key ctrl+q; sleep 3
kill -0 $app 2>/dev/null && echo "STILL RUNNING" || echo "window closed"
J="java -jar target/token-console.jar"
$J users list --env local --json > ${TMPDIR:-/tmp}/accept-users.json; echo "users list exit $?"; cat ${TMPDIR:-/tmp}/accept-users.json | head -c 600; echo
$J audit --env local --json > ${TMPDIR:-/tmp}/accept-audit.json; echo "audit exit $?"; grep -o '"action" *: *"[a-z-]*"' ${TMPDIR:-/tmp}/accept-audit.json | sort | uniq -c
id=$(grep -o '"id" *: *"[0-9a-f-]\{36\}"' ${TMPDIR:-/tmp}/accept-users.json | head -1 | grep -o '[0-9a-f-]\{36\}')
echo "user id: $id"
$J tokens issue --env local --user "$id" > ${TMPDIR:-/tmp}/accept-token.txt; echo "tokens issue exit $?"; head -c 40 ${TMPDIR:-/tmp}/accept-token.txt; echo
