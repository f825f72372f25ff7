#!/usr/bin/env python3
"""Makes the Windows .ico and the macOS .icns from the PNGs in icons/ (python3, no other tool).

Both formats may hold PNG images as they are: an .ico with PNG entries (Windows Vista and later) and
an .icns with the ic07..ic14 PNG types. Run it again after changing icons/app-*.png:

    python3 installer/make-icons.py
"""
import pathlib
import struct

ROOT = pathlib.Path(__file__).resolve().parent.parent
ICONS = ROOT / "icons"


def png(size):
    return (ICONS / f"app-{size}.png").read_bytes()


def make_ico(sizes):
    images = [png(size) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in zip(sizes, images):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images)


def make_icns(types):
    body = b""
    for kind, size in types:
        data = png(size)
        body += kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


if __name__ == "__main__":
    ico = ROOT / "installer/windows/token-console.ico"
    ico.write_bytes(make_ico([16, 32, 48, 64, 128, 256]))
    icns = ROOT / "installer/macos/token-console.icns"
    # ic11/ic12/ic13/ic14 are the @2x variants of 16, 32, 128 and 256 points.
    icns.write_bytes(make_icns([("ic11", 32), ("ic12", 64), ("ic07", 128), ("ic08", 256),
                                ("ic13", 256), ("ic09", 512), ("ic14", 512), ("ic10", 1024)]))
    print(f"wrote {ico.relative_to(ROOT)} and {icns.relative_to(ROOT)}")
