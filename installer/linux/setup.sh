#!/bin/sh
# Shipped as lib/token-console-setup.sh; run as root by the .deb's and the .rpm's install scripts:
#   install  puts the `token-console` command on the PATH, the desktop entry into the menu and makes
#            the class-data archive (below);
#   remove   takes them away again;
#   archive  only makes the class-data (AppCDS) archive lib/app/token-console.jsa from the class list
#            recorded at build time (some 10-20 s): for an app image unpacked by hand, and for bench/run-all.
#            It must be made where the app is: a JDK 17 archive names its jars by absolute path, and the JVM
#            ignores an archive made anywhere else. Without it the app works, only starts slower.
# The desktop entry is copied, not installed with xdg-desktop-menu (what jpackage does): that one
# fails the whole installation on a machine with no desktop menu directory, where the commands still work.
set -e
self=$(readlink -f "$0")
dir=${self%/lib/*}

make_archive() {
    if ! JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$dir/lib/app/token-console.classlist -XX:SharedArchiveFile=$dir/lib/app/token-console.jsa" \
            "$dir/bin/token-console" >/dev/null 2>&1; then
        rm -f "$dir/lib/app/token-console.jsa"
        echo "token-console: the class-data archive could not be made; Token Console works, it only starts slower." >&2
        return 1
    fi
}

case "$1" in
    install)
        ln -sf "$dir/bin/token-console" /usr/bin/token-console
        install -D -m 644 "$dir/lib/token-console-token-console.desktop" /usr/share/applications/token-console.desktop
        if command -v update-desktop-database >/dev/null; then
            update-desktop-database -q /usr/share/applications || true
        fi
        make_archive || true
        ;;
    remove)
        if [ "$(readlink /usr/bin/token-console)" = "$dir/bin/token-console" ]; then
            rm -f /usr/bin/token-console
        fi
        rm -f "$dir/lib/app/token-console.jsa" /usr/share/applications/token-console.desktop
        if command -v update-desktop-database >/dev/null; then
            update-desktop-database -q /usr/share/applications || true
        fi
        ;;
    archive)
        make_archive
        ;;
    *)
        echo "usage: $0 install|remove|archive" >&2
        exit 2
        ;;
esac
