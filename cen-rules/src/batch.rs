//! Batches: records reported in input order, each one's duplicate keys remembered so that a
//! later record sharing one gets CEN-DUP-001 naming the earliest (spec 3). The one place that
//! keeps this bookkeeping; every surface (C handles, Python objects, JavaScript classes, the
//! command line and [`crate::pipeline`]) holds a [`Batch`] or a [`Sequence`].

use std::sync::Arc;

use crate::report::Report;
use crate::rules::duplicates::{DuplicateIndex, DuplicateKeys};
use crate::validator::{Checked, Input, Validator};

/// Where a record falls in its batch: its position (from 0) and, when it repeats an earlier
/// record's keys, the position of the earliest such record (CEN-DUP-001's `first`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The record's position in the batch, from 0.
    pub position: usize,
    /// The earliest earlier record it may duplicate.
    pub duplicate_of: Option<usize>,
}

/// The order of a batch without its validator: positions handed out one by one and the
/// duplicate keys seen so far. What a [`Batch`] is made of; use it directly when the validator
/// is held elsewhere (as [`Validator::validate_many`] does).
#[derive(Debug, Clone, Default)]
pub struct Sequence {
    index: DuplicateIndex,
    next: usize,
}

impl Sequence {
    /// An empty sequence.
    pub fn new() -> Sequence {
        Sequence::default()
    }

    /// Places the next record of the batch by its duplicate keys (and remembers them).
    ///
    /// ```
    /// let mut sequence = cen_rules::Sequence::new();
    /// let place = sequence.place(&cen_rules::DuplicateKeys::default());
    /// assert_eq!((place.position, place.duplicate_of), (0, None));
    /// assert_eq!(sequence.len(), 1);
    /// ```
    pub fn place(&mut self, keys: &DuplicateKeys) -> Place {
        let position = self.next;
        self.next += 1;
        // A record without keys can be no one's duplicate and leaves no trace.
        let duplicate_of = if keys.is_empty() {
            None
        } else {
            self.index.observe(position, keys)
        };
        Place {
            position,
            duplicate_of,
        }
    }

    /// The report of a checked record as the next record of the batch.
    pub fn finish(&mut self, validator: &Validator, checked: Checked) -> Report {
        let place = self.place(checked.duplicate_keys());
        validator.report(checked, place.duplicate_of)
    }

    /// How many records have been placed.
    pub fn len(&self) -> usize {
        self.next
    }

    /// True when no record has been placed.
    pub fn is_empty(&self) -> bool {
        self.next == 0
    }

    /// How many distinct duplicate keys are remembered (the memory that grows with a batch).
    pub fn keys(&self) -> usize {
        self.index.len()
    }
}

/// A batch that owns what it needs: its validator (shared, not borrowed) and its
/// [`Sequence`]. A C handle, a Python object or a JavaScript class can hold one for as long as
/// it likes; records are checked anywhere (in parallel with [`Validator::check`]) and finished
/// here in input order.
///
/// ```
/// use cen_rules::{Batch, Options, Validator};
/// let validator = Validator::new(Options { today: "2026-11-28".parse().ok(), ..Options::default() }).unwrap();
/// let record = r#"{"reporting_country": "BE", "seizure_date": "2026-02-28",
///     "conveyance": [{"type": "sea_container", "container": "MSKU6011672"}]}"#;
/// let mut batch = Batch::new(validator);
/// let checked: Vec<_> = [record, record].into_iter().map(|r| batch.validator().check(r.into())).collect();
/// let reports = batch.finish_many(checked);
/// assert!(reports[1].issues.iter().any(|i| i.rule == "CEN-DUP-001" && i.params.get("first").is_some()));
/// assert_eq!(batch.len(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct Batch {
    validator: Arc<Validator>,
    sequence: Sequence,
}

impl Batch {
    /// An empty batch validating with `validator` (a `Validator` or an `Arc` of one).
    pub fn new(validator: impl Into<Arc<Validator>>) -> Batch {
        Batch {
            validator: validator.into(),
            sequence: Sequence::new(),
        }
    }

    /// The validator of the batch.
    pub fn validator(&self) -> &Validator {
        &self.validator
    }

    /// The validator of the batch, to share with worker threads.
    pub fn shared_validator(&self) -> &Arc<Validator> {
        &self.validator
    }

    /// Checks and reports the next record of the batch.
    pub fn validate(&mut self, input: Input<'_>) -> Report {
        let checked = self.validator.check(input);
        self.finish(checked)
    }

    /// Checks and reports the next record of the batch, given as JSON text.
    pub fn validate_json(&mut self, text: &str) -> Report {
        self.validate(Input::Json(text))
    }

    /// Reports a record checked earlier as the next record of the batch.
    pub fn finish(&mut self, checked: Checked) -> Report {
        self.sequence.finish(&self.validator, checked)
    }

    /// Reports records checked earlier as the next records of the batch, in their order.
    pub fn finish_many(&mut self, checked: impl IntoIterator<Item = Checked>) -> Vec<Report> {
        checked.into_iter().map(|c| self.finish(c)).collect()
    }

    /// Places the next record by its duplicate keys, without reporting it: for callers that
    /// report (or skip reporting) themselves, such as a pass that keeps only keys.
    pub fn place(&mut self, keys: &DuplicateKeys) -> Place {
        self.sequence.place(keys)
    }

    /// The batch's order (positions and keys seen).
    pub fn sequence(&self) -> &Sequence {
        &self.sequence
    }

    /// The validator and the order at once, for a pipeline that checks with the one while it
    /// places with the other.
    pub fn parts(&mut self) -> (&Arc<Validator>, &mut Sequence) {
        (&self.validator, &mut self.sequence)
    }

    /// How many records the batch has placed.
    pub fn len(&self) -> usize {
        self.sequence.len()
    }

    /// True when the batch has placed no record.
    pub fn is_empty(&self) -> bool {
        self.sequence.is_empty()
    }
}

// The batch calls of the validator live here, beside the types they build, so that the
// validator does not import its batches.
impl Validator {
    /// Checks many records as one batch, in order, with duplicate detection (CEN-DUP-001).
    ///
    /// ```
    /// use cen_rules::{Options, Validator};
    /// let validator = Validator::new(Options::default()).unwrap();
    /// let reports = validator.validate_many(["{}", "[]"]);
    /// assert_eq!(reports.len(), 2);
    /// assert_eq!(reports[1].issues[0].rule, "CEN-SCH-001");
    /// ```
    pub fn validate_many<'a, I>(&self, records: I) -> Vec<Report>
    where
        I: IntoIterator,
        I::Item: Into<Input<'a>>,
    {
        let mut sequence = Sequence::new();
        records
            .into_iter()
            .map(|record| sequence.finish(self, self.check(record.into())))
            .collect()
    }

    /// A batch that reports records one by one, in order, with duplicate detection. It owns a
    /// copy of this validator (see [`Batch::new`] to share one instead).
    pub fn batch(&self) -> Batch {
        Batch::new(self.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    fn validator() -> Validator {
        Validator::from_json_options(r#"{"today": "2026-11-28"}"#).unwrap()
    }

    const RECORD: &str = r#"{"reporting_country": "BE", "seizure_date": "2026-02-28",
        "conveyance": [{"type": "sea_container", "container": "MSKU6011672"}]}"#;

    #[test]
    fn finishing_one_by_one_many_at_once_or_by_place_gives_the_same_reports() {
        let validator = validator();
        let inputs = [RECORD, "{}", RECORD, "[]", RECORD];
        let expected: Vec<String> = validator
            .validate_many(inputs)
            .iter()
            .map(Report::to_json)
            .collect();
        let mut one = Batch::new(validator.clone());
        let by_one: Vec<String> = inputs
            .iter()
            .map(|i| one.validate_json(i).to_json())
            .collect();
        let mut many = Batch::new(validator.clone());
        let checked: Vec<Checked> = inputs
            .iter()
            .map(|i| validator.check((*i).into()))
            .collect();
        let by_many: Vec<String> = many
            .finish_many(checked)
            .iter()
            .map(Report::to_json)
            .collect();
        let mut placed = Batch::new(validator.clone());
        let by_place: Vec<String> = inputs
            .iter()
            .map(|i| {
                let checked = validator.check((*i).into());
                let place = placed.place(checked.duplicate_keys());
                validator.report(checked, place.duplicate_of).to_json()
            })
            .collect();
        assert_eq!(by_one, expected);
        assert_eq!(by_many, expected);
        assert_eq!(by_place, expected);
        assert!(expected[4].contains("\"first\":0"));
        assert_eq!((one.len(), many.len(), placed.len()), (5, 5, 5));
    }

    #[test]
    fn a_batch_outlives_the_validator_it_was_made_from() {
        let mut batch = {
            let validator = Validator::new(Options::default()).unwrap();
            validator.batch()
        };
        assert!(batch.is_empty());
        assert_eq!(batch.validate_json("[]").issues[0].rule, "CEN-SCH-001");
        assert_eq!(batch.len(), 1);
    }

    #[test]
    fn records_without_keys_take_a_place_but_leave_no_key() {
        let mut sequence = Sequence::new();
        for i in 0..3 {
            assert_eq!(
                sequence.place(&DuplicateKeys::default()),
                Place {
                    position: i,
                    duplicate_of: None
                }
            );
        }
        assert_eq!(sequence.keys(), 0);
    }
}
