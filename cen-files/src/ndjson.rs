//! NDJSON (`.ndjson`, `.jsonl`): one record per line, read in blocks; each record is a range of
//! its block, shared without a copy.

use std::io::{self, Read};
use std::sync::Arc;

use crate::limits::RECORD_CAP;
use crate::record::{Bytes, Payload, Raw};
use crate::Records;

/// The size of the blocks NDJSON is read in.
const BLOCK: usize = 1 << 20;

/// NDJSON: one record per line; blank lines are not records. The file is read in blocks of
/// [`BLOCK`] bytes, and each record is a range of its block (a line that runs over a block's
/// end is moved to the start of the next one).
pub(crate) struct Ndjson<R> {
    reader: R,
    file: usize,
    line: u64,
    block: Arc<Vec<u8>>,
    pos: usize,
    eof: bool,
    /// Live input (a network stream): a record is given as soon as its line has arrived,
    /// rather than once a whole block has.
    live: bool,
}

impl<R: Read> Ndjson<R> {
    pub(crate) fn new(reader: R, file: usize) -> Self {
        Ndjson {
            reader,
            file,
            line: 0,
            block: Arc::new(Vec::new()),
            pos: 0,
            eof: false,
            live: false,
        }
    }

    /// The same reader for live input: each read of the source is taken as it comes, and a
    /// read that brings the end of a line ends the wait for more (the records are the same).
    pub(crate) fn live(mut self) -> Self {
        self.live = true;
        self
    }

    /// Appends what the file gives to `buf` until it holds `want` bytes or the file ends.
    fn fill(&mut self, buf: &mut Vec<u8>, want: usize) -> Result<(), String> {
        while buf.len() < want && !self.eof {
            if self.live {
                let before = buf.len();
                buf.resize(want.min(before + (1 << 16)), 0);
                let read = self.reader.read(&mut buf[before..]);
                let got = *read.as_ref().unwrap_or(&0);
                buf.truncate(before + got);
                match read {
                    Ok(0) => self.eof = true,
                    Ok(_) if memchr::memchr(b'\n', &buf[before..]).is_some() => return Ok(()),
                    Ok(_) => {}
                    Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                    Err(error) => {
                        return Err(format!("read error after line {}: {error}", self.line));
                    }
                }
                continue;
            }
            let missing = (want - buf.len()) as u64;
            match (&mut self.reader).take(missing).read_to_end(buf) {
                Ok(0) => self.eof = true,
                Ok(_) => {}
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => {
                    return Err(format!("read error after line {}: {error}", self.line));
                }
            }
        }
        Ok(())
    }

    /// The rest of a line longer than a record may be: the first [`RECORD_CAP`] bytes are the
    /// record (the core reports it as too large), the rest is skipped up to the line's end.
    fn long_line(&mut self, mut kept: Vec<u8>) -> Result<Vec<u8>, String> {
        kept.truncate(RECORD_CAP);
        let mut buf = Vec::with_capacity(BLOCK);
        loop {
            buf.clear();
            self.fill(&mut buf, BLOCK)?;
            if let Some(i) = memchr::memchr(b'\n', &buf) {
                self.block = Arc::new(buf.split_off(i + 1));
                self.pos = 0;
                return Ok(kept);
            }
            if self.eof {
                self.block = Arc::new(Vec::new());
                self.pos = 0;
                return Ok(kept);
            }
        }
    }
}

#[inline]
pub(crate) fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

impl<R: Read + Send> Records for Ndjson<R> {
    fn next_record(&mut self) -> Result<Option<Raw>, String> {
        loop {
            let rest = &self.block[self.pos..];
            if let Some(i) = memchr::memchr(b'\n', rest) {
                let start = self.pos;
                let mut end = start + i;
                self.pos = end + 1;
                self.line += 1;
                while end > start && self.block[end - 1] == b'\r' {
                    end -= 1;
                }
                if is_blank(&self.block[start..end]) {
                    continue;
                }
                let bytes = Bytes {
                    block: self.block.clone(),
                    start,
                    end,
                };
                return Ok(Some(self.raw(bytes)));
            }
            if self.eof {
                if rest.is_empty() {
                    return Ok(None);
                }
                let (start, end) = (self.pos, self.block.len());
                self.pos = end;
                self.line += 1;
                if is_blank(&self.block[start..end]) {
                    return Ok(None);
                }
                let bytes = Bytes {
                    block: self.block.clone(),
                    start,
                    end,
                };
                return Ok(Some(self.raw(bytes)));
            }
            // The block ends inside a line: start the next block with it.
            let mut next = Vec::with_capacity(BLOCK.max(rest.len() * 2));
            next.extend_from_slice(rest);
            let want = next.len() + BLOCK;
            self.fill(&mut next, want)?;
            if next.len() > RECORD_CAP
                && memchr::memchr(b'\n', &next).is_none_or(|i| i > RECORD_CAP)
            {
                // Longer than any record may be: keep its start, skip the rest of the line.
                self.line += 1;
                let kept = match memchr::memchr(b'\n', &next) {
                    Some(i) => {
                        self.block = Arc::new(next.split_off(i + 1));
                        self.pos = 0;
                        next.truncate(RECORD_CAP);
                        next
                    }
                    None => self.long_line(next)?,
                };
                return Ok(Some(self.raw(Bytes::owned(kept))));
            }
            self.block = Arc::new(next);
            self.pos = 0;
        }
    }
}

impl<R> Ndjson<R> {
    fn raw(&self, bytes: Bytes) -> Raw {
        Raw {
            file: self.file,
            line: self.line,
            payload: Payload::Json(bytes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn ndjson_records(text: Vec<u8>) -> Vec<(u64, Vec<u8>)> {
        records_of(Ndjson::new(Cursor::new(text), 0))
    }

    /// A source that gives a few bytes at each read, as a network does.
    struct Trickle {
        bytes: Vec<u8>,
        at: usize,
        step: usize,
    }

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.step = (self.step * 7 + 13) % 3001 + 1;
            let n = self.step.min(buf.len()).min(self.bytes.len() - self.at);
            buf[..n].copy_from_slice(&self.bytes[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    fn records_of(mut reader: impl Records) -> Vec<(u64, Vec<u8>)> {
        let mut out = Vec::new();
        while let Some(raw) = reader.next_record().unwrap() {
            match raw.payload {
                Payload::Json(bytes) => out.push((raw.line, bytes.as_slice().to_vec())),
                other => panic!("{other:?}"),
            }
        }
        out
    }

    #[test]
    fn live_input_gives_the_same_records() {
        let mut text = Vec::new();
        for i in 0..3000usize {
            text.extend_from_slice(
                format!("{{\"n\": \"{}\"}}", "y".repeat(i * 31 % 700)).as_bytes(),
            );
            text.extend_from_slice(if i % 5 == 0 { b"\r\n\n" } else { b"\n" });
        }
        // A line longer than any record may be, then one more record without its newline.
        text.extend_from_slice(&vec![b'z'; RECORD_CAP + 4000]);
        text.extend_from_slice(b"\n{\"last\": true}");
        let blocks = records_of(Ndjson::new(Cursor::new(text.clone()), 0));
        let trickle = Trickle {
            bytes: text,
            at: 0,
            step: 1,
        };
        let live = records_of(Ndjson::new(trickle, 0).live());
        assert_eq!(blocks.len(), 3002);
        assert_eq!(live, blocks);
    }

    /// A record is given as soon as its line is read, without waiting for more input.
    #[test]
    fn live_input_does_not_wait_for_a_block() {
        struct OneLineThenStuck(Option<&'static [u8]>);
        impl Read for OneLineThenStuck {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let line = self
                    .0
                    .take()
                    .expect("read again before the first record was given");
                buf[..line.len()].copy_from_slice(line);
                Ok(line.len())
            }
        }
        let mut reader = Ndjson::new(OneLineThenStuck(Some(b"{\"a\": 1}\n")), 0).live();
        assert_eq!(reader.next_record().unwrap().unwrap().line, 1);
    }

    #[test]
    fn ndjson_lines_across_blocks_and_blank_lines() {
        let mut text = Vec::new();
        let mut expected = Vec::new();
        for i in 0..5000u64 {
            let line = format!(
                "{{\"case_ref\": \"{}\"}}",
                "x".repeat((i as usize * 37) % 900)
            );
            text.extend_from_slice(line.as_bytes());
            text.extend_from_slice(if i % 7 == 0 { b"\r\n\n" } else { b"\n" });
            expected.push(line.into_bytes());
        }
        text.extend_from_slice(b"{\"last\": 1}");
        expected.push(b"{\"last\": 1}".to_vec());
        let records = ndjson_records(text);
        assert_eq!(
            records.iter().map(|r| r.1.clone()).collect::<Vec<_>>(),
            expected
        );
        assert_eq!(records[0].0, 1);
        assert_eq!(records[1].0, 3, "line 2 is blank");
    }

    #[test]
    fn long_lines_are_capped_and_skipped_to_their_end() {
        for length in [RECORD_CAP - 10, RECORD_CAP + 10, 3 * BLOCK + 5] {
            let mut text = b"{}\n".to_vec();
            text.extend(std::iter::repeat_n(b'x', length));
            text.extend_from_slice(b"\n{\"a\": 1}\n");
            let records = ndjson_records(text);
            assert_eq!(records.len(), 3, "{length}");
            assert_eq!(records[1].1.len(), length.min(RECORD_CAP));
            assert_eq!(records[2], (3, b"{\"a\": 1}".to_vec()));
        }
    }
}
