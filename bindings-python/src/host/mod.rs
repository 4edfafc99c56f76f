//! Python values in, under the record limits: what `validate` and `validate_many` read.
//!
//! Records are read, while the GIL is held, onto the core's [`cen_model::tape::Tape`]: the
//! values of a chunk of records flattened in document order, their strings in one buffer (two
//! allocations for a whole chunk, whatever its size). The core's one decoder then decodes each
//! record from the tape ([`cen_model::with_tape_decoded`], over the record its thread decoded
//! last) on any thread, the GIL released, as it decodes every other input.
//!
//! Strings, numbers, `None` and booleans are read borrowed from their dict or list; what could
//! run Python code while it is read is held first (docs/decisions.md #104).
//!
//! The tape keeps what JSON cannot: a NaN or an infinity stays an `f64` (CEN-SCH-006 at its
//! path), and an object JSON cannot represent (a `datetime`, a set, bytes, a custom object) is
//! an opaque value, CEN-SCH-002 at its own path instead of a failure of the whole record.
//!
//! The limits of CEN-SCH-001 apply to host values as to text (docs/decisions.md #1, #2): the
//! size is that of the value's compact JSON text, `json.dumps(value, separators=(",", ":"),
//! ensure_ascii=False)` in UTF-8, counted while reading and stopped as soon as it passes
//! 1 MiB; the depth is bounded while reading, which also ends cycles (a dict that contains
//! itself). A value that JSON cannot represent counts as `null`. Whichever limit is reached
//! first while reading is the one reported.
//!
//! The concerns, one module each, none importing from a module that imports it:
//! - [`records`]: [`Records`], what the rest of the binding holds and checks;
//! - [`reader`]: Python values read onto a tape under the limits, and [`to_json`] for options
//!   and look-ups;
//! - [`python_text`]: Python scalars (dict keys, ints, floats) as `json.dumps` writes them.

mod python_text;
mod reader;
mod records;

pub use python_text::key_text;
pub use reader::to_json;
pub use records::{Records, Sizes};
