"""The records of bench.py through ``validate_many(threads=1)``, for callgrind: instructions per
record, the reading of Python values (``Records::push``) and the checking (``Records::check``)
apart. Run from the repository root::

    valgrind --tool=callgrind --toggle-collect='*validate_records*' \
        .venv/bin/python bindings-python/bench/callgrind.py 5000
    callgrind_annotate --inclusive=yes callgrind.out.* | grep -E 'validate_records|Records::(push|check)'
"""

import sys

import cen

count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
records = cen.generate(count, seed=2026, invalid_share=0.1)
validator = cen.Validator(today="2026-11-28")
validator.validate_many(records[:50], threads=1)  # warm-up: tables touched once
validator.validate_many(records, threads=1)
