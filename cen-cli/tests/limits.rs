//! Resource limits of the real binary (issue 7): hostile files (a CSV cell of 10 MB, a CSV
//! header or row of a million columns, an Excel zip bomb that inflates to 3 GiB, an Excel cell
//! of 10 MB, cells beyond Excel's last column) are refused with clear messages and the right
//! exit status. Each `cen` runs with its heap limited to [`HEAP_LIMIT`] (`RLIMIT_DATA`): a
//! reader that tried to hold what the file holds would fail to allocate and abort (status
//! 134), not give the expected answer. The memory of a long stream is measured in
//! `tests/stream.rs`.

use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;
use tempfile::TempDir;

const TODAY: &str = "2026-11-28";
const MIB: usize = 1 << 20;

fn cen_path() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_cen"))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace")
        .to_path_buf()
}

/// The heap every `cen` of these tests may use: a few times what it needs for a harmless file
/// (about 20 MiB), a small fraction of what the hostile files would take if they were held.
const HEAP_LIMIT: u64 = 128 << 20;

/// What a run of `cen` gave.
struct Run {
    status: i32,
    stdout: String,
    stderr: String,
    seconds: f64,
}

impl Run {
    fn lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }
}

/// Runs `cen` with these arguments, writing `stdin` (from a thread) while it runs.
fn run(args: &[&str], stdin: Option<Vec<u8>>) -> Run {
    run_limited(args, stdin, HEAP_LIMIT)
}

/// [`run`] with this heap limit.
fn run_limited(args: &[&str], stdin: Option<Vec<u8>>, heap: u64) -> Run {
    let started = std::time::Instant::now();
    let mut command = Command::new(cen_path());
    // SAFETY: only `setrlimit`, which is async-signal-safe, runs between fork and exec.
    unsafe {
        command.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: heap,
                rlim_max: heap,
            };
            if libc::setrlimit(libc::RLIMIT_DATA, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    let mut child = command
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cen starts");
    let writer = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().expect("a pipe");
        // The reader may stop early (a refused input): a closed pipe is not a failure.
        std::thread::spawn(move || drop(pipe.write_all(&bytes)))
    });
    let mut stdout_pipe = child.stdout.take().expect("a pipe");
    let mut stderr_pipe = child.stderr.take().expect("a pipe");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        stderr_pipe
            .read_to_string(&mut text)
            .expect("standard error");
        text
    });
    let mut stdout = String::new();
    stdout_pipe
        .read_to_string(&mut stdout)
        .expect("standard output");
    let stderr = reader.join().expect("the reader of standard error");
    if let Some(writer) = writer {
        writer.join().expect("the writer of standard input");
    }
    let status = child.wait().expect("cen ends");
    Run {
        status: status.code().unwrap_or_else(|| {
            128 + std::os::unix::process::ExitStatusExt::signal(&status).unwrap_or(0)
        }),
        stdout,
        stderr,
        seconds: started.elapsed().as_secs_f64(),
    }
}

fn validate(path: &Path) -> Run {
    let path = path.to_str().expect("a UTF-8 path");
    run(
        &["validate", "--format", "ndjson", "--today", TODAY, path],
        None,
    )
}

fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn rules(line: &Value) -> Vec<&str> {
    line["report"]["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["rule"].as_str().unwrap())
        .collect()
}

/// The header and first rows of the sample CSV file.
fn sample_csv() -> (String, Vec<String>) {
    let text = std::fs::read_to_string(root().join("examples/seizures.csv")).unwrap();
    let mut lines = text.lines().map(str::to_owned);
    let header = lines.next().unwrap();
    (header, lines.take(3).collect())
}

#[test]
fn the_heap_limit_is_what_holds_cen() {
    // The control of every test here: under the limit a harmless run works; with a heap far
    // too small the same run fails to allocate instead of answering.
    let sample = root().join("examples/seizures.csv");
    let args = ["validate", "-q", "--today", TODAY, sample.to_str().unwrap()];
    let normal = run(&args, None);
    assert_eq!(normal.status, 1, "{}", normal.stderr);
    let starved = run_limited(&args, None, 1 << 20);
    assert_ne!(starved.status, 1, "a 1 MiB heap cannot be enough");
    assert!(!starved.stdout.contains("records"));
}

// ---------------------------------------------------------------- CSV

#[test]
fn a_csv_cell_of_ten_megabytes_is_its_records_cen_sch_001_and_the_run_goes_on() {
    let dir = TempDir::new().unwrap();
    let (header, rows) = sample_csv();
    let harmless = format!("{header}\n{}\n{}\n", rows[0], rows[1]);
    // A quoted cell of 10 MB with line breaks inside: the reader must find the row's end by
    // the CSV grammar, not by lines, while holding none of it.
    let mut cell = String::with_capacity(10_000_100);
    while cell.len() < 10_000_000 {
        cell.push_str("a cell that never ends, \"quoted\",\nover many lines; ");
    }
    let big = format!("\"{}\"", cell.replace('"', "\"\""));
    let hostile = format!("{header}\n{}\n{big},{}\n{}\n", rows[0], rows[2], rows[1]);
    let harmless_run = validate(&write(&dir, "harmless.csv", harmless.as_bytes()));
    let run = validate(&write(&dir, "big-cell.csv", hostile.as_bytes()));
    assert_eq!(run.status, 1, "{}", run.stderr);
    let lines = run.lines();
    assert_eq!(lines.len(), 3, "the rows before and after it are read");
    let reports = harmless_run.lines();
    assert_eq!(lines[0]["report"], reports[0]["report"]);
    assert_eq!(lines[2]["report"], reports[1]["report"]);
    assert_eq!(lines[2]["line"], 4 + big.matches('\n').count() as u64);
    let refused = &lines[1];
    assert_eq!(rules(refused), ["CEN-SCH-001"]);
    assert_eq!(
        refused["report"]["issues"][0]["message"],
        "The input is larger than 1 MiB."
    );
    let detail = refused["detail"].as_str().unwrap();
    assert!(detail.contains("bytes long"), "{detail}");
    assert_eq!(refused["line"], 3);
}

#[test]
fn a_csv_row_of_a_million_cells_is_too_large_and_the_next_row_is_read() {
    let dir = TempDir::new().unwrap();
    let (header, rows) = sample_csv();
    let wide = format!("{}{}", rows[0], ",x".repeat(1_000_000));
    let text = format!("{header}\n{wide}\n{}\n", rows[1]);
    let run = validate(&write(&dir, "wide-row.csv", text.as_bytes()));
    assert_eq!(run.status, 1, "{}", run.stderr);
    let lines = run.lines();
    assert_eq!(lines.len(), 2);
    assert_eq!(rules(&lines[0]), ["CEN-SCH-001"]);
    assert!(lines[0]["detail"].as_str().unwrap().contains(&format!(
        "({} cells)",
        1_000_000 + rows[0].split(',').count()
    )));
    assert_eq!(lines[1]["line"], 3);
}

#[test]
fn a_csv_header_of_a_million_columns_is_refused() {
    let dir = TempDir::new().unwrap();
    let (_, rows) = sample_csv();
    let named: Vec<String> = (0..1_000_000).map(|i| format!("c{i}")).collect();
    // Named columns (7 MB of header) and unnamed ones (a header under 1 MiB): both refused by
    // their number, whatever the header's length.
    for (name, header) in [
        ("named.csv", named.join(",")),
        ("unnamed.csv", ",".repeat(999_999)),
    ] {
        let path = write(&dir, name, format!("{header}\n{}\n", rows[0]).as_bytes());
        let run = validate(&path);
        assert_eq!(run.status, 2, "{name}: {}", run.stderr);
        assert!(run.stdout.is_empty());
        let expected = format!(
            "the header has 1000000 columns, more than the {} a seizure record can fill",
            cen_cli::max_columns()
        );
        assert!(run.stderr.contains(&expected), "{name}: {}", run.stderr);
    }
    assert_eq!(cen_cli::max_columns(), 7492);
}

#[test]
fn a_csv_header_over_one_mebibyte_is_refused() {
    let dir = TempDir::new().unwrap();
    let header = format!("case_ref,{}", "x".repeat(2 * MIB));
    let run = validate(&write(
        &dir,
        "long-header.csv",
        format!("{header}\nA,B\n").as_bytes(),
    ));
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("long-header.csv: the header is 2097162 bytes long"),
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------- Excel

/// One entry of a hand-made zip archive.
struct Entry {
    name: &'static str,
    /// 0 stored, 8 deflated.
    method: u16,
    /// The bytes as stored in the archive.
    data: Vec<u8>,
    crc: u32,
    size: u32,
}

impl Entry {
    fn stored(name: &'static str, data: Vec<u8>) -> Entry {
        Entry {
            name,
            method: 0,
            crc: crc32fast::hash(&data),
            size: u32::try_from(data.len()).unwrap(),
            data,
        }
    }
}

/// A zip archive of these entries, written by hand so that a test can state sizes and
/// compressed streams that no zip writer would produce.
fn zip(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for entry in entries {
        let offset = u32::try_from(out.len()).unwrap();
        let packed = u32::try_from(entry.data.len()).unwrap();
        let name = entry.name.as_bytes();
        let common = |buf: &mut Vec<u8>| {
            buf.extend_from_slice(&20u16.to_le_bytes()); // version needed
            buf.extend_from_slice(&0u16.to_le_bytes()); // flags
            buf.extend_from_slice(&entry.method.to_le_bytes());
            buf.extend_from_slice(&0u16.to_le_bytes()); // time
            buf.extend_from_slice(&0x21u16.to_le_bytes()); // date: 1980-01-01
            buf.extend_from_slice(&entry.crc.to_le_bytes());
            buf.extend_from_slice(&packed.to_le_bytes());
            buf.extend_from_slice(&entry.size.to_le_bytes());
            buf.extend_from_slice(&(name.len() as u16).to_le_bytes());
            buf.extend_from_slice(&0u16.to_le_bytes()); // extra field length
        };
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut out);
        out.extend_from_slice(name);
        out.extend_from_slice(&entry.data);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // version made by
        common(&mut central);
        central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name);
    }
    let start = u32::try_from(out.len()).unwrap();
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // this disk, the disk of the directory
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    out
}

/// The parts of a workbook around its first sheet (no shared strings: cells are inline).
fn workbook(sheet: Entry, more: Vec<Entry>) -> Vec<u8> {
    let mut entries = vec![
        Entry::stored(
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_vec(),
        ),
        Entry::stored(
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_vec(),
        ),
        Entry::stored(
            "xl/workbook.xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="records" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_vec(),
        ),
        Entry::stored(
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_vec(),
        ),
        sheet,
    ];
    entries.extend(more);
    zip(&entries)
}

const SHEET_START: &str = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const SHEET_END: &str = "</sheetData></worksheet>";

/// An inline text cell.
fn cell(reference: &str, text: &str) -> String {
    format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A row of inline text cells from column A.
fn row(number: u32, texts: &[&str]) -> String {
    let cells: String = texts
        .iter()
        .enumerate()
        .map(|(i, text)| cell(&format!("{}{number}", (b'A' + i as u8) as char), text))
        .collect();
    format!(r#"<row r="{number}">{cells}</row>"#)
}

const HEADER: [&str; 3] = ["case_ref", "reporting_country", "seizure_date"];

fn stored_sheet(rows: &str) -> Vec<u8> {
    workbook(
        Entry::stored(
            "xl/worksheets/sheet1.xml",
            format!("{SHEET_START}{}{rows}{SHEET_END}", row(1, &HEADER)).into_bytes(),
        ),
        Vec::new(),
    )
}

/// The CRC-32 of `a` followed by `len_b` bytes whose CRC-32 is `crc_b` (zlib's
/// `crc32_combine`), so that the CRC of gigabytes of repeated text costs nothing.
fn crc32_combine(crc_a: u32, crc_b: u32, mut len_b: u64) -> u32 {
    fn times(matrix: &[u32; 32], mut vector: u32) -> u32 {
        let mut sum = 0;
        let mut i = 0;
        while vector != 0 {
            if vector & 1 != 0 {
                sum ^= matrix[i];
            }
            vector >>= 1;
            i += 1;
        }
        sum
    }
    fn square(matrix: &[u32; 32]) -> [u32; 32] {
        let mut out = [0; 32];
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = times(matrix, matrix[i]);
        }
        out
    }
    if len_b == 0 {
        return crc_a;
    }
    // The operator of one zero bit, then of two, four...
    let mut odd = [0u32; 32];
    odd[0] = 0xedb8_8320;
    for (i, slot) in odd.iter_mut().enumerate().skip(1) {
        *slot = 1 << (i - 1);
    }
    let mut even = square(&odd);
    odd = square(&even);
    let mut crc = crc_a;
    loop {
        even = square(&odd);
        if len_b & 1 != 0 {
            crc = times(&even, crc);
        }
        len_b >>= 1;
        if len_b == 0 {
            break;
        }
        odd = square(&even);
        if len_b & 1 != 0 {
            crc = times(&odd, crc);
        }
        len_b >>= 1;
        if len_b == 0 {
            break;
        }
    }
    crc ^ crc_b
}

/// A deflated sheet whose XML is `prefix`, then `chunk` `copies` times, then `suffix`: the
/// chunk is deflated once (ending on a byte boundary, referring only to itself) and its
/// deflated bytes repeated, which is how a zip bomb reaches gigabytes from a few megabytes.
fn bomb_sheet(prefix: &[u8], chunk: &[u8], copies: u32, suffix: &[u8]) -> Entry {
    use flate2::{Compress, Compression, FlushCompress};
    let deflate = |data: &[u8], flush: FlushCompress| {
        let mut compress = Compress::new(Compression::best(), false);
        let mut out = Vec::with_capacity(data.len() / 4 + 1024);
        compress.compress_vec(data, &mut out, flush).unwrap();
        out
    };
    let mut data = deflate(prefix, FlushCompress::Sync);
    let deflated_chunk = deflate(chunk, FlushCompress::Sync);
    for _ in 0..copies {
        data.extend_from_slice(&deflated_chunk);
    }
    data.extend_from_slice(&deflate(suffix, FlushCompress::Finish));
    let size = prefix.len() as u64 + chunk.len() as u64 * u64::from(copies) + suffix.len() as u64;
    let mut crc = crc32fast::hash(prefix);
    let chunk_crc = crc32fast::hash(chunk);
    for _ in 0..copies {
        crc = crc32_combine(crc, chunk_crc, chunk.len() as u64);
    }
    crc = crc32_combine(crc, crc32fast::hash(suffix), suffix.len() as u64);
    Entry {
        name: "xl/worksheets/sheet1.xml",
        method: 8,
        data,
        crc,
        size: u32::try_from(size).expect("under 4 GiB"),
    }
}

#[test]
fn the_crc_of_repeated_text_is_that_of_the_whole() {
    let chunk = b"<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>";
    let mut whole = b"start".to_vec();
    let mut crc = crc32fast::hash(&whole);
    for _ in 0..5 {
        whole.extend_from_slice(chunk);
        crc = crc32_combine(crc, crc32fast::hash(chunk), chunk.len() as u64);
    }
    assert_eq!(crc, crc32fast::hash(&whole));
}

#[test]
fn the_bomb_inflates_to_what_it_says() {
    // The bomb's construction, checked on a small one by the zip reader that calamine uses.
    let entry = bomb_sheet(b"<a>", &[b'z'; 4096], 300, b"</a>");
    let bytes = workbook(entry, Vec::new());
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut sheet = archive.by_name("xl/worksheets/sheet1.xml").unwrap();
    let mut text = Vec::new();
    sheet
        .read_to_end(&mut text)
        .expect("inflates, with the right CRC");
    assert_eq!(text.len(), 3 + 4096 * 300 + 4);
    assert!(text[3..text.len() - 4].iter().all(|b| *b == b'z'));
}

#[test]
fn an_excel_zip_bomb_is_refused_before_it_is_inflated() {
    let dir = TempDir::new().unwrap();
    let harmless = validate(&write(
        &dir,
        "harmless.xlsx",
        &stored_sheet(&row(2, &["X-1", "BE", "2026-01-02"])),
    ));
    assert_eq!(harmless.status, 1, "{}", harmless.stderr);
    // 3 GiB of sheet XML: a header row, then one cell whose text never ends.
    let prefix = format!(
        "{SHEET_START}{}<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>",
        row(1, &HEADER)
    );
    let chunk = vec![b'a'; 16 * MIB];
    let entry = bomb_sheet(
        prefix.as_bytes(),
        &chunk,
        192,
        format!("</t></is></c></row>{SHEET_END}").as_bytes(),
    );
    assert!(entry.size > 3 << 30);
    let bytes = workbook(entry, Vec::new());
    assert!(bytes.len() < 4 * MIB, "a small file: {} bytes", bytes.len());
    let path = write(&dir, "bomb.xlsx", &bytes);
    let run = validate(&path);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .contains("part `xl/worksheets/sheet1.xml` of the workbook would inflate from")
            && run
                .stderr
                .contains("this looks like a zip bomb and is not read"),
        "{}",
        run.stderr
    );
    assert!(run.seconds < 20.0, "refused at once: {} s", run.seconds);
    // From standard input as well.
    let stdin = run_with_stdin(&["validate", "--input-format", "xlsx", "-"], bytes);
    assert_eq!(stdin.status, 2);
    assert!(stdin.stderr.contains("zip bomb"), "{}", stdin.stderr);
}

fn run_with_stdin(args: &[&str], bytes: Vec<u8>) -> Run {
    run(args, Some(bytes))
}

#[test]
fn excel_parts_read_whole_are_bounded_by_their_declared_size() {
    // Shared strings that say they inflate to 300 MiB at a modest ratio: refused from the
    // central directory, before anything is inflated (the zip reader would stop an entry that
    // inflates beyond its declared size, so the declared size is the bound).
    let dir = TempDir::new().unwrap();
    let mut strings = Entry::stored("xl/sharedStrings.xml", vec![b' '; 4 * MIB]);
    strings.size = 300 << 20;
    strings.method = 8;
    let bytes = workbook(
        Entry::stored(
            "xl/worksheets/sheet1.xml",
            format!("{SHEET_START}{}{SHEET_END}", row(1, &HEADER)).into_bytes(),
        ),
        vec![strings],
    );
    let run = validate(&write(&dir, "strings.xlsx", &bytes));
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains(
            "part `xl/sharedStrings.xml` of the workbook inflates to 314572800 bytes, and it \
             would have to be held in memory whole"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn an_excel_cell_of_ten_megabytes_is_its_records_cen_sch_001() {
    let dir = TempDir::new().unwrap();
    let first = row(2, &["X-1", "BE", "2026-01-02"]);
    let last = row(4, &["X-3", "FR", "2026-01-03"]);
    let harmless = validate(&write(
        &dir,
        "harmless.xlsx",
        &stored_sheet(&format!("{first}{last}")),
    ));
    let big = "0123456789".repeat(1_000_000);
    let hostile = format!("{first}{}{last}", row(3, &["X-2", &big]));
    let run = validate(&write(&dir, "big-cell.xlsx", &stored_sheet(&hostile)));
    assert_eq!(run.status, 1, "{}", run.stderr);
    let lines = run.lines();
    let reports = harmless.lines();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["report"], reports[0]["report"]);
    assert_eq!(lines[2]["report"], reports[1]["report"]);
    assert_eq!(rules(&lines[1]), ["CEN-SCH-001"]);
    assert_eq!(lines[1]["row"], 3);
    assert!(lines[1]["detail"]
        .as_str()
        .unwrap()
        .contains("this row holds 10000003 bytes of text"));
}

#[test]
fn excel_cells_beyond_the_last_column_or_a_header_too_wide_are_refused() {
    let dir = TempDir::new().unwrap();
    let beyond = stored_sheet(&format!(
        r#"<row r="2">{}{}</row>"#,
        cell("A2", "X-1"),
        cell("XFE2", "far")
    ));
    let run = validate(&write(&dir, "beyond.xlsx", &beyond));
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("cell XFE2 is beyond the last column of a sheet (XFD)"),
        "{}",
        run.stderr
    );
    let wide = workbook(
        Entry::stored(
            "xl/worksheets/sheet1.xml",
            format!(
                r#"{SHEET_START}<row r="1">{}{}</row>{SHEET_END}"#,
                cell("A1", "case_ref"),
                cell("KUZ1", "notes")
            )
            .into_bytes(),
        ),
        Vec::new(),
    );
    let run = validate(&write(&dir, "wide.xlsx", &wide));
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("the header has 8008 columns, more than the 7492"),
        "{}",
        run.stderr
    );
}
