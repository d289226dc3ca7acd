#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Builds the .xlsx test fixtures in this folder with programs other than Chokepoint.

Not run by the build or CI: the generated workbooks are checked in. Rerun by hand:

    apt-get install -y python3-openpyxl                                  # required
    apt-get install -y --no-install-recommends libreoffice-calc-nogui    # formulas.xlsx
    /usr/bin/python3 tests/data/xlsx/make_fixtures.py

openpyxl writes most workbooks. LibreOffice Calc recalculates formulas.xlsx so that it
holds saved formula results (openpyxl stores formulas without results). Layouts that
neither program writes (inline and rich-text strings, phonetic runs, rows and cells without
`r=`, broken parts) are made by editing the XML inside an openpyxl workbook with zipfile;
those edits are spelled out below so the expected values in the tests can be read off here.
"""

import csv
import datetime as dt
import os
import shutil
import subprocess
import sys
import re
import tempfile
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))
SMALL_NETWORK = os.path.join(HERE, "..", "small-network", "data")

# Interchange tables in Chokepoint's order, with the columns written as numbers or dates.
TABLES = ["profile", "countries", "sources", "materials", "recipes", "world_shares", "technologies",
          "controls", "control_items", "suppliers", "sites", "site_technologies", "products",
          "product_bom", "supply", "inventory", "alternatives"]
NUMBER_COLUMNS = {"qty_per_unit", "share", "year", "licence_review_days", "lat", "lon",
                  "annual_volume", "unit_price", "annual_spend", "lead_time_days",
                  "days_on_hand", "qualification_days", "max_share", "cost_premium_pct"}
DATE_COLUMNS = {"announced", "effective", "end"}


def out(name):
    return os.path.join(HERE, name)


def rewrite(path, edits=None, remove=(), add=None):
    """Rewrites zip `path`: edits maps a part name to a function text -> text."""
    edits = edits or {}
    add = add or {}
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in remove:
                continue
            data = src.read(info.filename)
            if info.filename in edits:
                data = edits[info.filename](data.decode("utf-8")).encode("utf-8")
            dst.writestr(info.filename, data)
        for name, text in add.items():
            dst.writestr(name, text)
    os.replace(tmp, path)


def replace_once(old, new):
    def edit(text):
        if text.count(old) != 1:
            sys.exit(f"expected exactly one {old!r}")
        return text.replace(old, new)
    return edit


def via_libreoffice(wb, dst):
    """Saves openpyxl workbook `wb` and lets LibreOffice Calc recalculate and rewrite it as
    `dst` (LibreOffice keeps text as shared strings and stores formula results)."""
    if not shutil.which("soffice"):
        sys.exit(f"{os.path.basename(dst)} needs LibreOffice (libreoffice-calc-nogui)")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, os.path.basename(dst))
        wb.save(src)
        conv = os.path.join(tmp, "conv")
        subprocess.run(["soffice", "--headless", "--calc", "--convert-to",
                        "xlsx:Calc MS Excel 2007 XML", "--outdir", conv, src], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(conv, os.path.basename(dst)), dst)


def number(text):
    f = float(text)
    return int(f) if f.is_integer() and "." not in text else f


# ---------------------------------------------------------------------------------------
def values():
    """Every cell type; the header on row 3 from column B; blank and sparse rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "values"
    ws["B1"] = "   "  # whitespace only: a blank row
    header = ["id", " name ", "qty", "price", "flag", "when", "share", "note"]
    for i, h in enumerate(header):
        ws.cell(row=3, column=2 + i, value=h)  # B3..I3; J3 stays empty
    ws["K3"] = "extra"
    rows = {
        4: ["a1", "Alpha", 45, 0.1, True, dt.date(2025, 1, 1), 0.625, "  spaced  "],
        5: ["a2", "Ünïcödé 中文", -3.5, 52348159.58, False, dt.datetime(2024, 2, 29), None,
            "line1\nline2"],
        7: ["a3", None, 1e-7, 1.5e20, None, dt.datetime(2025, 3, 4, 13, 30), 45658, "x_y"],
        8: ["a4", None, 3, 2.5, None, 61, 59, 60],
    }
    for r, cells in rows.items():
        for i, v in enumerate(cells):
            if v is not None:
                ws.cell(row=r, column=2 + i, value=v)
    ws["G4"].number_format = "yyyy-mm-dd"
    ws["G5"].number_format = "mm-dd-yy"  # built-in format 14
    ws["G7"].number_format = "yyyy-mm-dd hh:mm"
    ws["G8"].number_format = "d mmm yyyy"
    ws["H4"].number_format = "0.0%"
    ws["H7"].number_format = "0"  # a plain number, not a date
    ws["H8"].number_format = "yyyy-mm-dd"
    ws["I8"].number_format = "yyyy-mm-dd"  # serial 60: Lotus' 1900-02-29
    ws["D8"].number_format = '#,##0.00 "kg/d"'  # letters only inside quotes
    ws["E8"].number_format = "[Red]0.00"
    ws["K4"] = "k"

    stray = wb.create_sheet("stray")
    stray["A1"], stray["B1"], stray["D1"] = "a", "b", "d"
    stray["A2"], stray["C2"], stray["E2"] = 1, "gap", "beyond"
    stray["A3"], stray["B3"], stray["E3"] = 2, " ", "  "

    wb.create_sheet("empty")
    wb.save(out("values.xlsx"))


def date1904():
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "dates"
    ws.append(["label", "day"])
    for label, day in [("epoch", dt.date(1904, 1, 1)), ("leap", dt.date(1904, 2, 29)),
                       ("new year", dt.date(2025, 1, 1))]:
        ws.append([label, day])
    ws.append(["serial 0", 0])
    for r in range(2, 6):
        ws.cell(row=r, column=2).number_format = "yyyy-mm-dd"
    wb.save(out("date1904.xlsx"))


def formula_workbook(with_errors):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "formulas"
    ws.append(["item", "qty", "total", "label", "big", "when"])
    ws.append(["x", 2, "=B2*3", '=A2&"-"&B2', "=B2>1", "=DATE(2025,1,1)"])
    ws.append(["y", 0.5, "=B3/4", "=UPPER(A3)", "=B3>1", "=DATE(2024,2,29)"])
    ws["F2"].number_format = "yyyy-mm-dd"
    ws["F3"].number_format = "yyyy-mm-dd"
    if with_errors:
        err = wb.create_sheet("errors")
        err.append(["a", "b"])
        err.append([1, "=1/0"])
    return wb


def formulas():
    # As openpyxl writes them, formulas have no saved result: the reader must say so.
    formula_workbook(False).save(out("formulas-uncached.xlsx"))
    via_libreoffice(formula_workbook(True), out("formulas.xlsx"))


def replace_cell(ref, body):
    """Edit replacing the whole <c r="ref"> element of a sheet with `body`."""
    def edit(text):
        new, n = re.subn(f'<c r="{ref}"[^>]*?(/>|>.*?</c>)', body, text, count=1)
        if n != 1:
            sys.exit(f"cell {ref} not found")
        return new
    return edit


def chain(*edits):
    def edit(text):
        for e in edits:
            text = e(text)
        return text
    return edit


def strings():
    """Shared, rich-text (with a phonetic run), inline and escaped strings; str and b cells.
    LibreOffice writes every text as a shared string; the rest is edited in afterwards."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "strings"
    for row in [["kind", "text"], ["shared", "plain shared"], ["rich", "RICH-PLACEHOLDER"],
                ["inline", "placeholder"], ["inline-rich", "placeholder"],
                ["escaped", "ESCAPED-PLACEHOLDER"], ["str", "placeholder"], ["bool", True]]:
        ws.append(row)
    path = out("strings.xlsx")
    via_libreoffice(wb, path)
    shared = chain(
        replace_once('<si><t xml:space="preserve">RICH-PLACEHOLDER</t></si>',
                     '<si><r><rPr><b val="true"/><sz val="11"/></rPr><t>Bold</t></r>'
                     '<r><t xml:space="preserve"> and plain</t></r>'
                     '<rPh sb="0" eb="4"><t>ボールド</t></rPh><phoneticPr fontId="1"/></si>'),
        replace_once('<si><t xml:space="preserve">ESCAPED-PLACEHOLDER</t></si>',
                     "<si><t>a_x000D_b_x005F_x0041_</t></si>"))
    sheet = chain(
        replace_cell("B4", '<c r="B4" t="inlineStr"><is><t>inline text</t></is></c>'),
        replace_cell("B5", '<c r="B5" t="inlineStr"><is><r><t>in</t></r><r><rPr><i/></rPr>'
                           '<t>line</t></r><rPh sb="0" eb="2"><t>x</t></rPh></is></c>'),
        replace_cell("B7", '<c r="B7" t="str"><f>A7&amp;"!"</f><v>str!</v></c>'))
    rewrite(path, edits={"xl/sharedStrings.xml": shared, "xl/worksheets/sheet1.xml": sheet})


def layout():
    """Rows and cells without r=, a sparse row, a cell giving the row number, and ISO 8601
    date cells (t="d")."""
    wb = openpyxl.Workbook()
    wb.active.title = "layout"
    wb.active["A1"] = "placeholder"
    path = out("layout.xlsx")
    wb.save(path)
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             "<sheetData>"
             '<row><c t="inlineStr"><is><t>id</t></is></c><c t="inlineStr"><is><t>value</t></is></c></row>'
             "<row><c><v>1</v></c><c><v>10</v></c></row>"
             '<row r="5"><c r="B5"><v>50</v></c></row>'
             '<row><c r="A6"><v>6</v></c><c><v>60</v></c></row>'
             '<row><c r="A9"><v>9</v></c><c r="B9"/></row>'
             '<row r="10"><c r="A10"><v>10</v></c><c r="B10" t="d"><v>2025-01-01T00:00:00Z</v></c></row>'
             '<row r="11"><c r="A11"><v>11</v></c><c r="B11" t="d"><v>2025-01-01T12:30:00</v></c></row>'
             "</sheetData></worksheet>")
    rewrite(path, edits={"xl/worksheets/sheet1.xml": lambda _: sheet})


def small_network():
    """tests/data/small-network as one workbook: numbers as numbers, dates as dates."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for table in TABLES:
        src = os.path.join(SMALL_NETWORK, table + ".csv")
        if not os.path.exists(src):
            continue
        # A capitalised sheet name: table names match case-insensitively. A hidden sheet.
        ws = wb.create_sheet("Supply" if table == "supply" else table)
        if table == "technologies":
            ws.sheet_state = "hidden"
        with open(src, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        ws.append(header)
        for r in rows[1:]:
            cells = []
            for name, v in zip(header, r):
                if v == "":
                    cells.append(None)
                elif name in NUMBER_COLUMNS:
                    cells.append(number(v))
                elif name in DATE_COLUMNS:
                    cells.append(dt.date.fromisoformat(v))
                else:
                    cells.append(v)
            ws.append(cells)
        for ci, name in enumerate(header, start=1):
            if name in DATE_COLUMNS:
                for row in ws.iter_rows(min_row=2, min_col=ci, max_col=ci):
                    row[0].number_format = "yyyy-mm-dd"
    wb.save(out("small-network.xlsx"))


def supply_50k():
    """50,000 supply rows; row i (1-based, on sheet row i + 1):
    material_id m{i % 10}, supplier_site s{i}, share 0.0002,
    annual_spend i * 1000 + 0.5, lead_time_days i % 90; buyer_site empty."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("supply")  # LibreOffice rewrites it with 50,000 shared strings
    ws.append(["buyer_site", "material_id", "supplier_site", "share", "annual_spend",
               "lead_time_days"])
    for i in range(1, 50001):
        ws.append([None, f"m{i % 10}", f"s{i}", 0.0002, i * 1000 + 0.5, i % 90])
    via_libreoffice(wb, out("supply-50k.xlsx"))


def erp():
    """An ERP export with its own column names, for the column-mapping wizard."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Supplier master"
    ws.append(["Supplier ID", "Supplier Name", "Country of origin", "Share %",
               "Annual spend (EUR)", "Last audit"])
    ws.append(["V-1001", "Ganfeng Lithium", "China", 0.625, 1250000.5, dt.date(2025, 3, 31)])
    ws.append(["V-1002", "Albemarle", "Chile", 0.25, 800000, dt.date(2024, 11, 15)])
    ws.append(["V-1003", "Pilbara Minerals", "Australia", 0.125, None, None])
    for r in range(2, 5):
        ws.cell(row=r, column=4).number_format = "0.0%"
        ws.cell(row=r, column=5).number_format = "#,##0.00"
        ws.cell(row=r, column=6).number_format = "dd.mm.yyyy"
    wb.save(out("erp-suppliers.xlsx"))


# --- malformed -------------------------------------------------------------------------
def tiny(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)


def malformed():
    with open(out("not-a-zip.xlsx"), "w") as f:
        f.write("iso3,name\nCHN,China\n")
    # The signature of an OLE compound file: a legacy .xls or a password-protected .xlsx.
    with open(out("ole-compound.xlsx"), "wb") as f:
        f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(504))

    blank = openpyxl.Workbook()
    blank.active.title = "countries"
    blank.save(out("blank.xlsx"))  # one sheet without a single cell

    with zipfile.ZipFile(out("no-workbook.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("docProps/app.xml", '<?xml version="1.0"?><Properties/>')

    tiny(out("broken-xml.xlsx"), [("supply", [["id"], ["x"]])])
    broken = ('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\n'
              "<sheetData>\n"
              '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>\n'
              '<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></rows>\n'  # line 5
              "</sheetData>\n"
              "</worksheet>\n")
    rewrite(out("broken-xml.xlsx"), edits={"xl/worksheets/sheet1.xml": lambda _: broken})

    tiny(out("missing-sheet.xlsx"), [("countries", [["iso3", "name"], ["CHN", "China"]]),
                                     ("materials", [["id", "name", "stage"], ["li", "Lithium", "mining"]])])
    rewrite(out("missing-sheet.xlsx"), remove={"xl/worksheets/sheet2.xml"})

    # products!C12 (annual_volume of the 11th product) holds text.
    products = [["id", "name", "annual_volume", "unit_price"]]
    for i in range(1, 12):
        products.append([f"p{i}", f"Product {i}", "lots" if i == 11 else 1000 * i, 10.5])
    tiny(out("wrong-types.xlsx"), [("countries", [["iso3", "name"], ["CHN", "China"]]),
                                   ("products", products)])

    # Shared strings: iso3, name, CHN, China (4); B2 points at index 999 instead.
    wb = openpyxl.Workbook()
    wb.active.title = "countries"
    wb.active.append(["iso3", "name"])
    wb.active.append(["CHN", "China"])
    via_libreoffice(wb, out("bad-shared-string.xlsx"))
    rewrite(out("bad-shared-string.xlsx"), edits={
        "xl/worksheets/sheet1.xml": replace_cell("B2", '<c r="B2" t="s"><v>999</v></c>')})

    tiny(out("too-many-columns.xlsx"), [("countries", [["iso3", "name"], ["CHN", "China"]])])
    rewrite(out("too-many-columns.xlsx"), edits={
        "xl/worksheets/sheet1.xml": replace_once('<c r="B2" ', '<c r="XFE2" ')})

    # Rows 3 then 2, and cell B4 twice.
    tiny(out("disorder.xlsx"), [("countries", [["iso3", "name"]])])
    rewrite(out("disorder.xlsx"), edits={"xl/worksheets/sheet1.xml": replace_once(
        "</row></sheetData>",
        '</row><row r="3"><c r="A3" t="inlineStr"><is><t>CHN</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>KOR</t></is></c></row>'
        '<row r="4"><c r="A4" t="inlineStr"><is><t>JPN</t></is></c>'
        '<c r="B4" t="inlineStr"><is><t>Japan</t></is></c>'
        '<c r="B4" t="inlineStr"><is><t>Nippon</t></is></c></row></sheetData>')})

    # 3 MiB of blanks inside the sheet: a tiny file that unpacks large.
    tiny(out("zip-bomb.xlsx"), [("countries", [["iso3", "name"], ["CHN", "China"]])])
    rewrite(out("zip-bomb.xlsx"), edits={"xl/worksheets/sheet1.xml": replace_once(
        "<sheetData>", "<sheetData>" + " " * (3 << 20))})
    # The same, with the zip headers claiming the sheet unpacks to 1,000 bytes.
    shutil.copy(out("zip-bomb.xlsx"), out("zip-bomb-lying.xlsx"))
    lie_about_size(out("zip-bomb-lying.xlsx"), "xl/worksheets/sheet1.xml", 1000)


def lie_about_size(path, part, size):
    """Sets the uncompressed size of `part` in its local and central headers to `size`."""
    import struct
    data = bytearray(open(path, "rb").read())
    name = part.encode()
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(part)
    # Local header: signature PK\3\4, uncompressed size at offset 22.
    struct.pack_into("<I", data, info.header_offset + 22, size)
    # Central directory entry: signature PK\1\2, uncompressed size at offset 24.
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        n = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + n] == name:
            struct.pack_into("<I", data, pos + 24, size)
            break
        pos = data.find(b"PK\x01\x02", pos + 4)
    open(path, "wb").write(data)


if __name__ == "__main__":
    values()
    date1904()
    formulas()
    strings()
    layout()
    small_network()
    supply_50k()
    erp()
    malformed()
    print("fixtures written to", HERE)
