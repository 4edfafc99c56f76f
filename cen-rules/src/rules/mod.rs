//! The rules that compare the values of a record, one module per group of spec 3, built on the
//! record's facts (`facts.rs`); the checks of single values are below, in `values/`. Each
//! module defines its rules (id, severity, params), checks them, and tests them.

pub mod dates;
pub mod duplicates;
pub mod form;
pub mod movement;
pub mod nominal;
pub mod quantity;
pub mod structure;
