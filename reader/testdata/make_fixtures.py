#!/usr/bin/env python3
"""Makes the openpyxl and hand-written fixtures of reader/testdata.

Run with Debian's python (it has openpyxl 3.0.9):
    env PATH="$(getconf PATH)" python3 make_fixtures.py
then make_fixtures.sh re-saves some of them with LibreOffice.
Every file is small and deterministic in content (not in zip timestamps).
"""
import datetime as dt
import io
import os
import zipfile

import openpyxl
from openpyxl.styles import Font, PatternFill
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


FIXED_TIME = (2024, 6, 1, 0, 0, 0)


def deterministic(name):
    """Rewrites a saved workbook with fixed zip timestamps, so that running
    this script again gives the same bytes."""
    p = path(name)
    with zipfile.ZipFile(p) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts:
            if part == "docProps/core.xml":
                import re
                data = re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>",
                              b'<dcterms:modified xsi:type="dcterms:W3CDTF">2024-06-01T00:00:00Z</dcterms:modified>', data)
            info = zipfile.ZipInfo(part, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def fixed_props(wb):
    wb.properties.creator = "pcs fixtures"
    wb.properties.created = dt.datetime(2024, 6, 1)
    wb.properties.modified = dt.datetime(2024, 6, 1)


def partner(wb, title="Partner", rows=None):
    ws = wb.create_sheet(title)
    ws.append(["Field", "Value"])
    for r in rows or [
        ("Partner name", "Contoso Ltd"),
        ("Partner ID", 4412345),
        ("As of", "2024-05"),
        ("Path", "Auto"),
        ("Designations", "Data & AI; Infrastructure"),
        ("Recipients", "cfo@contoso.example, ops@contoso.example"),
    ]:
        ws.append(list(r))
    return ws


def customers(wb, title="Customers"):
    ws = wb.create_sheet(title)
    ws.append(["Customer ID", "Customer name", "Segment"])
    for r in [("C-001", "Alpine Foods", "SMB"), ("C-002", "Brightway Health", "Enterprise"),
              ("C-003", "Coastal Freight", "SMC"), ("C-004", "Delta Retail", "Small")]:
        ws.append(list(r))
    return ws


def month(y, m):
    return dt.datetime(y, m, 1)


ACR_ROWS = [
    # customer, name, month, amount, attribution, area
    ("C-001", "Alpine Foods", month(2023, 4), 1200.5, "PAL", "Data & AI"),
    ("C-001", "Alpine Foods", month(2023, 5), 800, "PAL", "Data & AI"),
    ("C-001", "Alpine Foods", month(2024, 4), 1500, "PAL", "Data & AI"),
    ("C-001", "Alpine Foods", month(2024, 5), 1499.995, "PAL", "Data & AI"),
    ("C-002", "Brightway Health", month(2024, 5), 2500, "CSP", ""),
    ("C-002", "Brightway Health", month(2024, 5), 250.25, "CSP", ""),
    ("c-002 ", "Brightway Health", month(2024, 5), -50, "csp", None),
    ("C-003", "Coastal Freight", month(2024, 5), 640, "DPOR", "Infrastructure"),
]


def acr(wb, title="ACR", rows=ACR_ROWS, number_format="yyyy-mm-dd"):
    ws = wb.create_sheet(title)
    ws.append(["Customer ID", "Customer name", "Month", "ACR (USD)", "Attribution", "Solution area"])
    for r in rows:
        ws.append(list(r))
    for row in ws.iter_rows(min_row=2, min_col=3, max_col=3):
        for c in row:
            c.number_format = number_format
    return ws


def certifications(wb, title="Certifications"):
    ws = wb.create_sheet(title)
    ws.append(["Individual", "Certification", "Earned on", "Expires on", "Associated"])
    for r in [
        ("ana@contoso.example", "Azure Administrator Associate", dt.datetime(2023, 3, 1), dt.datetime(2025, 3, 1), "Yes"),
        ("ben@contoso.example", "AZ-305", dt.datetime(2023, 6, 15), None, None),
        ("cy@contoso.example", "Microsoft Certified: Azure Data Engineer Associate", None, None, "No"),
    ]:
        ws.append(list(r))
    for row in ws.iter_rows(min_row=2, min_col=3, max_col=4):
        for c in row:
            c.number_format = "yyyy-mm-dd"
    return ws


def deployments(wb, title="Deployments"):
    ws = wb.create_sheet(title)
    ws.append(["Customer ID", "Service", "Deployed on", "Solution area", "Attribution", "Deployment ID"])
    for r in [
        ("C-001", "Azure SQL Database", dt.datetime(2024, 2, 10), "Data & AI", "PAL", "D-1"),
        ("C-003", "Virtual Machines", dt.datetime(2023, 11, 3), "Infrastructure", "DPOR", "D-2"),
        ("C-003", "Virtual Machines", dt.datetime(2023, 11, 3), "Infrastructure", "DPOR", "D-2"),
    ]:
        ws.append(list(r))
    for row in ws.iter_rows(min_row=2, min_col=3, max_col=3):
        for c in row:
            c.number_format = "yyyy-mm-dd"
    return ws


def new():
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    fixed_props(wb)
    return wb


def basic():
    wb = new()
    partner(wb)
    customers(wb)
    acr(wb)
    certifications(wb)
    deployments(wb)
    save(wb, "opx_basic.xlsx")


def title_synonyms():
    """A title row above each header, synonyms in odd styles, columns in another
    order, unknown columns and empty rows; synonym sheet names."""
    wb = new()
    ws = wb.create_sheet("Partner profile")
    ws["A1"] = "Partner profile (confidential)"
    ws.merge_cells("A1:C1")
    ws.append([])
    ws.append(["FIELD", "value", "Notes"])
    ws.append(["Organization", "Fabrikam, Inc.", "legal name"])
    ws.append(["MPN ID", "998877"])
    ws.append(["Reporting month", "May 2024"])
    ws.append(["scoring_path", "smb"])
    ws.append(["SMB/SMC share", "86%"])
    ws.append(["TTM ACR", "$1,234,567.89"])
    ws.append(["Report recipients", "a@fabrikam.example; b@fabrikam.example"])

    ws = wb.create_sheet("Customer list")
    ws.append(["Customer list as of May 2024"])
    ws.append(["segment", "TENANT ID", "Owner"])
    ws.append(["SMB", "T-1", "kim"])
    ws.append([None, None, None])
    ws.append(["Corporate", "T-2", "lee"])

    ws = wb.create_sheet("Consumption")
    ws["A1"] = "Azure consumed revenue, FY24"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:F1")
    ws.append(["Region", "ACR (USD)", "association_type", "PERIOD", "customer_id", "Workload"])
    for c in ws[2]:
        c.fill = PatternFill("solid", fgColor="DDEBF7")
        c.font = Font(bold=True, italic=True)
    ws.append(["EMEA", 1000, "PAL", month(2024, 4), "T-1", "All"])
    ws.append([])
    ws.append(["EMEA", 2000, "DPOR", month(2024, 5), "T-2", "Digital & App Innovation"])
    ws.append(["EMEA", None, "Partner", None, None, "note row"])
    for row in ws.iter_rows(min_row=3, min_col=4, max_col=4):
        for c in row:
            c.number_format = "mmm yyyy"

    ws = wb.create_sheet("Certs")
    ws.append(["Name", "Exam", "Achieved", "Linked to Partner Center"])
    ws.append(["Ana Silva", "AZ-104", "2024-01-15", "TRUE"])

    ws = wb.create_sheet("Azure deployments")
    ws.append(["Customer", "Product", "Date"])
    ws.append(["T-1", "Azure Kubernetes Service", "2024-03-01"])
    save(wb, "opx_title_synonyms.xlsx")


def wide_dates():
    wb = new()
    partner(wb)
    ws = wb.create_sheet("ACR")
    ws.append(["Customer ID", "Attribution", "Solution area", month(2024, 3), month(2024, 4), month(2024, 5)])
    for c in ws[1][3:]:
        c.number_format = "mmm-yy"
    ws.append(["C-001", "PAL", "Data & AI", 100, None, 300.5])
    ws.append(["C-002", "CSP", None, "1,000", 0, "(20.00)"])
    ws.append(["C-001", "PAL", "data & ai", 1, 2, 3])
    save(wb, "opx_wide_dates.xlsx")


def wide_text():
    wb = new()
    partner(wb)
    ws = wb.create_sheet("Revenue")
    ws.append(["Customer", "Name", "Association", "2024-03", "April 2024", "May-24", "Total"])
    ws.append(["C-001", "Alpine Foods", "PAL", 100, 200, 300, 600])
    ws.append(["C-009", "Nine Co", "DPOR", None, None, 50, 50])
    save(wb, "opx_wide_text.xlsx")


def date1904():
    wb = new()
    wb.epoch = CALENDAR_MAC_1904
    partner(wb, rows=[("Partner name", "Mac Partner"), ("As of", dt.datetime(2024, 5, 31))])
    ws = wb["Partner"]
    ws["B3"].number_format = "yyyy-mm-dd"
    acr(wb, rows=[("C-001", "A", month(2024, 5), 10, "PAL", None), ("C-001", "A", dt.datetime(2024, 4, 30), 20, "PAL", None)])
    certifications(wb)
    save(wb, "opx_1904.xlsx")


def text_values():
    wb = new()
    partner(wb, rows=[("Partner name", "Textual"), ("As of", "September 2024")])
    ws = wb.create_sheet("ACR")
    ws.append(["Customer ID", "Month", "Amount", "Attribution"])
    for r in [
        ("C-1", "2024-05", "1,234.50"),
        ("C-1", "May 2024", "$1,234.50"),
        ("C-1", "May-24", "USD 1234.5"),
        ("C-1", "05/2024", "(120.00)"),
        ("C-1", "2024-05-31", "-$5"),
        ("C-1", "Sept 2024", "1\u00a0234.50"),
        ("C-1", "Jan-24", " 7 "),
        ("C-1", "September 2024", "USD\u00a010"),
    ]:
        ws.append([r[0], r[1], r[2], "PAL"])
    save(wb, "opx_text_values.xlsx")


def percent_share():
    wb = new()
    ws = partner(wb, rows=[("Partner name", "Share Co"), ("SMB customer share", 0.86), ("Path", "Enterprise"),
                            ("ACR trailing 12 months", 1500000), ("Date order", "DMY")])
    ws["B3"].number_format = "0%"
    acr(wb, rows=[("C-1", "", month(2024, 5), 1, "PAL", None)])
    save(wb, "opx_percent.xlsx")


def formulas():
    """Formula cells; openpyxl saves no cached values (make_fixtures.sh re-saves
    this with LibreOffice, which adds them)."""
    wb = new()
    partner(wb, rows=[("Partner name", "Formula Co"), ("As of", "2024-05")])
    ws = wb.create_sheet("ACR")
    ws.append(["Customer ID", "Month", "Units", "Price", "ACR", "Attribution"])
    ws.append(["C-1", "2024-05", 10, 12.5, "=C2*D2", "PAL"])
    ws.append(["C-2", "2024-05", 3, 100, "=C3*D3", '=IF(C3>1,"CSP","")'])
    save(wb, "opx_formula_nocache.xlsx")


def hidden():
    wb = new()
    partner(wb)
    ws = acr(wb)
    ws.row_dimensions[3].hidden = True
    ws.row_dimensions[4].hidden = True
    ws = certifications(wb)
    ws.sheet_state = "hidden"
    ws = wb.create_sheet("Deployments")
    ws.append(["Customer ID", "Service", "Deployed on"])
    ws.append(["C-001", "Azure Functions", "2024-01-02"])
    ws.sheet_state = "veryHidden"
    save(wb, "opx_hidden.xlsx")


def dmy():
    """Text dates day-first, settled by a later 25/04/2024; a second column of
    the Certifications sheet has only ambiguous dates (an error)."""
    wb = new()
    partner(wb, rows=[("Partner name", "DMY Co")])
    ws = wb.create_sheet("Deployments")
    ws.append(["Customer ID", "Service", "Deployed on"])
    ws.append(["C-1", "App Service", "03/04/2024"])
    ws.append(["C-1", "Functions", "12/11/2023"])
    ws.append(["C-1", "Cosmos DB", "25/04/2024"])
    ws.append(["C-1", "SQL", "05.05.2024"])
    ws = wb.create_sheet("Certifications")
    ws.append(["Email", "Certification", "Earned on"])
    ws.append(["a@x.example", "AZ-104", "03/04/2024"])
    ws.append(["b@x.example", "AZ-104", "04/03/2024"])
    ws.append(["c@x.example", "AZ-104", "2024-02-30"])
    save(wb, "opx_dmy.xlsx")


def mdy_partner():
    wb = new()
    partner(wb, rows=[("Partner name", "MDY Co"), ("Date format", "MM/DD/YYYY"), ("As of", "05/31/2024")])
    ws = wb.create_sheet("Deployments")
    ws.append(["Customer ID", "Service", "Deployed on"])
    ws.append(["C-1", "App Service", "03/04/2024"])
    ws.append(["C-1", "Functions", "25/04/2024"])
    save(wb, "opx_mdy_partner.xlsx")


def errors():
    wb = new()
    partner(wb, rows=[("Partner name", "Errors Co"), ("Path", "Medium"), ("SMB customer share", "lots"), ("Colour", "blue")])
    ws = wb.create_sheet("ACR")
    ws.append(["Customer ID", "Month", "ACR", "Attribution"])
    ws.append(["C-1", "2024-05", "n/a", "PAL"])
    ws.append(["C-1", "2024-02-30", 10, "PAL"])
    ws.append(["C-1", "1999-05", 10, "PAL"])
    ws.append([None, "2024-05", 10, "PAL"])
    ws.append(["C-2", "2024-05", 12000000, "PAL"])
    ws.append(["C-3", "2024-05", 1e13, "PAL"])
    ws.append(["C-4", "2024-05", "#N/A", "PAL"])
    ws.append(["C-5", 45444, 1.0049999999999999, "PAL"])
    ws.append(["C-6", "03/04/2024", 1, "PAL"])
    ws.append(["C-6", "04/03/2024", 1, "PAL"])
    ws.append(["C-7", True, 1, "PAL"])
    ws["C8"].data_type = "e"
    save(wb, "opx_errors.xlsx")


def missing_bits():
    """No Customers sheet... and no Attribution column; Certifications with
    both Name and Email (Email wins) and the Partner Center Trainings headers."""
    wb = new()
    partner(wb, rows=[("Name", "Missing Co")])
    ws = wb.create_sheet("ACR")
    ws.append(["Customer ID", "Month", "ACR"])
    ws.append(["C-1", "2024-05", 10])
    ws = wb.create_sheet("Skilling")
    ws.append(["Name", "TrainingTitle", "Email", "TrainingCompletionDate", "ExpirationDate"])
    ws.append(["Ana Silva", "Azure Administrator Associate", "ana@x.example", "2024-01-15", "2025-01-15"])
    ws.append(["Ana Silva", "Azure Fundamentals", "ana@x.example", "2024-01-16", None])
    save(wb, "opx_missing_bits.xlsx")


def customers_check():
    wb = new()
    partner(wb, rows=[("Partner name", "Check Co")])
    customers(wb)
    acr(wb, rows=[("C-001", "", month(2024, 5), 1, "PAL", None), ("C-777", "", month(2024, 5), 1, "PAL", None),
                  (" c-001", "", month(2024, 4), 1, "PAL", None), ("C-778", "", month(2024, 5), 1, "PAL", None),
                  ("C-779", "", month(2024, 5), 1, "PAL", None), ("C-780", "", month(2024, 5), 1, "PAL", None)])
    save(wb, "opx_customers_check.xlsx")


def unicode_names():
    wb = new()
    partner(wb, rows=[("Partner name", "Müller Ørsted 株式会社 «Ромашка»"), ("As of", "2024-05")])
    ws = wb.create_sheet("Notes 'draft' \"v2\"")
    ws["A1"] = "ignored"
    ws = wb.create_sheet("Данные")
    ws["A1"] = "ignored too"
    ws = wb.create_sheet("ACR")
    ws.append(["Customer ID", "Customer name", "Month", "ACR", "Attribution", "Comment"])
    long = ("Ünïcode-" * 5000)[:32767]
    ws.append(["Ω-1", "Łódź Sp. z o.o. & <Partners>", "2024-05", 5, "PAL", long])
    ws.append(["Ω-1", long, "2024-05", 5, "PAL", "_x0041_ literal"])
    save(wb, "opx_unicode.xlsx")


def no_data():
    wb = new()
    partner(wb, rows=[("Partner name", "Lonely Co")])
    customers(wb)
    save(wb, "opx_no_data.xlsx")


def header_only():
    wb = new()
    partner(wb, rows=[("Partner name", "Empty Co")])
    ws = wb.create_sheet("ACR")
    ws.append(["Customer ID", "Month", "ACR", "Attribution"])
    ws = wb.create_sheet("Certifications")
    ws = wb.create_sheet("Deployments")
    ws.append(["Customer", "Notes"])
    save(wb, "opx_header_only.xlsx")


def rescored():
    """A workbook scored before: a "PCS status" column and scorecard sheets
    added by pcs; and two sheets that both look like the ACR sheet."""
    wb = new()
    partner(wb)
    ws = acr(wb)
    ws["G1"] = "PCS status"
    ws["G2"] = "counted: all designations"
    ws["G3"] = "not counted: 12"
    ws = wb.create_sheet("Revenue")
    ws.append(["Customer ID", "Month", "ACR"])
    ws.append(["X-1", "2024-05", 99])
    ws = wb.create_sheet("Scorecard")
    ws.append(["Designation", "Points"])
    ws.append(["Data & AI", 72])
    save(wb, "opx_rescored.xlsx")


def partner_layouts():
    """The Partner sheet across (field names as headers, values below), and a
    Customers sheet of one column under a title."""
    wb = new()
    ws = wb.create_sheet("Partner")
    ws.append(["Partner name", "Partner ID", "As of", "Path"])
    ws.append(["Across Ltd", "PA-1", dt.datetime(2024, 5, 1), "enterprise"])
    ws["C2"].number_format = "mmmm yyyy"
    ws = wb.create_sheet("Customers")
    ws.append(["Customers"])
    ws.append([])
    ws.append(["Customer ID"])
    ws.append(["C-1"])
    ws.append(["C-2"])
    ws = wb.create_sheet("Certifications")
    ws.append(["Person", "Credential", "Expiry", "In Partner Center"])
    ws.append(["Ana", "AZ-104", "2024-05", "no"])
    ws.append(["Ben", "AZ-305", 9999, "maybe"])
    ws.append(["Cy", "AZ-104", "Never", "Linked"])
    ws.append(["Di", "AZ-104", "n/a", "Not linked"])
    save(wb, "opx_partner_across.xlsx")

    wb = new()
    ws = wb.create_sheet("Profile")
    ws["A1"] = "Our profile"
    ws["B3"] = "Name"
    ws["C3"] = "No Header Co"
    ws["B4"] = "Date order"
    ws["C4"] = "dd/mm/yyyy"
    ws["B5"] = "As of"
    ws["C5"] = "31/05/2024"
    ws["B6"] = "Designations"
    ws["C6"] = "infrastructure-azure"
    ws = wb.create_sheet("Deployments")
    ws.append(["Customer ID", "Service", "Deployed on"])
    ws.append(["C-1", "Functions", "03/04/2024"])
    ws.append(["C-1", "SQL", 20240531])
    ws.append(["C-1", "Cosmos DB", "202405"])
    save(wb, "opx_partner_noheader.xlsx")


def pasted():
    """A two-cell title that names a month, two exports pasted one under the
    other (the header repeated) and a row of totals."""
    wb = new()
    partner(wb, rows=[("Partner name", "Pasted Co")])
    ws = wb.create_sheet("ACR")
    ws.append(["ACR report", "May 2024"])
    ws.append(["Customer ID", "Month", "ACR", "Attribution"])
    ws.append(["C-1", "2024-04", 10, "PAL"])
    ws.append(["Customer ID", "Month", "ACR", "Attribution"])
    ws.append(["C-1", "2024-05", 20, "PAL"])
    ws.append(["Grand total", None, 30, None])
    save(wb, "opx_pasted.xlsx")


def many_errors():
    wb = new()
    partner(wb, rows=[("Partner name", "Many Errors Co")])
    ws = wb.create_sheet("ACR")
    ws.append(["Customer ID", "Month", "ACR", "Attribution"])
    for i in range(60):
        ws.append(["C-%d" % i, "2024-05", "n/a", "PAL"])
    ws.append(["C-ok", "2024-05", 5, "PAL"])
    save(wb, "opx_many_errors.xlsx")


# ---- hand-written packages: other producers' XML habits, and refused files ----

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8"?>\n'
      '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      '<x:sheets><x:sheet name="Partner" sheetId="1" r:id="R1"/><x:sheet name="ACR (Jan &amp; Feb)" sheetId="2" r:id="R2"/></x:sheets>'
      '</x:workbook>')
WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
           '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>'
           '<Relationship Id="R2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
           '<Relationship Id="R3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
           '<Relationship Id="R4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
           '</Relationships>')
SST = ('<?xml version="1.0" encoding="UTF-8"?>\r\n'
       '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">'
       '<si><t>Partner name</t></si>'
       '<si><r><rPr><b/></rPr><t>Prefixed </t></r><r><t xml:space="preserve">&amp; Co </t></r>'
       '<rPh sb="0" eb="1"><t>PHONETIC</t></rPh><phoneticPr fontId="1"/></si>'
       '<si><t>Customer_x0020_ID</t></si>'
       '<si><t><![CDATA[Mon<th>]]></t></si>'
       '</sst>')
STYLES = ('<?xml version="1.0" encoding="UTF-8"?>'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="[$-409]mmm\\-yy;@"/></numFmts>'
          '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
          '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="4"/></cellXfs>'
          '</styleSheet>')
SHEET1 = ('<?xml version="1.0" encoding="UTF-8"?>'
          '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
          '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>'
          '<x:row><x:c t="inlineStr"><x:is><x:t>As of</x:t></x:is></x:c><x:c t="d"><x:v>2024-05-31T00:00:00</x:v></x:c></x:row>'
          '</x:sheetData></x:worksheet>')
SHEET2 = ('<?xml version="1.0" encoding="UTF-8"?>\r\n'
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<!-- written by hand --><dimension ref="A1:D4"/><sheetData>'
          '<row r="1" spans="1:4"><c r="A1" t="s"><v>2</v></c><c r="B1" t="s"><v>3</v></c>'
          '<c r="C1" t="inlineStr"><is><r><t>AC</t></r><r><t>R</t></r></is></c>'
          '<c r="D1" t="str"><f>"Attri"&amp;"bution"</f><v>Attribution</v></c></row>'
          '<row r="2"><c r="A2" t="str"><v>C&#45;1</v></c><c r="B2" s="1"><v>45444</v></c><c r="C2" s="2"><v>1.0049999999999999</v></c>'
          '<c r="D2" t="inlineStr"><is><t xml:space="preserve"> P&#x41;L </t></is></c></row>'
          '<row r="3" hidden="1"><c r="A3"><v>42</v></c><c s="1"><v>45413.75</v></c><c><v>2E3</v></c><c t="b"><v>1</v></c></row>'
          '<row r="4"><c r="A4" t="inlineStr"><is><t>line&#13;&#10;two\r\nthree</t></is></c><c r="B4" t="e"><v>#N/A</v></c><c r="C4"><f>1/0</f></c></row>'
          '</sheetData></worksheet>')


def write_zip(name, parts, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path(name), "w", method) as z:
        for part, data in parts:
            info = zipfile.ZipInfo(part, date_time=(2024, 6, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)


def hand_parts(sheet1=SHEET1, sheet2=SHEET2, sst=SST):
    return [("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("xl/workbook.xml", WB),
            ("xl/_rels/workbook.xml.rels", WB_RELS), ("xl/sharedStrings.xml", sst), ("xl/styles.xml", STYLES),
            ("xl/worksheets/sheet1.xml", sheet1), ("xl/worksheets/sheet2.xml", sheet2)]


def handmade():
    write_zip("hand_prefixed.xlsx", hand_parts())


def refused():
    with open(path("bad_csv.xlsx"), "w", newline="") as f:
        f.write("Customer ID,Month,ACR\r\nC-1,2024-05,10\r\n")
    with open(path("bad_html.xlsx"), "w") as f:
        f.write("<html><head><meta charset='utf-8'></head><body><table><tr><td>Customer ID</td></tr></table></body></html>\n")
    write_zip("bad_docx.xlsx", [("[Content_Types].xml", CT.replace("spreadsheetml.sheet.main", "wordprocessingml.document.main")),
                                ("_rels/.rels", RELS.replace("xl/workbook.xml", "word/document.xml")),
                                ("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:body/></w:document>')])
    write_zip("bad_zip.xlsx", [("readme.txt", "hello"), ("data/numbers.bin", bytes(range(256)))])
    dtd = SHEET2.replace('<worksheet ', '<!DOCTYPE worksheet [<!ENTITY boom "boom">]><worksheet ')
    write_zip("bad_dtd.xlsx", hand_parts(sheet2=dtd))
    latin1 = SST.replace("Partner name", "Partner name").encode("utf-8").replace(b"Prefixed", b"Pr\xe9fixed")
    write_zip("bad_utf8.xlsx", hand_parts(sst=latin1))
    write_zip("bad_empty_sheet.xlsx", hand_parts(sheet2=""))
    write_zip("bad_cut_sheet.xlsx", hand_parts(sheet2=SHEET2[: SHEET2.index('<row r="3"') + 20]))


def save(wb, name):
    wb.save(path(name))
    deterministic(name)


if __name__ == "__main__":
    basic()
    title_synonyms()
    wide_dates()
    wide_text()
    date1904()
    text_values()
    percent_share()
    formulas()
    hidden()
    dmy()
    mdy_partner()
    errors()
    missing_bits()
    customers_check()
    unicode_names()
    no_data()
    header_only()
    rescored()
    partner_layouts()
    many_errors()
    pasted()
    handmade()
    refused()
