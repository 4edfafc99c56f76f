//! The form model (spec 6.1): what a data-entry form shows for given options, as one JSON
//! document that every surface gives byte for byte.
//!
//! Everything in it is derived from what the validator itself uses: the record's shape
//! (`cen_model::shape`: fields, kinds, limits, order), the required-field patterns of the forms
//! (`cen_model::required`) and of the profile, table 2.5 as the movement rules hold it
//! (`rules::movement::{ALLOWED_ON, REQUIRED_ON}`), the commodity taxonomy and the labels of
//! codes-data. The format is described in `docs/form-model.md`.
//!
//! ```
//! let options = cen_rules::Options::from_json(r#"{"form": "simplified", "lang": "fr"}"#).unwrap();
//! let model = cen_rules::form_model(&options);
//! assert_eq!(model["form"], "simplified");
//! let sections: Vec<&str> = model["sections"].as_array().unwrap().iter()
//!     .map(|s| s["id"].as_str().unwrap()).collect();
//! assert_eq!(sections, ["case", "location", "detection", "goods", "conveyance", "route", "offenders", "outcome", "photos"]);
//! ```

use cen_model::required::{
    RequiredPath, Step, BOTH_FORMS, CODE_OF_PORT, CURRENCY_OF_AMOUNT, LONG_FORM,
};
use cen_model::shape::{CodeKind, FieldShape, Kind, ObjectShape, NOMINAL_FIELDS};
use cen_model::{CommodityArea, ConveyanceType, Enumeration, Form, LocationType, Source, Unit};
use codes_data::{Lang, UnitKind};
use serde_json::{json, Map, Value};

use crate::rules::movement::{ALLOWED_ON, REQUIRED_ON};
use crate::Options;

/// Goods fields that apply to one commodity area only (spec 2.4: "CITES species", "IPR: the
/// brand infringed", "drugs: purity").
pub const AREA_FIELDS: &[(&str, CommodityArea)] = &[
    ("scientific_name", CommodityArea::Cites),
    ("cites_appendix", CommodityArea::Cites),
    ("brand", CommodityArea::Ipr),
    ("purity_percent", CommodityArea::Drugs),
];

/// Country fields that do not accept the pseudo-codes `XX` and `XZ` (CEN-COD-001): every other
/// country field does. A test checks this against the validator.
pub const COUNTRY_WITHOUT_PSEUDO: &[&str] = &["reporting_country", "companies.country"];

/// Leg fields that table 2.5 allows on some leg types only, besides the identifiers that
/// CEN-MOV-009 checks (`ALLOWED_ON`): the form hides them elsewhere, the validator accepts them.
const LEG_FIELDS_SHOWN_ON: &[(&str, &[ConveyanceType])] = &[(
    "registration_country",
    &[
        ConveyanceType::RoadPrivate,
        ConveyanceType::RoadCommercial,
        ConveyanceType::RoadBus,
        ConveyanceType::AirGeneralAviation,
    ],
)];

/// The form model for these options as one JSON value (spec 6.1).
pub fn form_model(options: &Options) -> Value {
    Model::new(options).build()
}

/// [`form_model`] as compact JSON text: what every surface returns.
pub fn form_model_json(options: &Options) -> String {
    form_model(options).to_string()
}

struct Model<'o> {
    form: Form,
    source: Source,
    lang: Lang,
    options: &'o Options,
    /// Required patterns of the form and the profile, as given.
    required: Vec<RequiredPath>,
    /// The profile's own patterns (they make a field `core`).
    asked: Vec<RequiredPath>,
    areas: Vec<CommodityArea>,
}

/// A pointer pattern with every index written `*`, and the indices that were given.
fn generalise(path: &RequiredPath) -> (String, Vec<(String, usize)>) {
    let mut out = String::new();
    let mut indices = Vec::new();
    for step in path.steps() {
        match step {
            Step::Field(name) => {
                out.push('/');
                out.push_str(&name.replace('~', "~0").replace('/', "~1"));
            }
            Step::Every => out.push_str("/*"),
            Step::Index(i) => {
                indices.push((out.clone() + "/*", *i));
                out.push_str("/*");
            }
        }
    }
    (out, indices)
}

fn clause_in(path: &str, values: &[&str]) -> Value {
    json!({"path": path, "in": values})
}

impl<'o> Model<'o> {
    fn new(options: &'o Options) -> Model<'o> {
        let profile = options.profile.as_ref();
        let form = options
            .form
            .or(profile.and_then(|p| p.form))
            .unwrap_or(Form::Long);
        let source = options.source.unwrap_or(Source::Cen);
        let parse = |list: &[&str]| {
            list.iter()
                .filter_map(|p| RequiredPath::parse(p).ok())
                .collect::<Vec<_>>()
        };
        let asked = profile.map(|p| p.required.clone()).unwrap_or_default();
        let mut required = parse(BOTH_FORMS);
        if form == Form::Long {
            required.extend(parse(LONG_FORM));
        }
        required.extend(asked.iter().cloned());
        let areas = profile
            .and_then(|p| p.commodities.clone())
            .unwrap_or_else(|| CommodityArea::ALL.to_vec());
        let areas = CommodityArea::ALL
            .iter()
            .copied()
            .filter(|a| areas.contains(a))
            .collect();
        Model {
            form,
            source,
            lang: options.lang,
            options,
            required,
            asked,
            areas,
        }
    }

    fn label(&self, dotted: &str) -> String {
        codes_data::label("field", dotted, self.lang)
            .map_or_else(|| dotted.to_owned(), str::to_owned)
    }

    fn help(&self, dotted: &str) -> String {
        codes_data::label("field_help", dotted, self.lang)
            .unwrap_or("")
            .to_owned()
    }

    /// Whether a pattern (with `*`) is required for every item, and on which given items.
    fn requirement(&self, pattern: &str, among: &[RequiredPath]) -> (bool, Vec<Value>) {
        let mut always = false;
        let mut conditions = Vec::new();
        for path in among {
            let (general, indices) = generalise(path);
            if general != pattern {
                continue;
            }
            if indices.is_empty() {
                always = true;
            } else {
                let when: Vec<Value> = indices
                    .iter()
                    .map(|(list, i)| json!({"item": list, "index": i}))
                    .collect();
                conditions.push(json!({"effect": "required", "when": when}));
            }
        }
        (always, conditions)
    }

    fn build(&self) -> Value {
        let profile = self.options.profile.as_ref();
        let mut sections = Vec::new();
        let record = &cen_model::RECORD_SHAPE;
        let case_fields: Vec<Value> = record
            .fields
            .iter()
            .filter(|f| !matches!(f.kind, Kind::Object(_) | Kind::List(Kind::Object(_), _)))
            .flat_map(|f| self.fields(f, "", ""))
            .collect();
        sections.push(self.section("case", "", None, case_fields, Vec::new()));
        for field in record.fields {
            match &field.kind {
                Kind::Object(shape) => {
                    let path = format!("/{}", field.name);
                    let fields = self.object_fields(shape, &path, field.name);
                    sections.push(self.section(field.name, &path, None, fields, Vec::new()));
                }
                Kind::List(Kind::Object(shape), max) => {
                    if self.hidden(field.name) {
                        continue;
                    }
                    sections.push(self.list_section(field.name, "", shape, *max));
                }
                _ => {}
            }
        }
        json!({
            "form": self.form.as_str(),
            "source": self.source.as_str(),
            "lang": self.lang.code(),
            "profile": profile.and_then(|p| p.name.clone()),
            "hs_edition": self.options.hs_edition.or(profile.and_then(|p| p.hs_edition)).map(|e| e.as_str()),
            "sections": sections,
        })
    }

    /// Nominal fields are left out unless the source is nCEN (CEN-NOM-001); `narrative` is kept
    /// (CEN-NOM-002 only warns) and marked nominal.
    fn hidden(&self, dotted: &str) -> bool {
        self.source != Source::Ncen && dotted != "narrative" && NOMINAL_FIELDS.contains(&dotted)
    }

    fn list_section(
        &self,
        name: &str,
        parent: &str,
        shape: &'static ObjectShape,
        max: usize,
    ) -> Value {
        let path = format!("{parent}/{name}");
        let dotted = dotted_of(&path);
        let item = format!("{path}/*");
        let mut nested = Vec::new();
        let mut fields = Vec::new();
        for field in shape.fields {
            match &field.kind {
                Kind::List(Kind::Object(inner), inner_max) => {
                    nested.push(self.list_section(field.name, &item, inner, *inner_max));
                }
                _ => fields.extend(self.fields(field, &item, &dotted)),
            }
        }
        let (min_required, _) = self.requirement(&path, &self.required);
        let repeat = json!({"min": usize::from(min_required), "max": max});
        let _ = dotted;
        self.section(name, &path, Some(repeat), fields, nested)
    }

    fn section(
        &self,
        id: &str,
        path: &str,
        repeat: Option<Value>,
        fields: Vec<Value>,
        nested: Vec<Value>,
    ) -> Value {
        let dotted = dotted_of(path);
        let label = if id == "case" {
            codes_data::label("section", "case", self.lang)
                .unwrap_or("Case")
                .to_owned()
        } else {
            self.label(&dotted)
        };
        let (required, _) = if path.is_empty() {
            (true, Vec::new())
        } else {
            self.requirement(path, &self.required)
        };
        let nominal = !path.is_empty() && NOMINAL_FIELDS.contains(&dotted.as_str());
        json!({
            "id": id,
            "label": label,
            "path": path,
            "required": required,
            "nominal": nominal,
            "repeat": repeat,
            "fields": fields,
            "sections": nested,
        })
    }

    fn object_fields(&self, shape: &'static ObjectShape, path: &str, dotted: &str) -> Vec<Value> {
        shape
            .fields
            .iter()
            .flat_map(|f| self.fields(f, path, dotted))
            .collect()
    }

    /// The fields of one shape field: itself, or the fields of the object it holds.
    fn fields(&self, field: &'static FieldShape, parent: &str, parent_dotted: &str) -> Vec<Value> {
        let path = format!("{parent}/{}", field.name);
        let dotted = if parent_dotted.is_empty() {
            field.name.to_owned()
        } else {
            format!("{parent_dotted}.{}", field.name)
        };
        if self.hidden(&dotted) {
            return Vec::new();
        }
        if let Kind::Object(inner) = &field.kind {
            return self.object_fields(inner, &path, &dotted);
        }
        vec![self.field(field, &path, &dotted)]
    }

    fn field(&self, field: &'static FieldShape, path: &str, dotted: &str) -> Value {
        let (mut required, mut conditions) = self.requirement(path, &self.required);
        let (asked, _) = self.requirement(path, &self.asked);
        let asked = asked || self.asked.iter().any(|p| generalise(p).0 == path);
        if dotted == "cug" && self.source == Source::Cencomm {
            required = true; // CEN-FRM-001
        }
        let mut values = Value::Null;
        let mut values_by = Value::Null;
        let mut search = Value::Null;
        let mut item = Value::Null;
        let (kind, limits) = describe(&field.kind);
        match &field.kind {
            Kind::Enum(info) => values = self.values(info.name, info.values, dotted),
            Kind::Code(code) => {
                search = self.search(*code, dotted);
                if *code == CodeKind::GoodsType {
                    values_by = self.types_by_area();
                }
            }
            Kind::List(inner, _) => {
                let (item_kind, item_limits) = describe(inner);
                let (item_values, item_search) = match inner {
                    Kind::Enum(info) => (self.values(info.name, info.values, dotted), Value::Null),
                    Kind::Code(code) => (Value::Null, self.search(*code, dotted)),
                    _ => (Value::Null, Value::Null),
                };
                item = json!({"kind": item_kind, "limits": item_limits, "values": item_values, "search": item_search});
            }
            _ => {}
        }
        conditions.extend(self.conditions(dotted, path));
        let mut limits = limits;
        if dotted == "goods.quantity" {
            limits["exclusive_min"] = json!(0); // CEN-QTY-001
        }
        if dotted == "goods.unit" {
            values_by = self.units_by_type();
        }
        let conditional = conditions.iter().any(|c| c["effect"] == "required");
        let tier = if required || conditional || asked {
            "core"
        } else {
            "more"
        };
        json!({
            "path": path,
            "column": path.trim_start_matches('/').replace('/', "."),
            "label": self.label(dotted),
            "help": self.help(dotted),
            "kind": kind,
            "limits": limits,
            "required": required,
            "tier": tier,
            "nominal": NOMINAL_FIELDS.contains(&dotted),
            "values": values,
            "values_by": values_by,
            "search": search,
            "item": item,
            "conditions": conditions,
        })
    }

    fn values(&self, enumeration: &str, words: &[&str], dotted: &str) -> Value {
        let allowed: Vec<&str> = match dotted {
            "goods.commodity" => self.areas.iter().map(|a| a.as_str()).collect(),
            "goods.unit" => Unit::ALL
                .iter()
                .map(|u| u.as_str())
                .filter(|u| {
                    self.areas.iter().any(|a| {
                        codes_data::commodity_area(a.as_str())
                            .is_some_and(|area| area.types().iter().any(|t| t.allows_unit(u)))
                    })
                })
                .collect(),
            _ => words.to_vec(),
        };
        Value::Array(
            allowed
                .iter()
                .map(|w| json!({"value": w, "label": codes_data::label(enumeration, w, self.lang).unwrap_or(w)}))
                .collect(),
        )
    }

    fn types_by_area(&self) -> Value {
        let mut by = Map::new();
        for area in &self.areas {
            let Some(info) = codes_data::commodity_area(area.as_str()) else {
                continue;
            };
            let types: Vec<Value> = info
                .types()
                .iter()
                .map(|t| {
                    let key = format!("{}.{}", area.as_str(), t.code());
                    json!({"value": t.code(), "label": codes_data::label("goods_type", &key, self.lang).unwrap_or(t.code())})
                })
                .collect();
            by.insert(area.as_str().to_owned(), Value::Array(types));
        }
        json!({"paths": ["/goods/*/commodity"], "values": by})
    }

    fn units_by_type(&self) -> Value {
        let mut by = Map::new();
        for area in &self.areas {
            let Some(info) = codes_data::commodity_area(area.as_str()) else {
                continue;
            };
            for t in info.types() {
                let units: Vec<Value> = t
                    .units()
                    .iter()
                    .map(|u| json!({"value": u, "label": codes_data::label("unit", u, self.lang).unwrap_or(u)}))
                    .collect();
                by.insert(
                    format!("{}.{}", area.as_str(), t.code()),
                    Value::Array(units),
                );
            }
        }
        json!({"paths": ["/goods/*/commodity", "/goods/*/type"], "values": by})
    }

    fn search(&self, code: CodeKind, dotted: &str) -> Value {
        match code {
            CodeKind::Country => {
                let pseudo: Vec<Value> = if COUNTRY_WITHOUT_PSEUDO.contains(&dotted) {
                    Vec::new()
                } else {
                    crate::values::codes::PSEUDO_COUNTRIES
                        .iter()
                        .map(|c| json!({"code": c, "label": codes_data::label("country_pseudo", c, self.lang).unwrap_or(c)}))
                        .collect()
                };
                json!({"table": "country", "by": null, "pseudo": pseudo})
            }
            CodeKind::Currency => json!({"table": "currency", "by": null, "pseudo": []}),
            CodeKind::Hs => json!({"table": "hs", "by": null, "pseudo": []}),
            CodeKind::Location if dotted == "location.code" => {
                json!({"table": "location", "by": {"path": "/location/type", "tables": {
                    LocationType::Airport.as_str(): "airport", LocationType::Seaport.as_str(): "seaport"}}, "pseudo": []})
            }
            CodeKind::Location => json!({"table": "location", "by": null, "pseudo": []}),
            _ => Value::Null,
        }
    }

    /// Conditions as data (spec 6.1).
    fn conditions(&self, dotted: &str, path: &str) -> Vec<Value> {
        let mut out = Vec::new();
        let long = self.form == Form::Long;
        let leg_type = "/conveyance/*/type";
        if let Some(field) = dotted.strip_prefix("conveyance.") {
            let shown = ALLOWED_ON
                .iter()
                .chain(LEG_FIELDS_SHOWN_ON)
                .find(|(f, _)| *f == field);
            if let Some((_, types)) = shown {
                let mut words: Vec<&str> = types.iter().map(|t| t.as_str()).collect();
                words.push(ConveyanceType::Unknown.as_str());
                out.push(json!({"effect": "applies", "when": [clause_in(leg_type, &words)], "rule": "CEN-MOV-009"}));
            }
            if long {
                let types: Vec<&str> = REQUIRED_ON
                    .iter()
                    .filter(|(_, f)| *f == field)
                    .map(|(t, _)| t.as_str())
                    .collect();
                if !types.is_empty() {
                    out.push(json!({"effect": "required", "when": [clause_in(leg_type, &types)], "rule": "CEN-MOV-011"}));
                }
                let express = ConveyanceType::ExpressCourier.as_str();
                let other = match field {
                    "awb" => Some("/conveyance/*/tracking"),
                    "tracking" => Some("/conveyance/*/awb"),
                    _ => None,
                };
                if let Some(other) = other {
                    out.push(json!({"effect": "required", "when": [clause_in(leg_type, &[express]), {"path": other, "absent": true}], "rule": "CEN-MOV-011"}));
                }
            }
        }
        if dotted == format!("goods.{CURRENCY_OF_AMOUNT}") {
            let amount = [Unit::Amount.as_str()];
            out.push(json!({"effect": "applies", "when": [clause_in("/goods/*/unit", &amount)]}));
            out.push(json!({"effect": "required", "when": [clause_in("/goods/*/unit", &amount)], "rule": "CEN-SCH-004"}));
        }
        if let Some((_, area)) = AREA_FIELDS
            .iter()
            .find(|(f, _)| format!("goods.{f}") == dotted)
        {
            out.push(json!({"effect": "applies", "when": [clause_in("/goods/*/commodity", &[area.as_str()])]}));
        }
        if dotted == "goods.quantity" {
            let counts: Vec<&str> = codes_data::units()
                .iter()
                .filter(|u| u.kind() == UnitKind::Count)
                .map(|u| u.code())
                .collect();
            out.push(json!({"effect": "whole", "when": [clause_in("/goods/*/unit", &counts)], "rule": "CEN-QTY-004"}));
        }
        if path == CODE_OF_PORT && long {
            let ports = [
                LocationType::Airport.as_str(),
                LocationType::Seaport.as_str(),
            ];
            out.push(json!({"effect": "required", "when": [clause_in("/location/type", &ports)], "rule": "CEN-SCH-004"}));
        }
        out
    }
}

fn dotted_of(path: &str) -> String {
    path.split('/')
        .filter(|t| !t.is_empty() && *t != "*")
        .collect::<Vec<_>>()
        .join(".")
}

/// The kind word of spec 6.1 and the limits of a shape kind.
fn describe(kind: &Kind) -> (&'static str, Value) {
    match kind {
        Kind::Text(n) => ("text", json!({"max_length": n})),
        Kind::Code(code) => (
            match code {
                CodeKind::Country => "country",
                CodeKind::Currency => "currency",
                CodeKind::Location => "location",
                CodeKind::Date => "date",
                CodeKind::Hs => "hs",
                CodeKind::GoodsType => "enumeration",
                CodeKind::Container
                | CodeKind::Imo
                | CodeKind::Awb
                | CodeKind::PostalItem
                | CodeKind::Flight => "identifier",
            },
            match code {
                CodeKind::Container => json!({"format": "iso6346"}),
                CodeKind::Imo => json!({"format": "imo"}),
                CodeKind::Awb => json!({"format": "iata_awb"}),
                CodeKind::PostalItem => json!({"format": "upu_s10"}),
                CodeKind::Flight => json!({"format": "flight"}),
                CodeKind::Date => json!({"format": "YYYY-MM-DD"}),
                _ => json!({}),
            },
        ),
        Kind::Enum(_) => ("enumeration", json!({})),
        Kind::Number(range) => {
            let mut limits = Map::new();
            if let Some(min) = range.min {
                limits.insert("min".into(), json!(min));
            }
            if let Some(max) = range.max {
                limits.insert("max".into(), json!(max));
            }
            ("number", Value::Object(limits))
        }
        Kind::Integer(range) => (
            "integer",
            json!({"min": range.min, "max": range.max, "whole": true}),
        ),
        Kind::List(_, max) => ("list", json!({"max_items": max})),
        Kind::Object(_) => ("object", json!({})),
    }
}

#[cfg(test)]
mod tests;
