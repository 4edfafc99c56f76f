//! The JSON Schema (draft 2020-12) of the record, generated from the record's shape so that it
//! says exactly what the decoder checks: types, enumerations, lengths, item counts, ranges,
//! unknown fields and the required fields of the record's own form. What the rules check beyond
//! structure (codes, dates, identifiers, movement, ...) is not in the schema.
//!
//! The schema reflects the record's own `form` field; a form imposed by validation options or a
//! profile, and a profile's extra required fields, cannot be expressed in it.

use std::borrow::Cow;
use std::sync::OnceLock;

use serde_json::{json, Map, Value};

use crate::record::{Record, RECORD_SHAPE};
use crate::required::{BOTH_FORMS, CODE_OF_PORT, LONG_FORM};
use crate::shape::{Kind, ObjectShape};

/// The JSON Schema of the record, built once.
///
/// ```
/// let schema = cen_model::schema::schema();
/// assert_eq!(schema["properties"]["cug"]["anyOf"][0]["maxLength"], 64);
/// assert_eq!(schema["additionalProperties"], false);
/// ```
pub fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(build)
}

/// Required patterns split into the object path (fields, `*` for arrays) and the field.
fn requirements(patterns: &[&str]) -> Vec<(Vec<String>, String)> {
    patterns
        .iter()
        .map(|p| {
            let mut tokens: Vec<String> = p.split('/').skip(1).map(str::to_owned).collect();
            let last = tokens.pop().unwrap_or_default();
            (tokens, last)
        })
        .collect()
}

fn is_required(requirements: &[(Vec<String>, String)], at: &[String], field: &str) -> bool {
    requirements
        .iter()
        .any(|(path, name)| path == at && name == field)
        || requirements.iter().any(|(path, _)| {
            path.len() > at.len() && path[..at.len()] == *at && path[at.len()] == field
        })
}

fn null_or(schema: Value, nullable: bool) -> Value {
    if nullable {
        json!({ "anyOf": [schema, { "type": "null" }] })
    } else {
        schema
    }
}

fn kind_schema(
    kind: &Kind,
    at: &mut Vec<String>,
    required: &[(Vec<String>, String)],
    nullable: bool,
    non_empty: bool,
) -> Value {
    let schema = match kind {
        Kind::Text(max) => json!({ "type": "string", "maxLength": max }),
        Kind::Code(_) => json!({ "type": "string" }),
        Kind::Enum(info) => json!({ "enum": info.values }),
        Kind::Number(range) => {
            let mut s = json!({ "type": "number" });
            if let Some(min) = range.min {
                s["minimum"] = json!(min);
            }
            if let Some(max) = range.max {
                s["maximum"] = json!(max);
            }
            s
        }
        Kind::Integer(range) => {
            json!({ "type": "integer", "minimum": range.min, "maximum": range.max })
        }
        Kind::Object(shape) => object_schema(shape, at, required),
        Kind::List(item, max) => {
            at.push("*".to_owned());
            let items = kind_schema(item, at, required, false, false);
            at.pop();
            let mut s = json!({ "type": "array", "items": items, "maxItems": max });
            if non_empty {
                s["minItems"] = json!(1);
            }
            s
        }
    };
    null_or(schema, nullable)
}

fn object_schema(
    shape: &ObjectShape,
    at: &mut Vec<String>,
    required: &[(Vec<String>, String)],
) -> Value {
    let mut properties = Map::new();
    let mut names = Vec::new();
    for field in shape.fields {
        let needed = is_required(required, at, field.name);
        at.push(field.name.to_owned());
        let mut schema = kind_schema(&field.kind, at, required, !needed, needed);
        at.pop();
        if let Some(help) = describe(at, field.name) {
            schema["description"] = json!(help);
        }
        properties.insert(field.name.to_owned(), schema);
        if needed {
            names.push(field.name);
        }
    }
    json!({ "type": "object", "properties": properties, "required": names, "additionalProperties": false })
}

fn describe(at: &[String], name: &str) -> Option<String> {
    let mut dotted: Vec<&str> = at
        .iter()
        .filter(|t| *t != "*")
        .map(String::as_str)
        .collect();
    dotted.push(name);
    crate::fields::kind_at(&dotted.join(".")).map(|kind| match kind {
        Kind::Text(max) => format!("Free text, at most {max} characters."),
        Kind::Code(code) => format!("{code:?} code (format checked by the rules)."),
        Kind::Enum(info) => format!("One of the `{}` words.", info.name),
        Kind::Number(_) => "A finite number.".to_owned(),
        Kind::Integer(_) => "A whole number.".to_owned(),
        Kind::Object(shape) => format!("A {} object.", shape.name),
        Kind::List(_, max) => format!("At most {max} items."),
    })
}

/// The long-form requirements as a schema applied when the record's `form` is not `simplified`.
fn long_form_schema() -> Value {
    let long = requirements(LONG_FORM);
    let mut properties = Map::new();
    let mut required = Vec::new();
    // `/detection/principal` and `/goods/*/concealment`: rebuild just those branches.
    for (path, field) in &long {
        let (first, rest) = path
            .split_first()
            .map(|(f, r)| (f.clone(), r.to_vec()))
            .unwrap_or_default();
        let leaf = json!({ "required": [field], "properties": { field.as_str(): { "not": { "type": "null" } } } });
        let branch = if rest.first().map(String::as_str) == Some("*") {
            json!({ "items": leaf })
        } else {
            leaf
        };
        required.push(first.clone());
        properties.insert(first, branch);
    }
    let code = CODE_OF_PORT.rsplit('/').next().unwrap_or("code");
    let location = properties.entry("location").or_insert_with(|| json!({}));
    location["if"] = json!({ "required": ["type"], "properties": { "type": { "enum": ["airport", "seaport"] } } });
    location["then"] =
        json!({ "required": [code], "properties": { code: { "not": { "type": "null" } } } });
    json!({ "required": required, "properties": properties })
}

fn build() -> Value {
    let required = requirements(BOTH_FORMS);
    let mut schema = object_schema(&RECORD_SHAPE, &mut Vec::new(), &required);
    // A cash amount needs its currency (both forms).
    schema["properties"]["goods"]["items"]["if"] =
        json!({ "required": ["unit"], "properties": { "unit": { "const": "amount" } } });
    schema["properties"]["goods"]["items"]["then"] = json!({ "required": ["currency"], "properties": { "currency": { "not": { "type": "null" } } } });
    schema["if"] =
        json!({ "required": ["form"], "properties": { "form": { "const": "simplified" } } });
    schema["else"] = long_form_schema();
    let mut root = Map::new();
    root.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    root.insert(
        "$id".into(),
        json!("https://cen.example.org/schema/record.json"),
    );
    root.insert("title".into(), json!("CEN seizure record"));
    root.insert(
        "description".into(),
        json!("One seizure case of the WCO Customs Enforcement Network suite (CEN, nCEN, CENcomm): the structure of spec 2. Rules beyond structure are checked by cen-rules."),
    );
    if let Value::Object(fields) = schema {
        root.extend(fields);
    }
    Value::Object(root)
}

impl schemars::JsonSchema for Record {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Record")
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut value = schema().clone();
        if let Value::Object(fields) = &mut value {
            fields.remove("$schema");
            fields.remove("$id");
        }
        schemars::Schema::try_from(value).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_fields_of_both_forms_are_required_and_not_null() {
        let s = schema();
        let top: Vec<&str> = s["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(
            top,
            [
                "reporting_country",
                "seizure_date",
                "location",
                "procedure",
                "goods",
                "conveyance",
                "route"
            ]
        );
        assert_eq!(s["properties"]["goods"]["minItems"], 1);
        assert_eq!(
            s["properties"]["goods"]["items"]["required"],
            json!(["commodity", "type", "quantity", "unit"])
        );
        assert_eq!(
            s["properties"]["route"]["required"],
            json!(["departure", "destination"])
        );
        assert_eq!(
            s["properties"]["offenders"]["anyOf"][1],
            json!({"type": "null"})
        );
    }

    #[test]
    fn carries_the_limits_of_the_shape() {
        let s = schema();
        assert_eq!(
            s["properties"]["narrative"]["anyOf"][0]["maxLength"],
            10_000
        );
        assert_eq!(s["properties"]["conveyance"]["maxItems"], 20);
        let age =
            &s["properties"]["offenders"]["anyOf"][0]["items"]["properties"]["age"]["anyOf"][0];
        assert_eq!(age["maximum"], 120);
    }

    #[test]
    fn schemars_sees_the_same_schema() {
        let generated = schemars::schema_for!(Record);
        assert_eq!(generated.as_value()["properties"], schema()["properties"]);
    }
}
