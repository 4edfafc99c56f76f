//! A valid record: first the story of the seizure is drawn (`story.rs`), then the record is
//! written from it, field by field in the spec's order.
//!
//! Every draw of the generator's stream happens in a fixed order, so that the same seed gives
//! the same records: the helpers below are called in that order, and none of them may draw
//! more or less than it does.

use cen_model::Date;
use serde_json::{json, Map, Value};

use super::rng::Rng;
use super::story::Story;
use super::world::{location_type, place, METHODS};
use super::{conveyance, goods};

/// A valid record, with its seizure dated in the three years up to `today`.
pub(super) fn valid(rng: &mut Rng, today: Date) -> Map<String, Value> {
    let story = Story::draw(rng, today);
    let (here, there) = ports(rng, &story);
    let location = location(rng, &story, here);
    let leg = conveyance::leg(rng, &story, here, there);
    let line = goods::line(rng, &story);

    let mut record = Map::new();
    if story.simplified {
        record.insert("form".into(), "simplified".into());
    } else if rng.chance(0.2) {
        record.insert("form".into(), "long".into());
    }
    if story.source != "cen" || rng.chance(0.2) {
        record.insert("source".into(), story.source.into());
    }
    if story.source == "cencomm" {
        record.insert(
            "cug".into(),
            (*rng.pick(&[
                "OP-NIGHTWATCH",
                "OP-STORM-2026",
                "OP-ECO-GUARD",
                "OP-CASH-FLOW",
            ]))
            .into(),
        );
    }
    if rng.chance(0.6) {
        record.insert(
            "case_ref".into(),
            format!(
                "{}-{}-{}",
                story.reporting,
                story.seizure.year(),
                rng.digits(5)
            )
            .into(),
        );
    }
    record.insert("reporting_country".into(), story.reporting.into());
    record.insert("seizure_date".into(), story.seizure.to_string().into());
    if rng.chance(0.5) {
        let entry = Date::from_days_since_epoch(
            (story.seizure.days_since_epoch() + rng.below(20) as i64).min(today.days_since_epoch()),
        )
        .unwrap_or(story.seizure);
        record.insert("entry_date".into(), entry.to_string().into());
    }
    record.insert("location".into(), Value::Object(location));
    record.insert("procedure".into(), story.procedure.into());
    if !story.simplified {
        record.insert("detection".into(), detection(rng));
    }
    record.insert("goods".into(), json!([Value::Object(line)]));
    record.insert("conveyance".into(), json!([Value::Object(leg)]));
    record.insert("route".into(), route(rng, &story));
    if let Some(offenders) = offenders(rng, &story) {
        record.insert("offenders".into(), offenders);
    }
    if rng.chance(0.4) {
        record.insert("outcome".into(), json!({"legal_action": *rng.pick(&["criminal_prosecution", "administrative_penalty", "under_investigation"]), "arrests": rng.below(3)}));
    }
    if story.source == "ncen" {
        nominal(rng, &story, &mut record);
    }
    record
}

/// The place of seizure (`here`) and the place the goods left from (`there`): seaports for
/// ships, airports otherwise.
fn ports(rng: &mut Rng, story: &Story) -> (&'static str, &'static str) {
    let (_, home_airports, home_ports) = place(story.reporting);
    let (_, dep_airports, dep_ports) = place(story.departure);
    let by_sea = story.by_sea();
    let here = if by_sea {
        *rng.pick(home_ports)
    } else {
        *rng.pick(home_airports)
    };
    let there = if by_sea {
        *rng.pick(dep_ports)
    } else {
        *rng.pick(dep_airports)
    };
    (here, there)
}

/// `location`: its type, its code at an airport or a seaport, sometimes a name.
fn location(rng: &mut Rng, story: &Story, here: &str) -> Map<String, Value> {
    let location_type = location_type(story.conveyance);
    let mut location = Map::new();
    location.insert("type".into(), location_type.into());
    if story.by_air() || story.by_sea() {
        location.insert("code".into(), here.into());
    }
    if rng.chance(0.3) {
        let name = match location_type {
            "land_border" => "Border crossing, inbound lanes",
            "postal_centre" => "International mail processing centre",
            "express_hub" => "Express courier hub",
            "airport" => "Arrivals hall",
            "seaport" => "Container terminal",
            _ => "Customs office",
        };
        location.insert("name".into(), name.into());
    }
    location
}

/// `detection`: the principal method, sometimes another one.
fn detection(rng: &mut Rng) -> Value {
    let mut detection = json!({"principal": *rng.pick(METHODS)});
    if rng.chance(0.3) {
        detection["other"] = json!([*rng.pick(&["xray", "detector_dog", "physical_examination"])]);
    }
    detection
}

/// `route`: sometimes the origin of imported goods, always departure and destination.
fn route(rng: &mut Rng, story: &Story) -> Value {
    let mut route = Map::new();
    if rng.chance(0.4) && story.procedure == "import" {
        route.insert("origin".into(), story.foreign.into());
    }
    route.insert("departure".into(), story.departure.into());
    route.insert("destination".into(), story.destination.into());
    Value::Object(route)
}

/// `offenders`, often, when people carried the goods themselves.
fn offenders(rng: &mut Rng, story: &Story) -> Option<Value> {
    (matches!(
        story.conveyance,
        "air_passenger" | "road_private" | "pedestrian" | "road_bus"
    ) && rng.chance(0.6))
    .then(|| json!([{"nationality": *rng.pick(&[story.foreign, story.reporting, "XX"]), "gender": *rng.pick(&["male", "female", "unknown"]), "age": 19 + rng.below(50), "role": *rng.pick(&["passenger", "courier", "driver"])}]))
}

/// The nominal fields that only nCEN records carry (spec 2.8): persons, a vehicle's
/// registration, the narrative.
fn nominal(rng: &mut Rng, story: &Story, record: &mut Map<String, Value>) {
    let foreign = story.foreign;
    record.insert(
        "persons".into(),
        json!([{"surname": format!("Surname{}", rng.digits(4)), "given_names": "Given", "birth_date": format!("{}-0{}-1{}", 1960 + rng.below(40), 1 + rng.below(9), rng.below(10)),
                "nationality": foreign, "role": "courier", "documents": [{"type": "passport", "number": format!("P{}", rng.digits(8)), "issuing_country": foreign}]}]),
    );
    if matches!(
        story.conveyance,
        "road_private" | "road_commercial" | "road_bus"
    ) {
        if let Some(Value::Object(leg)) = record.get_mut("conveyance").and_then(|c| c.get_mut(0)) {
            leg.insert(
                "vehicle_registration".into(),
                format!("{}-{}", rng.letters(3), rng.digits(3)).into(),
            );
        }
    }
    record.insert(
        "narrative".into(),
        "Found during a targeted examination after a risk alert.".into(),
    );
}
