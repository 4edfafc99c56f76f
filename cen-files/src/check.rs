//! A record as read, checked by the core (feature `check`): the one place that says which
//! check of [`cen_rules::Validator`] each kind of [`Payload`] gets. The `cen` command line and
//! the browser's "check a file" both call [`Raw::check`], so a file gives the same reports
//! there and here.

use cen_model::flat::Cell;
use cen_model::Fatal;
use cen_rules::{Checked, Input, Validator};

use crate::record::{OwnedCell, Payload, Raw};

impl Raw {
    /// Checks the record with `validator`, without reporting it yet: the report needs the
    /// record's place in its batch (`cen_rules::Batch::finish`, CEN-DUP-001). JSON text is
    /// decoded by the core, a flat row read through its header's layout; a record the reader
    /// could not make sense of is the core's CEN-SCH-001 with the rule's main message, and a
    /// row over 1 MiB what the core says of any record over 1 MiB.
    ///
    /// ```
    /// use cen_files::{FileReader, Format};
    /// use cen_rules::{Batch, Options, Validator};
    ///
    /// let csv = "reporting_country,seizure_date\nBE,2026-03-01\nBE,2026-03-01,extra\n";
    /// let mut reader = FileReader::from_bytes(csv.as_bytes().to_vec(), Format::Csv)?;
    /// let mut batch = Batch::new(Validator::new(Options::default()).unwrap());
    /// let mut rules = Vec::new();
    /// while let Some(raw) = reader.next_record()? {
    ///     let report = batch.finish(raw.check(batch.validator()));
    ///     rules.push(report.issues.first().map(|i| i.rule.clone()));
    /// }
    /// assert_eq!(rules[1].as_deref(), Some("CEN-SCH-001"));
    /// # Ok::<(), String>(())
    /// ```
    pub fn check(&self, validator: &Validator) -> Checked {
        match &self.payload {
            Payload::Json(bytes) => validator.check(Input::Bytes(bytes.as_slice())),
            Payload::Row { layout, cells } => {
                let cells: Vec<Cell<'_>> = cells.iter().map(OwnedCell::as_cell).collect();
                validator.check_row(layout, &cells)
            }
            Payload::Malformed(_) => validator.check_unreadable(),
            Payload::TooLarge(_) => validator.check_fatal(&Fatal::TooLarge),
        }
    }
}
