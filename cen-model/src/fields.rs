//! The fields of the record, read from its shape: the kind at a path, every field path, every
//! field name.

use crate::record::RECORD_SHAPE;
use crate::shape::{Kind, ObjectShape};

/// The kind found at a dotted path without indices (`goods.quantity`, `route.transit`), if the
/// record defines one.
pub fn kind_at(dotted: &str) -> Option<&'static Kind> {
    let mut shape: &'static ObjectShape = &RECORD_SHAPE;
    let mut segments = dotted.split('.').peekable();
    while let Some(segment) = segments.next() {
        let field = shape.field(segment)?;
        let mut kind = &field.kind;
        if let Kind::List(item, _) = kind {
            if segments.peek().is_some() {
                kind = item;
            }
        }
        if segments.peek().is_none() {
            return Some(&field.kind);
        }
        match kind {
            Kind::Object(inner) => shape = inner,
            _ => return None,
        }
    }
    None
}

/// Every field of the record as a dotted path without indices, depth first in the spec's order,
/// with its kind: the list that label tables, templates and documentation must cover.
pub fn all_fields() -> Vec<(String, &'static Kind)> {
    fn walk(shape: &'static ObjectShape, prefix: &str, out: &mut Vec<(String, &'static Kind)>) {
        for field in shape.fields {
            let path = if prefix.is_empty() {
                field.name.to_owned()
            } else {
                format!("{prefix}.{}", field.name)
            };
            out.push((path.clone(), &field.kind));
            let inner = match &field.kind {
                Kind::Object(inner) => Some(*inner),
                Kind::List(Kind::Object(inner), _) => Some(*inner),
                _ => None,
            };
            if let Some(inner) = inner {
                walk(inner, &path, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(&RECORD_SHAPE, "", &mut out);
    out
}

/// Every field name of the record at any depth, sorted, each once: what generators of
/// near-records (fuzz targets, property tests) draw their keys from.
///
/// ```
/// let names = cen_model::field_names();
/// assert!(names.contains(&"reporting_country") && names.contains(&"awb"));
/// assert!(names.windows(2).all(|pair| pair[0] < pair[1]));
/// ```
pub fn field_names() -> Vec<&'static str> {
    fn walk(shape: &'static ObjectShape, out: &mut Vec<&'static str>) {
        for field in shape.fields {
            out.push(field.name);
            if let Kind::Object(inner) | Kind::List(Kind::Object(inner), _) = &field.kind {
                walk(inner, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(&RECORD_SHAPE, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}
