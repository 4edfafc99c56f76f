//! `data/labels.tsv` covers the enumerations of spec 2 and the taxonomy, in six languages.
//! (The loader itself is tested on a fixture in `src/labels.rs`.)

use codes_data::*;

/// The enumerations that `labels.tsv` must hold, with the values the spec defines where
/// they are fixed here (the taxonomy and units are checked from their own tables).
const SPEC_ENUMERATIONS: &[(&str, &[&str])] = &[
    ("form", &["long", "simplified"]),
    ("source", &["cen", "ncen", "cencomm"]),
    (
        "location_type",
        &[
            "airport",
            "seaport",
            "land_border",
            "rail_terminal",
            "postal_centre",
            "express_hub",
            "inland_depot",
            "free_zone",
            "inland",
            "at_sea",
            "other",
            "unknown",
        ],
    ),
    (
        "procedure",
        &[
            "import",
            "export",
            "transit",
            "transhipment",
            "domestic",
            "unknown",
        ],
    ),
    (
        "detection_method",
        &[
            "risk_profiling",
            "intelligence",
            "intelligence_international",
            "random_check",
            "routine_control",
            "watch_list",
            "behavioural",
            "documentary_check",
            "controlled_delivery",
            "joint_operation",
            "xray",
            "detector_dog",
            "trace_detection",
            "physical_examination",
            "body_scan",
            "other",
        ],
    ),
    ("commodity_area", &[]),
    ("goods_type", &[]),
    ("unit", &[]),
    (
        "concealment",
        &[
            "body_internal",
            "body_strapped",
            "clothing",
            "baggage_hold",
            "baggage_cabin",
            "baggage_false_bottom",
            "inside_goods",
            "mixed_with_goods",
            "postal_item",
            "container_structure",
            "rip_on_rip_off",
            "vehicle_natural_void",
            "vehicle_compartment",
            "fuel_tank",
            "vessel_structure",
            "aircraft_structure",
            "not_concealed",
            "other",
        ],
    ),
    (
        "conveyance_type",
        &[
            "air_passenger",
            "air_cargo",
            "air_general_aviation",
            "express_courier",
            "postal",
            "sea_container",
            "sea_cargo",
            "sea_small_craft",
            "road_private",
            "road_commercial",
            "road_bus",
            "rail_passenger",
            "rail_freight",
            "pedestrian",
            "inland_waterway",
            "fixed_installation",
            "unknown",
        ],
    ),
    ("country_pseudo", &["XX", "XZ"]),
    ("gender", &["female", "male", "other", "unknown"]),
    (
        "offender_role",
        &[
            "passenger",
            "driver",
            "crew",
            "sender",
            "recipient",
            "courier",
            "importer",
            "exporter",
            "other",
        ],
    ),
    (
        "company_role",
        &[
            "importer",
            "exporter",
            "consignor",
            "consignee",
            "carrier",
            "forwarder",
            "broker",
            "other",
        ],
    ),
    (
        "document_type",
        &[
            "passport",
            "id_card",
            "residence_permit",
            "driving_licence",
            "other",
        ],
    ),
    (
        "legal_action",
        &[
            "none",
            "administrative_penalty",
            "criminal_prosecution",
            "under_investigation",
            "unknown",
        ],
    ),
    ("photo_kind", &["goods", "concealment", "xray", "other"]),
    ("cites_appendix", &["I", "II", "III"]),
    ("severity", &["error", "warning", "info"]),
    ("location_function", &[]),
    ("field", &[]),
    ("field_help", &[]),
];

fn labels_present() -> bool {
    if enumerations().is_empty() {
        println!("note: data/labels.tsv is missing or empty; skipping its coverage checks");
        false
    } else {
        true
    }
}

fn assert_labelled(enumeration: &str, value: &str) {
    for lang in Lang::ALL {
        assert!(
            label(enumeration, value, lang).is_some(),
            "no {lang} label for {enumeration} / {value}"
        );
    }
}

#[test]
fn every_spec_enumeration_is_labelled() {
    if !labels_present() {
        return;
    }
    for (e, values) in SPEC_ENUMERATIONS {
        let have = enumeration_values(e).unwrap_or_else(|| panic!("no enumeration {e}"));
        assert!(!have.is_empty(), "{e} is empty");
        for v in *values {
            assert!(have.contains(v), "{e} lacks {v}");
            assert_labelled(e, v);
        }
    }
}

#[test]
fn taxonomy_and_units_are_labelled() {
    if !labels_present() {
        return;
    }
    for area in commodity_areas() {
        assert_labelled("commodity_area", area.code());
        for t in area.types() {
            assert_labelled("goods_type", &format!("{}.{}", area.code(), t.code()));
        }
    }
    for u in units() {
        assert_labelled("unit", u.code());
    }
}

#[test]
fn enumerations_are_consistent() {
    let names = enumerations();
    for (i, e) in names.iter().enumerate() {
        assert!(!names[..i].contains(e), "{e} listed twice");
        let values = enumeration_values(e).unwrap();
        for (j, v) in values.iter().enumerate() {
            assert!(!values[..j].contains(v), "{e} / {v} listed twice");
            // Every value has at least an English label.
            assert!(label(e, v, Lang::En).is_some(), "no en label for {e} / {v}");
        }
    }
    // The same slice every time.
    if let Some(e) = names.first() {
        assert!(std::ptr::eq(
            enumeration_values(e).unwrap(),
            enumeration_values(e).unwrap()
        ));
    }
}

/// `data/words.tsv`: every word in all six languages, with the same placeholders as in English
/// (a translation that lost `{max}` would print the brace instead of the number).
#[test]
fn every_word_has_six_languages_and_the_same_placeholders() {
    fn placeholders(text: &str) -> Vec<&str> {
        let mut out: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        out.sort_unstable();
        out
    }
    let groups = codes_data::word_groups();
    for group in [
        "template_header",
        "requirement",
        "kind",
        "template_list",
        "summary",
    ] {
        assert!(groups.contains(&group), "{group}");
    }
    for group in groups {
        for key in codes_data::word_keys(group).unwrap() {
            let en = codes_data::word(group, key, Lang::En).unwrap();
            for lang in Lang::ALL {
                let text = codes_data::word(group, key, lang)
                    .unwrap_or_else(|| panic!("{group}/{key} has no {lang:?} word"));
                assert_eq!(
                    placeholders(text),
                    placeholders(en),
                    "{group}/{key} {lang:?}"
                );
            }
        }
    }
}
