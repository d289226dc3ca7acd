#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Writes northwind-erp-broken.xlsx: the next month's export of northwind-erp.xlsx (same sheets,
same ERP column names) with the mistakes buyers make, made by another program than Chokepoint
(openpyxl). Run with Debian's python3 (python3-openpyxl):
/usr/bin/python3 tests/data/erp/make_erp_broken.py

The problems, each at its sheet, row and column:
  Vendors!B4          the vendor name is empty
  Purchase lines!E3   material "cobalt sulphate" is a name, not an id
  Purchase lines!G4   spend "6.1 m" is text, not a number
  Purchase lines!F5   quota 120 % is more than all of it"""
import os

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))

wb = openpyxl.Workbook()
vendors = wb.active
vendors.title = "Vendors"
vendors.append(["Vendor No.", "Vendor name", "Country", "Parent company country",
                "Payment terms"])
vendors.append(["V-2001", "Hunan Lithium Works", "China", "China", "60 days net"])
vendors.append(["V-2002", "Kokkola Chemicals Oy", "Finland", "Japan", "30 days net"])
vendors.append(["V-2003", None, "South Africa", None, "30 days net"])

lines = wb.create_sheet("Purchase lines")
lines.append(["PO line", "Vendor No.", "Plant", "Plant country", "Material", "Quota",
              "Spend p.a. (USD)", "Lead time (days)"])
lines.append(["4500017-10", "V-2001", "HLW-CHANGSHA", "China", "li_hydroxide", 0.2, 4000000, 60])
lines.append(["4500017-20", "V-2001", "HLW-CHANGSHA", "China", "cobalt sulphate", 0.55, 7300000,
              60])
lines.append(["4500018-10", "V-2002", "KC-KOKKOLA", "Finland", "co_sulphate", 0.45, "6.1 m", 21])
lines.append(["4500019-10", "V-2003", "MM-NELSPRUIT", "South Africa", "hpmsm", 1.2, 2500000, 55])
for row in range(2, 6):
    lines.cell(row=row, column=6).number_format = "0%"
    lines.cell(row=row, column=7).number_format = "#,##0"
for ws in (vendors, lines):
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"

wb.save(os.path.join(HERE, "northwind-erp-broken.xlsx"))
print("written", os.path.join(HERE, "northwind-erp-broken.xlsx"))
