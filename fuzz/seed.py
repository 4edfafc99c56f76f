#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from the conformance vectors (tests/vectors):
every record input, every option set and profile, flat rows of the records, identifiers, and
CSV files and Excel workbooks of those rows for the `files` target."""
import csv
import io
import json
import os
import sys
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = os.path.join(HERE, "..", "tests", "vectors")
OUT = os.path.join(HERE, "corpus")


def flat(value, prefix=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from flat(v, f"{prefix}.{k}" if prefix else k)
    elif isinstance(value, list) and any(isinstance(i, (dict, list)) for i in value):
        for i, v in enumerate(value):
            yield from flat(v, f"{prefix}.{i}")
    elif isinstance(value, list):
        yield prefix, ";".join(str(i) for i in value)
    elif value is not None:
        yield prefix, value if isinstance(value, str) else json.dumps(value)


def column_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def sheet_xml(rows):
    """The first sheet of a workbook with these rows, every cell an inline string."""
    out = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, 1):
        out.append(f'<row r="{r}">')
        for c, value in enumerate(row):
            out.append(f'<c r="{column_name(c)}{r}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out).encode("utf-8")


def workbook(sheet):
    """An .xlsx archive around this sheet, with the parts the files target writes in its mode 2."""
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    book_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    book = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="records" sheetId="1" r:id="rId1"/></sheets></workbook>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # A fixed date: the same corpus on every run.
        for name, data in [("[Content_Types].xml", types), ("_rels/.rels", rels),
                           ("xl/_rels/workbook.xml.rels", book_rels), ("xl/workbook.xml", book),
                           ("xl/worksheets/sheet1.xml", sheet)]:
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue()


def file_seeds(rows):
    """The `files` target's first byte picks its mode (modulo 3): 0 a CSV file, 1 an .xlsx, 2 the
    parts of a workbook (here only the sheet, with inline strings); from 128 on, workbooks are read
    on the caller's thread (0x82 an .xlsx, 0x80 the parts)."""
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    sheet = sheet_xml(rows)
    return [
        b"\x00" + text.getvalue().encode("utf-8"),
        b"\x01" + workbook(sheet),
        b"\x02" + sheet,
        b"\x82" + workbook(sheet),
        b"\x80" + sheet,
    ]


def main():
    seeds = {t: set() for t in ["validate_json", "validate_value", "profile", "flat_row", "identifiers", "files", "pack_load"]}
    # pack_load: an odd first byte edits the target's own small valid pack (no edit: it loads),
    # an even one is the bytes as they come (a header alone, a wrong version, a short file).
    header = b"CENPACK\0" + (1).to_bytes(4, "little") + bytes(4) + (0).to_bytes(8, "little") + bytes(40)
    seeds["pack_load"].update([b"\x01", b"\x01" + bytes([0, 0, 0, 0xFF]), b"\x01" + bytes([7, 0, 3, 1]) * 4,
                               b"\x00" + header, b"\x00" + header[:8] + (2).to_bytes(4, "little") + header[12:], b"\x00CENPACK"])
    for name in sorted(os.listdir(VECTORS)):
        with open(os.path.join(VECTORS, name), encoding="utf-8") as f:
            cases = json.load(f)["cases"]
        for case in cases:
            inputs = case.get("batch", [case.get("input", case.get("input_text"))])
            for item in inputs:
                if item is None:
                    continue
                text = item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)
                seeds["validate_json"].add(text.encode("utf-8"))
                seeds["validate_value"].add(text.encode("utf-8")[:256])
                if isinstance(item, dict):
                    cells = list(flat(item))
                    row = ",".join(c for c, _ in cells) + "\n" + ",".join(str(v).replace(",", ";") for _, v in cells)
                    seeds["flat_row"].add(row.encode("utf-8"))
                    # The target runs a whole file per input: a sample of the records is enough.
                    if len(seeds["files"]) < 150:
                        seeds["files"].update(file_seeds([[c for c, _ in cells], [v for _, v in cells]]))
                    for leg in item.get("conveyance", []) if isinstance(item.get("conveyance"), list) else []:
                        for key in ("container", "imo", "awb", "postal_item", "flight", "from", "to"):
                            if isinstance(leg, dict) and isinstance(leg.get(key), str):
                                seeds["identifiers"].add(leg[key].encode("utf-8"))
            if "input_hex" in case:
                seeds["validate_json"].add(bytes.fromhex(case["input_hex"]))
            seeds["profile"].add(json.dumps(case["options"], ensure_ascii=False).encode("utf-8"))
    for target, items in seeds.items():
        folder = os.path.join(OUT, target)
        os.makedirs(folder, exist_ok=True)
        for i, data in enumerate(sorted(items)):
            with open(os.path.join(folder, f"seed-{i:04}"), "wb") as f:
                f.write(data)
        print(f"{target}: {len(items)} seeds")


if __name__ == "__main__":
    sys.exit(main())
