#!/usr/bin/env python3
"""Make the partner workbooks the annotated-workbook tests read.

Run from this folder with Debian's Python (openpyxl 3.0.9) and LibreOffice:

    env PATH="$(getconf PATH)" python3 make_fixtures.py

It writes:
  partner-openpyxl.xlsx     the workbook as openpyxl writes it (no cached formula values)
  partner-libreoffice.xlsx  the same workbook saved again by LibreOffice Calc
  partner.json              the data rows with their sheet rows, from which the
                            tests build the scoring input, and the sheet layouts

The workbook has what a partner's real workbook has: styles, number formats,
merged titles, formulas, defined names (global and sheet-scoped), data
validations, comments, hyperlinks, a chart, a conditional format, an
autofilter, frozen panes, a hidden sheet, hidden rows, and customer names
that look like formulas, phone numbers and markup.
"""

import datetime as dt
import json
import os
import shutil
import subprocess
import tempfile

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

HERE = os.path.dirname(os.path.abspath(__file__))
HEAD_FONT = Font(bold=True, color="FFFFFF")
HEAD_FILL = PatternFill("solid", fgColor="305496")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MONEY = "#,##0.00"


def header(ws, row, names, widths):
    for i, (n, w) in enumerate(zip(names, widths), start=1):
        c = ws.cell(row=row, column=i, value=n)
        c.font, c.fill, c.border = HEAD_FONT, HEAD_FILL, BOX
        c.alignment = Alignment(horizontal="center")
        ws.column_dimensions[c.column_letter].width = w


def month(y, m):
    return dt.datetime(y, m, 1)


def months(first, last):
    out, (y, m) = [], first
    while (y, m) <= last:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def build(path):
    wb = Workbook()
    data = {"customers": [], "acr": [], "certifications": [], "deployments": [], "layouts": []}

    # Partner: two columns, a title above, a comment and a drop-down list.
    p = wb.active
    p.title = "Partner"
    p["A1"] = "Partner profile"
    p["A1"].font = Font(bold=True, size=14)
    p.merge_cells("A1:B1")
    header(p, 2, ["Field", "Value"], [24, 40])
    fields = [("Partner name", "Contoso Ltd"), ("Partner ID", "4412345"), ("As of", "2024-05"),
              ("Path", "Auto"), ("Recipients", "finance@contoso.example")]
    for i, (k, v) in enumerate(fields, start=3):
        p.cell(row=i, column=1, value=k).font = Font(bold=True)
        p.cell(row=i, column=2, value=v)
    p["B3"].comment = Comment("Legal name as in Partner Center", "Finance")
    dv = DataValidation(type="list", formula1='"Auto,SMB,Enterprise"', allow_blank=True)
    p.add_data_validation(dv)
    dv.add("B6")
    data["layouts"].append({"name": "Partner", "role": "partner", "header_row": 2, "last_column": 2, "last_row": 7})

    # Customers: names that must stay text.
    cu = wb.create_sheet("Customers")
    header(cu, 1, ["Customer ID", "Customer name", "Segment"], [14, 36, 12])
    customers = [
        ("C100", "Fabrikam Ltd", "SMB"),
        ("C101", '=HYPERLINK("http://example.com","click me")', "SMB"),
        ("C102", "+1-555-0100 Plumbing", "SMB"),
        ("C103", "Northwind <b>Traders</b> & Co", "SMC"),
        ("C104", "Contoso Pharma", "Enterprise"),
        ("C105", "Adatum", "SMB"),
        ("C106", "Litware", "Small"),
        ("C107", "Müller Ørsted GmbH", "SMB"),
        ("C108", "株式会社サンプル", "Medium"),
        ("C109", "Woodgrove", "SMB"),
    ]
    for i, (cid, name, seg) in enumerate(customers, start=2):
        cu.cell(row=i, column=1, value=cid)
        c = cu.cell(row=i, column=2)
        c.value = name
        c.data_type = "s"  # written as text, as a partner typed it
        cu.cell(row=i, column=3, value=seg)
        data["customers"].append({"id": cid, "name": name, "segment": seg, "row": i})
    cu.row_dimensions[7].hidden = True
    segs = DataValidation(type="list", formula1="=Lists!$A$1:$A$4")
    cu.add_data_validation(segs)
    segs.add("C2:C200")
    cu.print_area = "A1:C11"
    data["layouts"].append({"name": "Customers", "role": "customers", "header_row": 1, "last_column": 3, "last_row": 11})

    # ACR: a merged title and a note above the header, a formula column,
    # a note right of the data, an autofilter, frozen panes, a hidden row.
    a = wb.create_sheet("ACR")
    a["A1"] = "Azure consumed revenue by customer and month"
    a["A1"].font = Font(bold=True, size=13)
    a.merge_cells("A1:G1")
    a["A2"] = "Source: Partner Center, exported monthly."
    a["A2"].font = Font(italic=True, color="7F7F7F")
    header(a, 3, ["Customer ID", "Customer name", "Month", "ACR (USD)", "Attribution", "Solution area", "Check"],
           [14, 30, 11, 14, 13, 16, 10])
    rows = []
    for y, m in months((2023, 3), (2024, 5)):
        rows.append(("C104", "Contoso Pharma", (y, m), 2400.00, "PAL", ""))
        rows.append(("C105", "Adatum", (y, m), 1800.50, "DPOR", ""))
        if (y, m) <= (2023, 12):
            rows.append(("C106", "Litware", (y, m), 900.00, "CSP", ""))
    rows += [
        ("C100", "Fabrikam Ltd", (2024, 5), 820.00, "PAL", ""),
        ("C101", "=HYPERLINK(\"http://example.com\",\"click me\")", (2024, 4), 510.25, "PAL", ""),
        ("C102", "+1-555-0100 Plumbing", (2024, 5), 450.00, "PAL", ""),
        ("C103", "Northwind <b>Traders</b> & Co", (2024, 5), -35.10, "PAL", ""),
        ("C107", "Müller Ørsted GmbH", (2024, 5), 5000.00, "Referral", ""),
        ("C108", "株式会社サンプル", (2024, 5), 300.00, "PAL", "Security"),
        ("C109", "Woodgrove", (2024, 5), 650.00, "CSP Tier 2", "Infrastructure"),
    ]
    r = 4
    for cid, name, (y, m), amount, attr, area in rows:
        a.cell(row=r, column=1, value=cid)
        c = a.cell(row=r, column=2)
        c.value, c.data_type = name, "s"
        a.cell(row=r, column=3, value=month(y, m)).number_format = "yyyy-mm"
        c = a.cell(row=r, column=4, value=amount)
        c.number_format = MONEY
        c.font = Font(color="C00000", italic=True) if amount < 0 else Font()
        a.cell(row=r, column=5, value=attr)
        a.cell(row=r, column=6, value=area if area else None)
        a.cell(row=r, column=7, value="=D%d*1" % r).number_format = MONEY
        data["acr"].append({"customer": cid, "name": name, "month": "%04d-%02d" % (y, m), "amount": "%.2f" % amount,
                            "attribution": attr, "area": area, "row": r})
        r += 1
    last = r - 1
    a.cell(row=10, column=9, value="checked by AB")  # a note right of the data, column I
    a.row_dimensions[12].hidden = True
    a.auto_filter.ref = "A3:G%d" % last
    a.freeze_panes = "A4"
    a.conditional_formatting.add("D4:D%d" % last, CellIsRule(operator="lessThan", formula=["0"],
                                                          fill=PatternFill("solid", fgColor="FFFF00")))
    data["layouts"].append({"name": "ACR", "role": "acr", "header_row": 3, "last_column": 7, "last_row": last})

    # Certifications: a comment, a mailto link.
    ce = wb.create_sheet("Certifications")
    header(ce, 1, ["Individual", "Certification", "Earned on", "Expires on", "Associated"], [28, 46, 12, 12, 11])
    certs = [
        ("ann@contoso.example", "AZ-104", "2022-03-01", "2025-03-01", "Yes"),
        ("bo@contoso.example", "Microsoft Certified: Azure Solutions Architect Expert", "2023-02-10", "2025-02-10", "Yes"),
        ("cy@contoso.example", "DP-203", "2023-06-01", "", "Yes"),
        ("di@contoso.example", "Azure Data Scientist Associate", "2023-01-01", "2024-03-31", "Yes"),
        ("ed@contoso.example", "AZ-700", "", "", "Yes"),
        ("fay@contoso.example", "AZ-140", "", "", "Yes"),
        ("gus@contoso.example", "Azure Fundamentals", "", "", "Yes"),
        ("hal@contoso.example", "AZ-204", "2023-09-01", "", "No"),
    ]
    for i, (who, name, earned, expires, assoc) in enumerate(certs, start=2):
        ce.cell(row=i, column=1, value=who)
        ce.cell(row=i, column=2, value=name)
        for col, d in ((3, earned), (4, expires)):
            if d:
                ce.cell(row=i, column=col, value=dt.datetime.strptime(d, "%Y-%m-%d")).number_format = "yyyy-mm-dd"
        ce.cell(row=i, column=5, value=assoc)
        data["certifications"].append({"individual": who, "certification": name, "earned": earned, "expires": expires,
                                       "associated": assoc != "No", "row": i})
    ce["A2"].hyperlink = "mailto:ann@contoso.example"
    ce["A2"].style = "Hyperlink"
    ce["B5"].comment = Comment("Expired in March; renewal booked.", "Training lead")
    data["layouts"].append({"name": "Certifications", "role": "certifications", "header_row": 1, "last_column": 5,
                            "last_row": 1 + len(certs)})

    # Deployments.
    de = wb.create_sheet("Deployments")
    header(de, 1, ["Customer ID", "Service", "Deployed on", "Solution area", "Attribution", "Deployment ID"],
           [14, 30, 12, 16, 13, 14])
    deps = [
        ("C100", "Azure SQL Database", "2024-01-15", "", "PAL", "D-1"),
        ("C100", "Azure SQL Database", "2024-02-15", "", "PAL", "D-2"),
        ("C101", "Virtual Machines", "2023-11-02", "", "PAL", "D-3"),
        ("C104", "Azure Kubernetes Service", "2023-05-30", "", "PAL", "D-4"),
        ("C109", "Azure Virtual Desktop", "2024-03-01", "Infrastructure", "PAL", "D-5"),
        ("C105", "Azure Functions", "2022-12-01", "", "PAL", "D-6"),
    ]
    for i, (cid, svc, d, area, attr, did) in enumerate(deps, start=2):
        de.cell(row=i, column=1, value=cid)
        de.cell(row=i, column=2, value=svc)
        de.cell(row=i, column=3, value=dt.datetime.strptime(d, "%Y-%m-%d")).number_format = "yyyy-mm-dd"
        de.cell(row=i, column=4, value=area if area else None)
        de.cell(row=i, column=5, value=attr)
        de.cell(row=i, column=6, value=did)
        data["deployments"].append({"customer": cid, "service": svc, "date": d, "area": area, "attribution": attr,
                                    "id": did, "row": i})
    data["layouts"].append({"name": "Deployments", "role": "deployments", "header_row": 1, "last_column": 6,
                            "last_row": 1 + len(deps)})

    # Notes: formulas over ACR, a defined name, a link, a chart.
    n = wb.create_sheet("Notes")
    n["A1"] = "Internal notes"
    n["A1"].font = Font(bold=True)
    n.merge_cells("A1:D1")
    n["A3"], n["B3"] = "Total ACR", "=SUM(ACR!D4:D%d)" % last
    n["B3"].number_format = MONEY
    n["A4"], n["B4"] = "Rows", "=COUNTA(ACR!A4:A%d)" % last
    n["A5"], n["B5"] = "Twice the total", "=TotalACR*2"
    n["A6"] = "Go to the ACR sheet"
    n["A6"].hyperlink = "#ACR!A1"
    n["A7"] = "Partner Center"
    n["A7"].hyperlink = "https://partner.microsoft.com/"
    wb.defined_names.append(DefinedName("TotalACR", attr_text="Notes!$B$3"))
    chart = BarChart()
    chart.title = "ACR of the first rows"
    chart.add_data(Reference(a, min_col=4, min_row=3, max_row=10), titles_from_data=True)
    chart.set_categories(Reference(a, min_col=1, min_row=4, max_row=10))
    n.add_chart(chart, "D3")

    # Lists: hidden, feeds the drop-down list of segments.
    li = wb.create_sheet("Lists")
    for i, s in enumerate(["SMB", "SMC", "Enterprise", "Small"], start=1):
        li.cell(row=i, column=1, value=s)
    li.sheet_state = "hidden"

    wb.active = 2  # the ACR sheet is selected when the workbook opens
    wb.save(path)
    return data


def main():
    data = build(os.path.join(HERE, "partner-openpyxl.xlsx"))
    with open(os.path.join(HERE, "partner.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "partner-libreoffice.xlsx")
        shutil.copy(os.path.join(HERE, "partner-openpyxl.xlsx"), src)
        out = os.path.join(tmp, "out")
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + tmp + "/profile",
                        "--convert-to", "xlsx", "--outdir", out, src], check=True, capture_output=True)
        shutil.copy(os.path.join(out, "partner-libreoffice.xlsx"), os.path.join(HERE, "partner-libreoffice.xlsx"))


if __name__ == "__main__":
    main()
