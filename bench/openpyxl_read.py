"""Reads the ACR sheet of a workbook with openpyxl in read-only mode and adds
the amounts up per customer and month: the work pcs does, for comparison."""
import sys, time
import openpyxl

start = time.time()
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
ws = wb["ACR"]
totals = {}
rows = 0
header = None
for row in ws.iter_rows(values_only=True):
    if header is None:
        header = [str(c or "").lower() for c in row]
        cust, month, amount = header.index("customer id"), header.index("month"), header.index("acr (usd)")
        continue
    rows += 1
    key = (row[cust], row[month])
    totals[key] = totals.get(key, 0) + (row[amount] or 0)
print("rows=%d keys=%d seconds=%.3f" % (rows, len(totals), time.time() - start))
