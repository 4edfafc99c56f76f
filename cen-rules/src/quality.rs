//! The data-quality score of a record, 0 to 100 (spec 3, "Quality"): how complete the record is
//! against the long form, and how consistent. See `docs/quality.md` for the formula and its
//! reasons.
//!
//! quality = round(70 × completeness + 30 × consistency), where
//! - completeness is the weighted share of the long form's fields that are present and not
//!   `XX`/`unknown`: nine case fields (weight 1 each), the goods lines (weight 4, the average
//!   over lines of the share of commodity, type, quantity, unit and concealment) and the legs
//!   (weight 3, the average over legs of the share of type, date, from, to and the identifiers
//!   the type requires), out of 16;
//! - consistency is 1 − 0.2 per error − 0.05 per warning, never below 0.
//!
//! A value that is present but failed its checks counts as present for completeness: its issue
//! lowers consistency instead. An input that is not a record scores 0.

use cen_model::{ConveyanceType, LocationType, Procedure, Record};

use crate::facts::known;
use crate::report::Counts;
use crate::rules::movement::REQUIRED_ON;

const CASE_WEIGHT: f64 = 9.0;
const GOODS_WEIGHT: f64 = 4.0;
const LEGS_WEIGHT: f64 = 3.0;

fn share(present: &[bool]) -> f64 {
    if present.is_empty() {
        return 0.0;
    }
    present.iter().filter(|p| **p).count() as f64 / present.len() as f64
}

fn leg_share(leg: &cen_model::Leg) -> f64 {
    let base = [
        leg.r#type.is_some_and(|t| t != ConveyanceType::Unknown),
        leg.date.is_some(),
        leg.from.is_some(),
        leg.to.is_some(),
    ];
    let (mut present, mut total) = (base.iter().filter(|p| **p).count(), base.len());
    if let Some(kind) = leg.r#type {
        for (_, field) in REQUIRED_ON.iter().filter(|(t, _)| *t == kind) {
            total += 1;
            present += usize::from(match *field {
                "flight" => leg.flight.is_some(),
                "awb" => leg.awb.is_some() || leg.tracking.is_some(),
                "carrier" => leg.carrier.is_some(),
                "postal_item" => leg.postal_item.is_some(),
                "container" => leg.container.is_some(),
                "aircraft_registration" => leg.aircraft_registration.is_some(),
                _ => false,
            });
        }
    }
    present as f64 / total as f64
}

fn average<T>(items: &[T], each: impl Fn(&T) -> f64) -> f64 {
    if items.is_empty() {
        return 0.0;
    }
    items.iter().map(each).sum::<f64>() / items.len() as f64
}

/// The completeness of a record, 0 to 1.
pub(crate) fn completeness(record: &Record, invalid: &[String]) -> f64 {
    let there = |value: bool, pointer: &str| value || invalid.iter().any(|p| p == pointer);
    let location = record.location.as_ref();
    let route = record.route.as_ref();
    let country = |code: Option<&String>, pointer: &str| {
        there(known(code.map(String::as_str)).is_some(), pointer)
    };
    let case = [
        there(record.reporting_country.is_some(), "/reporting_country"),
        there(record.seizure_date.is_some(), "/seizure_date"),
        there(
            location
                .and_then(|l| l.r#type)
                .is_some_and(|t| t != LocationType::Unknown),
            "/location/type",
        ),
        location.is_some_and(|l| l.code.is_some() || l.name.is_some()),
        there(
            record.procedure.is_some_and(|p| p != Procedure::Unknown),
            "/procedure",
        ),
        there(
            record
                .detection
                .as_ref()
                .and_then(|d| d.principal)
                .is_some(),
            "/detection/principal",
        ),
        country(route.and_then(|r| r.origin.as_ref()), "/route/origin"),
        country(route.and_then(|r| r.departure.as_ref()), "/route/departure"),
        country(
            route.and_then(|r| r.destination.as_ref()),
            "/route/destination",
        ),
    ];
    let goods = record.goods.as_deref().unwrap_or_default();
    let goods_share = average(goods, |g| {
        share(&[
            g.commodity.is_some(),
            g.r#type.is_some(),
            g.quantity.is_some(),
            g.unit.is_some(),
            g.concealment.is_some(),
        ])
    });
    let legs = record.conveyance.as_deref().unwrap_or_default();
    let legs_share = average(legs, leg_share);
    (share(&case) * CASE_WEIGHT + goods_share * GOODS_WEIGHT + legs_share * LEGS_WEIGHT)
        / (CASE_WEIGHT + GOODS_WEIGHT + LEGS_WEIGHT)
}

/// The score from completeness and the counts of issues.
pub(crate) fn score(completeness: f64, counts: &Counts) -> u8 {
    let consistency = (1.0 - 0.2 * counts.error as f64 - 0.05 * counts.warning as f64).max(0.0);
    (70.0 * completeness + 30.0 * consistency)
        .round()
        .clamp(0.0, 100.0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{base, report};

    #[test]
    fn a_complete_consistent_record_scores_100() {
        assert_eq!(report(&base(), serde_json::json!({})).quality, 100);
    }

    #[test]
    fn missing_fields_and_issues_lower_the_score() {
        let mut r = base();
        r["route"]["origin"] = "XX".into();
        assert_eq!(
            report(&r, serde_json::json!({})).quality,
            96,
            "one case field of nine is unknown: 70 × 15/16 + 30"
        );
        r["route"]["destination"] = "NL".into();
        // completeness still 15/16; one error (MOV-001) and one warning (MOV-010): 65.625 + 22.5
        assert_eq!(report(&r, serde_json::json!({})).quality, 88);
    }

    #[test]
    fn consistency_never_goes_below_zero() {
        assert_eq!(
            score(
                0.0,
                &Counts {
                    error: 9,
                    warning: 3,
                    info: 0
                }
            ),
            0
        );
        assert_eq!(
            score(
                1.0,
                &Counts {
                    error: 0,
                    warning: 0,
                    info: 5
                }
            ),
            100
        );
    }
}
