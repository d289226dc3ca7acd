#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Validate a Chokepoint interchange folder (SPEC §2) -- by default the bundled
EV-battery data set in resources/data/ev-battery -- and print a summary.

Standard library only.  Usage:

    python3 tools/check_bundled_data.py [FOLDER] [--as-of YYYY-MM-DD] [--lenient] [--quiet]
                                        [--assume-scheduled] [--json LENS] [--reference DIR]

Checks (every problem is reported as ``file:line:column: message``):

* SPEC §2: known tables, required columns present, no unknown or duplicate
  columns, types (ids, numbers, integers, dates, shares incl. ``62.5%``) and
  enums valid, ids / keys unique, every reference resolves, shares in [0, 1],
  supply shares per (buyer_site, material_id) sum to at most 1 (+1e-9; +1e-4 with
  --lenient, as the product accepts),
  recipes acyclic (the cycle is named), world shares per material sum to at
  most 1 (+1e-9).
* Bundle conventions (relaxed by ``--lenient``): UTF-8 without BOM, LF line
  ends, columns in SPEC order with every column present, source ids in
  ``source`` columns resolve in the ``sources`` extension table, no ``ROW``
  pseudo-country, every product BOM material bought directly by the company
  (buyer_site empty).

* Against the reference compilation (``shared/data/reference`` beside the
  repository, or ``--reference DIR``; not with ``--lenient``): every world share
  is a reference row and its ``basis`` agrees with what that row measured;
  sources are copied field by field; measures keep the reference's dates and
  targets; suspensions end, and their resumptions take effect, the day after
  the day they run "until"; measures dated after the profile's
  ``reference_cutoff`` are ``scheduled`` and only those.

Warnings (do not fail the check) point at modelling gaps, e.g. a site that buys
a material that is no input of anything it supplies, or an alternative for a
material the company does not buy directly (SPEC §4 only uses those).

The summary ends with an indicative exposure table (SPEC §3, methodology v2:
the three lenses at ``--as-of``, default today, point estimate with its low and
high bound; ``--assume-scheduled`` counts scheduled measures) so that a reviewer
can see the story the data tells; ``--json LENS`` prints those figures in the
layout of ``chokepoint exposure --format json``. It is a plain re-implementation
for review only; the product's engine is in core/.

Exit status: 0 no errors, 1 errors found, 2 bad usage.
"""

import argparse
import codecs
import csv
import datetime as _dt
import math
import os
import re
import sys
from collections import defaultdict

STAGES = ["mining", "refining", "precursor", "cathode", "anode", "electrolyte", "separator",
          "cell", "magnet", "component", "other"]
KINDS = ["licence", "prohibition", "country_ban"]
ITEM_KINDS = ["material", "technology"]
STATUSES = ["confirmed", "scheduled"]
BASES = ["production", "refining", "mining", "capacity", "nationality", "lower_bound", "other"]
PROFILE_KEYS = ["company_name", "company_country", "reference_cutoff"]
MAX_RECOVERY_DAYS = 3650

# table -> list of (column, required, type); order = SPEC §2 order.
# types: id, text, number, integer, date, share, enum:<list name>
SCHEMA = {
    "countries": [("iso3", True, "id"), ("name", True, "text"), ("region", False, "text")],
    "profile": [("key", True, "enum:profile_key"), ("value", True, "text")],
    "materials": [("id", True, "id"), ("name", True, "text"), ("stage", True, "enum:stage"),
                  ("unit", False, "text")],
    "recipes": [("material_id", True, "id"), ("input_material_id", True, "id"),
                ("qty_per_unit", False, "number")],
    "world_shares": [("material_id", True, "id"), ("country", True, "id"), ("share", True, "share"),
                     ("year", False, "integer"), ("source", False, "text"),
                     ("basis", False, "enum:basis"), ("note", False, "text")],
    "technologies": [("id", True, "id"), ("name", True, "text"), ("stage", False, "enum:stage"),
                     ("description", False, "text")],
    "controls": [("id", True, "id"), ("issuer", True, "id"), ("title", True, "text"),
                 ("reference", False, "text"), ("announced", False, "date"),
                 ("effective", True, "date"), ("end", False, "date"), ("kind", True, "enum:kind"),
                 ("target_country", False, "idlist"), ("licence_review_days", False, "integer"),
                 ("source", False, "text"), ("status", False, "enum:status")],
    "control_items": [("control_id", True, "id"), ("item_kind", True, "enum:item_kind"),
                      ("item_id", True, "id")],
    "suppliers": [("id", True, "id"), ("name", True, "text"), ("hq_country", False, "id"),
                  ("owner_country", False, "id")],
    "sites": [("id", True, "id"), ("supplier_id", True, "id"), ("country", True, "id"),
              ("name", False, "text"), ("lat", False, "number"), ("lon", False, "number"),
              ("recovery_days", False, "integer")],
    "site_technologies": [("site_id", True, "id"), ("technology_id", True, "id"),
                          ("source_country", False, "id")],
    "products": [("id", True, "id"), ("name", True, "text"), ("annual_volume", True, "number"),
                 ("unit_price", False, "number")],
    "product_bom": [("product_id", True, "id"), ("material_id", True, "id"),
                    ("qty_per_unit", True, "number")],
    "supply": [("buyer_site", False, "id"), ("material_id", True, "id"),
               ("supplier_site", True, "id"), ("share", True, "share"),
               ("annual_spend", False, "number"), ("lead_time_days", False, "integer")],
    "inventory": [("material_id", True, "id"), ("days_on_hand", True, "number")],
    "alternatives": [("material_id", True, "id"), ("site_id", True, "id"),
                     ("qualification_days", True, "integer"), ("max_share", True, "share"),
                     ("cost_premium_pct", False, "number")],
    # extension table of the bundled data set (reference provenance)
    "sources": [("id", True, "id"), ("publisher", True, "text"), ("title", False, "text"),
                ("year", False, "integer"), ("url", False, "text"), ("notes", False, "text")],
}
ENUMS = {"stage": STAGES, "kind": KINDS, "item_kind": ITEM_KINDS, "status": STATUSES, "basis": BASES,
         "profile_key": PROFILE_KEYS}

# unique keys per table
KEYS = {
    "countries": ("iso3",), "profile": ("key",), "materials": ("id",), "recipes": ("material_id", "input_material_id"),
    "world_shares": ("material_id", "country"), "technologies": ("id",), "controls": ("id",),
    "control_items": ("control_id", "item_kind", "item_id"), "suppliers": ("id",), "sites": ("id",),
    "site_technologies": ("site_id", "technology_id"), "products": ("id",),
    "product_bom": ("product_id", "material_id"),
    "supply": ("buyer_site", "material_id", "supplier_site"), "inventory": ("material_id",),
    "alternatives": ("material_id", "site_id"), "sources": ("id",),
}

ID_RE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INT_RE = re.compile(r"^[+-]?\d+$")
SOURCE_ID_RE = re.compile(r"^S\d{3}$")
EPS = 1e-9
DROPPED = set()  # tables with records that could not be read at all


class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []
        self.notes = []

    def error(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: warning: {msg}")

    def note(self, msg):
        self.notes.append(msg)


class Row:
    """One parsed record: values by column name, plus its line and column positions."""

    def __init__(self, fname, line, cols, values):
        self.fname = fname
        self.line = line
        self.cols = cols  # column name -> 1-based column number
        self.v = values   # column name -> parsed value or None

    def at(self, col=None):
        c = self.cols.get(col, 1) if col else 1
        return f"{self.fname}:{self.line}:{c}"

    def __getitem__(self, k):
        return self.v.get(k)


def parse_value(text, typ, rep, where):
    if typ == "text":
        return text
    if typ == "id":
        if not ID_RE.match(text):
            rep.error(where, f"invalid id '{text}' (expected [A-Za-z0-9_.-], 1-64 characters)")
            return None
        return text
    if typ == "idlist":
        ids = [p.strip() for p in text.split(";") if p.strip()]
        for part in ids:
            if not ID_RE.match(part):
                rep.error(where, f"invalid id '{part}' in the list '{text}' (ids separated by ';')")
                return None
        return ids
    if typ == "number":
        try:
            x = float(text)
        except ValueError:
            rep.error(where, f"'{text}' is not a number")
            return None
        if not math.isfinite(x):
            rep.error(where, f"'{text}' is not a finite number")
            return None
        return x
    if typ == "integer":
        if not INT_RE.match(text):
            rep.error(where, f"'{text}' is not an integer")
            return None
        return int(text)
    if typ == "date":
        if not DATE_RE.match(text):
            rep.error(where, f"'{text}' is not a date YYYY-MM-DD")
            return None
        try:
            return _dt.date.fromisoformat(text)
        except ValueError:
            rep.error(where, f"'{text}' is not a valid calendar date")
            return None
    if typ == "share":
        t = text.strip()
        pct = t.endswith("%")
        try:
            x = float(t[:-1] if pct else t)
        except ValueError:
            rep.error(where, f"'{text}' is not a share (fraction, or percent with %)")
            return None
        if pct:
            x /= 100.0
        if not (0.0 <= x <= 1.0) or not math.isfinite(x):
            rep.error(where, f"share {text} outside [0, 1]")
            return None
        return x
    if typ.startswith("enum:"):
        allowed = ENUMS[typ[5:]]
        if text not in allowed:
            rep.error(where, f"'{text}' is not one of {', '.join(allowed)}")
            return None
        return text
    raise AssertionError(typ)


def read_table(folder, name, rep, strict):
    path = os.path.join(folder, name + ".csv")
    fname = name + ".csv"
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(codecs.BOM_UTF8):
        if strict:
            rep.error(f"{fname}:1:1", "UTF-8 byte-order mark (bundle convention: no BOM)")
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        rep.error(f"{fname}:1:1", f"not valid UTF-8 ({e})")
        return None
    if strict and "\r" in text:
        line = text[:text.index("\r")].count("\n") + 1
        rep.error(f"{fname}:{line}:1", "CR character (bundle convention: LF line ends)")
    if strict and text and not text.endswith("\n"):
        rep.error(f"{fname}:{text.count(chr(10)) + 1}:1", "last line has no line end")
    spec = SCHEMA[name]
    spec_cols = [c[0] for c in spec]
    types = {c[0]: c[2] for c in spec}
    required = [c[0] for c in spec if c[1]]
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    rows = []
    try:
        header = next(reader)
    except StopIteration:
        rep.error(f"{fname}:1:1", "empty file (no header row)")
        return None
    except csv.Error as e:
        rep.error(f"{fname}:1:1", f"CSV syntax error: {e}")
        return None
    cols = {}
    bad_header = False
    ignore = set()  # positions of unknown or repeated columns: reported, then skipped
    for i, h in enumerate(header, 1):
        if h in cols:
            rep.error(f"{fname}:1:{i}", f"duplicate column '{h}'")
            bad_header = True
            ignore.add(i - 1)
        elif h not in types:
            rep.error(f"{fname}:1:{i}", f"unknown column '{h}'")
            bad_header = True
            ignore.add(i - 1)
        else:
            cols[h] = i
    missing = [r for r in required if r not in cols]
    for r in missing:
        rep.error(f"{fname}:1:1", f"required column '{r}' missing")
    if missing:
        return None  # rows cannot be keyed; references into this table are not checked
    if strict and not bad_header and header != spec_cols:
        rep.error(f"{fname}:1:1", f"columns {','.join(header)} differ from SPEC order "
                  f"{','.join(spec_cols)} (bundle convention)")
    prev_end = 1
    try:
        for rec in reader:
            line = prev_end + 1
            prev_end = reader.line_num
            if rec == [] or rec == [""] * len(rec) and len(rec) <= 1:
                if strict:
                    rep.error(f"{fname}:{line}:1", "empty line")
                continue
            if len(rec) != len(header):
                rep.error(f"{fname}:{line}:1", f"{len(rec)} fields, header has {len(header)}")
                DROPPED.add(name)
                continue
            values = {}
            for pos, (h, cell) in enumerate(zip(header, rec)):
                if pos in ignore:
                    continue
                where = f"{fname}:{line}:{cols[h]}"
                if cell == "":
                    if h in required:
                        rep.error(where, f"required value '{h}' is empty")
                    values[h] = None
                    continue
                if cell != cell.strip() and types[h] != "text":
                    rep.error(where, f"leading/trailing blanks in '{cell}'")
                values[h] = parse_value(cell.strip() if types[h] != "text" else cell, types[h], rep, where)
            rows.append(Row(fname, line, cols, values))
    except csv.Error as e:
        rep.error(f"{fname}:{prev_end + 1}:1", f"CSV syntax error: {e}")
        DROPPED.add(name)
    return rows


def find_cycle(edges):
    """edges: node -> list of successors. Returns a cycle as a node list, or None."""
    WHITE, GREY, BLACK = 0, 1, 2
    color = defaultdict(int)
    for start in sorted(edges):
        if color[start] != WHITE:
            continue
        stack = [(start, iter(sorted(edges.get(start, ()))))]
        path = [start]
        color[start] = GREY
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                color[node] = BLACK
                stack.pop()
                path.pop()
                continue
            if color[nxt] == GREY:
                return path[path.index(nxt):] + [nxt]
            if color[nxt] == WHITE:
                color[nxt] = GREY
                path.append(nxt)
                stack.append((nxt, iter(sorted(edges.get(nxt, ())))))
    return None


def check(folder, strict, rep):
    present = {}
    for fn in sorted(os.listdir(folder)):
        if not fn.endswith(".csv"):
            continue
        name = fn[:-4]
        if name not in SCHEMA:
            rep.error(f"{fn}:1:1", "unknown table (not in SPEC §2 and not the 'sources' extension)")
            continue
        rows = read_table(folder, name, rep, strict)
        if rows is not None:
            present[name] = rows
    if strict:
        for name in SCHEMA:
            if name not in present and not os.path.exists(os.path.join(folder, name + ".csv")):
                rep.error(f"{name}.csv:1:1", "table missing from the bundled data set")
    T = {name: present.get(name, []) for name in SCHEMA}

    # ---- unique keys
    for name, key in KEYS.items():
        seen = {}
        for r in T[name]:
            k = tuple(r[c] if r[c] is not None else "" for c in key)
            if any(x is None for x in (r[c] for c in key if c != "buyer_site")):
                continue
            if k in seen:
                rep.error(r.at(key[0]), f"duplicate key ({', '.join(map(str, k))}), first on line {seen[k]}")
            else:
                seen[k] = r.line

    ids = {name: {r[KEYS[name][0]] for r in T[name] if r[KEYS[name][0]] is not None}
           for name in ("countries", "materials", "technologies", "controls", "suppliers", "sites",
                        "products", "sources")}

    unavailable = {name for name in SCHEMA if name not in present} | DROPPED
    for name in sorted(unavailable):
        if name in ("countries", "materials", "technologies", "controls", "suppliers", "sites",
                    "products", "sources"):
            rep.note(f"{name}.csv missing or partly unreadable: references into it are not checked")

    def ref(r, col, table, what=None):
        val = r[col]
        if val is None or table in unavailable:
            return
        if val not in ids[table]:
            rep.error(r.at(col), f"{what or col} '{val}' not found in {table}.csv")

    sources_given = "sources" in present

    def ref_sources(r, col):
        val = r[col]
        if val is None:
            return
        for part in val.split(";"):
            part = part.strip()
            if strict and not SOURCE_ID_RE.match(part):
                rep.error(r.at(col), f"source '{part}' is not a source id S### (bundle convention)")
            elif sources_given and part and part not in ids["sources"]:
                rep.error(r.at(col), f"source id '{part}' not found in sources.csv")

    # ---- profile
    profile = {}
    for r in T["profile"]:
        key, value = r["key"], r["value"]
        if key is None or value is None:
            continue
        profile[key] = value
        if key == "company_country" and "countries" not in unavailable and value not in ids["countries"]:
            rep.error(r.at("value"), f"company_country '{value}' not found in countries.csv")
        if key == "reference_cutoff":
            profile[key] = parse_value(value, "date", rep, r.at("value"))

    # ---- countries
    for r in T["countries"]:
        iso = r["iso3"]
        if iso is None:
            continue
        if iso.upper() == "ROW":
            rep.error(r.at("iso3"), "'ROW' is not a country (drop rest-of-world remainders)")
        elif not re.match(r"^[A-Z]{3}$", iso):
            rep.warn(r.at("iso3"), f"'{iso}' does not look like an ISO 3166-1 alpha-3 code")

    # ---- materials / recipes
    recipe_inputs = defaultdict(list)  # material -> [input]
    for r in T["recipes"]:
        ref(r, "material_id", "materials")
        ref(r, "input_material_id", "materials")
        if r["qty_per_unit"] is not None and r["qty_per_unit"] <= 0:
            rep.error(r.at("qty_per_unit"), "qty_per_unit must be positive")
        if r["material_id"] and r["input_material_id"]:
            recipe_inputs[r["material_id"]].append(r["input_material_id"])
    cyc = find_cycle(recipe_inputs)
    if cyc:
        first = next(r for r in T["recipes"] if r["material_id"] == cyc[0] and r["input_material_id"] == cyc[1])
        rep.error(first.at("material_id"), "recipes contain a cycle: " + " -> ".join(cyc))

    # ---- world shares
    ws_sum = defaultdict(float)
    ws_first = {}
    ws = defaultdict(dict)
    for r in T["world_shares"]:
        ref(r, "material_id", "materials")
        ref(r, "country", "countries")
        ref_sources(r, "source")
        if r["material_id"] and r["share"] is not None:
            ws_sum[r["material_id"]] += r["share"]
            ws_first.setdefault(r["material_id"], r)
            if r["country"]:
                ws[r["material_id"]][r["country"]] = r["share"]
        if r["year"] is not None and not (1900 <= r["year"] <= 2100):
            rep.error(r.at("year"), f"implausible year {r['year']}")
        if strict and r["basis"] not in (None, "production") and not r["note"]:
            rep.error(r.at("note"), f"basis '{r['basis']}' without a note saying what was measured "
                      "(bundle convention)")
    for m, s in ws_sum.items():
        if s > 1 + EPS:
            rep.error(ws_first[m].at("share"), f"world shares of '{m}' sum to {s:.9g} > 1")

    # ---- technologies / controls / items
    for r in T["controls"]:
        ref(r, "issuer", "countries", "issuer")
        for target in r["target_country"] or []:
            if "countries" not in unavailable and target not in ids["countries"]:
                rep.error(r.at("target_country"), f"target_country '{target}' not found in countries.csv")
        ref_sources(r, "source")
        if r["licence_review_days"] is not None and r["licence_review_days"] < 0:
            rep.error(r.at("licence_review_days"), "licence_review_days must be >= 0")
        if r["announced"] and r["effective"] and r["announced"] > r["effective"]:
            rep.warn(r.at("announced"), f"announced {r['announced']} after effective {r['effective']}")
        if r["end"] and r["effective"] and r["end"] <= r["effective"]:
            rep.note(f"control {r['id']}: end {r['end']} <= effective {r['effective']}: never in force")
    for r in T["control_items"]:
        ref(r, "control_id", "controls")
        kind, item = r["item_kind"], r["item_id"]
        if kind and item:
            table = "materials" if kind == "material" else "technologies"
            if table not in unavailable and item not in ids[table]:
                rep.error(r.at("item_id"), f"{kind} '{item}' not found in {table}.csv")

    # ---- suppliers / sites
    for r in T["suppliers"]:
        ref(r, "hq_country", "countries")
        ref(r, "owner_country", "countries")
    site_info = {}
    for r in T["sites"]:
        ref(r, "supplier_id", "suppliers")
        ref(r, "country", "countries")
        if r["lat"] is not None and not -90 <= r["lat"] <= 90:
            rep.error(r.at("lat"), f"latitude {r['lat']} outside [-90, 90]")
        if r["lon"] is not None and not -180 <= r["lon"] <= 180:
            rep.error(r.at("lon"), f"longitude {r['lon']} outside [-180, 180]")
        if r["recovery_days"] is not None and not 0 <= r["recovery_days"] <= MAX_RECOVERY_DAYS:
            rep.error(r.at("recovery_days"), f"recovery_days {r['recovery_days']} outside "
                      f"[0, {MAX_RECOVERY_DAYS}]")
        if r["id"]:
            site_info[r["id"]] = r
    supplier_owner = {r["id"]: r["owner_country"] for r in T["suppliers"] if r["id"]}
    site_tech = defaultdict(set)
    for r in T["site_technologies"]:
        ref(r, "site_id", "sites")
        ref(r, "technology_id", "technologies")
        ref(r, "source_country", "countries")
        if r["site_id"] and r["technology_id"]:
            site_tech[r["site_id"]].add(r["technology_id"])

    # ---- products / bom
    for r in T["products"]:
        if r["annual_volume"] is not None and r["annual_volume"] < 0:
            rep.error(r.at("annual_volume"), "annual_volume must be >= 0")
        if r["unit_price"] is not None and r["unit_price"] < 0:
            rep.error(r.at("unit_price"), "unit_price must be >= 0")
    for r in T["product_bom"]:
        ref(r, "product_id", "products")
        ref(r, "material_id", "materials")
        if r["qty_per_unit"] is not None and r["qty_per_unit"] <= 0:
            rep.warn(r.at("qty_per_unit"), "qty_per_unit is not positive")

    # ---- supply
    sup_sum = defaultdict(float)
    sup_first = {}
    links = defaultdict(list)  # (buyer, material) -> [(supplier_site, share)]
    supplies = defaultdict(set)  # site -> materials it supplies
    buys = defaultdict(set)      # site -> materials it buys
    for r in T["supply"]:
        if r["buyer_site"] is not None:
            ref(r, "buyer_site", "sites", "buyer_site")
        ref(r, "material_id", "materials")
        ref(r, "supplier_site", "sites", "supplier_site")
        if r["lead_time_days"] is not None and r["lead_time_days"] < 0:
            rep.error(r.at("lead_time_days"), "lead_time_days must be >= 0")
        if r["annual_spend"] is not None and r["annual_spend"] < 0:
            rep.error(r.at("annual_spend"), "annual_spend must be >= 0")
        b = r["buyer_site"] or ""
        if b and b == r["supplier_site"]:
            rep.error(r.at("supplier_site"), f"site '{b}' supplies itself")
        if r["material_id"] is None or r["supplier_site"] is None or r["share"] is None:
            continue
        key = (b, r["material_id"])
        sup_sum[key] += r["share"]
        sup_first.setdefault(key, r)
        links[key].append((r["supplier_site"], r["share"]))
        supplies[r["supplier_site"]].add(r["material_id"])
        if b:
            buys[b].add(r["material_id"])
    # The product accepts sums up to 1 + 1e-4 (docs/data-format.md); the bundle keeps SPEC's 1e-9.
    tolerance = EPS if strict else 1e-4
    for key, s in sup_sum.items():
        if s > 1 + tolerance:
            rep.error(sup_first[key].at("share"),
                      f"supply shares for (buyer_site '{key[0]}', material '{key[1]}') sum to {s:.9g} > 1")

    # ---- inventory / alternatives
    for r in T["inventory"]:
        ref(r, "material_id", "materials")
        if r["days_on_hand"] is not None and r["days_on_hand"] < 0:
            rep.error(r.at("days_on_hand"), "days_on_hand must be >= 0")
    direct = {m for (b, m) in links if b == ""}
    for r in T["alternatives"]:
        ref(r, "material_id", "materials")
        ref(r, "site_id", "sites")
        if r["qualification_days"] is not None and r["qualification_days"] < 0:
            rep.error(r.at("qualification_days"), "qualification_days must be >= 0")
        if r["material_id"] and r["material_id"] not in direct:
            rep.warn(r.at("material_id"), f"alternative for '{r['material_id']}', which the company "
                     "does not buy directly: SPEC §4 never uses it")

    # ---- bundle consistency
    bom_materials = {r["material_id"] for r in T["product_bom"] if r["material_id"]}
    if strict:
        for r in T["product_bom"]:
            m = r["material_id"]
            if m and m not in direct:
                rep.error(r.at("material_id"), f"BOM material '{m}' is not bought directly "
                          "(no supply row with empty buyer_site)")
    for m in sorted(bom_materials):
        if m not in {r["material_id"] for r in T["inventory"]}:
            rep.warn("inventory.csv:1:1", f"no inventory row for BOM material '{m}'")
    # a site should buy only inputs of what it supplies
    for r in T["supply"]:
        b, m = r["buyer_site"], r["material_id"]
        if not b or not m:
            continue
        outs = supplies.get(b, set())
        alt_outs = {a["material_id"] for a in T["alternatives"] if a["site_id"] == b}
        needed = {i for o in outs | alt_outs for i in recipe_inputs.get(o, [])}
        if not (outs | alt_outs):
            rep.warn(r.at("buyer_site"), f"site '{b}' buys '{m}' but supplies nothing")
        elif m not in needed:
            rep.warn(r.at("material_id"), f"site '{b}' buys '{m}', which is no recipe input of what "
                     f"it supplies ({', '.join(sorted(outs | alt_outs))})")
    if sources_given:
        used = set()
        for name, col in (("world_shares", "source"), ("controls", "source")):
            for r in T[name]:
                if r[col]:
                    used.update(p.strip() for p in r[col].split(";"))
        for r in T["technologies"]:
            if r["description"]:
                used.update(re.findall(r"\bS\d{3}\b", r["description"]))
        docs = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "bundled-data.md")
        if os.path.exists(docs):
            with open(docs, encoding="utf-8") as f:
                used.update(re.findall(r"\bS\d{3}\b", f.read()))
        for r in T["sources"]:
            if r["id"] and r["id"] not in used:
                rep.warn(r.at("id"), f"source '{r['id']}' is cited nowhere")
    used_c = set()
    for r in T["world_shares"]:
        used_c.add(r["country"])
    for r in T["sites"]:
        used_c.add(r["country"])
    for r in T["site_technologies"]:
        used_c.add(r["source_country"])
    used_c.add(profile.get("company_country"))
    for r in T["suppliers"]:
        used_c.update([r["hq_country"], r["owner_country"]])
    for r in T["controls"]:
        used_c.update([r["issuer"]] + (r["target_country"] or []))
    for r in T["countries"]:
        if r["iso3"] and r["iso3"] not in used_c:
            rep.warn(r.at("iso3"), f"country '{r['iso3']}' is used nowhere")

    ctx = dict(T=T, profile=profile, links=links, recipe_inputs=recipe_inputs, ws=ws, site_info=site_info,
               supplier_owner=supplier_owner, site_tech=site_tech, supplies=supplies, buys=buys,
               direct=direct, bom_materials=bom_materials, present=present)
    return ctx


# ------------------------------------------------------------------ against the reference

def find_reference(folder):
    """shared/data/reference beside the repository (or beside a parent: git worktrees sit one
    level deeper), or None."""
    here = os.path.dirname(os.path.abspath(__file__))
    for _ in range(4):
        here = os.path.dirname(here)
        cand = os.path.join(here, "shared", "data", "reference")
        if os.path.isdir(cand):
            return cand
    return None


def read_reference(refdir, name):
    with open(os.path.join(refdir, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# What a reference `stage` text says was measured, and the basis a bundled row citing it needs.
STAGE_BASIS = [("capacity", "capacity"), ("company nationality", "nationality"),
               ("lower bound", "lower_bound"), ("single month", "other")]


def check_reference(ctx, refdir, rep):
    """The bundled reference part against the reference compilation it was built from: every
    world share is a reference row (same country, year, sources, share_pct / 100) and its basis
    says what that row measured; sources are copied field by field; controls keep the
    reference's dates and targets; the suspensions end, and the resumptions take effect, the
    day after the suspension runs "until" (inclusive), as scheduled rows after the cut-off."""
    T = ctx["T"]
    shares = read_reference(refdir, "country_shares.csv")
    materials = {r["id"]: r for r in T["materials"] if r["id"]}
    for r in T["world_shares"]:
        if r["share"] is None or r["country"] is None:
            continue
        src = set((r["source"] or "").split(";"))
        match = [x for x in shares
                 if x["country_iso3"] == r["country"] and x["year"] == str(r["year"])
                 and set(x["source_id"].split(";")) == src
                 and abs(float(x["share_pct"]) / 100.0 - r["share"]) < 1e-9]
        if not match:
            rep.error(r.at("share"), f"no reference row of {r['country']}, {r['year']}, {r['source']} "
                      f"with share {r['share']}")
            continue
        stage = match[0]["stage"].lower()
        need = next((b for key, b in STAGE_BASIS if key in stage), None)
        mat = materials.get(r["material_id"])
        if need is None and stage.startswith("mining") and mat and mat["stage"] != "mining":
            need = "mining"
        basis = r["basis"] or "production"
        if need and basis != need:
            rep.error(r.at("basis"), f"basis '{basis}': the reference row measured "
                      f"'{match[0]['stage']}', so the basis is '{need}'")

    ref_sources = {x["source_id"]: x for x in read_reference(refdir, "sources.csv")}
    for r in T["sources"]:
        x = ref_sources.get(r["id"])
        if x is None:
            rep.error(r.at("id"), f"source {r['id']} is not in the reference")
            continue
        for col, ref_col in (("publisher", "publisher"), ("title", "title"), ("url", "url"),
                             ("notes", "notes")):
            if (r[col] or "") != x[ref_col]:
                rep.error(r.at(col), f"{col} differs from the reference's {r['id']}")
        if str(r["year"] or "") != x["year"]:
            rep.error(r.at("year"), f"year differs from the reference's {r['id']}")

    controls = {r["id"]: r for r in T["controls"] if r["id"]}
    date_re = re.compile(r"^(\d{4}-\d{2}-\d{2})")
    newest = None
    until = {}  # suspension id -> the last day it runs
    for x in read_reference(refdir, "export_controls.csv"):
        for col in ("announced", "effective"):
            m = date_re.match(x[col])
            if m:
                newest = max(newest or m.group(1), m.group(1))
        m = re.search(r"until (\d{4}-\d{2}-\d{2})", x["status"])
        if m:
            until[x["id"]] = _dt.date.fromisoformat(m.group(1))
        r = controls.get(x["id"])
        if r is None:
            rep.error("controls.csv:1:1", f"reference measure {x['id']} is missing")
            continue
        if x["announced"] and str(r["announced"]) != x["announced"]:
            rep.error(r.at("announced"), f"{x['id']}: announced {r['announced']}, reference {x['announced']}")
        m = date_re.match(x["effective"])
        if m and str(r["effective"]) != m.group(1):
            rep.error(r.at("effective"), f"{x['id']}: effective {r['effective']}, reference {m.group(1)}")
        targets = r["target_country"] or []
        if x["target"] == "United States" and targets != ["USA"]:
            rep.error(r.at("target_country"), f"{x['id']} is aimed at the United States only")
        if x["target"].startswith("all destinations") and targets:
            rep.error(r.at("target_country"), f"{x['id']} applies to all destinations")
    # A suspension that runs until day D (inclusive: Chinese "至") ends, and the measure it
    # suspends resumes, on D + 1. The resumption rows carry the suspension's sources.
    for sid, last in until.items():
        susp = controls.get(sid)
        if susp is None:
            continue
        lapse = last + _dt.timedelta(days=1)
        if susp["end"] != lapse:
            rep.error(susp.at("end"), f"{sid} runs until {last} inclusive: end {lapse}, not {susp['end']}")
        resumed = [r for r in T["controls"] if r["id"] and r["id"].endswith("-R")
                   and r["source"] == susp["source"]]
        if not resumed:
            rep.error(susp.at("id"), f"no resumption rows with the sources of {sid}")
        for r in resumed:
            if r["effective"] != lapse:
                rep.error(r.at("effective"), f"{r['id']} resumes the day after {sid} lapses: {lapse}")
            if r["status"] != "scheduled":
                rep.error(r.at("status"), f"{r['id']} is a resumption announced, not confirmed: scheduled")
    cutoff = ctx["profile"].get("reference_cutoff")
    if cutoff is None:
        rep.error("profile.csv:1:1", "no reference_cutoff")
        return
    if newest and cutoff < _dt.date.fromisoformat(newest):
        rep.error("profile.csv:1:1", f"reference_cutoff {cutoff} is before the newest dated event "
                  f"of the reference ({newest})")
    newest_year = max(int(x["year"]) for x in ref_sources.values() if x["year"].isdigit())
    if cutoff.year < newest_year:
        rep.error("profile.csv:1:1", f"reference_cutoff {cutoff} is before the newest source ({newest_year})")
    for r in T["controls"]:
        after = r["effective"] is not None and r["effective"] > cutoff
        if after and r["status"] != "scheduled":
            rep.error(r.at("status"), f"{r['id']} takes effect after the reference cut-off {cutoff}: "
                      "it cannot be confirmed (status scheduled)")
        if r["status"] == "scheduled" and not after:
            rep.error(r.at("status"), f"{r['id']} is scheduled but takes effect by the cut-off {cutoff}")
    rep.note(f"checked against the reference in {refdir}")


# ------------------------------------------------------------------ summary / exposure

class Exposure:
    """SPEC §3 (methodology v2), literally: f, g, u for one lens at one date and one bound.

    bound: "point" (unknown origin at the world shares, technology of unknown source not
    exposed), "low" (U = 0, unknown sources never exposed) or "high" (U = 1 wherever the
    relevant countries have a world share above 0 or the material has none, unknown sources
    exposed when everything else of the rule holds). For the controlled lens the high bound
    counts unknown origin as 1 only where some country X of U's definition exists (a control in
    force lists the material and reaches the destination): a material no control lists cannot
    be controlled, whatever its origin."""

    def __init__(self, ctx, lens, t, assume_scheduled=False, bound="point"):
        self.c = ctx
        self.lens = lens
        self.t = t
        self.bound = bound
        T = ctx["T"]
        self.country = {sid: site["country"] for sid, site in ctx["site_info"].items()}
        self.company = ctx["profile"].get("company_country")
        in_force = {}
        for r in T["controls"]:
            if not r["effective"] or r["effective"] > t or (r["end"] is not None and r["end"] <= t):
                continue
            if (r["status"] or "confirmed") == "scheduled" and not assume_scheduled:
                continue
            in_force[r["id"]] = (r["issuer"], frozenset(r["target_country"] or ()))
        self.in_force = sorted(in_force)
        self.mat_ctl = defaultdict(list)   # material -> [(issuer, targets)] of controls in force
        self.tech_ctl = defaultdict(list)  # technology -> [(issuer, targets)]
        for r in T["control_items"]:
            c = in_force.get(r["control_id"])
            if c is None:
                continue
            (self.mat_ctl if r["item_kind"] == "material" else self.tech_ctl)[r["item_id"]].append(c)
        self.site_tech = defaultdict(list)  # site -> [(technology, source country or None)]
        for r in T["site_technologies"]:
            if r["site_id"] and r["technology_id"]:
                self.site_tech[r["site_id"]].append((r["technology_id"], r["source_country"]))
        self._f, self._u = {}, {}

    def dest(self, b):
        return self.company if b == "" else self.country.get(b)

    @staticmethod
    def reaches(targets, d):
        return not targets or (d is not None and d in targets)

    def material_controlled(self, s, m, b):
        cs, d = self.country.get(s), self.dest(b)
        return any(issuer == cs and d != issuer and self.reaches(targets, d)
                   for issuer, targets in self.mat_ctl.get(m, ()))

    def technology_controlled(self, s):
        cs = self.country.get(s)
        for tech, source in self.site_tech.get(s, ()):
            for issuer, targets in self.tech_ctl.get(tech, ()):
                if cs == issuer or not self.reaches(targets, cs):
                    continue
                if source == issuer or (source is None and self.bound == "high"):
                    return True
        return False

    def L(self, s, m, b):
        site = self.c["site_info"].get(s)
        if site is None:
            return False
        loc = site["country"] == "CHN"
        if self.lens == "location":
            return loc
        if self.lens == "owned":
            return loc or self.c["supplier_owner"].get(site["supplier_id"]) == "CHN"
        return self.material_controlled(s, m, b) or self.technology_controlled(s)

    def U(self, i, d):
        shares = self.c["ws"].get(i, {})
        if self.bound == "low":
            return 0.0
        if self.lens != "controlled":
            if self.bound == "high":
                return 1.0 if shares.get("CHN", 0.0) > 0 or not shares else 0.0
            return shares.get("CHN", 0.0)
        xs = {issuer for issuer, targets in self.mat_ctl.get(i, ())
              if issuer != d and self.reaches(targets, d)}
        if self.bound == "high":
            return 1.0 if xs and (not shares or any(shares.get(x, 0.0) > 0 for x in xs)) else 0.0
        return min(1.0, sum(shares.get(x, 0.0) for x in xs))

    def u(self, i, d):
        k = (i, d)
        if k not in self._u:
            self._u[k] = max([self.U(i, d)] + [self.u(j, d) for j in self.c["recipe_inputs"].get(i, [])])
        return self._u[k]

    def F(self, s, m):
        return max([self.g(s, i) for i in self.c["recipe_inputs"].get(m, [])], default=0.0)

    def f(self, s, m, b):
        k = (s, m, b)
        if k not in self._f:
            self._f[k] = 1.0 if self.L(s, m, b) else self.F(s, m)
        return self._f[k]

    def g(self, b, i):
        ls = self.c["links"].get((b, i), [])
        w = sum(x for _, x in ls)
        # Capped at 1: rounded shares may sum to a little over 1 (1 + 1e-4 is accepted).
        return min(1.0, sum(x * self.f(s, i, b) for s, x in ls)
                   + max(0.0, 1.0 - w) * self.u(i, self.dest(b)))

    def direct_share(self, m):
        return sum(x for s, x in self.c["links"].get(("", m), []) if self.L(s, m, ""))


def exposure_figures(ctx, lens, t, assume_scheduled=False):
    """Materials and products of SPEC §3 with low and high, as plain dicts (SPEC §5 keys)."""
    ex = {b: Exposure(ctx, lens, t, assume_scheduled, b) for b in ("point", "low", "high")}
    T = ctx["T"]
    mats = sorted(ctx["bom_materials"] | ctx["direct"])
    D = {b: {m: e.g("", m) for m in mats} for b, e in ex.items()}
    out = {"lens": lens, "as_of": t.isoformat(), "assume_scheduled": assume_scheduled,
           "reference_cutoff": ctx["profile"].get("reference_cutoff").isoformat()
           if ctx["profile"].get("reference_cutoff") else None,
           "controls_in_force": ex["point"].in_force, "materials": [], "products": []}
    for m in mats:
        out["materials"].append({"id": m, "dependence": D["point"][m], "dependence_low": D["low"][m],
                                 "dependence_high": D["high"][m],
                                 "direct_share": ex["point"].direct_share(m)})
    bom = defaultdict(list)
    for r in T["product_bom"]:
        bom[r["product_id"]].append(r["material_id"])
    for r in sorted(T["products"], key=lambda r: r["id"]):
        dep = {b: max([D[b][m] for m in bom[r["id"]]], default=0.0) for b in D}
        revenue = (r["annual_volume"] or 0) * r["unit_price"] if r["unit_price"] is not None else None
        p = {"id": r["id"], "dependence": dep["point"], "dependence_low": dep["low"],
             "dependence_high": dep["high"]}
        for b, key in (("point", "revenue_at_risk"), ("low", "revenue_at_risk_low"),
                       ("high", "revenue_at_risk_high")):
            p[key] = revenue * dep[b] if revenue is not None else None
        out["products"].append(p)
    return out


def depth(ctx):
    """Deepest mapped tier below the company (tier 1 = our direct suppliers)."""
    links = ctx["links"]
    by_buyer = defaultdict(list)
    for (b, m), ls in links.items():
        for s, _ in ls:
            by_buyer[b].append(s)
    best = 0
    seen = {}
    stack = [("", 0)]
    while stack:
        b, d = stack.pop()
        for s in by_buyer.get(b, []):
            if seen.get(s, -1) >= d + 1 or d + 1 > 50:
                continue
            seen[s] = d + 1
            best = max(best, d + 1)
            stack.append((s, d + 1))
    return best


def summary(ctx, as_of, out, assume_scheduled=False):
    T = ctx["T"]
    p = lambda *a: print(*a, file=out)
    p("Rows:")
    for name in SCHEMA:
        if name in ctx["present"]:
            p(f"  {name + '.csv':24s} {len(T[name]):5d}")
    sites = ctx["site_info"]
    countries = {s["country"] for s in sites.values()}
    p(f"Suppliers: {len(T['suppliers'])}; sites: {len(sites)} in {len(countries)} countries; "
      f"deepest mapped tier: {depth(ctx)}")
    abroad = sorted(sid for sid, s in sites.items()
                    if s["country"] != "CHN" and ctx["supplier_owner"].get(s["supplier_id"]) == "CHN")
    p(f"Chinese-owned sites outside China ({len(abroad)}): " + ", ".join(
        f"{x} ({sites[x]['country']})" for x in abroad))
    partial = sorted((b or "(us)", m, round(1 - sum(x for _, x in ls), 6))
                     for (b, m), ls in ctx["links"].items() if sum(x for _, x in ls) < 1 - EPS)
    p(f"(buyer, material) groups with unknown remainder: {len(partial)} of {len(ctx['links'])}")
    spend = sum(r["annual_spend"] or 0 for r in T["supply"] if not r["buyer_site"])
    p(f"Tier-1 annual spend: USD {spend / 1e6:,.1f} m")
    revenue = sum((r["annual_volume"] or 0) * (r["unit_price"] or 0) for r in T["products"])
    p(f"Revenue (volume x price): USD {revenue / 1e6:,.1f} m")
    t = as_of
    cutoff = ctx["profile"].get("reference_cutoff")
    p(f"Company country: {ctx['profile'].get('company_country') or 'unknown'}; reference cut-off: "
      f"{cutoff or 'none'}" + (" (the as-of date is after it: scheduled measures are not counted "
                               "unless --assume-scheduled)" if cutoff and t > cutoff else ""))
    lenses = ["location", "owned", "controlled"]
    figs = {l: exposure_figures(ctx, l, t, assume_scheduled) for l in lenses}
    p(f"Controls in force at {t}{' (scheduled ones assumed)' if assume_scheduled else ''}: "
      f"{', '.join(figs['controlled']['controls_in_force']) or '-'}")
    scheduled = [r["id"] for r in T["controls"] if r["status"] == "scheduled"]
    if scheduled:
        p(f"Scheduled, not confirmed: {', '.join(scheduled)}")

    def cell(x):
        return f"{x['dependence']:.3f} ({x['dependence_low']:.3f}-{x['dependence_high']:.3f})"

    p(f"Indicative exposure at {t} (SPEC §3; D(m) = g(self, m), point (low-high)):")
    p(f"  {'material':22s} {'location':>21s} {'owned':>21s} {'controlled':>21s}")
    for i, m in enumerate(figs["location"]["materials"]):
        p(f"  {m['id']:22s} " + " ".join(f"{cell(figs[l]['materials'][i]):>21s}" for l in lenses))
    p(f"  {'product':22s} {'location':>21s} {'owned':>21s} {'controlled':>21s}")
    for i, pr in enumerate(figs["location"]["products"]):
        p(f"  {pr['id']:22s} " + " ".join(f"{cell(figs[l]['products'][i]):>21s}" for l in lenses))


def main(argv=None):
    try:  # behave like a Unix filter when piped into head
        import signal
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    except (ImportError, AttributeError, ValueError):
        pass
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.normpath(os.path.join(here, "..", "resources", "data", "ev-battery"))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", default=default)
    ap.add_argument("--as-of", default=None, help="date for the indicative exposure (default today)")
    ap.add_argument("--lenient", action="store_true", help="check SPEC §2 only, not bundle conventions")
    ap.add_argument("--reference", default=None,
                    help="reference folder to check the bundled data against (default: "
                         "shared/data/reference beside the repository, when there is one; "
                         "never with --lenient)")
    ap.add_argument("--quiet", action="store_true", help="no summary, only problems")
    ap.add_argument("--no-warnings", action="store_true", help="do not print warnings")
    ap.add_argument("--assume-scheduled", action="store_true",
                    help="count scheduled measures as in force (SPEC §3)")
    ap.add_argument("--json", metavar="LENS", choices=["location", "owned", "controlled"],
                    help="print only the SPEC §3 figures of LENS as JSON (materials and products "
                         "with low and high), for comparison with `chokepoint exposure --format json`")
    args = ap.parse_args(argv)
    if not os.path.isdir(args.folder):
        print(f"error: {args.folder} is not a folder", file=sys.stderr)
        return 2
    try:
        as_of = _dt.date.fromisoformat(args.as_of) if args.as_of else _dt.date.today()
    except ValueError:
        print(f"error: --as-of {args.as_of} is not a date YYYY-MM-DD", file=sys.stderr)
        return 2
    rep = Report()
    ctx = check(args.folder, not args.lenient, rep)
    refdir = args.reference or (None if args.lenient else find_reference(args.folder))
    if refdir and not rep.errors:
        check_reference(ctx, refdir, rep)
    elif not args.lenient and not refdir:
        rep.note("no reference folder found: not checked against the reference")
    if args.json:
        if rep.errors:
            for e in rep.errors:
                print(e, file=sys.stderr)
            return 1
        import json
        print(json.dumps(exposure_figures(ctx, args.json, as_of, args.assume_scheduled), indent=1))
        return 0
    for e in rep.errors:
        print(e)
    if not args.no_warnings:
        for w in rep.warnings:
            print(w)
    if not args.quiet:
        print(f"Checked {args.folder}")
        for n in rep.notes:
            print(f"Note: {n}")
        if not rep.errors:
            summary(ctx, as_of, sys.stdout, args.assume_scheduled)
    print(f"{len(rep.errors)} error(s), {len(rep.warnings)} warning(s)")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
