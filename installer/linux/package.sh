#!/usr/bin/env bash
# The Linux half of `./mvnw -Pinstaller package`, run by Maven after jpackage made the app image:
#   1. JavaFX's native libraries go next to the JDK's in the image's runtime, where JavaFX looks first
#      (otherwise it unpacks them from its jar into ~/.openjfx/cache on every new machine and user);
#   2. bin/token-console becomes a shell script that starts the runtime's java with the launcher's options
#      (jpackage's own launcher asks rpm and dpkg about itself on every start);
#   3. a training run of the image (the window's first frame, then a one-shot `inspect`) records the
#      classes start-up loads: lib/app/token-console.classlist;
#   4. the .deb (and the .rpm where rpmbuild exists) from the image; their install scripts make the
#      class-data archive where the app is installed and put `token-console` on the PATH (setup.sh);
# The app image gets no class-data archive here: a JDK 17 archive names its jars by absolute path, so one
# made in target/installer works nowhere else. `lib/token-console-setup.sh archive` makes it where the image
# is (the packages' install scripts do that; so does bench/run-all before it measures).
# Usage: installer/linux/package.sh TARGET_DIR VERSION   (from the project folder)
set -euo pipefail
target=$(cd "$1" && pwd)
version=$2
cd "$(dirname "$0")/../.."

image=$target/installer/token-console
app=$image/lib/app
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "[installer] the runtime has every JDK module the app's jars need (jdeps)"
runtime_modules=" $(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$image/lib/runtime/release") "
javafx=$(ls "$target"/lib/javafx-*.jar | paste -sd:)
needed=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps --module-path "$javafx" "$app"/*.jar | tail -1)
lacking=""
for module in ${needed//,/ }; do
    [[ "$runtime_modules" == *" $module "* ]] || lacking="$lacking $module"
done
[ -z "$lacking" ] || { echo "[installer] the runtime lacks:$lacking — add them to installer/jlink.args" >&2; exit 1; }

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

echo "[installer] the launcher: a shell script in place of jpackage's"
# jpackage's Linux launcher asks `rpm -qf` and `dpkg -S` which package it belongs to on every start, before
# the JVM starts (0.2-0.4 s here, more with more packages installed). This one starts the same java with the
# same class path, options and main class, read from the launcher's .cfg, which stays for reference.
launcher=$image/bin/token-console
cfg=$app/token-console.cfg
main=$(sed -n 's/^app.mainclass=//p' "$cfg")
classpath=$(sed -n 's/^app.classpath=//p' "$cfg" | paste -sd:)
options=$(sed -n 's/^java-options=//p' "$cfg" | while IFS= read -r option; do printf ' "%s"' "$option"; done)
rm "$launcher"
cat > "$launcher" <<EOF
#!/bin/sh
# Token Console: the window without arguments, a headless command with them (token-console --help).
# Made by installer/linux/package.sh from lib/app/token-console.cfg, in place of jpackage's launcher.
# Where the image is: from the path this script was started by, as it is when that names the image's bin
# folder; through readlink when it is a link (/usr/bin/token-console) or names no bin folder. readlink is a
# process of its own, and a one-shot command feels each one.
case "\$0" in
    */bin/token-console) [ -L "\$0" ] && self=\$(readlink -f "\$0") || self=\$0 ;;
    *) self=\$(readlink -f "\$0") ;;
esac
image=\${self%/bin/*}
APPDIR=\$image/lib/app
exec "\$image/lib/runtime/bin/java" -classpath "$classpath"$options \\
    "-Djpackage.app-path=\$image/bin/token-console" $main "\$@"
EOF
chmod 755 "$launcher"
rm -f "$image/lib/libapplauncher.so"   # the library of jpackage's launcher

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

ls -l "$target"/installer/*.deb "$target"/installer/*.rpm 2>/dev/null || true
du -sh "$image"
