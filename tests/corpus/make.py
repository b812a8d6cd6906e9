#!/usr/bin/env python3
"""(Re)creates the binary inputs of the bad-input corpus: XLSX workbooks,
Windows-1252 and UTF-16 text, stray bytes, Parquet placeholders.

    python3 tests/corpus/make.py

Deterministic (fixed ZIP timestamps, no clock, no randomness) and without
third-party packages: the XLSX files are written by hand (the smallest
SpreadsheetML that Excel and calamine read) so that each feature under test
is exactly what the case says (a formula without a cached value, merged
cells, a date-formatted cell, a hidden first sheet, …). Each file goes to
cases/NNN-<slug>/files/<name>; the case directory is found by its slug, so
renumbering cases does not break this script.
"""
import csv
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
SEED = HERE.parent.parent / "data"
CASES = HERE / "cases"


def seed(name):
    return (SEED / name).read_text(encoding="utf-8")


def seed_rows(name):
    return list(csv.reader(io.StringIO(seed(name))))


def rep(text, old, new):
    assert text.count(old) == 1, (old, text.count(old))
    return text.replace(old, new)


def out(slug, name, data):
    dirs = [d for d in CASES.iterdir() if d.is_dir() and d.name[4:] == slug]
    assert len(dirs) == 1, f"no single case directory for {slug}: {dirs}"
    files = dirs[0] / "files"
    files.mkdir(exist_ok=True)
    (files / name).write_bytes(data)
    assert len(data) < 50_000, (slug, name, len(data))


# ---------------------------------------------------------------- XLSX
class Cell:
    """A cell: text, a number, a formula (with or without a cached value)
    or a date (a serial number shown with a date format)."""

    def __init__(self, value=None, formula=None, date=False, error=None):
        self.value, self.formula, self.date, self.error = value, formula, date, error


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def sheet_xml(rows, strings, merges=()):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, 1):
        out.append(f'<row r="{r}">')
        for c, v in enumerate(row):
            ref = f"{col_name(c)}{r}"
            if v is None or v == "":
                continue
            if not isinstance(v, Cell):
                v = Cell(v)
            style = ' s="1"' if v.date else ""
            if v.error is not None:
                f = f"<f>{escape(v.formula)}</f>" if v.formula else ""
                out.append(f'<c r="{ref}" t="e"{style}>{f}<v>{escape(v.error)}</v></c>')
            elif v.formula is not None:
                cached = "" if v.value is None else f"<v>{v.value}</v>"
                out.append(f'<c r="{ref}"{style}><f>{escape(v.formula)}</f>{cached}</c>')
            elif isinstance(v.value, (int, float)):
                out.append(f'<c r="{ref}"{style}><v>{v.value!r}</v></c>')
            else:
                if v.value not in strings:
                    strings.append(v.value)
                out.append(f'<c r="{ref}" t="s"{style}><v>{strings.index(v.value)}</v></c>')
        out.append("</row>")
    out.append("</sheetData>")
    if merges:
        out.append(f'<mergeCells count="{len(merges)}">')
        out.extend(f'<mergeCell ref="{m}"/>' for m in merges)
        out.append("</mergeCells>")
    out.append("</worksheet>")
    return "".join(out)


def xlsx(sheets):
    """sheets: list of dicts with name, rows, and optional hidden, merges."""
    strings = []
    sheet_files = [sheet_xml(s["rows"], strings, s.get("merges", ())) for s in sheets]
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for i in range(1, len(sheets) + 1))
            + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            "</Types>"),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{ns}" xmlns:r="{rel}"><sheets>'
            + "".join(
                f'<sheet name="{escape(s["name"])}" sheetId="{i}"'
                + (' state="hidden"' if s.get("hidden") else "")
                + f' r:id="rId{i}"/>'
                for i, s in enumerate(sheets, 1))
            + "</sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, len(sheets) + 1))
            + f'<Relationship Id="rId{len(sheets) + 1}" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            + f'<Relationship Id="rId{len(sheets) + 2}" Type="{rel}/styles" Target="styles.xml"/>'
            "</Relationships>"),
        "xl/styles.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<styleSheet xmlns="{ns}">'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"),
    }
    for i, x in enumerate(sheet_files, 1):
        files[f"xl/worksheets/sheet{i}.xml"] = x
    files["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst xmlns="{ns}" count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
        + "</sst>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, files[name].encode("utf-8"))
    return buf.getvalue()


def typed(table, rows):
    """Seed rows as a spreadsheet holds them: numbers in numeric columns."""
    numeric = {
        "realisasi": {"tahun", "nilai"},
        "target": {"tahun", "nilai"},
        "akip_komponen": {"tahun", "target", "realisasi"},
        "anggaran_belanja": {"tahun", "anggaran", "realisasi"},
    }[table]
    head = rows[0]
    out = [head]
    for r in rows[1:]:
        out.append([(float(v) if "." in v else int(v)) if head[i] in numeric and v else v for i, v in enumerate(r)])
    return out


def excel_serial(y, m, d):
    import datetime
    return (datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days


def make_xlsx():
    real = typed("realisasi", seed_rows("realisasi.csv"))
    nilai = real[0].index("nilai")

    # A formula without a cached value (as openpyxl and other generators write it).
    rows = [list(r) for r in real]
    rows[5][nilai] = Cell(formula="AVERAGE(D2:D4)")
    out("xlsx-formula-without-value", "realisasi.xlsx", xlsx([{"name": "realisasi", "rows": rows}]))

    # A formula whose cached value has more decimals than can be stored.
    rows = [list(r) for r in real]
    rows[5][nilai] = Cell(formula="(D2+D3+D4)/3", value=82.86000000000001)
    out("xlsx-formula-float-artefact", "realisasi.xlsx", xlsx([{"name": "realisasi", "rows": rows}]))

    # kode_unit merged down over the four IKM rows of Sei Balai.
    rows = [list(r) for r in real]
    for i in (2, 3, 4):
        rows[i][0] = None
    out("xlsx-merged-cells", "realisasi.xlsx",
        xlsx([{"name": "realisasi", "rows": rows, "merges": ["A2:A5"]}]))

    # Excel turned 3.10 into a date (3 October) in an AKIP komponen.
    akip = typed("akip_komponen", seed_rows("akip_komponen.csv"))
    rows = [list(r) for r in akip]
    rows[3][akip[0].index("realisasi")] = Cell(value=excel_serial(2024, 10, 3), date=True)
    out("xlsx-date-cell", "akip_komponen.xlsx", xlsx([{"name": "akip_komponen", "rows": rows}]))

    # An Excel error value (#DIV/0!) cached in a formula cell.
    rows = [list(r) for r in real]
    rows[9][nilai] = Cell(formula="D9/0", error="#DIV/0!")
    out("xlsx-error-cell", "realisasi.xlsx", xlsx([{"name": "realisasi", "rows": rows}]))

    # The first sheet is hidden and holds last year's figures with a typo;
    # the visible sheet is correct.
    old = [list(r) for r in real]
    old[2][nilai] = "90,1,0"
    out("xlsx-hidden-first-sheet", "realisasi.xlsx",
        xlsx([{"name": "lama", "rows": old, "hidden": True}, {"name": "realisasi", "rows": real}]))

    # Several sheets: the first holds an error, the second is another year's work.
    rows = [list(r) for r in real]
    rows[11][nilai] = "70.05.5"
    extra = [real[0], ["12.19.07", "ikm", 2025, 81.5, "", "rencana"]]
    out("xlsx-several-sheets", "realisasi.xlsx",
        xlsx([{"name": "2024", "rows": rows}, {"name": "2025", "rows": extra}]))

    # A second sheet with rows the reader never looks at.
    extra = [real[0], ["12.19.07", "ikm", 2025, "80,1,5", "", "rencana"]]
    out("xlsx-second-sheet-ignored", "realisasi.xlsx",
        xlsx([{"name": "realisasi", "rows": real}, {"name": "2025", "rows": extra}]))

    # realisasi given both as CSV (the seed's) and as XLSX.
    out("xlsx-and-csv-same-table", "realisasi.xlsx", xlsx([{"name": "realisasi", "rows": real}]))

    # A title row above the header, as reports lay tables out.
    rows = [["Realisasi Indikator Kinerja Kecamatan Sei Balai"], []] + [list(r) for r in real]
    out("xlsx-title-row-above-header", "realisasi.xlsx", xlsx([{"name": "realisasi", "rows": rows}]))

    # A CSV renamed to .xlsx.
    out("xlsx-not-a-workbook", "target.xlsx", seed("target.csv").encode("utf-8"))

    # A workbook whose numeric cells hold Rupiah fine but one anggaran is text "Rp 25.000.000,-" with a typo.
    bel = typed("anggaran_belanja", seed_rows("anggaran_belanja.csv"))
    rows = [list(r) for r in bel]
    rows[3][bel[0].index("anggaran")] = "Rp. 25.000.00,-"
    out("xlsx-rupiah-text-typo", "anggaran_belanja.xlsx", xlsx([{"name": "anggaran_belanja", "rows": rows}]))

    # Target year typed as text with a trailing apostrophe artefact.
    tgt = typed("target", seed_rows("target.csv"))
    rows = [list(r) for r in tgt]
    rows[4][tgt[0].index("tahun")] = 2024.5
    out("xlsx-year-not-whole", "target.xlsx", xlsx([{"name": "target", "rows": rows}]))


# ---------------------------------------------------------------- text encodings
def make_text():
    # UTF-16 LE with BOM (Excel "Unicode Text").
    out("utf16-wilayah", "wilayah.csv", "\ufeff".encode("utf-16-le") + seed("wilayah.csv").encode("utf-16-le"))
    # UTF-16 LE without BOM.
    out("utf16-no-bom-sasaran", "sasaran.csv", seed("sasaran.csv").encode("utf-16-le"))
    # Byte 0x81 (undefined in Windows-1252) in an otherwise Windows-1252 file.
    text = rep(seed("strategi.csv"), "Meningkatkan pemberdayaan masyarakat desa",
               "Meningkatkan pemberdayaan masyarakat d\u00e9sa")
    data = text.encode("cp1252").replace("d\xe9sa".encode("cp1252"), b"d\x81sa")
    out("undefined-cp1252-byte", "strategi.csv", data)
    # Windows-1252 wilayah with an é and a desa code missing a digit on row 22.
    text = seed("wilayah.csv")
    text = rep(text, "12.19.07.2010,desa,Perkebunan Sei Bejangkar,", "12.19.07.2010,desa,Perkebunan Sei B\u00e9jangkar,")
    text = rep(text, "12.19.07.2012,desa,Benteng Jaya,", "12.19.07.212,desa,Benteng Jaya,")
    out("cp1252-wilayah-error-row", "wilayah.csv", text.encode("cp1252"))
    # Excel (Indonesian locale) CSV: Windows-1252, ';', decimal comma, CRLF;
    # en dash (0x96) in sumber; pelaporan scored 15,50 of 15.
    rows = seed_rows("akip_komponen.csv")
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    for k, r in enumerate(rows):
        if k:
            r = [v.replace(".", ",") if i in (4, 5) else v for i, v in enumerate(r)]
            r[6] = r[6] + " \u2013 LHE AKIP"
        if k == 3:
            r[5] = "15,50"
        w.writerow(r)
    out("cp1252-semicolon-akip-over-bobot", "akip_komponen.csv", buf.getvalue().encode("cp1252"))
    # Parquet placeholders (only their names matter to the cases).
    out("parquet-not-jawaban", "target.parquet", b"PAR1\x00\x00PAR1")
    out("jawaban-csv-and-parquet", "skm_jawaban.parquet", b"PAR1\x00\x00PAR1")


def main():
    make_xlsx()
    make_text()
    print("binary inputs written")


if __name__ == "__main__":
    main()
