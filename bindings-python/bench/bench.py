"""Throughput of cen against the validators a Python user would otherwise pick, in one run.

The same generated records (``cen.generate``, 10 % with a realistic mistake) as Python dicts
go through:

- ``cen.validate_many``: structure *and* every rule of the catalogue, with reports, on every
  core (default) and on one thread (``threads=1``);
- ``jsonschema_rs`` and ``fastjsonschema`` with ``cen.schema()``: structure only;
- a pydantic v2 model of the record (spec 2, written below): structure only;
- ``cen.validate_frame`` on a DataFrame of the same records as flat rows (spec 5.3).

Each figure is the best of ``--repeat`` runs. Run from the repository root::

    .venv/bin/python bindings-python/bench/bench.py            # 100,000 records
    .venv/bin/python bindings-python/bench/bench.py --count 2000 --repeat 1   # a quick look

``--json FILE`` also writes the seconds of each run (``scripts/bench-release.sh`` compares
two installs of cen with it).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import time
from typing import Annotated, Any, Callable, Literal, Optional

import cen

TODAY = "2026-11-28"


# --- A pydantic v2 model of the record's structure (spec 2), as a user would write it. -------

def _pydantic_model() -> Any:
    from pydantic import BaseModel, ConfigDict, Field

    Text = Annotated[str, Field(max_length=1000)]
    Country = Annotated[str, Field(min_length=2, max_length=2)]
    Date = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]

    class Strict(BaseModel):
        model_config = ConfigDict(extra="forbid", strict=True)

    class Location(Strict):
        type: Literal["airport", "seaport", "land_border", "rail_terminal", "postal_centre",
                      "express_hub", "inland_depot", "free_zone", "inland", "at_sea", "other",
                      "unknown"]
        code: Optional[str] = None
        name: Optional[Annotated[str, Field(max_length=256)]] = None

    Method = Literal["risk_profiling", "intelligence", "intelligence_international",
                     "random_check", "routine_control", "watch_list", "behavioural",
                     "documentary_check", "controlled_delivery", "joint_operation", "xray",
                     "detector_dog", "trace_detection", "physical_examination", "body_scan",
                     "other"]

    class Detection(Strict):
        principal: Optional[Method] = None
        other: Optional[Annotated[list[Method], Field(max_length=16)]] = None

    class Money(Strict):
        amount: Optional[Annotated[float, Field(ge=0, allow_inf_nan=False)]] = None
        currency: Optional[str] = None

    class GoodsLine(Strict):
        commodity: Literal["drugs", "precursors", "tobacco", "alcohol", "other_revenue", "ipr",
                           "health_safety", "cites", "hazardous_waste", "ods", "weapons",
                           "currency", "cultural_heritage"]
        type: str
        quantity: Annotated[float, Field(gt=0, allow_inf_nan=False)]
        unit: Literal["kg", "g", "t", "l", "ml", "m3", "pieces", "tablets", "items", "rounds",
                      "heads", "plants", "amount"]
        currency: Optional[str] = None
        value: Optional[Money] = None
        hs_code: Optional[Annotated[str, Field(pattern=r"^(\d{2}|\d{4}|\d{6}|\d{8}|\d{10})$")]] = None
        concealment: Optional[Literal["body_internal", "body_strapped", "clothing",
                                      "baggage_hold", "baggage_cabin", "baggage_false_bottom",
                                      "inside_goods", "mixed_with_goods", "postal_item",
                                      "container_structure", "rip_on_rip_off",
                                      "vehicle_natural_void", "vehicle_compartment",
                                      "fuel_tank", "vessel_structure", "aircraft_structure",
                                      "not_concealed", "other"]] = None
        description: Optional[Text] = None
        scientific_name: Optional[Annotated[str, Field(max_length=256)]] = None
        cites_appendix: Optional[Literal["I", "II", "III"]] = None
        brand: Optional[Annotated[str, Field(max_length=256)]] = None
        purity_percent: Optional[Annotated[float, Field(ge=0, le=100)]] = None

    Short = Annotated[str, Field(max_length=128)]

    class Leg(Strict):
        model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)
        type: Literal["air_passenger", "air_cargo", "air_general_aviation", "express_courier",
                      "postal", "sea_container", "sea_cargo", "sea_small_craft", "road_private",
                      "road_commercial", "road_bus", "rail_passenger", "rail_freight",
                      "pedestrian", "inland_waterway", "fixed_installation", "unknown"]
        carrier: Optional[Short] = None
        date: Optional[Date] = None
        from_: Optional[str] = Field(default=None, alias="from")
        to: Optional[str] = None
        flight: Optional[str] = None
        awb: Optional[str] = None
        tracking: Optional[Annotated[str, Field(max_length=64)]] = None
        postal_item: Optional[str] = None
        container: Optional[str] = None
        imo: Optional[str] = None
        vessel_name: Optional[Short] = None
        vehicle_registration: Optional[Annotated[str, Field(max_length=32)]] = None
        registration_country: Optional[Country] = None
        aircraft_registration: Optional[Annotated[str, Field(max_length=16)]] = None
        train: Optional[Annotated[str, Field(max_length=32)]] = None

    class Route(Strict):
        origin: Optional[Country] = None
        departure: Optional[Country] = None
        transit: Optional[Annotated[list[Country], Field(max_length=20)]] = None
        destination: Optional[Country] = None

    Gender = Literal["female", "male", "other", "unknown"]
    Role = Literal["passenger", "driver", "crew", "sender", "recipient", "courier", "importer",
                   "exporter", "other"]

    class Offender(Strict):
        nationality: Optional[Country] = None
        gender: Optional[Gender] = None
        age: Optional[Annotated[int, Field(ge=0, le=120)]] = None
        role: Optional[Role] = None

    class Document(Strict):
        type: Optional[Literal["passport", "id_card", "residence_permit", "driving_licence",
                               "other"]] = None
        number: Optional[Annotated[str, Field(max_length=32)]] = None
        issuing_country: Optional[Country] = None
        expiry: Optional[Date] = None

    class Person(Strict):
        surname: Optional[Short] = None
        given_names: Optional[Short] = None
        birth_date: Optional[Date] = None
        nationality: Optional[Country] = None
        gender: Optional[Gender] = None
        role: Optional[Role] = None
        documents: Optional[Annotated[list[Document], Field(max_length=10)]] = None
        address: Optional[Annotated[str, Field(max_length=512)]] = None

    class Company(Strict):
        name: Optional[Annotated[str, Field(max_length=256)]] = None
        registration_number: Optional[Annotated[str, Field(max_length=64)]] = None
        country: Optional[Country] = None
        address: Optional[Annotated[str, Field(max_length=512)]] = None
        role: Optional[Literal["importer", "exporter", "consignor", "consignee", "carrier",
                               "forwarder", "broker", "other"]] = None

    class Outcome(Strict):
        legal_action: Optional[Literal["none", "administrative_penalty", "criminal_prosecution",
                                       "under_investigation", "unknown"]] = None
        arrests: Optional[Annotated[int, Field(ge=0)]] = None
        penalty: Optional[Money] = None

    class Photo(Strict):
        ref: Optional[Annotated[str, Field(max_length=1024)]] = None
        kind: Optional[Literal["goods", "concealment", "xray", "other"]] = None
        caption: Optional[Annotated[str, Field(max_length=512)]] = None

    class Record(Strict):
        form: Optional[Literal["long", "simplified"]] = None
        source: Optional[Literal["cen", "ncen", "cencomm"]] = None
        cug: Optional[Annotated[str, Field(max_length=64)]] = None
        case_ref: Optional[Annotated[str, Field(max_length=64)]] = None
        reporting_country: Country
        seizure_date: Date
        entry_date: Optional[Date] = None
        location: Location
        procedure: Literal["import", "export", "transit", "transhipment", "domestic", "unknown"]
        detection: Optional[Detection] = None
        goods: Annotated[list[GoodsLine], Field(min_length=1, max_length=100)]
        conveyance: Annotated[list[Leg], Field(min_length=1, max_length=20)]
        route: Route
        offenders: Optional[Annotated[list[Offender], Field(max_length=100)]] = None
        persons: Optional[Annotated[list[Person], Field(max_length=100)]] = None
        companies: Optional[Annotated[list[Company], Field(max_length=100)]] = None
        outcome: Optional[Outcome] = None
        photos: Optional[Annotated[list[Photo], Field(max_length=50)]] = None
        narrative: Optional[Annotated[str, Field(max_length=10_000)]] = None

    return Record


# --- The runs. ---------------------------------------------------------------------------------

def best_of(repeat: int, run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="records (default 100,000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, the best counts")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", metavar="FILE", help="also write the seconds of each run")
    args = parser.parse_args()

    import fastjsonschema
    import jsonschema_rs
    import pandas as pd
    from pydantic import ValidationError

    records = cen.generate(args.count, seed=args.seed, invalid_share=0.1)
    schema = cen.schema()
    draft7 = {k: v for k, v in schema.items() if k != "$schema"}  # fastjsonschema: up to draft 7
    rs = jsonschema_rs.validator_for(schema)
    fast = fastjsonschema.compile(draft7)
    Record = _pydantic_model()
    validator = cen.Validator(today=TODAY)

    def run_fast() -> int:
        ok = 0
        for record in records:
            try:
                fast(record)
                ok += 1
            except fastjsonschema.JsonSchemaException:
                pass
        return ok

    def run_pydantic() -> int:
        ok = 0
        for record in records:
            try:
                Record.model_validate(record)
                ok += 1
            except ValidationError:
                pass
        return ok

    frame = pd.DataFrame([cen.flatten(r) for r in records]).astype(object)

    runs: list[tuple[str, str, Callable[[], object]]] = [
        ("cen.validate_many", "structure + every rule, all cores",
         lambda: validator.validate_many(records)),
        ("cen.validate_many threads=1", "structure + every rule, one thread",
         lambda: validator.validate_many(records, threads=1)),
        ("jsonschema_rs", "structure (cen.schema())", lambda: [rs.is_valid(r) for r in records]),
        ("fastjsonschema", "structure (cen.schema())", run_fast),
        ("pydantic v2", "structure (model of spec 2)", run_pydantic),
        ("cen.validate_frame", "flat rows, all cores", lambda: validator.validate_frame(frame)),
        ("cen.validate_frame threads=1", "flat rows, one thread",
         lambda: validator.validate_frame(frame, threads=1)),
    ]
    print(f"{args.count:,} records, best of {args.repeat}; Python {platform.python_version()}, "
          f"cen {cen.__version__}, {os.cpu_count()} cores")
    seconds: dict[str, float] = {}
    for name, what, run in runs:
        seconds[name] = best_of(args.repeat, run)
        rate = args.count / seconds[name]
        print(f"  {name:30s} {seconds[name]:8.3f} s  {rate:12,.0f} records/s   {what}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"count": args.count, "cen": cen.__version__, "cen_file": cen.__file__,
                       "seconds": seconds}, out, indent=2)
    cen_all, cen_one = seconds["cen.validate_many"], seconds["cen.validate_many threads=1"]
    for peer, target in (("jsonschema_rs", 1.5), ("fastjsonschema", None), ("pydantic v2", 10.0)):
        aim = f" (target {target}x)" if target else ""
        print(f"  cen vs {peer:15s} {seconds[peer] / cen_all:6.2f}x all cores, "
              f"{seconds[peer] / cen_one:6.2f}x one thread{aim}")


if __name__ == "__main__":
    main()
