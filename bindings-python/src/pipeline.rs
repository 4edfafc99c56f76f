//! Batches on every core: read a chunk with the GIL, check it without.
//!
//! The calling thread reads the records of a chunk from Python (it must hold the GIL to) and
//! hands the chunk to the core's ordered pipeline ([`cen_rules::pipeline`]), whose worker
//! threads check and report its records while the calling thread reads the next chunk. The
//! reports come back in input order, duplicates (CEN-DUP-001) found as in one sequential batch;
//! the calling thread gives up the GIL whenever it waits for them. A panic in a worker (the core
//! has none) comes back as a Python exception, never as an abort.

use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::{Arc, Mutex, OnceLock};

use cen_rules::pipeline::{self, Stage, Stopped, Wait};
use cen_rules::{Batch, Checked, Report, Validator};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
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

impl Threads {
    /// How many threads check records.
    pub fn count(&self) -> usize {
        match self {
            Threads::One => 1,
            Threads::Pool(None) => rayon::current_num_threads(),
            Threads::Pool(Some(pool)) => pool.current_num_threads(),
        }
    }
}

/// Waiting for the workers without the GIL.
struct Detached<'py>(Python<'py>);

impl Wait for Detached<'_> {
    fn wait<T: Send, F: FnOnce() -> T + Send>(&mut self, f: F) -> T {
        self.0.detach(f)
    }
}

/// The core's view of a kind of chunk: each record checked, its report the output.
struct Reports<C>(PhantomData<fn() -> C>);

impl<C: Chunk> Stage for Reports<C> {
    type Chunk = C;
    type Out = Report;

    fn len(&self, chunk: &C) -> usize {
        chunk.len()
    }

    fn check(&self, validator: &Validator, chunk: &C, i: usize) -> Checked {
        chunk.check(i, validator)
    }

    fn render(&self, _chunk: &C, _i: usize, _position: usize, report: Report) -> Report {
        report
    }
}

/// Runs the chunks that `next` reads (with the GIL; `None` at the end) through `batch` on
/// `threads`, giving each report to `consume` (with the GIL) in input order.
pub fn run<C: Chunk>(
    py: Python<'_>,
    batch: &mut Batch,
    threads: &Threads,
    next: impl FnMut() -> PyResult<Option<C>>,
    consume: impl FnMut(Report) -> PyResult<()>,
) -> PyResult<()> {
    let stage = Reports::<C>(PhantomData);
    match pipeline::run(
        batch,
        threads.count(),
        &stage,
        &mut Detached(py),
        next,
        consume,
    ) {
        Ok(_) => Ok(()),
        Err(Stopped::Failed(error)) => Err(error),
        Err(Stopped::Panicked) => Err(PyRuntimeError::new_err(
            "cen: a check failed unexpectedly (a bug of cen)",
        )),
    }
}
