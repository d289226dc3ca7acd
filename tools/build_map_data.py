#!/usr/bin/env python3
"""Writes resources/map from the world-atlas npm package and ISO 3166-1 (developer tool, not run in CI).

    tools/build_map_data.py [WORLD_ATLAS_DIR]

WORLD_ATLAS_DIR is the unpacked `world-atlas` 2.0.2 package (`npm pack world-atlas@2.0.2`, then
`tar xzf world-atlas-2.0.2.tgz`, giving `package/`). Without it the script runs `npm pack` in a
temporary folder itself. The user's machine never needs the registry: the output is committed.

Output (resources/map/):
  countries-110m.json       the package's file, byte for byte (checked against its SHA-256)
  LICENSE-world-atlas.txt   the package's ISC licence, byte for byte
  iso3166-numeric.csv       numeric,iso3,name for every ISO 3166-1 entry (Debian iso-codes)
  unnumbered-features.csv   atlas features without an ISO numeric id, and the iso3 they count as
  small-country-centroids.csv  centroids of the countries too small for the 1:110m outlines,
                            from the same package's 1:50m outlines

A centroid is the area-weighted centroid of the country's largest polygon (holes subtracted),
computed in plain longitude/latitude: for these small countries the difference to an
equal-area computation is far below a marker's size. (The program computes the centroids of
the 1:110m countries itself, in the Equal Earth plane: core/map/worldatlas.cpp.)
"""
import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "resources", "map")
VERSION = "2.0.2"
SHA256_110M = "2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8"
ISO_CODES = "/usr/share/iso-codes/json/iso_3166-1.json"  # Debian package iso-codes

# Natural Earth features without an ISO 3166-1 numeric code: the iso3 whose figures they
# take part in, and why.
UNNUMBERED = [
    ("Kosovo", "XKX", "no ISO 3166-1 code; XKX is the user-assigned code the EU and the IMF use"),
    ("N. Cyprus", "CYP", "ISO 3166-1 counts the area as part of Cyprus"),
    ("Somaliland", "SOM", "ISO 3166-1 counts the area as part of Somalia"),
]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def fetch_package(tmp):
    subprocess.run(["npm", "pack", f"world-atlas@{VERSION}"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    with tarfile.open(os.path.join(tmp, f"world-atlas-{VERSION}.tgz")) as t:
        t.extractall(tmp)
    return os.path.join(tmp, "package")


def decode_arcs(topo):
    """Absolute [lon, lat] points of every arc (TopoJSON §2.1.4: delta-encoded when quantised)."""
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        pts, x, y = [], 0, 0
        for p in arc:
            if tr:
                x, y = x + p[0], y + p[1]
                pts.append((x * tr["scale"][0] + tr["translate"][0],
                            y * tr["scale"][1] + tr["translate"][1]))
            else:
                pts.append((p[0], p[1]))
        arcs.append(pts)
    return arcs


def ring(arcs, indices):
    pts = []
    for i in indices:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    return pts


def signed_area_centroid(pts):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    a /= 2.0
    if a == 0:
        return 0.0, pts[0][0], pts[0][1]
    return a, cx / (6 * a), cy / (6 * a)


def largest_polygon_centroid(arcs, geometry):
    polys = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    best = None
    for poly in polys:
        area = mx = my = 0.0
        for k, r in enumerate(poly):
            a, cx, cy = signed_area_centroid(ring(arcs, r))
            a = abs(a) if k == 0 else -abs(a)  # outer ring adds, holes subtract
            area += a
            mx += a * cx
            my += a * cy
        if area > 0 and (best is None or area > best[0]):
            best = (area, mx / area, my / area)
    return best


def main():
    tmp = None
    src = sys.argv[1] if len(sys.argv) > 1 else None
    if not src:
        tmp = tempfile.mkdtemp()
        src = fetch_package(tmp)
    try:
        pkg = json.load(open(os.path.join(src, "package.json")))
        if pkg["version"] != VERSION:
            sys.exit(f"expected world-atlas {VERSION}, found {pkg['version']}")
        f110 = os.path.join(src, "countries-110m.json")
        if sha256(f110) != SHA256_110M:
            sys.exit("countries-110m.json does not match the expected SHA-256")
        os.makedirs(OUT, exist_ok=True)
        shutil.copyfile(f110, os.path.join(OUT, "countries-110m.json"))
        shutil.copyfile(os.path.join(src, "LICENSE"), os.path.join(OUT, "LICENSE-world-atlas.txt"))

        iso = json.load(open(ISO_CODES))["3166-1"]
        iso.sort(key=lambda c: c["numeric"])
        with open(os.path.join(OUT, "iso3166-numeric.csv"), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["numeric", "iso3", "name"])
            for c in iso:
                w.writerow([c["numeric"], c["alpha_3"], c["name"]])
        with open(os.path.join(OUT, "unnumbered-features.csv"), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["atlas_name", "iso3", "reason"])
            w.writerows(UNNUMBERED)

        numeric = {c["numeric"]: c["alpha_3"] for c in iso}
        t110 = json.load(open(f110))
        t50 = json.load(open(os.path.join(src, "countries-50m.json")))
        have = {g.get("id") for g in t110["objects"]["countries"]["geometries"]}
        arcs = decode_arcs(t50)
        rows = []
        for g in t50["objects"]["countries"]["geometries"]:
            gid = g.get("id")
            if gid in have or gid not in numeric or g["type"] not in ("Polygon", "MultiPolygon"):
                continue
            c = largest_polygon_centroid(arcs, g)
            if c:
                rows.append((numeric[gid], round(c[2], 3), round(c[1], 3), g["properties"]["name"]))
        rows.sort()
        with open(os.path.join(OUT, "small-country-centroids.csv"), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["iso3", "lat", "lon", "atlas_name"])
            w.writerows(rows)
        print(f"resources/map: {len(iso)} ISO codes, {len(rows)} small-country centroids")
    finally:
        if tmp:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
