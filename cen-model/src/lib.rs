//! # cen-model
//!
//! The canonical seizure record of the WCO Customs Enforcement Network suite (CEN, nCEN and
//! CENcomm), as spec 2 of the project defines it: the Rust types, a lenient decoder that reports
//! every structural problem with its JSON Pointer, the shape of the record as data, its JSON
//! Schema, the flat-row mapping used by CSV, Excel, data frames and Arrow, and the non-nominal
//! projection that nCEN sends to CEN.
//!
//! The rules that check a record live in `cen-rules`; the reference code tables in `codes-data`.
//!
//! ```
//! let decoded = cen_model::decode_json(r#"{"reporting_country": "BE", "procedure": "imports"}"#).unwrap();
//! assert_eq!(decoded.findings[0].rule, "CEN-SCH-005");
//! assert_eq!(decoded.findings[0].path, "/procedure");
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod date;
pub mod decode;
pub mod enums;
mod fields;
pub mod finding;
pub mod flat;
pub mod host;
pub mod limits;
pub mod pointer;
pub mod project;
mod record;
pub mod required;
pub mod schema;
pub mod shape;
pub mod tape;

pub use date::Date;
pub use decode::{
    decode_bytes, decode_host, decode_json, decode_tape, decode_tape_over, decode_value,
    decode_with, with_bytes_decoded, with_json_decoded, with_tape_decoded, Decoded, Fatal,
};
pub use enums::*;
pub use fields::{all_fields, field_names, kind_at};
pub use finding::{Finding, ParamValue, Params};
pub use limits::{MAX_DEPTH, MAX_RECORD_BYTES};
pub use project::{to_cen, to_cen_value};
pub use record::*;
