//! Required fields (spec 3, "Required fields by form", and the profile's `required` list):
//! JSON Pointer patterns where `*` stands for every index of an array, checked on a decoded
//! record (CEN-SCH-004).

use std::fmt;

use crate::decode::Decoded;
use crate::finding::{Finding, Params, SCH_MISSING};
use crate::pointer::{push_token, tokens};
use crate::record::RECORD_SHAPE;
use crate::shape::{Kind, Navigate, Node, ObjectShape};

/// Required in both forms (the currency of a cash amount is added per goods line whose unit is
/// `amount`: see [`CURRENCY_OF_AMOUNT`]).
pub const BOTH_FORMS: &[&str] = &[
    "/reporting_country",
    "/seizure_date",
    "/location/type",
    "/procedure",
    "/goods",
    "/goods/*/commodity",
    "/goods/*/type",
    "/goods/*/quantity",
    "/goods/*/unit",
    "/conveyance",
    "/conveyance/*/type",
    "/route/departure",
    "/route/destination",
];

/// Required in the long form only (the location code is added when the location is an airport
/// or a seaport: see [`CODE_OF_PORT`]; leg identifiers are CEN-MOV-011, not structure).
pub const LONG_FORM: &[&str] = &["/detection/principal", "/goods/*/concealment"];

/// Required on a goods line whose unit is `amount`.
pub const CURRENCY_OF_AMOUNT: &str = "currency";

/// Required in the long form when `location.type` is `airport` or `seaport`.
pub const CODE_OF_PORT: &str = "/location/code";

/// One step of a required-field pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A field of an object.
    Field(String),
    /// Every item of an array.
    Every,
    /// One item of an array.
    Index(usize),
}

/// A required-field pattern checked against the record's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequiredPath {
    pointer: String,
    steps: Vec<Step>,
}

/// Why a pointer is not a path of the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadPointer {
    /// The pointer as given.
    pub pointer: String,
    /// What is wrong with it.
    pub reason: String,
}

impl fmt::Display for BadPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a path of the record: {}",
            self.pointer, self.reason
        )
    }
}

impl std::error::Error for BadPointer {}

impl RequiredPath {
    /// Parses a pattern and checks it against the shape: every step must name a field of the
    /// object it is in, or an index (or `*`) of an array.
    ///
    /// ```
    /// use cen_model::required::RequiredPath;
    /// assert!(RequiredPath::parse("/goods/*/concealment").is_ok());
    /// assert!(RequiredPath::parse("/goods/0/hs_code").is_ok());
    /// assert!(RequiredPath::parse("/goods/*/colour").is_err());
    /// assert!(RequiredPath::parse("goods").is_err());
    /// ```
    pub fn parse(pointer: &str) -> Result<RequiredPath, BadPointer> {
        let bad = |reason: &str| BadPointer {
            pointer: pointer.to_owned(),
            reason: reason.to_owned(),
        };
        let raw = tokens(pointer).ok_or_else(|| {
            bad("a JSON Pointer starts with `/` and escapes `~` and `/` as `~0` and `~1`")
        })?;
        if raw.is_empty() {
            return Err(bad("the root is always present; name a field"));
        }
        let mut steps = Vec::with_capacity(raw.len());
        let mut shape: Option<&'static ObjectShape> = Some(&RECORD_SHAPE);
        let mut list: Option<&'static Kind> = None;
        for token in raw {
            if let Some(item) = list.take() {
                let step = if token == "*" {
                    Step::Every
                } else if !token.is_empty()
                    && token.bytes().all(|b| b.is_ascii_digit())
                    && (token == "0" || !token.starts_with('0'))
                {
                    Step::Index(token.parse().map_err(|_| bad("the index is too large"))?)
                } else {
                    return Err(bad(&format!(
                        "`{token}` is not an index of an array (a number or `*`)"
                    )));
                };
                steps.push(step);
                shape = match item {
                    Kind::Object(inner) => Some(inner),
                    _ => None,
                };
                continue;
            }
            let Some(object) = shape else {
                return Err(bad(&format!(
                    "nothing is inside the value before `{token}`"
                )));
            };
            let field = object
                .field(&token)
                .ok_or_else(|| bad(&format!("`{token}` is not a field of {}", object.name)))?;
            steps.push(Step::Field(token));
            match &field.kind {
                Kind::Object(inner) => shape = Some(inner),
                Kind::List(item, _) => {
                    shape = None;
                    list = Some(item);
                }
                _ => shape = None,
            }
        }
        Ok(RequiredPath {
            pointer: pointer.to_owned(),
            steps,
        })
    }

    /// The pattern as given.
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// The steps of the pattern.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }
}

/// Appends a CEN-SCH-004 finding for every place where `path` is missing in the record. Where
/// a whole object on the way is missing, only that one is reported (no cascade), once; an
/// array that `*` goes through requires nothing where it is absent or empty (spec 5.1);
/// a value that was present but did not fit counts as present, and so do its children. A
/// required array with no item is missing.
pub fn check(decoded: &Decoded, path: &RequiredPath, out: &mut Vec<Finding>) {
    check_all(decoded, [path], out);
}

/// [`check`] for many patterns, sharing one path buffer.
pub fn check_all<'a>(
    decoded: &Decoded,
    paths: impl IntoIterator<Item = &'a RequiredPath>,
    out: &mut Vec<Finding>,
) {
    let mut at: Vec<Segment<'a>> = Vec::with_capacity(8);
    for path in paths {
        at.clear();
        walk(
            decoded,
            Node::Object(&decoded.record),
            &path.steps,
            &mut at,
            out,
        );
    }
}

/// One step of the path being walked; the pointer is written only when it is needed.
#[derive(Clone, Copy)]
enum Segment<'a> {
    Field(&'a str),
    Index(usize),
}

fn render(at: &[Segment<'_>]) -> String {
    use std::fmt::Write;
    let mut pointer = String::with_capacity(32);
    for segment in at {
        match segment {
            Segment::Field(name) => push_token(&mut pointer, name),
            Segment::Index(i) => {
                let _ = write!(pointer, "/{i}");
            }
        }
    }
    pointer
}

fn is_invalid(decoded: &Decoded, at: &[Segment<'_>]) -> bool {
    !decoded.invalid.is_empty() && decoded.is_invalid(&render(at))
}

fn missing(decoded: &Decoded, at: &[Segment<'_>], out: &mut Vec<Finding>) {
    let pointer = render(at);
    if decoded.is_invalid(&pointer)
        || out
            .iter()
            .any(|f| f.rule == SCH_MISSING && f.path == pointer)
    {
        return;
    }
    let field = crate::pointer::last_token(&pointer);
    out.push(Finding::new(
        SCH_MISSING,
        pointer,
        Params::new().with("field", field),
    ));
}

fn walk<'a>(
    decoded: &Decoded,
    node: Node<'_>,
    steps: &'a [Step],
    at: &mut Vec<Segment<'a>>,
    out: &mut Vec<Finding>,
) {
    let Some((step, rest)) = steps.split_first() else {
        match node {
            Node::Absent => missing(decoded, at, out),
            Node::List(items) if items.is_empty() => missing(decoded, at, out),
            _ => {}
        }
        return;
    };
    if is_invalid(decoded, at) {
        return;
    }
    match (step, node) {
        // An absent array has no index: a pattern through `*` requires nothing there (spec 5.1).
        (Step::Every, Node::Absent) => {}
        (_, Node::Absent) => missing(decoded, at, out),
        (Step::Field(name), Node::Object(object)) => {
            at.push(Segment::Field(name));
            walk(decoded, object.field(name), rest, at, out);
            at.pop();
        }
        (Step::Every, Node::List(items)) => {
            for index in 0..items.len() {
                at.push(Segment::Index(index));
                walk(decoded, items.item(index), rest, at, out);
                at.pop();
            }
        }
        // An item that is not there is not required: only the items given are checked.
        (Step::Index(index), Node::List(items)) if *index < items.len() => {
            at.push(Segment::Index(*index));
            walk(decoded, items.item(*index), rest, at, out);
            at.pop();
        }
        // Shape mismatches cannot happen for a parsed path; a scalar has no children.
        _ => {}
    }
}

/// Finds the node at a concrete pointer (no `*`) in a navigable value.
pub fn node_at<'a>(root: &'a dyn Navigate, pointer: &str) -> Node<'a> {
    let Some(steps) = tokens(pointer) else {
        return Node::Absent;
    };
    let mut node = Node::Object(root);
    for token in steps {
        node = match node {
            Node::Object(object) => object.field(&token),
            Node::List(items) => match token.parse::<usize>() {
                Ok(index) => items.item(index),
                Err(_) => Node::Absent,
            },
            _ => Node::Absent,
        };
    }
    node
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode_json;

    fn missing_paths(json: &str, patterns: &[&str]) -> Vec<String> {
        let decoded = decode_json(json).unwrap();
        let mut out = Vec::new();
        for pattern in patterns {
            check(&decoded, &RequiredPath::parse(pattern).unwrap(), &mut out);
        }
        out.into_iter().map(|f| f.path).collect()
    }

    #[test]
    fn every_built_in_pattern_parses() {
        for p in BOTH_FORMS.iter().chain(LONG_FORM).chain([&CODE_OF_PORT]) {
            RequiredPath::parse(p).unwrap();
        }
    }

    #[test]
    fn reports_the_highest_missing_object_once() {
        assert_eq!(
            missing_paths("{}", &["/location/type", "/location/code"]),
            ["/location"]
        );
        assert_eq!(
            missing_paths(r#"{"location": {}}"#, &["/location/type"]),
            ["/location/type"]
        );
    }

    #[test]
    fn expands_every_item_and_requires_non_empty_arrays() {
        let json = r#"{"goods": [{"commodity": "drugs"}, {}]}"#;
        assert_eq!(
            missing_paths(json, &["/goods/*/commodity"]),
            ["/goods/1/commodity"]
        );
        assert_eq!(
            missing_paths(r#"{"goods": []}"#, &["/goods", "/goods/*/unit"]),
            ["/goods"]
        );
    }

    #[test]
    fn a_star_through_an_absent_or_empty_array_requires_nothing() {
        for json in ["{}", r#"{"offenders": []}"#, r#"{"offenders": null}"#] {
            assert!(
                missing_paths(json, &["/offenders/*/age"]).is_empty(),
                "{json}"
            );
        }
        assert_eq!(
            missing_paths(r#"{"offenders": [{"age": 30}, {}]}"#, &["/offenders/*/age"]),
            ["/offenders/1/age"]
        );
        assert!(
            missing_paths(r#"{"persons": [{}]}"#, &["/persons/*/documents/*/number"]).is_empty()
        );
        assert_eq!(missing_paths("{}", &["/offenders"]), ["/offenders"]);
    }

    #[test]
    fn present_but_invalid_counts_as_present() {
        assert!(missing_paths(r#"{"location": "harbour"}"#, &["/location/type"]).is_empty());
        assert!(missing_paths(r#"{"procedure": "imports"}"#, &["/procedure"]).is_empty());
    }

    #[test]
    fn refuses_paths_outside_the_shape() {
        for bad in [
            "",
            "/",
            "/goods/x/type",
            "/goods/01/type",
            "/route/transit/0/x",
            "/location/type/x",
            "/colour",
        ] {
            assert!(RequiredPath::parse(bad).is_err(), "{bad}");
        }
        assert!(RequiredPath::parse("/route/transit/0").is_ok());
    }
}
