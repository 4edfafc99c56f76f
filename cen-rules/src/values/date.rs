//! DAT-001: a date field holds a real calendar date (spec 3). The other DAT rules compare the
//! dates that pass this check (`rules/dates.rs`).

use cen_model::{Date, Params};

use crate::definition::{Rule, Severity};
use crate::sink::Sink;

/// CEN-DAT-001: a date is not a real calendar date written `YYYY-MM-DD`.
pub static DAT_001: Rule = Rule {
    id: "CEN-DAT-001",
    severity: Severity::Error,
    params: &[],
    summary: "A date is not a real calendar date written YYYY-MM-DD.",
};
/// CEN-DAT-001 on one date field; the date when it is one.
pub(crate) fn date(sink: &mut Sink, text: &str, path: impl FnOnce() -> String) -> Option<Date> {
    let date = Date::parse(text);
    if date.is_none() {
        sink.emit(&DAT_001, path(), Params::new());
    }
    date
}
