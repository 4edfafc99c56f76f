use super::*;
use crate::Validator;

fn model(options: &str) -> Value {
    form_model(&Options::from_json(options).unwrap())
}

fn fields(model: &Value) -> Vec<&Value> {
    fn walk<'a>(section: &'a Value, out: &mut Vec<&'a Value>) {
        out.extend(section["fields"].as_array().unwrap());
        for nested in section["sections"].as_array().unwrap() {
            walk(nested, out);
        }
    }
    let mut out = Vec::new();
    for section in model["sections"].as_array().unwrap() {
        walk(section, &mut out);
    }
    out
}

fn field<'a>(model: &'a Value, path: &str) -> &'a Value {
    fields(model)
        .into_iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("no field {path}"))
}

fn section_paths(model: &Value) -> Vec<String> {
    fn walk(section: &Value, out: &mut Vec<String>) {
        out.push(section["path"].as_str().unwrap().to_owned());
        for nested in section["sections"].as_array().unwrap() {
            walk(nested, out);
        }
    }
    let mut out = Vec::new();
    for section in model["sections"].as_array().unwrap() {
        walk(section, &mut out);
    }
    out
}

#[test]
fn sections_follow_spec_2_and_ncen_adds_persons_and_companies() {
    let ids = |m: &Value| -> Vec<String> {
        m["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let ncen = model(r#"{"source": "ncen"}"#);
    assert_eq!(
        ids(&ncen),
        [
            "case",
            "location",
            "detection",
            "goods",
            "conveyance",
            "route",
            "offenders",
            "persons",
            "companies",
            "outcome",
            "photos"
        ]
    );
    let goods = &ncen["sections"][3];
    assert_eq!(goods["repeat"], json!({"min": 1, "max": 100}));
    assert_eq!(ncen["sections"][4]["repeat"], json!({"min": 1, "max": 20}));
    assert_eq!(ncen["sections"][6]["repeat"], json!({"min": 0, "max": 100}));
    assert_eq!(
        ncen["sections"][7]["sections"][0]["path"],
        "/persons/*/documents"
    );
    assert_eq!(ncen["sections"][7]["nominal"], true);
    field(&ncen, "/conveyance/*/vehicle_registration");
    let cen = model("{}");
    assert!(!fields(&cen)
        .iter()
        .any(|f| f["path"] == "/conveyance/*/vehicle_registration"));
    assert_eq!(field(&cen, "/narrative")["nominal"], true);
}

#[test]
fn required_and_tier_follow_form_and_profile() {
    let long = model("{}");
    let simplified = model(r#"{"form": "simplified"}"#);
    assert_eq!(field(&long, "/detection/principal")["required"], true);
    assert_eq!(field(&long, "/detection/principal")["tier"], "core");
    assert_eq!(
        field(&simplified, "/detection/principal")["required"],
        false
    );
    assert_eq!(field(&simplified, "/detection/principal")["tier"], "more");
    assert_eq!(field(&simplified, "/goods/*/quantity")["required"], true);
    assert_eq!(field(&long, "/goods/*/brand")["tier"], "more");
    let profiled = model(
        r#"{"profile": {"name": "OP-X", "form": "simplified", "commodities": ["tobacco", "drugs"], "required": ["/goods/*/hs_code", "/conveyance/0/carrier"]}}"#,
    );
    assert_eq!(profiled["form"], "simplified");
    assert_eq!(profiled["profile"], "OP-X");
    let hs = field(&profiled, "/goods/*/hs_code");
    assert_eq!(
        (&hs["required"], &hs["tier"]),
        (&json!(true), &json!("core"))
    );
    let carrier = field(&profiled, "/conveyance/*/carrier");
    assert_eq!(carrier["required"], false);
    assert_eq!(carrier["tier"], "core");
    assert!(carrier["conditions"]
        .as_array()
        .unwrap()
        .contains(&json!({"effect": "required", "when": [{"item": "/conveyance/*", "index": 0}]})));
    let areas: Vec<&Value> = field(&profiled, "/goods/*/commodity")["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| &v["value"])
        .collect();
    assert_eq!(
        areas,
        [&json!("drugs"), &json!("tobacco")],
        "in the taxonomy's order"
    );
    let by = field(&profiled, "/goods/*/type")["values_by"]["values"]
        .as_object()
        .unwrap()
        .clone();
    assert_eq!(by.keys().collect::<Vec<_>>(), ["drugs", "tobacco"]);
    assert!(!field(&profiled, "/goods/*/unit")["values"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v["value"] == "amount"));
    assert_eq!(
        field(&profiled, "/goods/*/unit")["values_by"]["values"]["tobacco.cigarettes"],
        json!([{"value": "pieces", "label": "Pieces"}])
    );
    assert_eq!(
        field(&model(r#"{"source": "cencomm"}"#), "/cug")["required"],
        true
    );
}

#[test]
fn conditions_carry_table_2_5_and_the_goods_rules() {
    let long = model("{}");
    let awb = field(&long, "/conveyance/*/awb");
    let conditions = awb["conditions"].as_array().unwrap();
    assert_eq!(conditions[0]["effect"], "applies");
    assert_eq!(
        conditions[0]["when"][0]["in"],
        json!(["air_cargo", "express_courier", "unknown"])
    );
    assert!(conditions.contains(&json!({"effect": "required", "when": [{"path": "/conveyance/*/type", "in": ["air_cargo"]}], "rule": "CEN-MOV-011"})));
    assert!(conditions
        .iter()
        .any(|c| c["when"][1] == json!({"path": "/conveyance/*/tracking", "absent": true})));
    let simplified = model(r#"{"form": "simplified"}"#);
    assert!(!field(&simplified, "/conveyance/*/awb")["conditions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["effect"] == "required"));
    assert_eq!(field(&long, "/conveyance/*/awb")["tier"], "core");
    assert_eq!(
        field(&long, "/goods/*/currency")["conditions"][1]["effect"],
        "required"
    );
    assert_eq!(
        field(&long, "/goods/*/purity_percent")["conditions"][0]["when"][0]["in"],
        json!(["drugs"])
    );
    assert_eq!(
        field(&long, "/goods/*/cites_appendix")["conditions"][0]["when"][0]["in"],
        json!(["cites"])
    );
    let code = field(&long, "/location/code");
    assert_eq!(code["search"]["by"]["tables"]["seaport"], "seaport");
    assert_eq!(
        code["conditions"][0]["when"][0]["in"],
        json!(["airport", "seaport"])
    );
    assert!(field(&simplified, "/location/code")["conditions"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(
        field(&long, "/reporting_country")["search"]["pseudo"],
        json!([])
    );
    assert_eq!(
        field(&long, "/route/departure")["search"]["pseudo"][0]["code"],
        "XX"
    );
    assert_eq!(
        field(&long, "/route/transit")["item"]["search"]["table"],
        "country"
    );
    assert_eq!(field(&long, "/goods/*/hs_code")["search"]["table"], "hs");
    assert_eq!(
        field(&long, "/goods/*/quantity")["conditions"][0]["effect"],
        "whole"
    );
}

#[test]
fn every_field_has_a_label_and_help_in_every_language() {
    for lang in Lang::ALL {
        let m = form_model(&Options {
            lang,
            source: Some(Source::Ncen),
            ..Options::default()
        });
        for f in fields(&m) {
            let dotted = dotted_of(f["path"].as_str().unwrap());
            assert_ne!(f["label"].as_str().unwrap(), dotted, "{lang:?} {dotted}");
            assert!(!f["help"].as_str().unwrap().is_empty(), "{lang:?} {dotted}");
        }
        for s in m["sections"].as_array().unwrap() {
            assert!(!s["label"].as_str().unwrap().is_empty());
        }
    }
}

#[test]
fn pseudo_countries_are_offered_where_the_validator_accepts_them() {
    let validator =
        Validator::from_json_options(r#"{"today": "2026-11-28", "source": "ncen"}"#).unwrap();
    let m = model(r#"{"source": "ncen"}"#);
    for f in fields(&m) {
        let search = if f["kind"] == "list" {
            &f["item"]["search"]
        } else {
            &f["search"]
        };
        if search["table"] != "country" {
            continue;
        }
        let path = f["path"].as_str().unwrap().replace('*', "0");
        let value = if f["kind"] == "list" {
            json!(["XZ"])
        } else {
            json!("XZ")
        };
        let issues = validator.validate_field(&path, &value, None).unwrap();
        let refused = issues.iter().any(|i| i.rule == "CEN-COD-001");
        assert_eq!(
            refused,
            search["pseudo"].as_array().unwrap().is_empty(),
            "{path}"
        );
    }
}

#[test]
fn the_document_is_the_same_every_time() {
    let options =
        Options::from_json(r#"{"lang": "ar", "profile": {"commodities": ["cites"]}}"#).unwrap();
    assert_eq!(form_model_json(&options), form_model_json(&options));
}

/// Spec 6.1: a record filled in along the model is never refused for a reason the model did not
/// show. On generated records with their mistakes, every issue points at a field, a list item
/// or a section of the model for the form and source the report applied. Left out: issues on the
/// whole record (CEN-SCH-001, CEN-DUP-001), fields the record shape does not define
/// (CEN-SCH-003) and nominal data where the source does not allow it (CEN-NOM-001): a form built
/// on the model cannot produce them.
#[cfg(feature = "synth")]
#[test]
fn every_issue_of_generated_records_points_at_the_model() {
    use crate::synth::Generator;
    let mut checked = 0;
    for (seed, share) in [(1u64, 0.5), (2, 0.9), (3, 0.2), (4, 1.0), (5, 0.7)] {
        let mut generator = Generator::new(seed).invalid_share(share);
        let profiles = [
            "{}",
            r#"{"profile": {"name": "P", "required": ["/offenders/*/age", "/outcome/legal_action", "/goods/*/hs_code"]}}"#,
            r#"{"form": "simplified"}"#,
        ];
        let validators: Vec<(Validator, &str)> = profiles
            .iter()
            .map(|p| {
                let mut options = Options::from_json(p).unwrap();
                options.today = cen_model::Date::parse("2026-11-28");
                (Validator::new(options).unwrap(), *p)
            })
            .collect();
        let mut models = std::collections::HashMap::new();
        for _ in 0..300 {
            let record = generator.next_record().record;
            for (validator, profile) in &validators {
                let report = validator.validate_value(&record);
                let key = (*profile, report.form, report.source);
                let (field_paths, sections) = models.entry(key).or_insert_with(|| {
                    let mut options = Options::from_json(profile).unwrap();
                    options.form = Some(report.form);
                    options.source = Some(report.source);
                    let m = form_model(&options);
                    let paths: Vec<String> = fields(&m)
                        .iter()
                        .map(|f| f["path"].as_str().unwrap().to_owned())
                        .collect();
                    (paths, section_paths(&m))
                });
                for issue in &report.issues {
                    if issue.path.is_empty() || matches!(issue.rule, "CEN-SCH-003" | "CEN-NOM-001")
                    {
                        continue;
                    }
                    let pattern: String = issue
                        .path
                        .split('/')
                        .map(|t| {
                            if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
                                "*"
                            } else {
                                t
                            }
                        })
                        .collect::<Vec<_>>()
                        .join("/");
                    let held = field_paths.iter().any(|f| {
                        *f == pattern
                            || f.starts_with(&format!("{pattern}/"))
                            || format!("{f}/*") == pattern
                    }) || sections.contains(&pattern);
                    assert!(
                        held,
                        "{} at {} ({profile}): not in the model",
                        issue.rule, issue.path
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} issues checked");
}
