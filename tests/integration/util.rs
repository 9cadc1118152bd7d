//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/<rel>`
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// The five seed fixtures, `(file stem, path)`, sorted (the `<stem>.facts.json` files beside
/// them are not notices and are left out).
pub fn seed_fixtures() -> Vec<(String, PathBuf)> {
    let dir = fixture("seeds");
    let mut v: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| !p.to_string_lossy().ends_with(".facts.json"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    v.sort();
    v
}

/// Load a notice fixture.
pub fn load(path: &Path) -> seloste::Notice {
    seloste::notice_io::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Run the `seloste` binary built for this test run.
pub fn seloste(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_seloste"))
        .args(args)
        .env_remove("SELOSTE_DB")
        .output()
        .expect("run seloste")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Run a poppler tool (`pdftotext`, `pdfinfo`, `pdffonts`) on `pdf` and return its standard
/// output; `None` when the tool is not installed. Under CI (`CI=true`) a missing tool fails
/// the test loudly instead: scripts/lib.sh installs poppler-utils.
pub fn poppler(tool: &str, args: &[&str], pdf: &Path) -> Option<String> {
    let to_stdout: &[&str] = if tool == "pdftotext" { &["-"] } else { &[] };
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(to_stdout)
        .output();
    match out {
        Ok(o) if o.status.success() => Some(String::from_utf8_lossy(&o.stdout).into_owned()),
        Ok(o) => {
            panic!(
                "{tool} failed on {}: {}",
                pdf.display(),
                String::from_utf8_lossy(&o.stderr)
            )
        }
        Err(e) => {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("{tool} is required under CI (install poppler-utils): {e}");
            }
            eprintln!("skipping: {tool} is not installed ({e}); install poppler-utils");
            None
        }
    }
}

/// Text with all whitespace removed: for finding a phrase in extracted PDF text whatever
/// the line breaks (a wrapped URL or a phrase across lines).
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Run the `seloste` binary with `--db <db>` appended (subcommands that take it, e.g. `drafts`).
pub fn seloste_db(db: &Path, args: &[&str]) -> Output {
    let mut all: Vec<&str> = args.to_vec();
    all.push("--db");
    all.push(db.to_str().expect("a UTF-8 temp path"));
    seloste(&all)
}

/// A small deterministic random number generator (xorshift64*), for tests that need noise.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `lo..hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo)
    }

    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// The facts of a seed fixture (`tests/fixtures/seeds/<stem>.facts.json`): exact strings that
/// any rendering of the fixture must contain (names, business IDs, addresses, e-mails, phones,
/// purposes, data categories, recipient names).
pub fn seed_facts(stem: &str) -> Vec<String> {
    let path = fixture(&format!("seeds/{stem}.facts.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let v: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    v["facts"]
        .as_array()
        .unwrap_or_else(|| panic!("{}: no \"facts\" array", path.display()))
        .iter()
        .map(|f| f.as_str().expect("each fact is a string").to_string())
        .collect()
}

/// The text nodes of an HTML export (outside `<style>`), entities decoded.
pub fn html_text_nodes(html: &str) -> Vec<String> {
    let body = match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) => format!("{}{}", &html[..a], &html[b + "</style>".len()..]),
        _ => html.to_string(),
    };
    let mut nodes = Vec::new();
    let mut cur = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => {
                in_tag = true;
                nodes.push(std::mem::take(&mut cur));
            }
            '>' => in_tag = false,
            _ if !in_tag => cur.push(c),
            _ => {}
        }
    }
    nodes.push(cur);
    nodes
        .into_iter()
        .map(|n| {
            n.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&#x2F;", "/")
                .replace("&amp;", "&")
        })
        .filter(|n| !n.trim().is_empty())
        .collect()
}
