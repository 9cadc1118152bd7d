//! The importer on the 40 real notices of `../shared/corpus/` (read from there, never copied):
//! every file imports, every line is accounted for, the sentences are kept, the controller is
//! found, and no draft answers a transfer, cookie or automated-decision question its source
//! leaves open. `tests/fixtures/corpus_facts.json` holds what each file says on those points,
//! written down by reading it.
//!
//! `cargo test -p seloste --test integration corpus_table -- --nocapture` prints the table.

use seloste::import::{self, Imported};
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"))
}

struct File {
    name: String,
    body: String,
    complete: bool,
}

/// The corpus files, each without its header block (up to the `---` line).
fn corpus() -> Vec<File> {
    let dir = corpus_dir();
    let mut v: Vec<File> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                n.to_string_lossy()
                    .starts_with(|c: char| c.is_ascii_digit())
            })
        })
        .map(|p| {
            let raw = std::fs::read_to_string(&p).unwrap();
            let (head, body) = raw.split_once("\n---\n").expect("a header block");
            File {
                name: p.file_name().unwrap().to_string_lossy().into_owned(),
                body: body.to_string(),
                complete: head.lines().any(|l| l.starts_with("Complete: yes")),
            }
        })
        .collect();
    v.sort_by(|a, b| a.name.cmp(&b.name));
    v
}

fn import_one(f: &File) -> Imported {
    import::import_bytes(f.body.as_bytes(), &f.name).unwrap_or_else(|e| panic!("{}: {e}", f.name))
}

/// Words only, lower case: layout, markup and punctuation do not count.
fn words(s: &str) -> String {
    let s = unlink(s);
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Markdown links `[text](target)` → `text` (the importer may keep or drop the target).
fn unlink(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find("](") {
        out.push_str(&rest[..p]);
        let after = &rest[p + 2..];
        match after.find(')') {
            Some(e) if !after[..e].contains(char::is_whitespace) => rest = &after[e + 1..],
            _ => {
                out.push_str("](");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The body's readable text, by a reader of our own (not the importer's): script, style and
/// comments out, tags become line breaks, the common entities decoded.
fn readable(body: &str) -> String {
    let lower = body.to_ascii_lowercase();
    let mut out = String::new();
    let mut i = 0;
    while i < body.len() {
        let rest = &lower[i..];
        let skip_to = |end: &str| rest.find(end).map_or(body.len(), |e| i + e + end.len());
        if rest.starts_with("<!--") {
            i = skip_to("-->");
        } else if rest.starts_with("<script") {
            i = skip_to("</script>");
        } else if rest.starts_with("<style") {
            i = skip_to("</style>");
        } else if rest.starts_with('<')
            && rest[1..]
                .starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
        {
            i = skip_to(">");
            out.push('\n');
        } else {
            let c = body[i..].chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    for (e, c) in [
        ("&nbsp;", " "),
        ("&amp;", "&"),
        ("&auml;", "ä"),
        ("&ouml;", "ö"),
        ("&aring;", "å"),
        ("&ndash;", "–"),
        ("&quot;", "\""),
    ] {
        out = out.replace(e, c);
    }
    out
}

/// Sentences of 20+ characters of the body, in words (see [`words`]).
fn sentences(body: &str) -> Vec<String> {
    let mut v = Vec::new();
    for line in readable(body).lines() {
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut start = 0;
        for (k, &(i, c)) in chars.iter().enumerate() {
            let end = matches!(c, '.' | '?' | '!') && chars.get(k + 1).is_none_or(|n| n.1 == ' ');
            if end || k + 1 == chars.len() {
                let s = line[start..i + c.len_utf8()].trim();
                let w = words(s);
                if s.chars().count() >= 20 && !w.is_empty() {
                    v.push(w);
                }
                start = i + c.len_utf8();
            }
        }
    }
    v
}

fn draft_words(imp: &Imported) -> String {
    fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    let mut v = Vec::new();
    strings(&serde_json::to_value(&imp.notice).unwrap(), &mut v);
    // A value taken into a field keeps its source line in the report.
    v.extend(imp.report.recognised.iter().map(|r| r.source.clone()));
    words(&v.join("\n"))
}

struct Row {
    file: String,
    complete: bool,
    sentences: usize,
    kept: usize,
    left_out: usize,
    lost: Vec<String>,
    fields: usize,
    free_text: Vec<String>,
    controller: String,
    /// Lines the importer's self-check had to place (kept, but not where they belong).
    unplaced: usize,
    /// Purpose items, and how many of them got a legal basis.
    purposes: usize,
    with_basis: usize,
}

impl Row {
    fn retention(&self) -> f64 {
        let body = self.sentences - self.left_out;
        if body == 0 {
            1.0
        } else {
            self.kept as f64 / body as f64
        }
    }
}

fn measure(f: &File, imp: &Imported) -> Row {
    let draft = format!(" {} ", draft_words(imp));
    let dropped = words(
        &imp.report
            .dropped
            .iter()
            .map(|d| d.text.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    // Headings are structure: the report lists each one found with where its text went.
    let headings: std::collections::HashSet<String> = imp
        .report
        .sections
        .iter()
        .map(|s| unnumbered(&words(&s.heading)))
        .collect();
    let all: Vec<String> = sentences(&f.body)
        .into_iter()
        .filter(|s| !headings.contains(&unnumbered(s)))
        .collect();
    let (mut kept, mut left_out, mut lost) = (0, 0, Vec::new());
    for s in &all {
        if draft.contains(&format!(" {s} ")) {
            kept += 1;
        } else if dropped.contains(s.as_str()) {
            left_out += 1;
        } else {
            lost.push(s.clone());
        }
    }
    let mut free_text: Vec<String> = imp
        .report
        .kept_as_text
        .iter()
        .map(|k| k.field.clone())
        .collect();
    free_text.dedup();
    Row {
        file: f.name.clone(),
        complete: f.complete,
        sentences: all.len(),
        kept,
        left_out,
        lost,
        fields: imp.report.recognised.len(),
        free_text,
        unplaced: imp.report.unplaced.len(),
        purposes: imp.notice.purposes.items.len(),
        with_basis: imp
            .notice
            .purposes
            .items
            .iter()
            .filter(|p| p.basis.is_some())
            .count(),
        controller: imp
            .notice
            .controllers
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(" / "),
    }
}

/// Words without the leading section number ("4 purpose of the register").
fn unnumbered(w: &str) -> String {
    w.split(' ')
        .skip_while(|x| x.chars().all(|c| c.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(serde::Deserialize)]
struct Facts {
    files: Vec<Fact>,
}

#[derive(serde::Deserialize)]
struct Fact {
    file: String,
    controller: String,
    transfers: String,
    cookies: String,
    automated: String,
    /// The dates the notice states (`YYYY-MM-DD`, or `YYYY-MM`), empty when none.
    drafted: String,
    updated: String,
}

fn facts() -> Vec<Fact> {
    let raw = std::fs::read_to_string(crate::util::fixture("corpus_facts.json")).unwrap();
    serde_json::from_str::<Facts>(&raw).unwrap().files
}

/// A draft's answer may stand only where the notice gives that same answer.
fn answer_allowed(answer: Option<bool>, fact: &str) -> bool {
    match answer {
        None => true,
        Some(true) => fact == "yes",
        Some(false) => fact == "no",
    }
}

fn controller_found(row: &Row, fact: &Fact) -> bool {
    let name = row.controller.to_lowercase();
    name.chars().count() <= 120
        && fact
            .controller
            .split('|')
            .any(|alt| name.contains(&alt.to_lowercase()))
}

#[test]
fn corpus_table() {
    let files = corpus();
    assert_eq!(files.len(), 40, "40 notices in {}", corpus_dir().display());
    let facts = facts();
    let mut rows = Vec::new();
    let mut invented = Vec::new();
    let mut wrong_dates = Vec::new();
    for f in &files {
        let imp = import_one(f);
        let fact = facts
            .iter()
            .find(|x| f.name.starts_with(&x.file))
            .unwrap_or_else(|| panic!("{}: no row in corpus_facts.json", f.name));
        for (what, answer, said) in [
            (
                "transfers",
                imp.notice.transfers.outside_eea,
                &fact.transfers,
            ),
            ("cookies", imp.notice.cookies.used, &fact.cookies),
            ("automated", imp.notice.automated.decisions, &fact.automated),
        ] {
            if !answer_allowed(answer, said) {
                invented.push(format!(
                    "{}: {what} = {answer:?}, the notice: {said}",
                    f.name
                ));
            }
        }
        for (what, got, said) in [
            ("drafted", &imp.notice.meta.drafted, &fact.drafted),
            ("updated", &imp.notice.meta.updated, &fact.updated),
        ] {
            if got != said {
                wrong_dates.push(format!("{}: {what} {got:?}, the notice: {said:?}", f.name));
            }
        }
        rows.push((measure(f, &imp), fact));
    }
    println!(
        "{:<40} {:>5} {:>6} {:>5} {:>6} {:>5} {:>7}  {:<40} free text",
        "file", "sent.", "retain", "noise", "fields", "unpl.", "basis", "controller"
    );
    for (r, fact) in &rows {
        println!(
            "{:<40} {:>5} {:>6.3} {:>5} {:>6} {:>5} {:>7}  {:<40} {}",
            r.file,
            r.sentences,
            r.retention(),
            r.left_out,
            r.fields,
            r.unplaced,
            format!("{}/{}", r.with_basis, r.purposes),
            format!(
                "{}{}",
                if controller_found(r, fact) {
                    ""
                } else {
                    "✗ "
                },
                r.controller.chars().take(38).collect::<String>()
            ),
            r.free_text.join(" ")
        );
        for l in r.lost.iter().take(3) {
            println!("    lost: {}", l.chars().take(100).collect::<String>());
        }
    }
    let found = rows.iter().filter(|(r, f)| controller_found(r, f)).count();
    let (purposes, with_basis) = rows
        .iter()
        .fold((0, 0), |(p, b), (r, _)| (p + r.purposes, b + r.with_basis));
    println!("purposes with a legal basis: {with_basis}/{purposes}");
    let complete: Vec<_> = rows.iter().filter(|(r, _)| r.complete).collect();
    let min = complete
        .iter()
        .map(|(r, _)| r.retention())
        .fold(1.0, f64::min);
    println!(
        "controller found in {found}/40; lowest retention on a complete file {min:.3}; mean {:.3}",
        rows.iter().map(|(r, _)| r.retention()).sum::<f64>() / rows.len() as f64
    );
    assert!(
        invented.is_empty(),
        "answers the notices do not give:\n{}",
        invented.join("\n")
    );
    let dated = files
        .iter()
        .zip(&rows)
        .filter(|(_, (_, f))| !f.drafted.is_empty() || !f.updated.is_empty())
        .count();
    println!(
        "dated: {} of the {dated} notices that state a date",
        dated - wrong_dates.len().min(dated)
    );
    assert!(
        wrong_dates.is_empty(),
        "dates read wrong:\n{}",
        wrong_dates.join("\n")
    );
    assert!(found >= 38, "controller found in only {found}/40");
    let low: Vec<String> = complete
        .iter()
        .filter(|(r, _)| r.retention() < 0.98)
        .map(|(r, _)| format!("{} {:.3}", r.file, r.retention()))
        .collect();
    assert!(low.is_empty(), "retention below 0.98: {low:?}");
}
