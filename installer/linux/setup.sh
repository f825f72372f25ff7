#!/bin/sh
# Run as root by the .deb's and the .rpm's install scripts (it is shipped as lib/token-console-setup.sh):
#   install  puts the `token-console` command on the PATH, the desktop entry into the menu and makes
#            the class-data (AppCDS) archive, which must be made where the app is installed (a JDK 17
#            archive names its jars by path);
#   remove   takes them away again.
# The desktop entry is copied, not installed with xdg-desktop-menu (what jpackage does): that one
# fails the whole installation on a machine with no desktop menu directory, where the commands still work.
set -e
dir=/opt/token-console
case "$1" in
    install)
        ln -sf "$dir/bin/token-console" /usr/bin/token-console
        install -D -m 644 "$dir/lib/token-console-token-console.desktop" /usr/share/applications/token-console.desktop
        if command -v update-desktop-database >/dev/null; then
            update-desktop-database -q /usr/share/applications || true
        fi
        if ! JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$dir/lib/app/token-console.classlist -XX:SharedArchiveFile=$dir/lib/app/token-console.jsa" \
                "$dir/bin/token-console" >/dev/null 2>&1; then
            rm -f "$dir/lib/app/token-console.jsa"
            echo "token-console: the class-data archive could not be made; Token Console works, it only starts slower." >&2
        fi
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
esac
