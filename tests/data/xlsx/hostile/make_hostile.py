#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Builds the hostile .xlsx workbooks of this folder (issue 17): small files that decode to
gigabytes, take minutes or hide what they hold, written XML part by XML part with zipfile
(no spreadsheet program writes these). Not run by the build: the files are checked in, and
scripts/fuzz.sh seeds fuzz_xlsx with them. Rerun by hand:

    /usr/bin/python3 tests/data/xlsx/hostile/make_hostile.py

tests/core/io/xlsxhostile_test.cpp and tests/app/hostile_cli_test.cpp say what each must give.
"""

import os
import struct
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def workbook(name, sheets, shared=None, sheet_targets=None, extra=None):
    """sheets: list of (sheet name, worksheet XML). shared: sharedStrings.xml text or None.
    sheet_targets: part name per sheet (default xl/worksheets/sheetN.xml)."""
    targets = sheet_targets or [f"worksheets/sheet{i + 1}.xml" for i in range(len(sheets))]
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="xml" ContentType="application/'
            'xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package'
            '.relationships+xml"/></Types>',
        "_rels/.rels":
            f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{PKG}"><Relationship '
            f'Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml":
            f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook {NS} {RNS}><sheets>' +
            "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                    for i, (n, _) in enumerate(sheets)) + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels":
            f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{PKG}">' +
            "".join(f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" Target="{t}"/>'
                    for i, t in enumerate(targets)) +
            (f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
             if shared is not None else "") + "</Relationships>",
    }
    written = set()
    for (n, xml), t in zip(sheets, targets):
        if t not in written and xml is not None:
            parts["xl/" + t] = xml
            written.add(t)
    if shared is not None:
        parts["xl/sharedStrings.xml"] = shared
    parts.update(extra or {})
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for part, text in parts.items():
            z.writestr(part, text.encode("utf-8") if isinstance(text, str) else text)
    print(f"{name}: {os.path.getsize(path)} bytes")
    return path


def sheet(rows):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet {NS}><sheetData>' + rows +
            "</sheetData></worksheet>")


def shared(items):
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<sst {NS}>' + items + "</sst>"


def s(index):
    return f'<c t="s"><v>{index}</v></c>'


def header(*names):
    return "<row>" + "".join(f'<c t="inlineStr"><is><t>{n}</t></is></c>' for n in names) + "</row>"


def main():
    # The case: one 20 MB shared string used in 50 cells (imported at 2 GB peak).
    workbook("long-shared-string.xlsx",
             [("suppliers", sheet(header("id", "name") + "".join(
                 f'<row><c t="inlineStr"><is><t>s{i}</t></is></c>{s(0)}</row>' for i in range(50))))],
             shared=shared("<si><t>" + "x" * 20_000_000 + "</t></si>"))
    # Within Excel's 32,767 characters, but used in 9,000 cells: 288 MB of cell text.
    workbook("repeated-shared-string.xlsx",
             [("suppliers", sheet(header("name") + f"<row>{s(0)}</row>" * 9000))],
             shared=shared("<si><t>" + "y" * 32000 + "</t></si>"))
    # 17 million empty shared strings (vector<string>: 32 bytes each).
    workbook("empty-shared-strings.xlsx",
             [("countries", sheet(header("iso3", "name")))],
             shared=shared("<si/>" * 17_000_000))
    # Entity expansion: ten levels of ten ("billion laughs").
    laughs = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    workbook("billion-laughs.xlsx",
             [("countries", sheet(header("iso3", "name") + f"<row>{s(0)}{s(0)}</row>"))],
             shared=f'<?xml version="1.0"?>\n<!DOCTYPE sst [{laughs}]>\n<sst {NS}><si><t>&lol9;'
                    "</t></si></sst>")
    workbook("external-entity.xlsx",
             [("countries", sheet(header("iso3", "name") + f"<row>{s(0)}{s(0)}</row>"))],
             shared='<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY xxe SYSTEM '
                    f'"file:///etc/hostname">]>\n<sst {NS}><si><t>X&xxe;X</t></si></sst>')
    # An entity nothing declares: "X&xxe;X" must not read as "XX".
    workbook("undeclared-entity.xlsx",
             [("countries", sheet(header("iso3", "name") + f"<row>{s(0)}{s(0)}</row>"))],
             shared=shared("<si><t>X&xxe;X</t></si>"))
    # Fifty sheets, one 20 MB part: read fifty times, it took 25 s for 100 MB.
    big = sheet(header("id", "name") + "<row><c><v>1</v></c><c><v>2</v></c></row>" * 500_000)
    workbook("fifty-sheets-one-part.xlsx",
             [(f"s{i}", big if i == 0 else None) for i in range(50)],
             sheet_targets=["worksheets/sheet1.xml"] * 50)
    # Numbers that are none.
    workbook("nan-inf.xlsx",
             [("products", sheet(header("id", "name", "annual_volume") + "".join(
                 f'<row><c t="inlineStr"><is><t>p{i}</t></is></c><c t="inlineStr"><is><t>P</t>'
                 f'</is></c><c><v>{v}</v></c></row>'
                 for i, v in enumerate(["nan", "inf", "-inf", "1e999"]))))])
    # One row past the sheet limit, none with a row number.
    workbook("too-many-rows.xlsx",
             [("countries", sheet(header("iso3") + "<row><c><v>1</v></c></row>" * 1_048_576))])
    # Nested far deeper than any worksheet.
    workbook("deep-nesting.xlsx",
             [("countries", sheet(header("iso3") + "<x>" * 100_000 + "</x>" * 100_000))])
    # A 2 MB number.
    workbook("long-value.xlsx",
             [("products", sheet(header("id", "annual_volume") +
                                 '<row><c t="inlineStr"><is><t>p</t></is></c><c><v>' +
                                 "9" * 2_000_000 + "</v></c></row>"))])
    # 16,384 header columns and 1,100 rows: 18 million cells from a few kB of rows.
    wide = "<row>" + '<c t="inlineStr"><is><t>x</t></is></c>' * 16384 + "</row>"
    workbook("many-cells.xlsx",
             [("suppliers", sheet(wide + "<row><c><v>1</v></c></row>" * 1100))])
    # A part whose CRC-32 does not match its data (both headers patched).
    path = workbook("bad-crc.xlsx",
                    [("countries", sheet(header("iso3", "name") +
                                         '<row><c t="inlineStr"><is><t>CHN</t></is></c>'
                                         '<c t="inlineStr"><is><t>China</t></is></c></row>'))])
    corrupt_crc(path, "xl/worksheets/sheet1.xml")


def corrupt_crc(path, part):
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(part)
    data = bytearray(open(path, "rb").read())
    wrong = struct.pack("<I", info.CRC ^ 0xDEADBEEF)
    local = info.header_offset
    assert data[local:local + 4] == b"PK\x03\x04"
    data[local + 14:local + 18] = wrong
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        name_len = struct.unpack("<H", data[central + 28:central + 30])[0]
        if data[central + 46:central + 46 + name_len] == part.encode():
            data[central + 16:central + 20] = wrong
            break
        central = data.find(b"PK\x01\x02", central + 4)
    open(path, "wb").write(bytes(data))


if __name__ == "__main__":
    main()
