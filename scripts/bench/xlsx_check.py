"""Opens every workbook `kinerja report --format xlsx` wrote with two
readers other than the one the tests use (calamine): openpyxl, and
LibreOffice Calc when `soffice` is installed (Debian's
`libreoffice-calc-nogui`; not part of .ci/run, too heavy).

Usage: python xlsx_check.py DIR [--soffice]
(a Python with openpyxl, e.g. ~/.cache/kinerja-bench/venv/bin/python after
`pip install openpyxl`; DIR from `kinerja report --kabupaten … --format
xlsx --out DIR`.)

For each workbook: the ZIP's CRCs, and with openpyxl every sheet's frozen
header and that each cell holding a number has a number format (the
report's numbers are real number cells). With --soffice, the first three
workbooks and the last are converted to one CSV per sheet "as shown" (the
number formats applied); the number of sheets and the first percentage
shown are printed.
"""
import glob
import os
import subprocess
import sys
import tempfile
import zipfile

import openpyxl


def check(path):
    with zipfile.ZipFile(path) as z:
        bad = z.testzip()
        if bad:
            sys.exit(f"{path}: bad CRC in {bad}")
    wb = openpyxl.load_workbook(path)
    numbers = 0
    for ws in wb.worksheets:
        if not ws.freeze_panes:
            sys.exit(f"{path} [{ws.title}]: no frozen header")
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, (int, float)):
                    numbers += 1
                    if c.number_format == "General":
                        sys.exit(f"{path} [{ws.title}] {c.coordinate}: a number without its format")
    return len(wb.worksheets), numbers


def soffice(path):
    with tempfile.TemporaryDirectory() as out:
        # 44,34,76: comma, double quote, UTF-8; token 9 "true": cells as shown;
        # the last token -1: every sheet.
        f = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
        subprocess.run(["soffice", "--headless", "--convert-to", f, "--outdir", out, path],
                       check=True, capture_output=True, timeout=300)
        sheets = sorted(glob.glob(os.path.join(out, "*.csv")))
        shown = next((cell for s in sheets for line in open(s, encoding="utf-8")
                      for cell in line.strip().split(",") if cell.endswith("%")), None)
        return len(sheets), shown


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    books = sorted(glob.glob(os.path.join(sys.argv[1], "*.xlsx")))
    if not books:
        sys.exit(f"no .xlsx in {sys.argv[1]}")
    sheets = numbers = 0
    for b in books:
        s, n = check(b)
        sheets, numbers = sheets + s, numbers + n
    print(f"openpyxl {openpyxl.__version__}: {len(books)} workbooks, {sheets} sheets, "
          f"{numbers} number cells, every one formatted; every header frozen; CRCs good")
    if "--soffice" in sys.argv:
        for b in books[:3] + books[-1:]:
            n, shown = soffice(b)
            print(f"LibreOffice: {os.path.basename(b)}: {n} sheets converted, a percentage shown as {shown}")


if __name__ == "__main__":
    main()
