//! NOM: nominal data (spec 3 and 2.8). CEN is non-nominal: names of persons and companies,
//! their documents and addresses, and vehicle plates belong to nCEN only.

use cen_model::{Params, Source};

use crate::definition::{Rule, Severity};
use crate::facts::Facts;
use crate::sink::Sink;

/// CEN-NOM-001: nominal data outside nCEN.
pub static NOM_001: Rule = Rule {
    id: "CEN-NOM-001",
    severity: Severity::Error,
    params: &[],
    summary:
        "persons, companies or a leg's vehicle_registration is present and source is not ncen.",
};
/// CEN-NOM-002: a narrative in a CEN record.
pub static NOM_002: Rule = Rule {
    id: "CEN-NOM-002",
    severity: Severity::Warning,
    params: &[],
    summary: "narrative is present and source is cen (free text may name people).",
};
/// CEN-NOM-003: a person born after the seizure.
pub static NOM_003: Rule = Rule {
    id: "CEN-NOM-003",
    severity: Severity::Error,
    params: &[],
    summary: "A person's birth_date is after seizure_date.",
};

/// Every NOM rule.
pub(crate) fn check(facts: &Facts, sink: &mut Sink) {
    let record = facts.record();
    let decoded = facts.decoded;
    let present = |is_some: bool, pointer: &str| is_some || decoded.is_invalid(pointer);
    if facts.source != Source::Ncen {
        if present(record.persons.is_some(), "/persons") {
            sink.emit(&NOM_001, "/persons".into(), Params::new());
        }
        if present(record.companies.is_some(), "/companies") {
            sink.emit(&NOM_001, "/companies".into(), Params::new());
        }
        for (i, leg) in record.conveyance.iter().flatten().enumerate() {
            // The pointer is written only when it can be reported: most legs have neither a
            // registration nor an invalid field.
            if leg.vehicle_registration.is_none() && decoded.invalid.is_empty() {
                continue;
            }
            let pointer = format!("/conveyance/{i}/vehicle_registration");
            if present(leg.vehicle_registration.is_some(), &pointer) {
                sink.emit(&NOM_001, pointer, Params::new());
            }
        }
    }
    if facts.source == Source::Cen && present(record.narrative.is_some(), "/narrative") {
        sink.emit(&NOM_002, "/narrative".into(), Params::new());
    }
    if let Some(seizure) = facts.seizure_date {
        for (i, birth) in &facts.birth_dates {
            if *birth > seizure {
                sink.emit(&NOM_003, format!("/persons/{i}/birth_date"), Params::new());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{base, issues};
    use serde_json::json;

    #[test]
    fn nom_001_outside_ncen_and_not_inside() {
        let mut r = base();
        r["persons"] = json!([{"surname": "Example"}]);
        r["companies"] = "ACME".into();
        r["conveyance"][0] = json!({"type": "road_private", "vehicle_registration": "1-ABC-123"});
        r["location"] = json!({"type": "land_border"});
        let got = issues(&r);
        assert_eq!(
            got,
            [
                "CEN-NOM-001 /companies",
                "CEN-SCH-002 /companies",
                "CEN-NOM-001 /conveyance/0/vehicle_registration",
                "CEN-NOM-001 /persons"
            ]
        );
        r["source"] = json!("ncen");
        assert_eq!(issues(&r), ["CEN-SCH-002 /companies"]);
    }

    #[test]
    fn nom_002_only_for_cen() {
        let mut r = base();
        r["narrative"] = json!("Found in the lining of a suitcase.");
        assert_eq!(issues(&r), ["CEN-NOM-002 /narrative"]);
        r["source"] = json!("ncen");
        assert!(issues(&r).is_empty());
    }

    #[test]
    fn nom_003_birth_after_seizure() {
        let mut r = base();
        r["source"] = json!("ncen");
        r["persons"] = json!([{"birth_date": "1990-01-01"}, {"birth_date": "2026-03-01"}]);
        assert_eq!(issues(&r), ["CEN-NOM-003 /persons/1/birth_date"]);
    }
}
