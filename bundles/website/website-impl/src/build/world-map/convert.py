#!/usr/bin/env python3
"""Turns Natural Earth's 1:50m countries (world-atlas 2.0.2, TopoJSON) into the status page's map.

Run once, by hand, when the map should change (the build never runs it, and nothing is fetched at build
or run time):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 convert.py package/countries-50m.json /usr/share/iso-codes/json/iso_3166-1.json \
        ../../main/resources/map/world-map.txt

The second file maps ISO 3166-1 numeric codes (world-atlas's ids) to alpha-2 codes (the platform's state
identifiers); it is Debian's iso-codes package. Output: a header line `viewBox 0 0 W H`, then one line per
state, `<alpha-2> TAB <SVG path data>`, in the Equal Earth projection. Standard library only.
"""
import json
import math
import sys

WIDTH = 1000.0
# Douglas-Peucker tolerance and the smallest ring kept, in viewBox units (about a screen pixel on a
# 1000-pixel-wide map): finer detail than that only adds bytes.
TOLERANCE = 0.5
SMALLEST_RING = 0.8
# A state smaller than this (viewBox units squared) also gets a dot, so that it can be seen and its
# colour told; MARKER is the dot's radius.
SMALL_STATE = 12.0
MARKER = 2.2
# Room around the world for the dots at its edges (Tuvalu, Kiribati).
MARGIN = 3
# States Natural Earth's 1:50m data leaves out, placed as a dot at (longitude, latitude).
MISSING = {"TV": (179.2, -8.5)}
# Not a state: left off the map, which then needs less height.
LEFT_OUT = {"AQ"}
# Natural Earth's shapes without an ISO code: drawn with the state the United Nations count them in,
# or, for Kosovo, under the code XK that the JDK and CLDR use (not ISO 3166-1: a state directory keyed
# by ISO codes does not know it, and the map shows it as "no information"). The Siachen Glacier and the
# Australian Indian Ocean Territories are left out (too small to see).
BY_NAME = {"Somaliland": "SO", "N. Cyprus": "CY", "Kosovo": "XK"}

HEADER = """# The world's states as SVG path data, one line each: ISO 3166-1 alpha-2 code, a tab, the path.
# Made by src/build/world-map/convert.py (see its README) from world-atlas 2.0.2's countries-50m.json,
# Copyright 2013-2019 Michael Bostock, ISC licence (LICENSE-world-atlas.txt beside this file), itself
# made from Natural Earth's 1:50m Admin 0 countries (public domain, naturalearthdata.com).
# Equal Earth projection; Antarctica left out; states too small to see have a dot as well."""

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon, lat):
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, -y


def decode_arcs(topology):
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points, tolerance):
    """The indexes of the points Douglas-Peucker keeps (the ends always)."""
    if len(points) < 3:
        return list(range(len(points)))
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        worst, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else math.hypot(px - ax, py - ay)
            if d > worst:
                worst, index = d, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [i for i, k in enumerate(keep) if k]


def antimeridian(points):
    """The ring, or its parts on either side of the 180th meridian when it crosses it (Chukotka, Fiji)."""
    unwrapped = [points[0]]
    for lon, lat in points[1:]:
        previous = unwrapped[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        unwrapped.append((lon, lat))
    lons = [p[0] for p in unwrapped]
    if max(lons) <= 180 and min(lons) >= -180:
        return [points]
    edge = 180 if max(lons) > 180 else -180
    shift = -360 if edge == 180 else 360
    west = clip(unwrapped, edge, lambda lon: lon <= edge)
    east = clip(unwrapped, edge, lambda lon: lon >= edge)
    if edge == 180:
        return [part for part in (west, [(lon + shift, lat) for lon, lat in east]) if len(part) > 3]
    return [part for part in ([(lon + shift, lat) for lon, lat in west], east) if len(part) > 3]


def clip(points, edge, inside):
    """Sutherland-Hodgman against one meridian: the part of the closed ring on one side of it, closed."""
    ring = points[:-1] if points[0] == points[-1] else points
    out = []
    for i, current in enumerate(ring):
        previous = ring[i - 1]
        if inside(current[0]):
            if not inside(previous[0]):
                out.append(crossing(previous, current, edge))
            out.append(current)
        elif inside(previous[0]):
            out.append(crossing(previous, current, edge))
    return out + out[:1]


def crossing(a, b, edge):
    t = (edge - a[0]) / (b[0] - a[0])
    return (edge, a[1] + t * (b[1] - a[1]))


def ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def area(points):
    return 0.5 * sum(points[i - 1][0] * p[1] - p[0] * points[i - 1][1] for i, p in enumerate(points))


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def main(topology_file, iso_file, out_file):
    topology = json.load(open(topology_file, encoding="utf-8"))
    alpha2 = {entry["numeric"]: entry["alpha_2"] for entry in json.load(open(iso_file, encoding="utf-8"))["3166-1"]}
    arcs = decode_arcs(topology)
    states = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = alpha2.get(geometry.get("id")) or BY_NAME.get(geometry.get("properties", {}).get("name"))
        if code is not None and code not in LEFT_OUT:
            states.append((code, polygons(geometry)))
    # The frame: what is left once Antarctica is out, plus the dots.
    used = {i if i >= 0 else ~i for _, found in states for polygon in found for indexes in polygon for i in indexes}
    every = [equal_earth(*p) for i in used for p in arcs[i]] + [equal_earth(lon, lat) for lon, lat in MISSING.values()]
    xs, ys = [p[0] for p in every], [p[1] for p in every]
    scale = (WIDTH - 2 * MARGIN) / (max(xs) - min(xs))
    left, top = min(xs), min(ys)
    height = math.ceil((max(ys) - top) * scale) + 2 * MARGIN

    def place(point):
        x, y = equal_earth(*point)
        return ((x - left) * scale + MARGIN, (y - top) * scale + MARGIN)

    # Every arc is simplified once, not every ring: two neighbours share the arc of their border, which
    # so stays one line, without gaps or overlaps between them. The points kept are taken in degrees,
    # so that a ring crossing the 180th meridian can be cut there before it is projected.
    simplified = [[arc[i] for i in simplify([place(p) for p in arc], TOLERANCE)] for arc in arcs]
    rings_by_state = {}
    for code, found in states:
        for polygon in found:
            for indexes in polygon:
                exact = [[place(p) for p in part] for part in antimeridian(ring(arcs, indexes))]
                kept = [[place(p) for p in part] for part in antimeridian(ring(simplified, indexes))]
                rings_by_state.setdefault(code, []).extend(zip(exact, kept) if len(exact) == len(kept) else
                                                           [(e, e) for e in exact])

    lines = [line for line in HEADER.splitlines()] + ["viewBox 0 0 %d %d" % (WIDTH, height)]
    for code in sorted(set(rings_by_state) | set(MISSING)):
        path = []
        total = 0.0
        biggest = None
        for exact, points in rings_by_state.get(code, []):
            size = abs(area(exact))
            total += size
            if biggest is None or size > biggest[0]:
                biggest = (size, exact)
            if size < SMALLEST_RING or len(points) < 4:
                continue
            path.append(relative(points))
        if code in MISSING:
            centre = place(MISSING[code])
        elif total < SMALL_STATE:
            centre = centroid(biggest[1])
        else:
            centre = None
        if centre is not None:
            x, y = centre
            path.append("M%s,%sa%s,%s 0 1,0 %s,0a%s,%s 0 1,0 %s,0" % (
                num(x - MARKER), num(y), num(MARKER), num(MARKER), num(2 * MARKER), num(MARKER), num(MARKER), num(-2 * MARKER)))
        if path:
            lines.append(code + "\t" + "".join(path))
    with open(out_file, "w", encoding="utf-8", newline="\n") as out:
        out.write("\n".join(lines) + "\n")


def centroid(points):
    a = area(points)
    if abs(a) < 1e-9:
        return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
    cx = sum((points[i - 1][0] + p[0]) * (points[i - 1][0] * p[1] - p[0] * points[i - 1][1]) for i, p in enumerate(points))
    cy = sum((points[i - 1][1] + p[1]) * (points[i - 1][0] * p[1] - p[0] * points[i - 1][1]) for i, p in enumerate(points))
    return (cx / (6 * a), cy / (6 * a))


def num(value):
    text = "%.1f" % value
    if text.endswith(".0"):
        text = text[:-2]
    if text == "-0":
        text = "0"
    if text.startswith("0."):
        text = text[1:]
    elif text.startswith("-0."):
        text = "-" + text[2:]
    return text


def relative(points):
    """A closed ring as SVG path data with relative moves rounded to a tenth of a unit."""
    out = []
    x0, y0 = round(points[0][0], 1), round(points[0][1], 1)
    out.append("M" + num(x0) + "," + num(y0))
    px, py = x0, y0
    steps = []
    for x, y in points[1:-1]:
        x, y = round(x, 1), round(y, 1)
        dx, dy = round(x - px, 1), round(y - py, 1)
        if dx == 0 and dy == 0:
            continue
        steps.append(num(dx) + ("," if not num(dy).startswith("-") else "") + num(dy))
        px, py = x, y
    out.append("l" + " ".join(steps))
    out.append("z")
    return "".join(out)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: convert.py countries-50m.json iso_3166-1.json world-map.txt")
    main(*sys.argv[1:])
