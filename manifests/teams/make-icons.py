#!/usr/bin/env python3
"""Draws the two Teams app icons next to this script (standard library only).

  color.png    192x192, full colour: a white speech bubble with a coral heart on the
               accent colour (the manifest's accentColor).
  outline.png  32x32, the same bubble as a white outline with a white heart on a
               transparent background. Every pixel is white; only alpha varies
               (anti-aliased edges), which is what Teams asks of an outline icon.

Run `python3 manifests/teams/make-icons.py` after changing the design and commit the PNGs.
The output is deterministic, so an unchanged design gives byte-identical files.
"""

import math
import os
import struct
import zlib

ACCENT = (0x2B, 0x7A, 0x78)  # keep in sync with "accentColor" in manifest.json
WHITE = (0xFF, 0xFF, 0xFF)
HEART = (0xE8, 0x50, 0x5B)
SUPERSAMPLE = 6  # sub-samples per pixel side, for smooth edges


# --- shapes, in a unit box: x to the right, y downwards, both 0..1 ---------------------

BODY = (0.0, 0.0, 1.0, 0.76, 0.24)  # left, top, right, bottom, corner radius
TAIL = ((0.18, 0.66), (0.46, 0.66), (0.12, 1.0))
HEART_CENTRE = (0.5, 0.36)
HEART_SIZE = 0.50


def rounded_box_distance(x, y, box):
    left, top, right, bottom, radius = box
    cx, cy = (left + right) / 2, (top + bottom) / 2
    hx, hy = (right - left) / 2 - radius, (bottom - top) / 2 - radius
    qx, qy = abs(x - cx) - hx, abs(y - cy) - hy
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def triangle_distance(x, y, triangle):
    a, b, c = triangle
    edges = ((a, b), (b, c), (c, a))
    distance = min(segment_distance(x, y, *p, *q) for p, q in edges)
    sides = [(q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]) for p, q in edges]
    inside = all(s >= 0 for s in sides) or all(s <= 0 for s in sides)
    return -distance if inside else distance


def bubble_distance(x, y):
    """Signed distance to the speech bubble (negative inside)."""
    return min(rounded_box_distance(x, y, BODY), triangle_distance(x, y, TAIL))


def in_heart(x, y):
    """A heart: a square turned 45 degrees with a half disc on each upper edge."""
    cx, cy = HEART_CENTRE
    # Coordinates along the square's two diagonal axes, scaled so the heart is HEART_SIZE wide.
    u = ((x - cx) + (y - cy - 0.10 * HEART_SIZE)) / HEART_SIZE
    v = (-(x - cx) + (y - cy - 0.10 * HEART_SIZE)) / HEART_SIZE
    half = 0.30
    if abs(u) <= half and abs(v) <= half:
        return True
    # The discs sit on the upper-left (u = -half) and upper-right (v = -half) edges.
    return math.hypot(u + half, v) <= half or math.hypot(u, v + half) <= half


# --- rendering ---------------------------------------------------------------------------

def coverage(size, inset, inside):
    """Per pixel, the share of sub-samples for which inside(ux, uy) holds (unit-box coords)."""
    span = size - 2 * inset
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            hits = 0
            for sy in range(SUPERSAMPLE):
                for sx in range(SUPERSAMPLE):
                    ux = (px + (sx + 0.5) / SUPERSAMPLE - inset) / span
                    uy = (py + (sy + 0.5) / SUPERSAMPLE - inset) / span
                    hits += inside(ux, uy)
            row.append(hits / (SUPERSAMPLE * SUPERSAMPLE))
        rows.append(row)
    return rows


def blend(under, over, alpha):
    return tuple(round(u + (o - u) * alpha) for u, o in zip(under, over))


def color_icon():
    size, inset = 192, 38
    bubble = coverage(size, inset, lambda x, y: bubble_distance(x, y) <= 0)
    heart = coverage(size, inset, in_heart)
    pixels = []
    for y in range(size):
        row = []
        for x in range(size):
            rgb = blend(ACCENT, WHITE, bubble[y][x])
            rgb = blend(rgb, HEART, heart[y][x])
            row.append(rgb)
        pixels.append(row)
    return size, pixels, False


def outline_icon():
    size, inset = 32, 2
    stroke = 2.2 / (size - 2 * inset)  # stroke width in unit-box terms (about 2 px)
    ring = coverage(size, inset, lambda x, y: -stroke <= bubble_distance(x, y) <= 0)
    heart = coverage(size, inset, in_heart)
    pixels = []
    for y in range(size):
        row = []
        for x in range(size):
            alpha = min(1.0, ring[y][x] + heart[y][x])
            row.append(WHITE + (round(alpha * 255),))
        pixels.append(row)
    return size, pixels, True


# --- PNG ---------------------------------------------------------------------------------

def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png(size, pixels, has_alpha):
    colour_type = 6 if has_alpha else 2  # RGBA or RGB, 8 bits per channel
    raw = b"".join(b"\x00" + bytes(c for pixel in row for c in pixel) for row in pixels)
    header = struct.pack(">IIBBBBB", size, size, 8, colour_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    folder = os.path.dirname(os.path.abspath(__file__))
    for name, draw in (("color.png", color_icon), ("outline.png", outline_icon)):
        path = os.path.join(folder, name)
        with open(path, "wb") as f:
            f.write(png(*draw()))
        print(path)


if __name__ == "__main__":
    main()
