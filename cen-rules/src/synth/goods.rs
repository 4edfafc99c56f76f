//! The goods line of a valid record: what was seized, how much of it in a unit its type allows
//! (quantities spread over orders of magnitude, scaled by the means of transport), and on the
//! long form how it was hidden and what else is known of it.

use serde_json::{json, Map, Value};

use super::rng::Rng;
use super::story::Story;
use super::world::{concealments, scale, CURRENCIES};

/// The one goods line of a valid record.
pub(super) fn line(rng: &mut Rng, story: &Story) -> Map<String, Value> {
    let (area, goods_type, unit) = (story.area, story.goods_type, story.unit);
    let quantity = quantity(rng, story);
    let mut line = Map::new();
    line.insert("commodity".into(), area.code().into());
    line.insert("type".into(), goods_type.code().into());
    line.insert("quantity".into(), json!(quantity));
    line.insert("unit".into(), unit.into());
    if unit == "amount" {
        line.insert("currency".into(), (*rng.pick(CURRENCIES)).into());
    }
    if !story.simplified {
        line.insert(
            "concealment".into(),
            (*rng.pick(concealments(story.conveyance))).into(),
        );
        if rng.chance(0.3) {
            line.insert(
                "value".into(),
                json!({"amount": (rng.log_between(100.0, 1e6)).round(), "currency": "EUR"}),
            );
        }
        if area.code() == "tobacco" && goods_type.code() == "cigarettes" && rng.chance(0.5) {
            line.insert("hs_code".into(), "240220".into());
        }
        if area.code() == "ipr" && rng.chance(0.6) {
            line.insert(
                "brand".into(),
                (*rng.pick(&["Example", "Sample Luxe", "Demo Sport"])).into(),
            );
        }
        if area.code() == "cites" && rng.chance(0.5) {
            line.insert("cites_appendix".into(), (*rng.pick(&["I", "II"])).into());
        }
    }
    line
}

/// A plausible quantity in the line's unit, always above zero.
fn quantity(rng: &mut Rng, story: &Story) -> f64 {
    let (conveyance, unit) = (story.conveyance, story.unit);
    let kind = codes_data::unit(unit).map(|u| u.kind());
    let base = scale(conveyance);
    let raw = match kind {
        Some(codes_data::UnitKind::Mass | codes_data::UnitKind::Volume) => {
            let kg = rng.log_between(0.05, 20.0) * base;
            let (low, high) = if story.area.code() == "drugs" || story.area.code() == "precursors" {
                if matches!(conveyance, "air_passenger" | "pedestrian") {
                    (0.05, 45.0)
                } else {
                    (0.01, 5000.0)
                }
            } else if conveyance == "postal" {
                (0.01, 25.0)
            } else {
                (0.01, 20000.0)
            };
            let kg = kg.clamp(low, high);
            match unit {
                "g" | "ml" => (kg * 1000.0).round().max(1.0),
                "t" | "m3" => ((kg / 1000.0 * 1000.0).round() / 1000.0).max(0.001),
                _ => ((kg * 100.0).round() / 100.0).max(0.01),
            }
        }
        Some(codes_data::UnitKind::Money) => (rng.log_between(10.0, 2000.0) * base).round() * 10.0,
        _ => {
            let cap = if story.goods_type.code() == "cigarettes" {
                40_000_000.0
            } else {
                1e7
            };
            (rng.log_between(1.0, 500.0)
                * base
                * if unit == "pieces" || unit == "tablets" {
                    20.0
                } else {
                    1.0
                })
            .round()
            .clamp(1.0, cap)
        }
    };
    if raw > 0.0 {
        raw
    } else {
        1.0
    }
}
