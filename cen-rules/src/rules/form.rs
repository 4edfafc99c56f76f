//! FRM: form and profile (spec 3 and 5.1).

use cen_model::{Enumeration, ParamValue, Params, Source};

use crate::definition::{Param, Rule, Severity};
use crate::facts::Facts;
use crate::sink::Sink;

/// CEN-FRM-001: a CENcomm record without its closed user group.
pub static FRM_001: Rule = Rule {
    id: "CEN-FRM-001",
    severity: Severity::Error,
    params: &[],
    summary: "source is cencomm and cug is missing.",
};
/// CEN-FRM-002: a commodity area the profile does not collect.
pub static FRM_002: Rule = Rule {
    id: "CEN-FRM-002",
    severity: Severity::Error,
    params: &[
        Param::label("commodity", "commodity_area"),
        Param::label("allowed", "commodity_area"),
    ],
    summary: "A goods line's commodity is not in the profile's commodities list.",
};

/// Every FRM rule.
pub(crate) fn check(
    facts: &Facts,
    commodities: Option<&[cen_model::CommodityArea]>,
    sink: &mut Sink,
) {
    let record = facts.record();
    if facts.source == Source::Cencomm && record.cug.is_none() && !facts.decoded.is_invalid("/cug")
    {
        sink.emit(&FRM_001, "/cug".into(), Params::new());
    }
    let Some(allowed) = commodities else {
        return;
    };
    for (i, line) in facts.goods.iter().enumerate() {
        if let Some(area) = line.area.filter(|a| !allowed.contains(a)) {
            let words = ParamValue::List(allowed.iter().map(|a| a.as_str().to_owned()).collect());
            sink.emit(
                &FRM_002,
                format!("/goods/{i}/commodity"),
                Params::new()
                    .with("commodity", area.as_str())
                    .with("allowed", words),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{base, issues, issues_with};
    use serde_json::json;

    #[test]
    fn frm_001_cencomm_needs_its_cug() {
        let mut r = base();
        r["source"] = json!("cencomm");
        assert_eq!(issues(&r), ["CEN-FRM-001 /cug"]);
        r["cug"] = json!("OP-EXAMPLE");
        assert!(issues(&r).is_empty());
    }

    #[test]
    fn frm_002_follows_the_profile() {
        let r = base();
        let options = json!({"profile": {"commodities": ["tobacco", "alcohol"]}});
        assert_eq!(issues_with(&r, options), ["CEN-FRM-002 /goods/0/commodity"]);
        assert!(issues_with(&r, json!({"profile": {"commodities": ["drugs"]}})).is_empty());
    }
}
