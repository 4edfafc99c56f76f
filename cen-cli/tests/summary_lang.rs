//! The text summary of `cen validate` speaks the language of `--lang` (its words live in
//! `codes-data/data/words.tsv`); English stays as it was.

use assert_cmd::Command;

fn summary(lang: &str) -> String {
    let out = Command::cargo_bin("cen")
        .unwrap()
        .args(["validate", "-q", "--today", "2026-11-28", "--lang", lang])
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/seizures.ndjson"
        ))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the samples hold invalid records"
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_summary_speaks_english_as_before() {
    let text = summary("en");
    assert!(
        text.starts_with("Summary\n  records    300\n  valid    "),
        "{text}"
    );
    assert!(
        text.contains("\n  rule         severity   issues  records  what it checks\n"),
        "{text}"
    );
}

#[test]
fn the_summary_speaks_french() {
    let text = summary("fr");
    assert!(
        text.starts_with("Résumé\n  enregistrements    300\n  valides          "),
        "{text}"
    );
    assert!(text.contains("\n  non valides      "), "{text}");
    assert!(
        text.contains(
            "\n  règle        gravité   problèmes  enregistrements  ce qu'elle vérifie\n"
        ),
        "{text}"
    );
    // Every row of the table lines up under its heading.
    let rows: Vec<&str> = text.lines().skip_while(|l| !l.contains("règle")).collect();
    assert!(rows.len() > 1);
    for row in &rows[1..] {
        assert_eq!(row.find("CEN-"), Some(2), "{row}");
    }
}

#[test]
fn the_summary_speaks_arabic() {
    let text = summary("ar");
    assert!(text.starts_with("الملخص\n  السجلات        300\n"), "{text}");
    assert!(text.contains("\n  الصالحة        251\n"), "{text}");
    assert!(text.contains("\n  غير الصالحة     49\n"), "{text}");
    assert!(
        text.contains("  القاعدة      الخطورة   المشكلات  السجلات  ما تتحقق منه\n"),
        "{text}"
    );
    for english in ["Summary", "records", "invalid", "what it checks"] {
        assert!(!text.contains(english), "{english} in {text}");
    }
}
