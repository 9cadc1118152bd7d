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

/// The five seed fixtures, `(file stem, path)`, sorted.
pub fn seed_fixtures() -> Vec<(String, PathBuf)> {
    let dir = fixture("seeds");
    let mut v: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
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
