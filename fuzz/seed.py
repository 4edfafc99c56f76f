#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from the conformance vectors (tests/vectors):
every record input, every option set and profile, flat rows of the records, and identifiers."""
import json
import os
import sys

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


def main():
    seeds = {t: set() for t in ["validate_json", "validate_value", "profile", "flat_row", "identifiers"]}
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
