#!/usr/bin/env bash
# The Linux half of `./mvnw -Pinstaller package`, run by Maven after jpackage made the app image:
#   1. JavaFX's native libraries go next to the JDK's in the image's runtime, where JavaFX looks first
#      (otherwise it unpacks them from its jar into ~/.openjfx/cache on every new machine and user);
#   2. a training run of the image (the window's first frame, then a one-shot `inspect`) records the
#      classes start-up loads: lib/app/token-console.classlist;
#   3. the .deb (and the .rpm where rpmbuild exists) from the image; their install scripts make the
#      class-data archive where the app is installed and put `token-console` on the PATH (setup.sh);
#   4. the class-data (AppCDS) archive for the app image itself, where it was built.
# Usage: installer/linux/package.sh TARGET_DIR VERSION   (from the project folder)
set -euo pipefail
target=$(cd "$1" && pwd)
version=$2
cd "$(dirname "$0")/../.."

image=$target/installer/token-console
app=$image/lib/app
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "[installer] JavaFX native libraries into the runtime (jlink left them out of the modules)"
graphics=$(ls "$target"/lib/javafx-graphics-*-linux.jar)
(cd "$image/lib/runtime/lib" && unzip -q -o "$graphics" '*.so')
# The symbol tables of the runtime's native libraries are not needed to run (about 4 MB).
find "$image/lib/runtime/lib" -name '*.so' -exec strip --strip-unneeded {} +

# sqlite-jdbc and JNA carry native libraries for every OS (about 11 MB): keep this machine's.
keep_natives() {
    local jar=$1 under=$2 keep=$3
    local drop
    drop=$(unzip -Z1 "$jar" "$under*" | grep -E '\.(so|a|dll|dylib|jnilib)$' | grep -v "^$keep" || true)
    if [ -n "$drop" ]; then
        echo "$drop" | xargs zip -q -d "$jar"
    fi
}
arch=$(uname -m)
keep_natives "$(ls "$app"/sqlite-jdbc-*.jar)" org/sqlite/native/ "org/sqlite/native/Linux/$arch/"
keep_natives "$(ls "$app"/jna-[0-9]*.jar)" com/sun/jna/ "com/sun/jna/linux-${arch//_/-}/"

echo "[installer] training run: which classes start-up loads"
export TOKEN_CONSOLE_HOME=$work/home
window_run=("$image/bin/token-console" --startup-probe)
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
    window_run=(xvfb-run -a -s "-screen 0 1400x900x24" "${window_run[@]}")
fi
if [ -n "${DISPLAY:-}" ] || command -v xvfb-run >/dev/null; then
    JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/window.classlist" "${window_run[@]}" 2>/dev/null
else
    echo "[installer] no display and no xvfb-run: the archive covers the headless commands only" >&2
    : > "$work/window.classlist"
fi
# A token shaped like Argyle's (its signature is not checked here): what a one-shot `inspect` loads.
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
token="$(printf '{"alg":"HS256","typ":"JWT"}' | b64url).$(printf '{"client_id":"c","exp":1900000000,"iat":1899996400,"iss":"argyle-core-auth-prod","jti":"j","sub":"u","user_id":"u"}' | b64url).c2lnbmF0dXJl"
echo "$token" | JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/inspect.classlist" \
    "$image/bin/token-console" inspect - --json 2>/dev/null >/dev/null
awk '!seen[$0]++' "$work/window.classlist" "$work/inspect.classlist" > "$app/token-console.classlist"
install -m 755 installer/linux/setup.sh "$image/lib/token-console-setup.sh"

package() {
    local type=$1 deps=$2
    echo "[installer] .$type"
    jpackage @installer/jpackage.args @installer/linux/package.args --type "$type" --app-image "$image" \
        --app-version "$version" --linux-package-deps "$deps" --dest "$target/installer"
}
package deb "libgtk-3-0, libpangoft2-1.0-0"
if command -v rpmbuild >/dev/null; then
    package rpm "gtk3, pango"
else
    echo "[installer] no rpmbuild here: no .rpm (apt-get install rpm to make one)"
fi

echo "[installer] class-data archive for the app image"
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/token-console.classlist -XX:SharedArchiveFile=$app/token-console.jsa" \
    "$image/bin/token-console" > "$work/dump.log" 2>&1 || { cat "$work/dump.log" >&2; exit 1; }
ls -l "$target"/installer/*.deb "$target"/installer/*.rpm 2>/dev/null || true
du -sh "$image"
