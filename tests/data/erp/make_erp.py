#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Writes two workbooks as an ERP exports them, with the ERP's own column names, made by another
program than Chokepoint (openpyxl). Run with Debian's python3 (python3-openpyxl):
/usr/bin/python3 tests/data/erp/make_erp.py

northwind-erp.xlsx         a supplier list and purchase lines
northwind-erp-broken.xlsx  next month's export (same sheets and columns) with the mistakes
                           buyers make, each at its sheet, row and column (MISTAKES below)"""
import os

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))

VENDORS = [
    ["Vendor No.", "Vendor name", "Country", "Parent company country", "Payment terms"],
    ["V-2001", "Hunan Lithium Works", "China", "China", "60 days net"],
    ["V-2002", "Kokkola Chemicals Oy", "Finland", "Japan", "30 days net"],
    ["V-2003", "Marlin Manganese", "South Africa", None, "30 days net"],
]
LINES = [
    ["PO line", "Vendor No.", "Plant", "Plant country", "Material", "Quota", "Spend p.a. (USD)",
     "Lead time (days)"],
    ["4500017-10", "V-2001", "HLW-CHANGSHA", "China", "li_hydroxide", 0.2, 4000000, 60],
    ["4500017-20", "V-2001", "HLW-CHANGSHA", "China", "co_sulphate", 0.55, 7300000, 60],
    ["4500018-10", "V-2002", "KC-KOKKOLA", "Finland", "co_sulphate", 0.45, 6100000, 21],
    ["4500019-10", "V-2003", "MM-NELSPRUIT", "South Africa", "hpmsm", 1, 2500000, 55],
]
# (sheet, cell, value): what the broken export has instead.
MISTAKES = [
    ("Vendors", "B4", None),                       # the vendor name is empty
    ("Purchase lines", "E3", "cobalt sulphate"),   # a material's name, not its id
    ("Purchase lines", "G4", "6.1 m"),             # spend as text, not a number
    ("Purchase lines", "F5", 1.2),                 # a quota of 120 %, more than all of it
]


def write(name, mistakes):
    wb = openpyxl.Workbook()
    vendors = wb.active
    vendors.title = "Vendors"
    lines = wb.create_sheet("Purchase lines")
    for ws, rows in ((vendors, VENDORS), (lines, LINES)):
        for row in rows:
            ws.append(row)
    for sheet, cell, value in mistakes:
        wb[sheet][cell] = value
    for row in range(2, len(LINES) + 1):
        lines.cell(row=row, column=6).number_format = "0%"
        lines.cell(row=row, column=7).number_format = "#,##0"
    for ws in (vendors, lines):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
    path = os.path.join(HERE, name)
    wb.save(path)
    print("written", path)


write("northwind-erp.xlsx", [])
write("northwind-erp-broken.xlsx", MISTAKES)
