//! SCH: structure (spec 3). The decoder (`cen-model`) finds CEN-SCH-001, -002, -003, -005 and
//! -006 while it reads a record; this module defines those rules and checks the required fields
//! of the form and the profile (CEN-SCH-004).

use std::sync::OnceLock;

use cen_model::required::{
    check as check_required, check_all, RequiredPath, BOTH_FORMS, CODE_OF_PORT, CURRENCY_OF_AMOUNT,
    LONG_FORM,
};
use cen_model::{Decoded, Finding, Form, LocationType, Record, Unit};

use crate::definition::{Param, Rule, Severity};
use crate::sink::Sink;

/// CEN-SCH-001: the input is not a record.
pub static SCH_001: Rule = Rule {
    id: "CEN-SCH-001",
    severity: Severity::Error,
    params: &[],
    summary: "The input is not JSON, not a JSON object, invalid UTF-8, larger than 1 MiB, or nested deeper than 32.",
};
/// CEN-SCH-002: a field has the wrong JSON type.
pub static SCH_002: Rule = Rule {
    id: "CEN-SCH-002",
    severity: Severity::Error,
    params: &[],
    summary: "A field has the wrong JSON type.",
};
/// CEN-SCH-003: a field the record does not define.
pub static SCH_003: Rule = Rule {
    id: "CEN-SCH-003",
    severity: Severity::Error,
    params: &[Param::as_is("field")],
    summary: "A field name that the record shape does not define (or a field given twice).",
};
/// CEN-SCH-004: a required field is missing.
pub static SCH_004: Rule = Rule {
    id: "CEN-SCH-004",
    severity: Severity::Error,
    params: &[Param::as_is("field")],
    summary: "A required field is missing for the form, or for the profile's required list.",
};
/// CEN-SCH-005: a value is not a word of its enumeration.
pub static SCH_005: Rule = Rule {
    id: "CEN-SCH-005",
    severity: Severity::Error,
    params: &[Param::as_is("value"), Param::as_is("allowed")],
    summary: "A value is not one of the allowed words of its enumeration.",
};
/// CEN-SCH-006: a value over its limit.
pub static SCH_006: Rule = Rule {
    id: "CEN-SCH-006",
    severity: Severity::Error,
    params: &[Param::as_is("limit")],
    summary: "A string is too long, an array has too many items, or a number is out of its range or not finite.",
};

/// The rules of the decoder's findings, which are all of the SCH group (`cen_model::finding`).
const FOUND_BY_THE_DECODER: [&Rule; 6] =
    [&SCH_001, &SCH_002, &SCH_003, &SCH_004, &SCH_005, &SCH_006];

/// Records a structural finding of the decoder as an issue of its rule.
pub(crate) fn emit_finding(sink: &mut Sink, finding: Finding) {
    if let Some(rule) = FOUND_BY_THE_DECODER
        .into_iter()
        .find(|rule| rule.id == finding.rule)
    {
        sink.emit_variant(rule, finding.path, finding.params, finding.variant);
    }
}

fn parsed(patterns: &'static [&'static str]) -> Vec<RequiredPath> {
    patterns
        .iter()
        .filter_map(|p| RequiredPath::parse(p).ok())
        .collect()
}

fn both_forms() -> &'static [RequiredPath] {
    static PATHS: OnceLock<Vec<RequiredPath>> = OnceLock::new();
    PATHS.get_or_init(|| parsed(BOTH_FORMS))
}

fn long_form() -> &'static [RequiredPath] {
    static PATHS: OnceLock<Vec<RequiredPath>> = OnceLock::new();
    PATHS.get_or_init(|| {
        let mut paths = parsed(LONG_FORM);
        paths.extend(RequiredPath::parse(CODE_OF_PORT).ok());
        paths
    })
}

/// CEN-SCH-004: the fields required by the form and by the profile.
/// True when every field the form requires is there, read straight from the typed record:
/// the common case, decided without walking the required-field patterns. When it is false the
/// patterns are walked to say exactly what is missing (a value that did not fit is absent
/// from the typed record, so it also takes the exact path).
fn form_fields_present(record: &Record, form: Form) -> bool {
    let location = record.location.as_ref();
    let route = record.route.as_ref();
    let goods = record.goods.as_deref().unwrap_or_default();
    let legs = record.conveyance.as_deref().unwrap_or_default();
    let both = record.reporting_country.is_some()
        && record.seizure_date.is_some()
        && location.is_some_and(|l| l.r#type.is_some())
        && record.procedure.is_some()
        && !goods.is_empty()
        && goods.iter().all(|g| {
            g.commodity.is_some()
                && g.r#type.is_some()
                && g.quantity.is_some()
                && g.unit.is_some()
                && (g.unit != Some(Unit::Amount) || g.currency.is_some())
        })
        && !legs.is_empty()
        && legs.iter().all(|l| l.r#type.is_some())
        && route.is_some_and(|r| r.departure.is_some() && r.destination.is_some());
    if !both || form == Form::Simplified {
        return both;
    }
    let port = location
        .and_then(|l| l.r#type)
        .is_some_and(|t| matches!(t, LocationType::Airport | LocationType::Seaport));
    record
        .detection
        .as_ref()
        .is_some_and(|d| d.principal.is_some())
        && goods.iter().all(|g| g.concealment.is_some())
        && (!port || location.is_some_and(|l| l.code.is_some()))
}

pub(crate) fn required(decoded: &Decoded, form: Form, profile: &[RequiredPath], sink: &mut Sink) {
    let mut findings = Vec::new();
    if form_fields_present(&decoded.record, form) {
        check_all(decoded, profile, &mut findings);
        for finding in findings {
            emit_finding(sink, finding);
        }
        return;
    }
    check_all(decoded, both_forms(), &mut findings);
    for (i, line) in decoded.record.goods.iter().flatten().enumerate() {
        if line.unit == Some(Unit::Amount) {
            if let Ok(path) = RequiredPath::parse(&format!("/goods/{i}/{CURRENCY_OF_AMOUNT}")) {
                check_required(decoded, &path, &mut findings);
            }
        }
    }
    if form == Form::Long {
        let port = decoded
            .record
            .location
            .as_ref()
            .and_then(|l| l.r#type)
            .is_some_and(|t| matches!(t, LocationType::Airport | LocationType::Seaport));
        check_all(
            decoded,
            long_form()
                .iter()
                .filter(|p| p.pointer() != CODE_OF_PORT || port),
            &mut findings,
        );
    }
    check_all(decoded, profile, &mut findings);
    for finding in findings {
        emit_finding(sink, finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{base, issues, issues_with};
    use serde_json::json;

    #[test]
    fn every_finding_of_the_decoder_has_its_rule() {
        use cen_model::finding::*;
        for id in [
            SCH_NOT_A_RECORD,
            SCH_WRONG_TYPE,
            SCH_UNKNOWN_FIELD,
            SCH_MISSING,
            SCH_NOT_ALLOWED,
            SCH_LIMIT,
        ] {
            assert!(
                super::FOUND_BY_THE_DECODER.iter().any(|rule| rule.id == id),
                "{id}"
            );
        }
    }

    #[test]
    fn sch_004_both_forms_and_the_long_form() {
        let mut r = base();
        r.as_object_mut().unwrap().remove("detection");
        r["goods"][0].as_object_mut().unwrap().remove("concealment");
        r["location"].as_object_mut().unwrap().remove("code");
        assert_eq!(
            issues(&r),
            [
                "CEN-SCH-004 /detection",
                "CEN-SCH-004 /goods/0/concealment",
                "CEN-SCH-004 /location/code"
            ]
        );
        assert!(issues_with(&r, json!({"form": "simplified"})).is_empty());
        r.as_object_mut().unwrap().remove("route");
        assert_eq!(
            issues_with(&r, json!({"form": "simplified"})),
            ["CEN-SCH-004 /route"]
        );
    }

    #[test]
    fn sch_004_cash_needs_its_currency_and_profiles_add_fields() {
        let mut r = base();
        r["goods"][0] = json!({"commodity": "currency", "type": "banknotes", "quantity": 1000, "unit": "amount", "concealment": "clothing"});
        assert_eq!(issues(&r), ["CEN-SCH-004 /goods/0/currency"]);
        r["goods"][0]["currency"] = json!("EUR");
        let options =
            json!({"profile": {"required": ["/outcome/legal_action", "/goods/*/hs_code"]}});
        assert_eq!(
            issues_with(&r, options),
            ["CEN-SCH-004 /goods/0/hs_code", "CEN-SCH-004 /outcome"]
        );
    }

    #[test]
    fn decoder_findings_become_issues_with_their_paths() {
        let mut r = base();
        r["goods"][0]["quantity"] = json!("2.5");
        r["goods"][0]["unit"] = json!("kilos");
        r["colour"] = json!("red");
        r["case_ref"] = json!("x".repeat(65));
        assert_eq!(
            issues(&r),
            [
                "CEN-SCH-006 /case_ref",
                "CEN-SCH-003 /colour",
                "CEN-SCH-002 /goods/0/quantity",
                "CEN-SCH-005 /goods/0/unit"
            ]
        );
    }
}
