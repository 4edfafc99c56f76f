"""Several Python threads sharing one Validator (and one Batch) get exactly the reports of a
sequential run; batch calls release the GIL while the core works."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import cen
from conftest import EXAMPLES, TODAY


def test_threads_sharing_one_validator_get_sequential_results() -> None:
    records = cen.generate(400, seed=21, invalid_share=0.4)
    validator = cen.Validator(today=TODAY, lang="es")
    expected = [validator.validate(r).to_json() for r in records]
    expected_batch = [r.to_json() for r in validator.validate_many(records)]

    def one_by_one(offset: int) -> list[str]:
        order = records[offset:] + records[:offset]
        got = [validator.validate(r).to_json() for r in order]
        return got[-offset:] + got[:-offset] if offset else got

    def batch(_: int) -> list[str]:
        return [r.to_json() for r in validator.validate_many(records)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        singles = list(pool.map(one_by_one, range(0, 400, 50)))
        batches = list(pool.map(batch, range(8)))
    assert all(s == expected for s in singles)
    assert all(b == expected_batch for b in batches)


def test_threads_sharing_one_batch_number_every_record_once() -> None:
    record = json.loads((EXAMPLES / "long-sea-container.json").read_text())
    batch = cen.Validator(today=TODAY).batch()

    def feed(_: int) -> list[cen.Report]:
        return [batch.validate(record) for _ in range(50)]

    with ThreadPoolExecutor(max_workers=4) as pool:
        reports = [r for chunk in pool.map(feed, range(4)) for r in chunk]
    assert len(batch) == 200
    duplicates = sorted(
        issue.params["first"] for r in reports for issue in r.issues if issue.rule == "CEN-DUP-001"
    )
    assert duplicates == [0] * 199


def test_validate_many_lets_other_threads_run() -> None:
    records = cen.generate(20_000, seed=8)
    validator = cen.Validator(today=TODAY)
    counter = 0
    stop = threading.Event()

    def count() -> None:
        nonlocal counter
        while not stop.is_set():
            counter += 1

    ticker = threading.Thread(target=count)
    ticker.start()
    try:
        time.sleep(0.05)
        before = counter
        started = time.perf_counter()
        validator.validate_many(records)
        elapsed = time.perf_counter() - started
        during = counter - before
    finally:
        stop.set()
        ticker.join()
    # The counting thread ran while the batch was checked: the GIL was released.
    assert elapsed > 0 and during > 1000, (during, elapsed)
