#!/usr/bin/env python3
"""scapmul.py - build a large .scap capture by repeating the event blocks of a
small one, each repetition shifted forward in time.

    scapmul.py [-n COUNT] [--gzip] INPUT.scap OUTPUT.scap

The metadata blocks (section header, machine info, process/fd/interface/user
lists) are written once, as they are; then all event blocks COUNT times. Copy
k has every event timestamp moved forward by k * (span + 1 ms), span being the
distance between the first and last event of the input, so the output stays
in time order. Input may be gzip-compressed or plain; the output is plain by
default (so that neither reader pays for inflating) or gzip with --gzip.

scap block layout (little-endian): u32 type, u32 total length (header, body,
padding and trailer, a multiple of 4), body, u32 trailer = total length.
Event blocks: body = u16 cpu id, [u32 flags for EVF blocks], event whose
first field is the u64 timestamp.
"""
import argparse
import gzip
import struct
import sys

SHB = 0x0A0D0D0A
EVENT_BLOCKS = {0x204: 2, 0x216: 2, 0x221: 2,     # EV v1, EV v2, EV v2 large
                0x208: 6, 0x217: 6, 0x222: 6}     # EVF: cpu id + flags


def read_blocks(data, name):
    off = 0
    while off < len(data):
        if off + 8 > len(data):
            raise ValueError(f"{name}: truncated block header at offset {off}")
        btype, blen = struct.unpack_from("<II", data, off)
        if blen < 12 or blen % 4 or off + blen > len(data):
            raise ValueError(f"{name}: bad length {blen} for block 0x{btype:x} at offset {off}")
        (trailer,) = struct.unpack_from("<I", data, off + blen - 4)
        if trailer != blen:
            raise ValueError(f"{name}: block 0x{btype:x} at offset {off}: trailer {trailer} != {blen}")
        yield btype, data[off:off + blen]
        off += blen


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--count", type=int, default=800)
    ap.add_argument("--gzip", action="store_true", help="write gzip-compressed output")
    ap.add_argument("input")
    ap.add_argument("output")
    a = ap.parse_args()
    if a.count < 1:
        ap.error("--count must be >= 1")
    with open(a.input, "rb") as f:
        raw = f.read()
    data = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
    meta, events = [], []
    for btype, blk in read_blocks(data, a.input):
        if btype in EVENT_BLOCKS:
            events.append((EVENT_BLOCKS[btype], blk))
        elif events:
            raise ValueError(f"{a.input}: metadata block 0x{btype:x} after the first event is not supported")
        else:
            meta.append(blk)
    if not meta or struct.unpack_from("<I", meta[0])[0] != SHB:
        raise ValueError(f"{a.input}: does not start with a section header block")
    if not events:
        raise ValueError(f"{a.input}: no event blocks")
    stamps = [struct.unpack_from("<Q", b, 8 + o)[0] for o, b in events]
    step = max(stamps) - min(stamps) + 1_000_000
    out = gzip.open(a.output, "wb", compresslevel=1) if a.gzip else open(a.output, "wb")
    with out:
        # SHB section length -1: "unknown", as the output is longer than the input.
        shb = bytearray(meta[0])
        struct.pack_into("<q", shb, 16, -1)
        out.write(shb)
        for blk in meta[1:]:
            out.write(blk)
        bufs = [(o + 8, bytearray(b)) for o, b in events]
        for k in range(a.count):
            shift = k * step
            chunk = []
            for (pos, b), ts in zip(bufs, stamps):
                struct.pack_into("<Q", b, pos, ts + shift)
                chunk.append(bytes(b))
            out.write(b"".join(chunk))
    print(f"{a.output}: {len(events) * a.count} events ({len(events)} x {a.count})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, ValueError) as e:
        print(f"scapmul: {e}", file=sys.stderr)
        sys.exit(1)
