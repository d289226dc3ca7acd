#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Writes northwind-erp.xlsx: a supplier list and purchase lines as an ERP exports them, with
the ERP's own column names, made by another program than Chokepoint (openpyxl).
Run with Debian's python3 (python3-openpyxl): /usr/bin/python3 tests/data/erp/make_erp.py"""
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
vendors.append(["V-2003", "Marlin Manganese", "South Africa", None, "30 days net"])

lines = wb.create_sheet("Purchase lines")
lines.append(["PO line", "Vendor No.", "Plant", "Plant country", "Material", "Quota",
              "Spend p.a. (USD)", "Lead time (days)"])
lines.append(["4500017-10", "V-2001", "HLW-CHANGSHA", "China", "li_hydroxide", 0.2, 4000000, 60])
lines.append(["4500017-20", "V-2001", "HLW-CHANGSHA", "China", "co_sulphate", 0.55, 7300000, 60])
lines.append(["4500018-10", "V-2002", "KC-KOKKOLA", "Finland", "co_sulphate", 0.45, 6100000, 21])
lines.append(["4500019-10", "V-2003", "MM-NELSPRUIT", "South Africa", "hpmsm", 1, 2500000, 55])
for row in range(2, 6):
    lines.cell(row=row, column=6).number_format = "0%"
    lines.cell(row=row, column=7).number_format = "#,##0"
for ws in (vendors, lines):
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"

wb.save(os.path.join(HERE, "northwind-erp.xlsx"))
print("written", os.path.join(HERE, "northwind-erp.xlsx"))
