//! The shape of the record as data: how each object type of spec 2 describes its fields, their
//! kinds and limits (the record's own shape is `RECORD_SHAPE`, declared with its types in
//! `record.rs`; the questions asked of it are in `fields.rs`).
//!
//! One table drives the lenient decoder, the JSON Schema, the flat-row mapping of spec 5.3, the
//! validation of profile pointers and the navigation of required-field checks, so that these can
//! never disagree about what the record looks like.

use crate::enums::EnumInfo;

/// What a field holds.
#[derive(Debug)]
pub enum Kind {
    /// Free text of at most this many characters (Unicode scalar values, as JSON Schema counts).
    Text(usize),
    /// A string whose format the rules check (a code, a date, an identifier); no length limit.
    Code(CodeKind),
    /// One word of an enumeration.
    Enum(&'static EnumInfo),
    /// A finite number, optionally bounded.
    Number(NumberRange),
    /// A whole number within the range.
    Integer(IntegerRange),
    /// A nested object.
    Object(&'static ObjectShape),
    /// An array of items of one kind, with at most `max` items.
    List(&'static Kind, usize),
}

/// The string formats that the rules check (spec 3, groups DAT, COD and IDN).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// ISO 3166-1 alpha-2, and the pseudo-codes `XX` / `XZ` where the record allows them.
    Country,
    /// ISO 4217 alphabetic code.
    Currency,
    /// IATA or ICAO airport code, or UN/LOCODE.
    Location,
    /// A calendar date `YYYY-MM-DD`.
    Date,
    /// Harmonized System code of 2 to 10 digits.
    Hs,
    /// A goods type of the commodity taxonomy.
    GoodsType,
    /// ISO 6346 container number.
    Container,
    /// IMO ship number.
    Imo,
    /// IATA air waybill number.
    Awb,
    /// UPU S10 postal item identifier.
    PostalItem,
    /// Flight designator.
    Flight,
}

/// Bounds of a number field (the spec's ranges; finiteness is always required).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberRange {
    /// Inclusive lower bound.
    pub min: Option<f64>,
    /// Inclusive upper bound.
    pub max: Option<f64>,
}

/// Bounds of a whole-number field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntegerRange {
    /// Inclusive lower bound.
    pub min: i64,
    /// Inclusive upper bound.
    pub max: i64,
}

/// The largest whole number every surface represents exactly (2^53 − 1, JavaScript's
/// `Number.MAX_SAFE_INTEGER`): the upper bound of counts that the spec leaves open.
pub const MAX_SAFE_INTEGER: i64 = 9_007_199_254_740_991;

/// One field of an object.
#[derive(Debug)]
pub struct FieldShape {
    /// The JSON name of the field.
    pub name: &'static str,
    /// What the field holds.
    pub kind: Kind,
}

/// One object type of the record.
#[derive(Debug)]
pub struct ObjectShape {
    /// The Rust type's name, used in the JSON Schema's `$defs`.
    pub name: &'static str,
    /// The fields, in the spec's order.
    pub fields: &'static [FieldShape],
}

impl ObjectShape {
    /// The field of this name, if the object defines one.
    pub fn field(&self, name: &str) -> Option<&'static FieldShape> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The position of the field of this name.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }
}

/// Nominal fields (spec 2.8) as dotted paths without indices: dropped by the projection to CEN
/// and reported by CEN-NOM-001 (except `narrative`, which CEN-NOM-002 covers).
pub const NOMINAL_FIELDS: &[&str] = &[
    "persons",
    "companies",
    "conveyance.vehicle_registration",
    "narrative",
];

/// What a navigation step finds in a decoded record.
pub enum Node<'a> {
    /// Absent or `null`.
    Absent,
    /// A string, number or enumeration word.
    Scalar,
    /// An object.
    Object(&'a dyn Navigate),
    /// An array.
    List(&'a dyn ListNavigate),
}

/// Field-by-name navigation of the typed record, used for required-field checks.
pub trait Navigate {
    /// The node of the field of this JSON name.
    fn field(&self, name: &str) -> Node<'_>;
}

/// Index navigation of an array of the typed record.
pub trait ListNavigate {
    /// The number of items.
    fn len(&self) -> usize;
    /// True when there are no items.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The node of item `index`.
    fn item(&self, index: usize) -> Node<'_>;
}

/// Converts a field value to a [`Node`].
pub trait AsNode {
    /// The node of this value.
    fn as_node(&self) -> Node<'_>;
}

impl AsNode for Option<String> {
    fn as_node(&self) -> Node<'_> {
        if self.is_some() {
            Node::Scalar
        } else {
            Node::Absent
        }
    }
}

impl AsNode for Option<f64> {
    fn as_node(&self) -> Node<'_> {
        if self.is_some() {
            Node::Scalar
        } else {
            Node::Absent
        }
    }
}

impl AsNode for Option<u64> {
    fn as_node(&self) -> Node<'_> {
        if self.is_some() {
            Node::Scalar
        } else {
            Node::Absent
        }
    }
}

impl<T: ItemNode> AsNode for Option<Vec<T>> {
    fn as_node(&self) -> Node<'_> {
        match self {
            Some(items) => Node::List(items),
            None => Node::Absent,
        }
    }
}

/// Converts an array item to a [`Node`].
pub trait ItemNode {
    /// The node of this item.
    fn item_node(&self) -> Node<'_>;
}

impl<E: crate::enums::Enumeration> AsNode for Option<E> {
    fn as_node(&self) -> Node<'_> {
        if self.is_some() {
            Node::Scalar
        } else {
            Node::Absent
        }
    }
}

impl<E: crate::enums::Enumeration> ItemNode for E {
    fn item_node(&self) -> Node<'_> {
        Node::Scalar
    }
}

impl ItemNode for String {
    fn item_node(&self) -> Node<'_> {
        Node::Scalar
    }
}

impl<T: ItemNode> ListNavigate for Vec<T> {
    fn len(&self) -> usize {
        self.len()
    }
    fn item(&self, index: usize) -> Node<'_> {
        self.get(index).map_or(Node::Absent, ItemNode::item_node)
    }
}

/// The position of a name in a list, at compile time (the field index of `model_object!`).
pub const fn index_of(names: &[&str], name: &str) -> usize {
    let mut i = 0;
    while i < names.len() {
        let (a, b) = (names[i].as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return i;
            }
        }
        i += 1;
    }
    names.len()
}

/// Defines an object type of the record: the Rust struct with its serde attributes, its shape
/// (the single source of its fields and limits), its lenient decoder and its navigation.
macro_rules! model_object {
    (
        $(#[$meta:meta])*
        pub struct $name:ident as $shape:ident {
            $( $(#[$fmeta:meta])* $json:literal $field:ident : $ty:ty = $kind:expr ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(rename = $json, default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )+
        }

        /// The shape of this object (see [`crate::shape`]).
        pub static $shape: $crate::shape::ObjectShape = $crate::shape::ObjectShape {
            name: stringify!($name),
            fields: &[ $( $crate::shape::FieldShape { name: $json, kind: $kind } ),+ ],
        };

        impl $crate::decode::DecodeObject for $name {
            fn shape() -> &'static $crate::shape::ObjectShape {
                &$shape
            }

            fn decode_key(
                &mut self,
                key: &str,
                cursor: &mut $crate::decode::Cursor<'_>,
                ctx: &mut $crate::decode::Ctx,
                seen: &mut u64,
            ) -> $crate::decode::KeyOutcome {
                const NAMES: &[&str] = &[$($json),+];
                match key {
                    $( $json => {
                        const INDEX: usize = $crate::shape::index_of(NAMES, $json);
                        if *seen & (1 << INDEX) != 0 {
                            return $crate::decode::KeyOutcome::Duplicate;
                        }
                        *seen |= 1 << INDEX;
                        let field = &$shape.fields[INDEX];
                        $crate::decode::decode_field_over::<$ty>(field, cursor, ctx, &mut self.$field);
                        $crate::decode::KeyOutcome::Decoded
                    } )+
                    _ => $crate::decode::KeyOutcome::Unknown,
                }
            }

            fn clear_unseen(&mut self, seen: u64) {
                const NAMES: &[&str] = &[$($json),+];
                $( {
                    const INDEX: usize = $crate::shape::index_of(NAMES, $json);
                    if seen & (1 << INDEX) == 0 {
                        self.$field = None;
                    }
                } )+
            }
        }

        impl $crate::shape::Navigate for $name {
            fn field(&self, name: &str) -> $crate::shape::Node<'_> {
                match name {
                    $( $json => $crate::shape::AsNode::as_node(&self.$field), )+
                    _ => $crate::shape::Node::Absent,
                }
            }
        }

        impl $crate::shape::AsNode for Option<$name> {
            fn as_node(&self) -> $crate::shape::Node<'_> {
                match self {
                    Some(value) => $crate::shape::Node::Object(value),
                    None => $crate::shape::Node::Absent,
                }
            }
        }

        impl $crate::shape::ItemNode for $name {
            fn item_node(&self) -> $crate::shape::Node<'_> {
                $crate::shape::Node::Object(self)
            }
        }
    };
}

pub(crate) use model_object;
