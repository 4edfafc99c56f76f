//! The checks of single values: one country, location, currency, HS or goods-type code, one
//! date, one identifier with its check digit. Building the facts of a record (`facts.rs`) runs
//! them field by field and keeps what passes; the rules of `rules/` compare only those values.
//! Each module defines its rules (id, severity, params), checks them, and tests them.

pub mod codes;
pub mod date;
pub mod identifiers;
