//! DAT: dates compared with today, with each other and with the legs (spec 3). CEN-DAT-001,
//! a date that is not one, is a check of a single value (`values/date.rs`).

use cen_model::{Date, Params, Procedure};

use crate::definition::{Rule, Severity};
use crate::facts::Facts;
use crate::sink::Sink;

/// CEN-DAT-002: `seizure_date` or `entry_date` is after today.
pub static DAT_002: Rule = Rule {
    id: "CEN-DAT-002",
    severity: Severity::Error,
    params: &[],
    summary: "The seizure date or the entry date is after today.",
};
/// CEN-DAT-003: `seizure_date` is before 2000-01-01.
pub static DAT_003: Rule = Rule {
    id: "CEN-DAT-003",
    severity: Severity::Warning,
    params: &[],
    summary: "The seizure date is before 2000-01-01 (before CEN was operational).",
};
/// CEN-DAT-004: import, and the last dated leg started after the seizure.
pub static DAT_004: Rule = Rule {
    id: "CEN-DAT-004",
    severity: Severity::Error,
    params: &[],
    summary: "Import: the date of the last leg that has a date is after the seizure date.",
};
/// CEN-DAT-005: leg dates are not in order.
pub static DAT_005: Rule = Rule {
    id: "CEN-DAT-005",
    severity: Severity::Warning,
    params: &[],
    summary: "Leg dates are not in non-decreasing order.",
};
/// CEN-DAT-006: `entry_date` is before `seizure_date`.
pub static DAT_006: Rule = Rule {
    id: "CEN-DAT-006",
    severity: Severity::Error,
    params: &[],
    summary: "The entry date is before the seizure date.",
};

/// The day CEN became operational, for CEN-DAT-003.
const CEN_OPERATIONAL: Date = match Date::new(2000, 1, 1) {
    Some(date) => date,
    None => panic!("2000-01-01 is a date"),
};

/// CEN-DAT-002 to CEN-DAT-006.
pub(crate) fn check(facts: &Facts, sink: &mut Sink) {
    if let Some(seizure) = facts.seizure_date {
        if seizure > facts.today {
            sink.emit(&DAT_002, "/seizure_date".into(), Params::new());
        }
        if seizure < CEN_OPERATIONAL {
            sink.emit(&DAT_003, "/seizure_date".into(), Params::new());
        }
    }
    if let Some(entry) = facts.entry_date {
        if entry > facts.today {
            sink.emit(&DAT_002, "/entry_date".into(), Params::new());
        }
        if facts.seizure_date.is_some_and(|seizure| entry < seizure) {
            sink.emit(&DAT_006, "/entry_date".into(), Params::new());
        }
    }
    let dated = || {
        facts
            .legs
            .iter()
            .enumerate()
            .filter_map(|(i, leg)| leg.date.map(|d| (i, d)))
    };
    if facts.procedure == Some(Procedure::Import) {
        if let (Some(seizure), Some((i, last))) = (facts.seizure_date, dated().next_back()) {
            if last > seizure {
                sink.emit(&DAT_004, format!("/conveyance/{i}/date"), Params::new());
            }
        }
    }
    let mut previous: Option<Date> = None;
    for (i, day) in dated() {
        if previous.is_some_and(|p| day < p) {
            sink.emit(&DAT_005, format!("/conveyance/{i}/date"), Params::new());
            break;
        }
        previous = Some(day);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{base, issues};
    use serde_json::json;

    #[test]
    fn dat_001_fires_on_impossible_and_foreign_dates_only() {
        let mut r = base();
        r["seizure_date"] = json!("2024-02-30");
        r["entry_date"] = json!("14/03/2024");
        r["conveyance"][0]["date"] = json!("2024-02-29");
        assert_eq!(
            issues(&r),
            ["CEN-DAT-001 /entry_date", "CEN-DAT-001 /seizure_date"]
        );
    }

    #[test]
    fn dat_002_and_003_bracket_the_seizure_date() {
        let mut r = base();
        r["seizure_date"] = json!("2026-11-29");
        r["conveyance"][0]["date"] = json!("2026-11-29");
        assert_eq!(issues(&r), ["CEN-DAT-002 /seizure_date"]);
        r["seizure_date"] = json!("2026-11-28");
        r["conveyance"][0]["date"] = json!("2026-11-28");
        assert!(issues(&r).is_empty(), "today itself is not the future");
        r["seizure_date"] = json!("1999-12-31");
        r["conveyance"][0]["date"] = json!("1999-12-30");
        assert_eq!(issues(&r), ["CEN-DAT-003 /seizure_date"]);
    }

    #[test]
    fn dat_004_looks_at_the_last_dated_leg_of_an_import() {
        let mut r = base();
        r["conveyance"] = json!([{"type": "air_passenger", "flight": "LH254", "date": "2026-03-05"}, {"type": "air_passenger", "flight": "LH255"}]);
        assert_eq!(issues(&r), ["CEN-DAT-004 /conveyance/0/date"]);
        r["procedure"] = json!("export");
        r["route"] = json!({"departure": "BE", "destination": "NL"});
        assert!(issues(&r).iter().all(|i| !i.starts_with("CEN-DAT-004")));
    }

    #[test]
    fn dat_005_reports_the_first_leg_out_of_order_once() {
        let mut r = base();
        r["conveyance"] = json!([
            {"type": "air_passenger", "flight": "LH1", "date": "2026-02-27"},
            {"type": "air_passenger", "flight": "LH2", "date": "2026-02-25"},
            {"type": "air_passenger", "flight": "LH3", "date": "2026-02-20"},
        ]);
        assert_eq!(issues(&r), ["CEN-DAT-005 /conveyance/1/date"]);
    }

    #[test]
    fn dat_006_and_its_near_miss() {
        let mut r = base();
        r["entry_date"] = json!("2026-02-27");
        assert_eq!(issues(&r), ["CEN-DAT-006 /entry_date"]);
        r["entry_date"] = json!("2026-02-28");
        assert!(issues(&r).is_empty());
    }
}
