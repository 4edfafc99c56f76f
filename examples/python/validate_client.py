"""Checks seizure records with `cen serve` from Python, with httpx (docs/serve.md).

    python examples/python/validate_client.py http://127.0.0.1:8080 examples/seizures.ndjson today=2026-11-28

A `.json` file is one record, posted to /v1/validate: its report is printed. A `.ndjson`,
`.jsonl`, `.csv` or `.xlsx` file is a batch, streamed from disk to /v1/validate/batch: each
record's report line is printed as it arrives, in input order. Further arguments `name=value`
are validation options (form, source, lang, today, profile, hs_edition). Exit status: 0 when
every record is valid, 1 when one is not, 2 when the request failed.

The two functions are what an application would import: `validate_record` for a record it
holds as a dict, `validate_file` for a file it streams without reading it whole.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx

BATCH_TYPES = {
    ".ndjson": "application/x-ndjson",
    ".jsonl": "application/x-ndjson",
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ServiceError(Exception):
    """The service refused the request: `error` is its code (`bad_option`, `body_too_large`...)."""

    def __init__(self, status: int, body: dict) -> None:
        super().__init__(f"{status} {body.get('error')}: {body.get('message')}")
        self.status = status
        self.error = body.get("error")


def validate_record(client: httpx.Client, record: dict, **options: str) -> dict:
    """The report (spec 5.2) of one record."""
    response = client.post("/v1/validate", json=record, params=options)
    if response.status_code != 200:
        raise ServiceError(response.status_code, response.json())
    return response.json()


def validate_file(client: httpx.Client, path: Path, name: str | None = None, **options: str) -> Iterator[str]:
    """Each record's report line (NDJSON, as `cen validate --format ndjson` writes it), as soon
    as the service sends it; the file goes up in 64 KiB parts."""

    def parts() -> Iterator[bytes]:
        with open(path, "rb") as file:
            while part := file.read(1 << 16):
                yield part

    params = {**options, "name": name or str(path)}
    headers = {"Content-Type": BATCH_TYPES[path.suffix.lower()]}
    with client.stream("POST", "/v1/validate/batch", content=parts(), params=params, headers=headers) as response:
        if response.status_code != 200:
            response.read()
            raise ServiceError(response.status_code, response.json())
        for line in response.iter_lines():
            if line.startswith('{"error":'):
                # The batch stopped part-way: the service's reason is its last line.
                raise ServiceError(200, json.loads(line))
            if line:
                yield line


def main(argv: list[str]) -> int:
    if len(argv) < 2 or any("=" not in option for option in argv[2:]):
        print(__doc__, file=sys.stderr)
        return 2
    base, path = argv[0], Path(argv[1])
    options = dict(option.split("=", 1) for option in argv[2:])
    all_valid = True
    with httpx.Client(base_url=base, timeout=60) as client:
        try:
            if path.suffix.lower() in BATCH_TYPES:
                for line in validate_file(client, path, name=argv[1], **options):
                    print(line, flush=True)
                    all_valid &= json.loads(line)["report"]["valid"]
            else:
                report = validate_record(client, json.loads(path.read_bytes()), **options)
                print(json.dumps(report, ensure_ascii=False, separators=(",", ":")))
                all_valid = report["valid"]
        except ServiceError as error:
            print(f"cen serve refused: {error}", file=sys.stderr)
            return 2
        except httpx.TransportError as error:
            # No answer to read: the service is down, or it refused the upload before reading
            # it (over --max-body, a bad option) and closed the connection while it was sent.
            print(f"the request to cen serve failed: {error!r}", file=sys.stderr)
            return 2
    return 0 if all_valid else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
