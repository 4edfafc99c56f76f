//! The rules, one module per group of spec 3. Each module defines its rules (id, severity,
//! params), checks them, and tests them.

pub mod codes;
pub mod dates;
pub mod duplicates;
pub mod form;
pub mod identifiers;
pub mod movement;
pub mod nominal;
pub mod quantity;
pub mod structure;
