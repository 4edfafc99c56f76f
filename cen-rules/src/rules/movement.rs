//! MOV: movement of goods (spec 3), the automated data entry controls that WCO added to the
//! seizure form. "Known" means present, valid and not `XX`/`unknown`.

use cen_model::{ConveyanceType, Enumeration, Form, LocationType, Params, Procedure};

use crate::definition::{Param, Rule, Severity, Shown};
use crate::facts::{known, Facts};
use crate::sink::Sink;

/// CEN-MOV-001: import, and the destination is not the reporting country.
pub static MOV_001: Rule = Rule {
    id: "CEN-MOV-001",
    severity: Severity::Error,
    params: &[Param::as_is("expected"), Param::as_is("found")],
    summary: "Import: a known route.destination differs from reporting_country.",
};
/// CEN-MOV-002: export, and the departure is not the reporting country.
pub static MOV_002: Rule = Rule {
    id: "CEN-MOV-002",
    severity: Severity::Error,
    params: &[Param::as_is("expected"), Param::as_is("found")],
    summary: "Export: a known route.departure differs from reporting_country.",
};
/// CEN-MOV-003: transit or transhipment through the country of departure or destination.
pub static MOV_003: Rule = Rule {
    id: "CEN-MOV-003",
    severity: Severity::Error,
    params: &[],
    summary: "Transit or transhipment: reporting_country equals a known route.departure or route.destination.",
};
/// CEN-MOV-004: an international movement that leaves from where it goes.
pub static MOV_004: Rule = Rule {
    id: "CEN-MOV-004",
    severity: Severity::Error,
    params: &[],
    summary:
        "Import, export, transit or transhipment: the known departure equals the known destination.",
};
/// CEN-MOV-005: a transit country repeats a country of the route.
pub static MOV_005: Rule = Rule {
    id: "CEN-MOV-005",
    severity: Severity::Error,
    params: &[Param::as_is("code")],
    summary: "route.transit repeats a country, or holds the known departure or destination.",
};
/// CEN-MOV-006: the location is in another country than the reporting country.
pub static MOV_006: Rule = Rule {
    id: "CEN-MOV-006",
    severity: Severity::Error,
    params: &[Param::as_is("expected"), Param::as_is("found")],
    summary: "location.code resolves to a country other than reporting_country.",
};
/// CEN-MOV-007: the location code is not a place of the location's type.
pub static MOV_007: Rule = Rule {
    id: "CEN-MOV-007",
    severity: Severity::Error,
    params: &[Param::as_is("code"), Param::label("type", "location_type")],
    summary: "location.type is airport (or seaport) and the code does not resolve to an airport (or seaport).",
};
/// CEN-MOV-008: an airport or seaport seizure without a leg that could reach it.
pub static MOV_008: Rule = Rule {
    id: "CEN-MOV-008",
    severity: Severity::Warning,
    params: &[],
    summary: "location.type is airport (or seaport) and no leg has an air, postal (or sea) conveyance type or unknown.",
};
/// CEN-MOV-009: an identifier on a leg whose type does not allow it.
pub static MOV_009: Rule = Rule {
    id: "CEN-MOV-009",
    severity: Severity::Error,
    params: &[
        Param {
            name: "field",
            shown: Shown::FieldLabel("conveyance"),
        },
        Param::label("conveyance", "conveyance_type"),
    ],
    summary: "An identifier field is on a leg whose conveyance type does not allow it (table 2.5).",
};
/// CEN-MOV-010: the legs do not start or end where the route says.
pub static MOV_010: Rule = Rule {
    id: "CEN-MOV-010",
    severity: Severity::Warning,
    params: &[Param::as_is("expected"), Param::as_is("found")],
    summary: "Import or export: the first leg's from (last leg's to) is in another country than the known departure (destination).",
};
/// CEN-MOV-011: long form: a leg lacks the identifier its type requires.
pub static MOV_011: Rule = Rule {
    id: "CEN-MOV-011",
    severity: Severity::Error,
    params: &[
        Param {
            name: "field",
            shown: Shown::FieldLabel("conveyance"),
        },
        Param::label("conveyance", "conveyance_type"),
    ],
    summary: "Long form: a leg lacks an identifier that its conveyance type requires (table 2.5).",
};
/// CEN-MOV-012: a domestic seizure with foreign route countries.
pub static MOV_012: Rule = Rule {
    id: "CEN-MOV-012",
    severity: Severity::Warning,
    params: &[],
    summary: "Domestic: a known departure or destination differs from reporting_country.",
};
/// CEN-MOV-013: a leg that ends where it starts.
pub static MOV_013: Rule = Rule {
    id: "CEN-MOV-013",
    severity: Severity::Warning,
    params: &[],
    summary: "A leg's from equals its to.",
};

use ConveyanceType::*;

/// Table 2.5: the leg types on which each identifier field is allowed. A leg of type `unknown`
/// allows every identifier (unknown is not wrong).
pub const ALLOWED_ON: &[(&str, &[ConveyanceType])] = &[
    ("flight", &[AirPassenger, AirCargo, ExpressCourier]),
    ("awb", &[AirCargo, ExpressCourier]),
    ("tracking", &[ExpressCourier, Postal]),
    ("postal_item", &[Postal]),
    ("container", &[SeaContainer, RailFreight, RoadCommercial]),
    ("imo", &[SeaContainer, SeaCargo, SeaSmallCraft]),
    (
        "vessel_name",
        &[SeaContainer, SeaCargo, SeaSmallCraft, InlandWaterway],
    ),
    (
        "vehicle_registration",
        &[RoadPrivate, RoadCommercial, RoadBus],
    ),
    ("aircraft_registration", &[AirGeneralAviation]),
    ("train", &[RailPassenger, RailFreight]),
];

/// Table 2.5: the identifiers each leg type requires in the long form.
pub const REQUIRED_ON: &[(ConveyanceType, &str)] = &[
    (AirPassenger, "flight"),
    (AirCargo, "awb"),
    (ExpressCourier, "carrier"),
    (Postal, "postal_item"),
    (SeaContainer, "container"),
    (AirGeneralAviation, "aircraft_registration"),
];

const AIRPORT_LEGS: &[ConveyanceType] = &[
    AirPassenger,
    AirCargo,
    AirGeneralAviation,
    ExpressCourier,
    Postal,
    Unknown,
];
const SEAPORT_LEGS: &[ConveyanceType] = &[
    SeaContainer,
    SeaCargo,
    SeaSmallCraft,
    InlandWaterway,
    Unknown,
];

fn pair(expected: &str, found: &str) -> Params {
    Params::new()
        .with("expected", expected)
        .with("found", found)
}

/// Every MOV rule.
pub(crate) fn check(facts: &Facts, sink: &mut Sink) {
    route(facts, sink);
    location(facts, sink);
    legs(facts, sink);
}

/// CEN-MOV-001 to -005, -010 and -012: the route against the procedure and the legs.
fn route(facts: &Facts, sink: &mut Sink) {
    let reporting = facts.reporting;
    let departure = known(facts.departure);
    let destination = known(facts.destination);
    let procedure = facts.procedure;
    match (procedure, reporting) {
        (Some(Procedure::Import), Some(rc)) => {
            if let Some(found) = destination.filter(|d| *d != rc) {
                sink.emit(&MOV_001, "/route/destination".into(), pair(rc, found));
            }
        }
        (Some(Procedure::Export), Some(rc)) => {
            if let Some(found) = departure.filter(|d| *d != rc) {
                sink.emit(&MOV_002, "/route/departure".into(), pair(rc, found));
            }
        }
        (Some(Procedure::Transit | Procedure::Transhipment), Some(rc))
            if departure == Some(rc) || destination == Some(rc) =>
        {
            sink.emit(&MOV_003, "/procedure".into(), Params::new());
        }
        (Some(Procedure::Domestic), Some(rc)) => {
            if departure.is_some_and(|d| d != rc) {
                sink.emit(&MOV_012, "/route/departure".into(), Params::new());
            }
            if destination.is_some_and(|d| d != rc) {
                sink.emit(&MOV_012, "/route/destination".into(), Params::new());
            }
        }
        _ => {}
    }
    let international = matches!(
        procedure,
        Some(Procedure::Import | Procedure::Export | Procedure::Transit | Procedure::Transhipment)
    );
    if international && departure.is_some() && departure == destination {
        sink.emit(&MOV_004, "/route/destination".into(), Params::new());
    }
    for (i, code) in facts.transit.iter().enumerate() {
        let Some(code) = known(*code) else {
            continue;
        };
        let repeated = facts.transit[..i].contains(&Some(code));
        if repeated || departure == Some(code) || destination == Some(code) {
            sink.emit(
                &MOV_005,
                format!("/route/transit/{i}"),
                Params::new().with("code", code),
            );
        }
    }
    if matches!(procedure, Some(Procedure::Import | Procedure::Export)) {
        let first = facts.legs.first().and_then(|l| l.from.as_ref());
        if let (Some(expected), Some((_, place))) = (departure, first) {
            if place.country() != expected {
                sink.emit_variant(
                    &MOV_010,
                    "/conveyance/0/from".into(),
                    pair(expected, place.country()),
                    Some("from"),
                );
            }
        }
        let last = facts
            .legs
            .len()
            .checked_sub(1)
            .and_then(|i| facts.legs[i].to.as_ref().map(|to| (i, to)));
        if let (Some(expected), Some((i, (_, place)))) = (destination, last) {
            if place.country() != expected {
                sink.emit_variant(
                    &MOV_010,
                    format!("/conveyance/{i}/to"),
                    pair(expected, place.country()),
                    Some("to"),
                );
            }
        }
    }
}

/// CEN-MOV-006 to -008: the place of the seizure.
fn location(facts: &Facts, sink: &mut Sink) {
    if let (Some(rc), Some((_, place))) = (facts.reporting, facts.location.as_ref()) {
        if place.country() != rc {
            sink.emit(&MOV_006, "/location/code".into(), pair(rc, place.country()));
        }
    }
    let (wanted, legs, variant) = match facts.location_type {
        Some(LocationType::Airport) => (LocationType::Airport, AIRPORT_LEGS, "airport"),
        Some(LocationType::Seaport) => (LocationType::Seaport, SEAPORT_LEGS, "seaport"),
        _ => return,
    };
    if let Some((code, place)) = facts.location.as_ref() {
        let fits = if wanted == LocationType::Airport {
            place.is_airport()
        } else {
            place.is_seaport()
        };
        if !fits {
            sink.emit(
                &MOV_007,
                "/location/code".into(),
                Params::new()
                    .with("code", *code)
                    .with("type", wanted.as_str()),
            );
        }
    }
    if facts.leg_types_known() && !facts.leg_types().any(|t| legs.contains(&t)) {
        sink.emit_variant(
            &MOV_008,
            "/location/type".into(),
            Params::new(),
            Some(variant),
        );
    }
}

fn identifier_present(facts: &Facts, i: usize, field: &str, value: bool) -> bool {
    value
        || (!facts.decoded.invalid.is_empty()
            && facts
                .decoded
                .is_invalid(&format!("/conveyance/{i}/{field}")))
}

/// CEN-MOV-009, -011 and -013: each leg.
fn legs(facts: &Facts, sink: &mut Sink) {
    for (i, leg_facts) in facts.legs.iter().enumerate() {
        let Some(leg) = leg_facts.leg else {
            continue;
        };
        if let (Some((from, _)), Some((to, _))) = (&leg_facts.from, &leg_facts.to) {
            if from == to {
                sink.emit(&MOV_013, format!("/conveyance/{i}/to"), Params::new());
            }
        }
        let Some(kind) = leg_facts.kind else {
            continue;
        };
        let fields: [(&str, bool); 10] = [
            ("flight", leg.flight.is_some()),
            ("awb", leg.awb.is_some()),
            ("tracking", leg.tracking.is_some()),
            ("postal_item", leg.postal_item.is_some()),
            ("container", leg.container.is_some()),
            ("imo", leg.imo.is_some()),
            ("vessel_name", leg.vessel_name.is_some()),
            ("vehicle_registration", leg.vehicle_registration.is_some()),
            ("aircraft_registration", leg.aircraft_registration.is_some()),
            ("train", leg.train.is_some()),
        ];
        if kind != Unknown {
            for ((field, value), (_, allowed)) in fields.iter().zip(ALLOWED_ON) {
                if identifier_present(facts, i, field, *value) && !allowed.contains(&kind) {
                    let params = Params::new()
                        .with("field", *field)
                        .with("conveyance", kind.as_str());
                    sink.emit(&MOV_009, format!("/conveyance/{i}/{field}"), params);
                }
            }
        }
        if facts.form != Form::Long {
            continue;
        }
        let has = |field: &str| {
            identifier_present(
                facts,
                i,
                field,
                fields.iter().any(|(f, v)| *f == field && *v)
                    || (field == "carrier" && leg.carrier.is_some()),
            )
        };
        for (_, field) in REQUIRED_ON.iter().filter(|(t, _)| *t == kind) {
            if !has(field) {
                let params = Params::new()
                    .with("field", *field)
                    .with("conveyance", kind.as_str());
                sink.emit(&MOV_011, format!("/conveyance/{i}/{field}"), params);
            }
        }
        if kind == ExpressCourier && !has("awb") && !has("tracking") {
            let params = Params::new()
                .with("field", "awb")
                .with("conveyance", kind.as_str());
            sink.emit_variant(
                &MOV_011,
                format!("/conveyance/{i}/awb"),
                params,
                Some("express"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{base, issues, issues_with};
    use serde_json::json;

    #[test]
    fn mov_001_import_destination_and_its_near_misses() {
        let mut r = base();
        r["route"]["destination"] = json!("NL");
        assert_eq!(
            issues(&r),
            [
                "CEN-MOV-010 /conveyance/0/to",
                "CEN-MOV-001 /route/destination"
            ]
        );
        r["route"]["destination"] = json!("XX");
        assert!(issues(&r).is_empty(), "unknown is not wrong");
        r["route"]["destination"] = json!("NLD");
        assert_eq!(
            issues(&r),
            ["CEN-COD-001 /route/destination"],
            "no cascade from a bad code"
        );
    }

    #[test]
    fn mov_002_export_departure() {
        let mut r = base();
        r["procedure"] = json!("export");
        r["route"] = json!({"departure": "FR", "destination": "US"});
        r["conveyance"][0] =
            json!({"type": "air_passenger", "flight": "SN501", "date": "2026-02-27"});
        assert_eq!(issues(&r), ["CEN-MOV-002 /route/departure"]);
        r["route"]["departure"] = json!("BE");
        assert!(issues(&r).is_empty());
    }

    #[test]
    fn mov_003_and_004() {
        let mut r = base();
        r["procedure"] = json!("transit");
        r["conveyance"][0] =
            json!({"type": "air_passenger", "flight": "SN501", "date": "2026-02-27"});
        assert_eq!(issues(&r), ["CEN-MOV-003 /procedure"]);
        r["route"] = json!({"departure": "BR", "destination": "BR"});
        assert_eq!(issues(&r), ["CEN-MOV-004 /route/destination"]);
        r["route"] = json!({"departure": "BR", "destination": "DE"});
        assert!(issues(&r).is_empty());
        r["route"] = json!({"departure": "XX", "destination": "XX"});
        assert!(
            issues(&r).is_empty(),
            "two unknowns are not the same country"
        );
    }

    #[test]
    fn mov_005_reports_each_offending_transit_entry() {
        let mut r = base();
        r["route"]["transit"] = json!(["PT", "BR", "PT", "XX", "XX", "ES"]);
        assert_eq!(
            issues(&r),
            [
                "CEN-MOV-005 /route/transit/1",
                "CEN-MOV-005 /route/transit/2"
            ]
        );
    }

    #[test]
    fn mov_006_and_007_on_the_place() {
        let mut r = base();
        r["location"]["code"] = json!("AMS");
        assert_eq!(issues(&r), ["CEN-MOV-006 /location/code"]);
        r["location"]["code"] = json!("BEZEE");
        assert_eq!(issues(&r), ["CEN-MOV-007 /location/code"]);
        r["location"]["code"] = json!("BEANR");
        assert!(
            issues(&r).is_empty(),
            "Antwerp's UN/LOCODE functions include an airport"
        );
        r["location"] = json!({"type": "seaport", "code": "BEANR"});
        assert_eq!(issues(&r), ["CEN-MOV-008 /location/type"]);
        r["location"] = json!({"type": "airport", "code": "EBBR"});
        assert!(issues(&r).is_empty());
    }

    #[test]
    fn mov_009_identifier_on_the_wrong_leg_but_not_on_an_unknown_one() {
        let mut r = base();
        r["conveyance"][0]["container"] = json!("CSQU3054383");
        assert_eq!(issues(&r), ["CEN-MOV-009 /conveyance/0/container"]);
        r["conveyance"][0]["type"] = json!("unknown");
        assert!(issues(&r).is_empty());
    }

    #[test]
    fn mov_011_required_identifiers_in_the_long_form_only() {
        let mut r = base();
        r["conveyance"][0] = json!({"type": "express_courier", "date": "2026-02-27"});
        assert_eq!(
            issues(&r),
            [
                "CEN-MOV-011 /conveyance/0/awb",
                "CEN-MOV-011 /conveyance/0/carrier"
            ]
        );
        r["conveyance"][0]["tracking"] = json!("1Z999");
        r["conveyance"][0]["carrier"] = json!("Example Express");
        assert!(issues(&r).is_empty());
        r["conveyance"][0] = json!({"type": "air_passenger", "flight": 254});
        assert_eq!(
            issues(&r),
            ["CEN-SCH-002 /conveyance/0/flight"],
            "a bad value still counts as present"
        );
        r["conveyance"][0] = json!({"type": "air_passenger"});
        assert_eq!(
            issues_with(&r, json!({"form": "simplified"})),
            Vec::<String>::new()
        );
    }

    #[test]
    fn mov_012_and_013() {
        let mut r = base();
        r["procedure"] = json!("domestic");
        assert_eq!(issues(&r), ["CEN-MOV-012 /route/departure"]);
        r["route"]["departure"] = json!("BE");
        r["conveyance"][0]["from"] = json!("BRU");
        assert_eq!(issues(&r), ["CEN-MOV-013 /conveyance/0/to"]);
    }
}
