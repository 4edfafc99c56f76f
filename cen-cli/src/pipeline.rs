//! The validation engine: records are read in chunks, checked on worker threads, numbered for
//! duplicate detection in input order, reported on worker threads again, and handed to the
//! command in input order. Memory holds one chunk at a time (plus the duplicate index, which
//! keeps a fingerprint per identifier key of the whole run: that is what makes CEN-DUP-001
//! exact across the input).

use std::io::{self, IsTerminal};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use cen_model::flat::Cell;
use cen_rules::{Checked, DuplicateIndex, DuplicateKeys, Input, Report, Validator};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde_json::Value;

use crate::input::{Inputs, OwnedCell, Payload, Raw};
use crate::Failure;

/// Records per chunk: enough to keep every worker busy, few enough to keep memory flat.
const CHUNK_RECORDS: usize = 4096;
/// Input bytes per chunk, for files of large records.
const CHUNK_BYTES: usize = 4 << 20;

/// What a command does with each report.
pub trait Job: Sync {
    /// What a record becomes on a worker thread (formatted output, statistics).
    type Out: Send;
    /// Turns a record's report into output; runs on worker threads, in any order (and again on
    /// the consuming thread for a record found to be a duplicate). `index` is the record's
    /// position in the run, from 0 (as CEN-DUP-001's `first` counts).
    fn render(&self, raw: &Raw, index: usize, report: Report) -> Self::Out;
    /// Takes the output of the next record, in input order.
    fn consume(&mut self, out: Self::Out) -> Result<(), Failure>;
}

/// Checks one record (no report yet: that needs the duplicate index, in order).
pub fn check(validator: &Validator, raw: &Raw) -> Checked {
    match &raw.payload {
        Payload::Json(bytes) => validator.check(Input::Bytes(bytes.as_slice())),
        Payload::Row { layout, cells } => {
            let cells: Vec<Cell<'_>> = cells.iter().map(OwnedCell::as_cell).collect();
            validator.check_row(layout, &cells)
        }
        // Not a record at all: the core's CEN-SCH-001 for a value that is not an object.
        Payload::Malformed(_) => validator.check(Input::Value(&Value::Null)),
        // A row over 1 MiB: what the core says of a record over 1 MiB.
        Payload::TooLarge(_) => validator.check_fatal(&cen_model::Fatal::TooLarge),
    }
}

/// The report of a checked record. A record the reader could not make sense of gets the rule's
/// main message ("The input is not a seizure record."), not the wording for JSON values.
pub fn report(
    validator: &Validator,
    raw: &Raw,
    checked: Checked,
    duplicate_of: Option<usize>,
) -> Report {
    let mut report = validator.report(checked, duplicate_of);
    if matches!(raw.payload, Payload::Malformed(_)) {
        if let Some(rule) = cen_rules::rule("CEN-SCH-001") {
            for issue in report.issues.iter_mut().filter(|i| i.rule == rule.id) {
                issue.message = rule.template(validator.lang()).to_owned();
            }
        }
    }
    report
}

/// A progress bar on standard error, shown only on a terminal and only once a run has taken
/// more than a second.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: bool,
    total: Option<u64>,
}

impl Progress {
    /// A progress bar over `total` bytes (a spinner counting records when unknown).
    pub fn new(total: Option<u64>) -> Progress {
        let bar = io::stderr().is_terminal().then(|| {
            let bar = match total {
                Some(total) => ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden())
                    .with_style(
                        ProgressStyle::with_template(
                            "{spinner} {bar:40} {percent:>3}%  {msg} records  {elapsed} (about {eta} left)",
                        )
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                    ),
                None => ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
                    .with_style(
                        ProgressStyle::with_template("{spinner} {msg} records  {elapsed}")
                            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                    ),
            };
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            shown: false,
            total,
        }
    }

    /// Records what has been read.
    pub fn update(&mut self, bytes: u64, records: u64) {
        let Some(bar) = &self.bar else { return };
        if !self.shown && self.started.elapsed() > Duration::from_secs(1) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
        if self.total.is_some() {
            bar.set_position(bytes);
        }
        bar.set_message(records.to_string());
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Runs `job` over every record of `inputs` with `jobs` threads; returns the number of records.
/// With one job everything happens on this thread. With more, a thread of its own reads the
/// next chunks while this one and the workers deal with the current one.
pub fn run<J: Job>(
    validator: &Validator,
    inputs: &mut Inputs,
    jobs: usize,
    job: &mut J,
) -> Result<u64, Failure> {
    let mut progress = Progress::new(inputs.total_bytes());
    let bytes = inputs.bytes.clone();
    let result = if jobs > 1 {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .map_err(|e| Failure::Message(format!("cannot start {jobs} threads: {e}")))?;
        let (sender, receiver) = sync_channel::<Vec<Raw>>(1);
        std::thread::scope(|scope| {
            scope.spawn(|| loop {
                let chunk = inputs.next_chunk(CHUNK_RECORDS, CHUNK_BYTES);
                let last = chunk.is_empty();
                if sender.send(chunk).is_err() || last {
                    break;
                }
            });
            let chunks = receiver.iter().take_while(|chunk| !chunk.is_empty());
            let result = process(validator, Some(&pool), chunks, job, &mut progress, &bytes);
            // Stop the reader early when the output failed (a closed pipe).
            drop(receiver);
            result
        })
    } else {
        let chunks = std::iter::from_fn(|| {
            Some(inputs.next_chunk(CHUNK_RECORDS, CHUNK_BYTES)).filter(|c| !c.is_empty())
        });
        process(validator, None, chunks, job, &mut progress, &bytes)
    };
    progress.finish();
    result
}

fn process<J: Job>(
    validator: &Validator,
    pool: Option<&rayon::ThreadPool>,
    chunks: impl Iterator<Item = Vec<Raw>>,
    job: &mut J,
    progress: &mut Progress,
    bytes: &AtomicU64,
) -> Result<u64, Failure> {
    let mut index = DuplicateIndex::new();
    let mut next = 0usize;
    for chunk in chunks {
        let first = next;
        match pool {
            None => {
                for raw in chunk {
                    let checked = check(validator, &raw);
                    let duplicate_of = index.observe(next, checked.duplicate_keys());
                    let report = report(validator, &raw, checked, duplicate_of);
                    let out = job.render(&raw, next, report);
                    next += 1;
                    job.consume(out)?;
                }
            }
            Some(pool) => {
                // One parallel pass: check, report and render each record as if it had no
                // earlier duplicate, keeping its duplicate keys. Then, in input order, the
                // duplicate index decides; the rare duplicate is checked and reported again
                // with CEN-DUP-001 (the same report `Batch::finish` gives). Keeping only the
                // keys, not the whole check, saves a copy of every record's issues.
                let shared: &J = job;
                let rendered: Vec<(Raw, Option<DuplicateKeys>, J::Out)> = pool.install(|| {
                    chunk
                        .into_par_iter()
                        .enumerate()
                        .map(|(i, raw)| {
                            let checked = check(validator, &raw);
                            let keys = checked.duplicate_keys();
                            let keys = (!keys.is_empty()).then(|| keys.clone());
                            let report = report(validator, &raw, checked, None);
                            let out = shared.render(&raw, first + i, report);
                            (raw, keys, out)
                        })
                        .collect()
                });
                for (raw, keys, out) in rendered {
                    let position = next;
                    next += 1;
                    // A record without keys can be no one's duplicate and leaves no trace.
                    let earlier = keys.and_then(|keys| index.observe(position, &keys));
                    let out = match earlier {
                        Some(earlier) => {
                            let checked = check(validator, &raw);
                            let report = report(validator, &raw, checked, Some(earlier));
                            job.render(&raw, position, report)
                        }
                        None => out,
                    };
                    job.consume(out)?;
                }
            }
        }
        progress.update(bytes.load(Ordering::Relaxed), next as u64);
    }
    Ok(next as u64)
}
