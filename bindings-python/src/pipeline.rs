//! Batches on every core: read a chunk with the GIL, check it without.
//!
//! The calling thread reads the records of a chunk from Python (it must hold the GIL to), then
//! hands the chunk to rayon, which checks its records in parallel while the calling thread
//! reads the next chunk. Checked chunks come back in order; duplicates (CEN-DUP-001) are then
//! found in input order and the reports written, so that the reports are exactly those of a
//! sequential run. A panic in a worker (the core has none) comes back as a Python exception,
//! never as an abort.

use std::collections::{HashMap, VecDeque};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex, OnceLock};

use cen_rules::{Checked, DuplicateIndex, Report, Validator};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;
use rayon::ThreadPool;

/// Records read from Python and checkable on any thread.
pub trait Chunk: Send + Sync + 'static {
    /// How many records.
    fn len(&self) -> usize;
    /// Checks record `i`.
    fn check(&self, i: usize, validator: &Validator) -> Checked;
}

/// Records per chunk: enough to keep every core busy, few enough that the GIL is never held
/// for long while reading and that memory does not grow with the length of a stream.
pub const CHUNK: usize = 1024;

/// Below this many records a chunk is checked on the calling thread (with the GIL released).
const PARALLEL_FROM: usize = 32;

/// Where the records of a batch are checked.
#[derive(Clone)]
pub enum Threads {
    /// On the calling thread only.
    One,
    /// On a rayon pool: the global one (every core), or one of a given size.
    Pool(Option<Arc<ThreadPool>>),
}

impl Threads {
    /// `None`: every core; `1`: the calling thread only; `n`: a pool of `n` threads (kept for
    /// later calls with the same `n`).
    pub fn from_arg(threads: Option<usize>) -> PyResult<Threads> {
        static POOLS: OnceLock<Mutex<HashMap<usize, Arc<ThreadPool>>>> = OnceLock::new();
        match threads {
            None => Ok(Threads::Pool(None)),
            Some(0) => Err(PyValueError::new_err(
                "threads must be at least 1 (or None for every core)",
            )),
            Some(1) => Ok(Threads::One),
            Some(n) => {
                let pools = POOLS.get_or_init(|| Mutex::new(HashMap::new()));
                let mut pools = pools.lock().unwrap_or_else(|p| p.into_inner());
                if let Some(pool) = pools.get(&n) {
                    return Ok(Threads::Pool(Some(pool.clone())));
                }
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .thread_name(|i| format!("cen-{i}"))
                    .build()
                    .map_err(|e| PyRuntimeError::new_err(format!("no thread pool: {e}")))?;
                let pool = Arc::new(pool);
                pools.insert(n, pool.clone());
                Ok(Threads::Pool(Some(pool)))
            }
        }
    }
}

/// The order of a batch: positions and the keys seen so far (CEN-DUP-001).
#[derive(Debug, Default)]
pub struct Sequence {
    index: DuplicateIndex,
    next: usize,
}

impl Sequence {
    /// Reports checked records as the next records of the batch.
    fn report(&mut self, validator: &Validator, checked: Vec<Checked>) -> Vec<Report> {
        checked
            .into_iter()
            .map(|c| {
                let first = self.index.observe(self.next, c.duplicate_keys());
                self.next += 1;
                validator.report(c, first)
            })
            .collect()
    }

    /// How many records the batch has reported.
    pub fn len(&self) -> usize {
        self.next
    }
}

type Outcome<C> = (C, Result<Vec<Checked>, ()>);

/// A batch in progress: chunks checked in the background, reported in order.
pub struct Pipeline<'s, C: Chunk> {
    validator: Arc<Validator>,
    threads: Threads,
    sequence: &'s mut Sequence,
    in_flight: VecDeque<Receiver<Outcome<C>>>,
}

impl<'s, C: Chunk> Pipeline<'s, C> {
    /// A pipeline that continues `sequence`.
    pub fn new(validator: &Validator, threads: Threads, sequence: &'s mut Sequence) -> Self {
        Pipeline {
            validator: Arc::new(validator.clone()),
            threads,
            sequence,
            in_flight: VecDeque::new(),
        }
    }

    /// Hands a chunk over and returns the reports of the chunks that are done, in order
    /// (waiting, without the GIL, for all but the newest).
    pub fn push(&mut self, py: Python<'_>, chunk: C) -> PyResult<Vec<Report>> {
        let small = chunk.len() < PARALLEL_FROM;
        match (&self.threads, small) {
            (Threads::One, _) | (_, true) => {
                // Checked here and now, after what is still in flight.
                let mut reports = self.drain(py)?;
                let validator = self.validator.clone();
                let checked = py.detach(|| {
                    (0..chunk.len())
                        .map(|i| chunk.check(i, &validator))
                        .collect::<Vec<_>>()
                });
                reports.extend(self.sequence.report(&self.validator, checked));
                Ok(reports)
            }
            (Threads::Pool(pool), false) => {
                let (sender, receiver) = sync_channel(1);
                let validator = self.validator.clone();
                let job = move || {
                    let checked = catch_unwind(AssertUnwindSafe(|| {
                        (0..chunk.len())
                            .into_par_iter()
                            .map(|i| chunk.check(i, &validator))
                            .collect::<Vec<_>>()
                    }))
                    .map_err(|_| ());
                    // The caller may be gone (an exception while reading): nothing to do then.
                    let _ = sender.send((chunk, checked));
                };
                match pool {
                    Some(pool) => pool.spawn(job),
                    None => rayon::spawn(job),
                }
                self.in_flight.push_back(receiver);
                let mut reports = Vec::new();
                while self.in_flight.len() > 1 {
                    reports.extend(self.finish_oldest(py)?);
                }
                Ok(reports)
            }
        }
    }

    /// Waits for every chunk in flight and returns their reports, in order.
    pub fn drain(&mut self, py: Python<'_>) -> PyResult<Vec<Report>> {
        let mut reports = Vec::new();
        while !self.in_flight.is_empty() {
            reports.extend(self.finish_oldest(py)?);
        }
        Ok(reports)
    }

    fn finish_oldest(&mut self, py: Python<'_>) -> PyResult<Vec<Report>> {
        let Some(receiver) = self.in_flight.pop_front() else {
            return Ok(Vec::new());
        };
        let outcome = py.detach(move || receiver.recv());
        let (chunk, checked) = outcome
            .map_err(|_| PyRuntimeError::new_err("cen: a worker thread stopped unexpectedly"))?;
        let checked = checked.map_err(|_| {
            PyRuntimeError::new_err("cen: a check failed unexpectedly (a bug of cen)")
        })?;
        let reports = self.sequence.report(&self.validator, checked);
        // The chunk (and the Python strings it holds) is released here, with the GIL.
        drop(chunk);
        Ok(reports)
    }
}
