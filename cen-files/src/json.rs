//! A `.json` file: one record, or an array whose items are read one by one.

use std::io::{self, BufRead};

use crate::limits::RECORD_CAP;
use crate::ndjson::is_blank;
use crate::record::{Bytes, Payload, Raw};
use crate::Records;

/// Where an array item ends: outside strings, at depth 0, a `,` or a `]`. Objects and arrays
/// inside the item are only counted, not checked (the core parses the item).
#[derive(Debug, Default)]
pub(crate) struct Scan {
    depth: usize,
    in_string: bool,
    escaped: bool,
}

impl Scan {
    /// Scans `buf`; returns how many bytes belong to the item, and the byte that ended it.
    pub(crate) fn feed(&mut self, buf: &[u8]) -> (usize, Option<u8>) {
        let mut i = 0;
        while i < buf.len() {
            if self.in_string {
                if self.escaped {
                    // The byte after a backslash, whatever it is.
                    self.escaped = false;
                    i += 1;
                    continue;
                }
                // Jump to the next quote or backslash.
                match memchr::memchr2(b'"', b'\\', &buf[i..]) {
                    None => return (buf.len(), None),
                    Some(at) => i += at,
                }
                if buf[i] == b'\\' {
                    self.escaped = true;
                } else {
                    self.in_string = false;
                }
                i += 1;
                continue;
            }
            match buf[i] {
                b'"' => self.in_string = true,
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' if self.depth > 0 => self.depth -= 1,
                b @ (b',' | b']') if self.depth == 0 => return (i, Some(b)),
                _ => {}
            }
            i += 1;
        }
        (buf.len(), None)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JsonState {
    Start,
    Array,
    Done,
}

/// A `.json` file: one record, or an array whose items are read one by one (a byte scanner
/// finds where each item ends; the core parses it). A broken item is that record's
/// CEN-SCH-001; the items after it are still read.
pub(crate) struct JsonFile<R> {
    reader: R,
    file: usize,
    line: u64,
    state: JsonState,
    pending: Option<String>,
}

impl<R: BufRead> JsonFile<R> {
    pub(crate) fn new(reader: R, file: usize) -> Self {
        JsonFile {
            reader,
            file,
            line: 1,
            state: JsonState::Start,
            pending: None,
        }
    }

    fn peek(&mut self) -> Result<Option<u8>, String> {
        loop {
            match self.reader.fill_buf() {
                Ok(buf) => return Ok(buf.first().copied()),
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(format!("read error at line {}: {error}", self.line)),
            }
        }
    }

    fn bump(&mut self) -> Result<Option<u8>, String> {
        let byte = self.peek()?;
        if let Some(b) = byte {
            self.reader.consume(1);
            if b == b'\n' {
                self.line += 1;
            }
        }
        Ok(byte)
    }

    /// Skips white space (and a byte order mark at the start), keeping what was skipped.
    fn skip_space(&mut self, kept: &mut Vec<u8>) -> Result<Option<u8>, String> {
        loop {
            match self.peek()? {
                Some(b) if b.is_ascii_whitespace() => {
                    kept.push(b);
                    self.bump()?;
                }
                Some(0xEF) if self.state == JsonState::Start && kept.is_empty() => {
                    // A UTF-8 byte order mark (EF BB BF), as spreadsheet tools write.
                    let mut bom = [0u8; 3];
                    for slot in &mut bom {
                        *slot = self.bump()?.unwrap_or(0);
                    }
                    kept.extend_from_slice(&bom);
                    if bom != [0xEF, 0xBB, 0xBF] {
                        return Ok(Some(bom[0]));
                    }
                }
                other => return Ok(other),
            }
        }
    }

    fn single(&mut self, mut bytes: Vec<u8>, line: u64) -> Result<Option<Raw>, String> {
        // The whole file is the record: the core judges it, whatever it is.
        loop {
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(format!("read error: {error}")),
            };
            if available.is_empty() {
                break;
            }
            let n = available.len();
            let room = RECORD_CAP.saturating_sub(bytes.len());
            bytes.extend_from_slice(&available[..n.min(room)]);
            self.reader.consume(n);
        }
        self.state = JsonState::Done;
        Ok(Some(Raw {
            file: self.file,
            line,
            payload: Payload::Json(Bytes::owned(bytes)),
        }))
    }

    fn item(&mut self) -> Result<Option<Raw>, String> {
        let mut skipped = Vec::new();
        self.skip_space(&mut skipped)?;
        let line = self.line;
        let mut item = Vec::new();
        let mut scan = Scan::default();
        // What ends the item: `,` (more items follow), `]` (the array ends) or the file's end.
        let end = loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(format!("read error at line {}: {error}", self.line)),
            };
            if buf.is_empty() {
                break None;
            }
            let (used, found) = scan.feed(buf);
            let room = RECORD_CAP.saturating_sub(item.len());
            item.extend_from_slice(&buf[..used.min(room)]);
            self.line += memchr::memchr_iter(b'\n', &buf[..used]).count() as u64;
            match found {
                Some(terminator) => {
                    self.reader.consume(used + 1);
                    break Some(terminator);
                }
                None => self.reader.consume(used),
            }
        };
        match end {
            Some(b']') => {
                self.state = JsonState::Done;
                self.after_array()?;
                if is_blank(&item) {
                    // `[]`, or a trailing comma before `]`: no record there.
                    return Ok(None);
                }
            }
            Some(_) => {}
            None => {
                self.state = JsonState::Done;
                self.pending = Some(format!(
                    "the array is not closed by `]` at the end of the file (line {}): the file \
                     may be cut short",
                    self.line
                ));
                if is_blank(&item) {
                    return Ok(None);
                }
            }
        }
        while item.last().is_some_and(u8::is_ascii_whitespace) {
            item.pop();
        }
        Ok(Some(Raw {
            file: self.file,
            line,
            payload: Payload::Json(Bytes::owned(item)),
        }))
    }

    fn after_array(&mut self) -> Result<(), String> {
        let mut skipped = Vec::new();
        if self.skip_space(&mut skipped)?.is_some() {
            self.pending = Some(format!(
                "unexpected text after the closing `]` of the array, at line {}: it is not read",
                self.line
            ));
        }
        Ok(())
    }
}

impl<R: BufRead + Send> Records for JsonFile<R> {
    fn next_record(&mut self) -> Result<Option<Raw>, String> {
        match self.state {
            JsonState::Start => {
                let mut kept = Vec::new();
                match self.skip_space(&mut kept)? {
                    None => Ok(None),
                    Some(b'[') => {
                        self.bump()?;
                        self.state = JsonState::Array;
                        self.next_record()
                    }
                    Some(_) => {
                        let line = self.line;
                        self.single(kept, line)
                    }
                }
            }
            JsonState::Array => match self.item()? {
                Some(raw) => Ok(Some(raw)),
                None => self.finish(),
            },
            JsonState::Done => self.finish(),
        }
    }
}

impl<R> JsonFile<R> {
    fn finish(&mut self) -> Result<Option<Raw>, String> {
        match self.pending.take() {
            Some(problem) => Err(problem),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Cursor};

    fn json_records(text: &[u8]) -> (Vec<(u64, String)>, Option<String>) {
        let mut reader = JsonFile::new(BufReader::new(Cursor::new(text.to_vec())), 0);
        let mut out = Vec::new();
        loop {
            match reader.next_record() {
                Ok(Some(raw)) => match raw.payload {
                    Payload::Json(bytes) => out.push((
                        raw.line,
                        String::from_utf8_lossy(bytes.as_slice()).into_owned(),
                    )),
                    other => panic!("{other:?}"),
                },
                Ok(None) => return (out, None),
                Err(problem) => return (out, Some(problem)),
            }
        }
    }

    #[test]
    fn arrays_are_split_into_items_with_their_lines() {
        let (items, problem) =
            json_records(b"[\n  {\"a\": \"x,]}\"},\n  {\"b\": [1, {\"c\": 2}]}\n , 3 ]\n");
        assert_eq!(
            items,
            [
                (2, "{\"a\": \"x,]}\"}".to_owned()),
                (3, "{\"b\": [1, {\"c\": 2}]}".to_owned()),
                (4, "3".to_owned())
            ]
        );
        assert_eq!(problem, None);
    }

    #[test]
    fn the_scanner_keeps_its_state_across_buffers() {
        let text = br#"{"a": "x\"],\\", "b": [1, {"c": "]"}]}, 2"#;
        for split in 0..text.len() {
            let mut scan = Scan::default();
            let (used, found) = scan.feed(&text[..split]);
            let (total, found) = match found {
                Some(b) => (used, Some(b)),
                None => {
                    let (more, found) = scan.feed(&text[split..]);
                    (split + more, found)
                }
            };
            assert_eq!(found, Some(b','), "split at {split}");
            assert_eq!(&text[..total], br#"{"a": "x\"],\\", "b": [1, {"c": "]"}]}"#);
        }
    }

    #[test]
    fn escaped_quotes_do_not_end_strings() {
        let (items, _) = json_records(br#"[{"a": "say \"hi\", ok"}, {}]"#);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].1, r#"{"a": "say \"hi\", ok"}"#);
    }

    #[test]
    fn empty_arrays_and_trailing_commas_have_no_records() {
        assert_eq!(json_records(b"[]").0.len(), 0);
        assert_eq!(json_records(b"  [ \n ] ").0.len(), 0);
        assert_eq!(json_records(b"[{}, ]").0.len(), 1);
        // An empty item between commas is a record that is not JSON.
        assert_eq!(json_records(b"[{}, , {}]").0[1].1, "");
    }

    #[test]
    fn a_cut_array_and_text_after_it_are_problems_after_the_records() {
        let (items, problem) = json_records(b"[{\"a\": 1}, {\"b\":");
        assert_eq!(items.len(), 2);
        assert!(problem.unwrap().contains("not closed"));
        let (items, problem) = json_records(b"[{}] {}");
        assert_eq!(items.len(), 1);
        assert!(problem.unwrap().contains("after the closing"));
    }

    #[test]
    fn a_single_object_is_the_whole_file() {
        let (items, _) = json_records(b"\xef\xbb\xbf\n {\"a\": 1}\n");
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].0, 2);
        assert_eq!(items[0].1.as_bytes(), b"\xef\xbb\xbf\n {\"a\": 1}\n");
    }
}
