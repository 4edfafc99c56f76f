//! What a reader gives: records ([`Raw`]) made of JSON bytes, flat rows of cells, or an
//! explanation of why the reader could not make sense of them.

use std::sync::Arc;

use cen_model::flat::{Cell, Layout};

/// One cell of a flat row, owned (see [`Cell`]).
#[derive(Debug, Clone, PartialEq)]
pub enum OwnedCell {
    /// Absent.
    Empty,
    /// Text.
    Text(String),
    /// A number typed by Excel.
    Number(f64),
    /// A whole number typed by Excel.
    Integer(i64),
    /// A boolean typed by Excel.
    Bool(bool),
}

impl OwnedCell {
    /// The borrowed cell the core reads.
    #[inline]
    pub fn as_cell(&self) -> Cell<'_> {
        match self {
            OwnedCell::Empty => Cell::Empty,
            OwnedCell::Text(text) => Cell::Text(text),
            OwnedCell::Number(x) => Cell::Number(*x),
            OwnedCell::Integer(n) => Cell::Integer(*n),
            OwnedCell::Bool(b) => Cell::Bool(*b),
        }
    }

    #[inline]
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            OwnedCell::Empty => true,
            OwnedCell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// The bytes of one record: a range of a block read from the file, shared by the records of
/// that block (no copy per record), or bytes of its own.
#[derive(Debug, Clone)]
pub struct Bytes {
    pub(crate) block: Arc<Vec<u8>>,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl Bytes {
    /// Bytes of their own.
    pub fn owned(bytes: Vec<u8>) -> Bytes {
        let end = bytes.len();
        Bytes {
            block: Arc::new(bytes),
            start: 0,
            end,
        }
    }

    /// The bytes.
    #[inline]
    pub fn as_slice(&self) -> &[u8] {
        &self.block[self.start..self.end]
    }
}

/// What one record is made of.
#[derive(Debug, Clone)]
pub enum Payload {
    /// JSON text as bytes (possibly broken, possibly not UTF-8: the core decides).
    Json(Bytes),
    /// A flat row and the layout of its file's header.
    Row {
        /// The header's plan.
        layout: Arc<Layout>,
        /// The cells, in the header's order.
        cells: Vec<OwnedCell>,
    },
    /// A record the reader could not make sense of (a CSV row with more cells than the
    /// header, merged Excel cells): CEN-SCH-001, with this explanation.
    Malformed(String),
    /// A row longer than [`MAX_ROW_BYTES`](crate::MAX_ROW_BYTES), whose cells were not kept: CEN-SCH-001 "larger
    /// than 1 MiB", with this explanation.
    TooLarge(String),
}

/// One record as read, with where it was found.
#[derive(Debug, Clone)]
pub struct Raw {
    /// The index of its file among the files read together: what [`FileReader::numbered`]
    /// says, 0 by default.
    ///
    /// [`FileReader::numbered`]: crate::FileReader::numbered
    pub file: usize,
    /// Its line (text formats: where it starts) or row (Excel), from 1.
    pub line: u64,
    /// The record.
    pub payload: Payload,
}

impl Raw {
    /// An approximate size in memory, to bound the records held at once.
    #[inline]
    pub fn weight(&self) -> usize {
        match &self.payload {
            Payload::Json(bytes) => bytes.end - bytes.start,
            Payload::Row { cells, .. } => cells
                .iter()
                .map(|c| match c {
                    OwnedCell::Text(t) => t.len() + 24,
                    _ => 24,
                })
                .sum(),
            Payload::Malformed(text) | Payload::TooLarge(text) => text.len(),
        }
    }
}
