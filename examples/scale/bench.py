"""Benchmarks of the scale paths (docs/scale.md has the results and how to read them).

    python examples/scale/bench.py arrow [--rows 1000000] [--frame-rows 1000000] [--cli target/release/cen]
    python examples/scale/bench.py dask [--rows 2000000] [--files 16]

``arrow``: cen.validate_arrow on flat rows against cen.validate_frame on the same rows as a
pandas DataFrame, and against the command line validating the same records as NDJSON with one
thread (``cen validate --jobs 1 --format ndjson``; build it first with ``cargo build --release
-p cen-cli``). ``dask``: examples/scale/dask_validate.py on a local cluster of 2 workers
against 1 worker (one thread each).

The machine this project runs on is shared and often loaded, so every measure is given as
elapsed time *and* CPU time (of this process and its threads, of the command line, or of the
Dask workers): on a loaded machine elapsed time says how long it took, CPU time what it cost.
The records are generated once (cen.generate, 10 % with mistakes, fixed seeds) and kept under
``--data`` (default ``target/scale-bench``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

import pyarrow as pa
import pyarrow.parquet as pq

import cen

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
TODAY = "2026-11-28"
CHUNK = 50_000


def generate(directory: Path, rows: int, files: int, ndjson: bool) -> list[Path]:
    """`rows` generated records as flat rows in `files` Parquet files of all-text columns (and
    the same records as NDJSON for the command line), made once."""
    directory.mkdir(parents=True, exist_ok=True)
    done = directory / "done.json"
    parts = [directory / f"part-{i:03d}.parquet" for i in range(files)]
    if done.exists() and json.loads(done.read_text()) == {"rows": rows, "files": files, "ndjson": ndjson}:
        return parts
    print(f"generating {rows:,} records in {directory} ...", file=sys.stderr)
    per_file = -(-rows // files)
    text = (directory / "records.ndjson").open("w", encoding="utf-8") if ndjson else None
    written = 0
    for i, part in enumerate(parts):
        tables = []
        count = min(per_file, rows - written)
        for start in range(0, count, CHUNK):
            n = min(CHUNK, count - start)
            records = cen.generate(n, seed=1000 * i + start // CHUNK, invalid_share=0.1, today=TODAY)
            if text is not None:
                text.writelines(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)
            flat = [cen.flatten(r) for r in records]
            # Every field of any record (from_pylist alone keeps the first row's columns).
            names = sorted({name for row in flat for name in row})
            tables.append(pa.Table.from_pylist(flat, schema=pa.schema([(n, pa.string()) for n in names])))
        written += count
        table = pa.concat_tables(tables, promote_options="default")
        pq.write_table(table, part)
    if text is not None:
        text.close()
    done.write_text(json.dumps({"rows": rows, "files": files, "ndjson": ndjson}))
    return parts


def timed(run: Callable[[], Any]) -> tuple[float, float, Any]:
    """Elapsed and CPU seconds (this process, every thread) of a call, and its result."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = run()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def report(name: str, rows: int, elapsed: float, cpu: float) -> dict[str, Any]:
    line = {"name": name, "rows": rows, "elapsed_s": round(elapsed, 3), "cpu_s": round(cpu, 3),
            "rows_per_s": round(rows / elapsed), "rows_per_cpu_s": round(rows / cpu)}
    print(f"{name:<44} {rows:>9,} rows {elapsed:8.2f} s {cpu:8.2f} s CPU  "
          f"{rows / elapsed:>10,.0f} rows/s {rows / cpu:>10,.0f} rows/CPU-s", flush=True)
    return line


def bench_arrow(args: argparse.Namespace) -> list[dict[str, Any]]:
    parts = generate(Path(args.data) / f"arrow-{args.rows}", args.rows, 1, ndjson=True)
    table = pq.read_table(parts[0])
    rows = table.num_rows
    print(f"load average {os.getloadavg()}; {os.cpu_count()} cores", flush=True)
    results = []
    for threads in (None, 1):
        elapsed, cpu, issues = timed(lambda: cen.validate_arrow(table, today=TODAY, threads=threads))
        results.append(report(f"validate_arrow threads={threads}", rows, elapsed, cpu))
    print(f"  ({issues.num_rows:,} issues)", flush=True)

    frame_rows = min(args.frame_rows, rows)
    frame = table.slice(0, frame_rows).to_pandas()
    for threads in (None, 1):
        elapsed, cpu, _ = timed(lambda: cen.validate_frame(frame, today=TODAY, threads=threads))
        results.append(report(f"validate_frame threads={threads}", frame_rows, elapsed, cpu))
    del frame

    cli = Path(args.cli)
    if cli.exists():
        command = [str(cli), "validate", "--jobs", "1", "--format", "ndjson", "--today", TODAY,
                   str(parts[0].parent / "records.ndjson")]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter()
        with open(os.devnull, "wb") as sink:
            status = subprocess.run(command, stdout=sink, check=False).returncode
        elapsed = time.perf_counter() - wall
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        assert status in (0, 1), f"{command} exited with {status}"
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        results.append(report("cen validate --jobs 1 --format ndjson", rows, elapsed, cpu))
    else:
        print(f"no {cli}: cargo build --release -p cen-cli", file=sys.stderr)

    by = {r["name"]: r for r in results}
    arrow_1, frame_1 = by["validate_arrow threads=1"], by["validate_frame threads=1"]
    arrow_n, frame_n = by["validate_arrow threads=None"], by["validate_frame threads=None"]
    print(f"validate_arrow / validate_frame, one thread, by CPU time: "
          f"{arrow_1['rows_per_cpu_s'] / frame_1['rows_per_cpu_s']:.2f}x (elapsed {arrow_1['rows_per_s'] / frame_1['rows_per_s']:.2f}x)")
    print(f"validate_arrow / validate_frame, every core, elapsed: {arrow_n['rows_per_s'] / frame_n['rows_per_s']:.2f}x")
    if "cen validate --jobs 1 --format ndjson" in by:
        cli_1 = by["cen validate --jobs 1 --format ndjson"]
        print(f"validate_arrow one thread / CLI --jobs 1, by CPU time: {arrow_1['rows_per_cpu_s'] / cli_1['rows_per_cpu_s']:.0%} "
              f"(elapsed {arrow_1['rows_per_s'] / cli_1['rows_per_s']:.0%}); every core, elapsed: "
              f"{arrow_n['rows_per_s'] / cli_1['rows_per_s']:.0%}")
    return results


def bench_dask(args: argparse.Namespace) -> list[dict[str, Any]]:
    import shutil
    import tempfile

    from distributed import Client, LocalCluster

    import dask_validate

    data = Path(args.data) / f"dask-{args.rows}-{args.files}"
    generate(data, args.rows, args.files, ndjson=False)
    results = []
    for workers in (1, 2):
        out = Path(tempfile.mkdtemp(prefix="cen-dask-bench-"))
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=40) as cluster, Client(cluster) as client:
            def cpu_seconds() -> float:
                usage = resource.getrusage(resource.RUSAGE_SELF)
                return usage.ru_utime + usage.ru_stime

            before = sum(client.run(cpu_seconds).values())
            print(f"load average {os.getloadavg()}", flush=True)
            elapsed, driver_cpu, counts = timed(
                lambda: dask_validate.validate_directory(data, out, options={"today": TODAY}, blocksize=args.blocksize)
            )
            workers_cpu = sum(client.run(cpu_seconds).values()) - before
        shutil.rmtree(out, ignore_errors=True)
        line = report(f"dask_validate, {workers} worker(s), {counts['partitions']} partitions", counts["records"],
                      elapsed, workers_cpu + driver_cpu)
        line["workers_cpu_s"], line["driver_cpu_s"] = round(workers_cpu, 3), round(driver_cpu, 3)
        print(f"  workers {workers_cpu:.1f} s CPU, driver {driver_cpu:.1f} s CPU; {counts}", flush=True)
        results.append(line)
    one, two = results
    print(f"2 workers / 1 worker, elapsed: {two['rows_per_s'] / one['rows_per_s']:.2f}x; "
          f"CPU per row, 2 vs 1: {two['rows_per_cpu_s'] / one['rows_per_cpu_s']:.2f}")
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["arrow", "dask"])
    parser.add_argument("--rows", type=int)
    parser.add_argument("--frame-rows", type=int, default=1_000_000, help="rows given to validate_frame")
    parser.add_argument("--files", type=int, default=16, help="Parquet files of the Dask data")
    parser.add_argument("--blocksize", default=None, help="Dask partition size (default: one per file)")
    parser.add_argument("--cli", default=str(ROOT / "target" / "release" / "cen"))
    parser.add_argument("--data", default=str(ROOT / "target" / "scale-bench"))
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    if args.rows is None:
        args.rows = 1_000_000 if args.what == "arrow" else 2_000_000
    results = bench_arrow(args) if args.what == "arrow" else bench_dask(args)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
