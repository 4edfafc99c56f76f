//! Where decoding stands (the JSON Pointer of the value being read) and what it found.

use crate::finding::{Finding, Params};
use crate::pointer::push_token;

use super::Decoded;

/// One step of the path being decoded.
#[derive(Debug, Clone, Copy)]
pub(super) enum Segment {
    Field(&'static str),
    Index(usize),
}

/// The most steps a path of the record's shape takes (`/persons/0/documents/0/number` takes
/// five); values past the shape are skipped, never pushed. A test checks the shapes against it.
pub(super) const PATH_CAPACITY: usize = 8;

/// The path being decoded, held inline: a record is decoded without allocating for it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Path {
    segments: [Segment; PATH_CAPACITY],
    /// Steps pushed, those past the capacity included (never the case for the record's shape),
    /// so that each `pop` undoes its `push`.
    len: usize,
}

impl Default for Path {
    fn default() -> Self {
        Path {
            segments: [Segment::Index(0); PATH_CAPACITY],
            len: 0,
        }
    }
}

impl Path {
    #[inline]
    pub(super) fn push(&mut self, segment: Segment) {
        if let Some(slot) = self.segments.get_mut(self.len) {
            *slot = segment;
        }
        self.len += 1;
    }

    #[inline]
    pub(super) fn pop(&mut self) {
        self.len = self.len.saturating_sub(1);
    }

    fn segments(&self) -> &[Segment] {
        self.segments.get(..self.len).unwrap_or(&self.segments)
    }
}

/// The state of one decoding: where it is, and what it found.
#[derive(Debug, Default)]
pub struct Ctx {
    pub(super) path: Path,
    pub(super) findings: Vec<Finding>,
    pub(super) invalid: Vec<String>,
    /// Bytes of text decoded into the record's strings: whether the record is small enough
    /// for its thread to keep its room for the next one.
    pub(super) text_decoded: usize,
}

impl Ctx {
    fn pointer(&self) -> String {
        let mut out = String::new();
        for segment in self.path.segments() {
            match segment {
                Segment::Field(name) => push_token(&mut out, name),
                Segment::Index(i) => {
                    out.push('/');
                    out.push_str(&i.to_string());
                }
            }
        }
        out
    }

    pub(super) fn report(&mut self, finding_at: impl FnOnce(String) -> Finding) {
        let pointer = self.pointer();
        self.findings.push(finding_at(pointer));
    }

    /// Records a present value that does not fit, with its finding, at the current path.
    pub(super) fn reject(&mut self, rule: &'static str, params: Params, variant: &'static str) {
        let pointer = self.pointer();
        self.invalid.push(pointer.clone());
        self.findings
            .push(Finding::new(rule, pointer, params).variant(variant));
    }

    /// A decoding that writes its findings into the room of `decoded`'s (emptied first).
    pub(super) fn reusing(decoded: &mut Decoded) -> Ctx {
        let mut findings = std::mem::take(&mut decoded.findings);
        let mut invalid = std::mem::take(&mut decoded.invalid);
        findings.clear();
        invalid.clear();
        Ctx {
            path: Path::default(),
            findings,
            invalid,
            text_decoded: 0,
        }
    }

    /// Gives the findings to the decoded record whose room they took.
    pub(super) fn finish(self, decoded: &mut Decoded) {
        decoded.findings = self.findings;
        decoded.invalid = self.invalid;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::RECORD_SHAPE;
    use crate::shape::{Kind, ObjectShape};

    fn steps(kind: &Kind) -> usize {
        match kind {
            Kind::Object(shape) => deepest(shape),
            Kind::List(item, _) => 1 + steps(item),
            _ => 0,
        }
    }

    fn deepest(shape: &ObjectShape) -> usize {
        shape
            .fields
            .iter()
            .map(|field| 1 + steps(&field.kind))
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn every_path_of_the_record_fits_the_inline_path() {
        assert_eq!(deepest(&RECORD_SHAPE), 5, "/persons/0/documents/0/number");
        assert!(deepest(&RECORD_SHAPE) <= PATH_CAPACITY);
    }

    #[test]
    fn a_path_past_its_capacity_still_pops_what_it_pushed() {
        let mut ctx = Ctx::default();
        for i in 0..PATH_CAPACITY + 3 {
            ctx.path.push(Segment::Index(i));
        }
        assert_eq!(ctx.path.len, PATH_CAPACITY + 3);
        for _ in 0..3 {
            ctx.path.pop();
        }
        assert_eq!(ctx.pointer(), "/0/1/2/3/4/5/6/7");
    }
}
