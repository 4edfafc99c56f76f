"""Writes examples/seizures-export.csv: the kind of export an analyst gets from a national
seizure database, one seizure per row with the flat columns of spec 5.3, made of synthetic
records (cen.generate) of which 15 % carry a realistic mistake. Deterministic: the same seed
gives the same file.

    .venv/bin/python examples/notebooks/make_export.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import cen

OUT = Path(__file__).resolve().parents[1] / "seizures-export.csv"
ROWS = 2000


def main() -> None:
    rows = [cen.flatten(record) for record in cen.generate(ROWS, seed=2026, invalid_share=0.15)]
    # Columns in the order they first appear, as a database export lists its fields.
    columns: list[str] = []
    for row in rows:
        columns.extend(c for c in row if c not in columns)
    with OUT.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=columns, restval="")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{OUT}: {len(rows)} rows, {len(columns)} columns")


if __name__ == "__main__":
    main()
