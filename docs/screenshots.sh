#!/usr/bin/env bash
# Takes the inspector's screenshots in docs/ from the real application under Xvfb: the local sandbox's
# own token, an alg:none token and a two-token comparison, light and dark, at 1180x780 and 1024x640.
#
#   apt-get install xvfb xdotool xclip imagemagick libgtk-3-0   # once
#   docs/screenshots.sh [display-number]                          # default :91; builds the jar first
#   SKIP_BUILD=1 docs/screenshots.sh                             # with target/token-console.jar as it is
#
# The tokens are real: the CLI creates two users on a local sandbox that signs with the same fresh data
# folder's key as the window, so the window verifies them. Nothing outside 127.0.0.1 is contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
display=":${1:-91}"
jar=target/token-console.jar
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -DskipTests package

TOKEN_CONSOLE_HOME=$(mktemp -d)
export TOKEN_CONSOLE_HOME
token() {
    java -jar "$jar" users create --env local --external-id "$1" --json 2>/dev/null \
        | sed -n 's/.*"user_token" : "\(.*\)".*/\1/p'
}
b64url() { printf %s "$1" | base64 -w0 | tr '+/' '-_' | tr -d '='; }
seed=$(token ticket-1234)
fresh=$(token ticket-1234-retry)
now=$(date +%s)
unsigned="$(b64url '{"alg":"none","typ":"JWT"}').$(b64url "{\"client_id\":\"0b5b1e1c-6d5f-4d0e-9c55-1f3a3c1f2b77\",\"iat\":$now,\"iss\":\"argyle-core-auth-prod\",\"jti\":\"5f3c9a2e-8a41-4d7b-b1c2-6e0d9f1a7c33\",\"sub\":\"99999999-9999-9999-9999-999999999999\",\"user_id\":\"017f8978-bbfd-ff64-18ce-d59f9a1b2c3d\"}")."

Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
app=
trap 'kill $app $xvfb 2>/dev/null || true' EXIT
export DISPLAY=$display
sleep 1

start_app() {
    # A zone other than UTC, so the local-time column shows what it is for.
    TZ=Europe/Berlin java -jar "$jar" >/dev/null 2>&1 &
    app=$!
    window=$(timeout 60 xdotool search --sync --name "Token Console" | head -1)
    sleep 4
}
stop_app() {
    kill "$app"
    wait "$app" 2>/dev/null || true
    app=
}
paste() {  # puts $1 on the clipboard, presses Ctrl+V and gives the inspector $2 seconds (default 4)
    printf %s "$1" | xclip -selection clipboard
    xdotool key --clearmodifiers ctrl+v
    sleep "${2:-4}"
}
shot() {
    import -window root -crop "${width}x${height}+0+0" "docs/inspector-$1-$theme-${width}x${height}.png"
}

for theme in light dark; do
    for size in 1180x780 1024x640; do
        width=${size%x*}
        height=${size#*x}
        start_app
        xdotool windowsize "$window" "$width" "$height" windowmove "$window" 0 0
        sleep 1
        if [ "$theme" = dark ] && [ "$size" = 1180x780 ]; then
            # View > Dark theme (remembered in the data folder for the next start).
            xdotool mousemove 82 19 click 1
            sleep 1
            xdotool key Down Down Return
            sleep 2
        fi
        xdotool mousemove 600 190 click 1   # the token field
        paste "$seed" 10   # the first decode of a fresh JVM takes longest
        shot seed
        paste "$unsigned"
        shot alg-none
        paste "$seed"
        # Keyboard only: from the token field past the findings badge and the five Copy buttons to the tab strip,
        # right to Compare, into its token field.
        xdotool mousemove 600 190 click 1
        xdotool key Tab Tab Tab Tab Tab Tab Tab Right Right Right Right Tab
        paste "$fresh"
        shot compare
        stop_app
    done
done
ls -1 docs/inspector-*.png
