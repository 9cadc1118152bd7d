//! Where the database lives, opening it, and recovery when the file is damaged.
//!
//! Opening never deletes anything. A file that is damaged or not an SQLite database at all is
//! renamed aside (`seloste.damaged-20261123T221519Z.db`, with its `-wal`), the newest backup that
//! passes a check is put in its place (or an empty database when there is none), and `Opened`
//! carries a `Recovery` that says so in one sentence. Errors that are not damage (a folder the
//! app may not write, a locked file, another program's database, a newer schema) are returned
//! as errors and leave the file alone.

use super::backup::{self, Backup};
use super::{KEEP_DELETED_DAYS, Store, migrate};
use crate::platform::{self, Platform};
use crate::text::Lang;
use crate::{Error, Result};
use rusqlite::{Connection, ErrorCode};
use serde::Serialize;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The environment variable that names the database file, overriding the default place.
pub const DB_ENV: &str = "SELOSTE_DB";

/// How long a write waits for another process (e.g. the CLI beside the app) to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The database file to use: `$SELOSTE_DB` if set, else `<data dir>/seloste/seloste.db`, the
/// data directory being the platform's (`platform::data_dir`: `~/.local/share` on Linux,
/// `~/Library/Application Support` on macOS, `%APPDATA%` on Windows). When the environment
/// names no home, the system is asked directly (`dirs`; on Windows its known-folder API).
pub fn default_path() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    let dir = platform::app_data_dir(Platform::current(), &platform::Env::from_process())
        .or_else(|| dirs::data_dir().map(|d| d.join(platform::APP_DIR)))
        .ok_or(Error::NoDataDir)?;
    Ok(dir.join("seloste.db"))
}

/// An opened store, and what had to be done to open it.
pub struct Opened {
    pub store: Store,
    /// Set when the file was damaged and had to be replaced: show `message()` to the user.
    pub recovery: Option<Recovery>,
    /// Things that went wrong but did not stop the store from opening (e.g. the automatic
    /// backup could not be written), as sentences.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecoveryKind {
    /// An SQLite database whose pages fail the integrity check, or a truncated one.
    Damaged,
    /// Not an SQLite database at all (e.g. a text file named like the database).
    NotADatabase,
}

/// What opening did about a damaged database file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recovery {
    pub kind: RecoveryKind,
    /// The database file that was opened.
    pub path: PathBuf,
    /// Where the bad file is now (kept, never deleted).
    pub moved_to: PathBuf,
    /// The backup put in its place; `None`: there was no good backup, the database is new.
    pub restored_from: Option<Backup>,
    /// SQLite's own words about the damage.
    pub detail: String,
}

impl Recovery {
    /// One sentence for the user, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let db = self.path.display();
        let aside = self.moved_to.display();
        let what = match (self.kind, lang) {
            (RecoveryKind::Damaged, Lang::Fi) => "oli vaurioitunut",
            (RecoveryKind::Damaged, Lang::Sv) => "var skadad",
            (RecoveryKind::Damaged, Lang::En) => "was damaged",
            (RecoveryKind::NotADatabase, Lang::Fi) => "ei ollut Selosteen tietokanta",
            (RecoveryKind::NotADatabase, Lang::Sv) => "var inte en databas för Seloste",
            (RecoveryKind::NotADatabase, Lang::En) => "was not a Seloste database",
        };
        match (&self.restored_from, lang) {
            (Some(b), Lang::Fi) => format!(
                "Tietokanta {db} {what}, joten Seloste siirsi sen nimelle {aside} ja palautti varmuuskopion ajalta {}; sen jälkeen tehdyt muutokset voivat puuttua.",
                b.local_time()
            ),
            (Some(b), Lang::Sv) => format!(
                "Databasen {db} {what}, så Seloste flyttade den till {aside} och återställde säkerhetskopian från {}; ändringar gjorda efter den kan saknas.",
                b.local_time()
            ),
            (Some(b), Lang::En) => format!(
                "The database {db} {what}, so Seloste moved it to {aside} and restored the backup of {}; changes made after that backup may be missing.",
                b.local_time()
            ),
            (None, Lang::Fi) => format!(
                "Tietokanta {db} {what}, joten Seloste siirsi sen nimelle {aside} ja aloitti tyhjällä tietokannalla, koska ehjää varmuuskopiota ei löytynyt."
            ),
            (None, Lang::Sv) => format!(
                "Databasen {db} {what}, så Seloste flyttade den till {aside} och började med en tom databas eftersom ingen hel säkerhetskopia fanns."
            ),
            (None, Lang::En) => format!(
                "The database {db} {what}, so Seloste moved it to {aside} and started an empty database because no good backup was found."
            ),
        }
    }
}

/// Why a file could not be opened as it is.
enum Bad {
    Damaged(RecoveryKind, String),
    /// It can be read but not written: open it read-only.
    ReadOnly,
    Error(Error),
}

impl Store {
    /// Open (or create) the database at `$SELOSTE_DB` or in the platform's data folder.
    pub fn open_default() -> Result<Opened> {
        Store::open(default_path()?)
    }

    /// Open (or create) the database at `path`, creating its folder if needed. A damaged file
    /// is moved aside and replaced by the newest good backup (see `Opened::recovery`).
    /// Also removes drafts deleted more than `KEEP_DELETED_DAYS` ago and takes a backup when
    /// the newest one is older than `BACKUP_INTERVAL`.
    pub fn open(path: impl AsRef<Path>) -> Result<Opened> {
        let path = path.as_ref().to_path_buf();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|source| Error::StoreDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        if path.is_dir() {
            return Err(Error::StoreOpen {
                path,
                detail: "it is a folder, not a file".into(),
            });
        }
        backup::sweep_stale(&path);
        let mut recovery = None;
        let conn = match connect(&path) {
            Ok(conn) => conn,
            Err(Bad::Error(e)) => return Err(e),
            Err(Bad::ReadOnly) => return Err(Error::ReadOnly { path }),
            Err(Bad::Damaged(kind, detail)) => {
                let moved_to = move_aside(&path)?;
                let restored_from = backup::restore_latest(&path)?;
                recovery = Some(Recovery {
                    kind,
                    path: path.clone(),
                    moved_to,
                    restored_from,
                    detail,
                });
                match connect(&path) {
                    Ok(conn) => conn,
                    Err(Bad::Error(e)) => return Err(e),
                    Err(Bad::ReadOnly) => return Err(Error::ReadOnly { path }),
                    Err(Bad::Damaged(_, detail)) => {
                        return Err(Error::StoreOpen { path, detail });
                    }
                }
            }
        };
        let read_only = conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false);
        let store = Store {
            conn,
            path,
            read_only,
        };
        let mut warnings = Vec::new();
        if read_only {
            warnings.push(store.read_only_message(Lang::En));
        } else {
            store.purge_deleted(KEEP_DELETED_DAYS)?;
            if let Err(e) = store.backup_if_due() {
                warnings.push(format!("The automatic backup was not made: {e}"));
            }
        }
        Ok(Opened {
            store,
            recovery,
            warnings,
        })
    }
}

impl Store {
    /// The sentence saying the database is open read-only, in `lang`.
    pub fn read_only_message(&self, lang: Lang) -> String {
        let db = self.path.display();
        match lang {
            Lang::Fi => format!(
                "Tietokanta {db} on vain luku -tilassa (kirjoitussuojattu levy tai tiedosto, jota et voi muuttaa): luonnoksia voi katsella ja viedä, mutta ei muuttaa. Kopioi se kansioon, johon voit kirjoittaa, jos haluat muokata."
            ),
            Lang::Sv => format!(
                "Databasen {db} är skrivskyddad (skrivskyddat medium eller en fil du inte får ändra): utkasten kan visas och exporteras men inte ändras. Kopiera den till en mapp du kan skriva i för att redigera."
            ),
            Lang::En => format!(
                "The database {db} is open read-only (read-only media, or a file you may not change): drafts can be listed, shown and exported, but not changed. Copy it to a folder you can write to in order to edit."
            ),
        }
    }
}

/// Open, check and configure the file, and bring its schema up to date. A file that can only
/// be read (read-only media, no write permission) is opened read-only, as it is.
fn connect(path: &Path) -> Result<Connection, Bad> {
    match connect_rw(path) {
        Err(Bad::ReadOnly) => connect_ro(path),
        other => other,
    }
}

fn failure(path: &Path) -> impl Fn(rusqlite::Error) -> Bad + '_ {
    move |e: rusqlite::Error| {
        let detail = super::sqlite_detail(&e);
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => Bad::Damaged(RecoveryKind::NotADatabase, detail),
            Some(ErrorCode::DatabaseCorrupt) => Bad::Damaged(RecoveryKind::Damaged, detail),
            Some(ErrorCode::ReadOnly) => Bad::ReadOnly,
            Some(ErrorCode::CannotOpen) if path.is_file() => Bad::ReadOnly,
            _ => Bad::Error(Error::StoreOpen {
                path: path.to_path_buf(),
                detail,
            }),
        }
    }
}

/// Checks shared by both ways of opening: sound pages, a possible schema, ours.
fn inspect(conn: &Connection, path: &Path) -> Result<(), Bad> {
    let fail = failure(path);
    let problems = quick_check(conn).map_err(&fail)?;
    if !problems.is_empty() {
        return Err(Bad::Damaged(RecoveryKind::Damaged, problems));
    }
    if let Some(why) = migrate::impossible(conn).map_err(&fail)? {
        return Err(Bad::Damaged(RecoveryKind::Damaged, why));
    }
    migrate::check(conn, path).map_err(Bad::Error)
}

/// Read-only: no journal-mode change, no migration (an older schema cannot be brought up to
/// date, so it is refused), nothing written. On read-only media a database in WAL mode
/// cannot create its `-shm`, so it is opened as immutable.
fn connect_ro(path: &Path) -> Result<Connection, Bad> {
    use rusqlite::OpenFlags;
    let fail = failure(path);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let plain = Connection::open_with_flags(path, flags)
        .map_err(&fail)
        .and_then(|c| inspect(&c, path).map(|()| c));
    let conn = match plain {
        Ok(c) => c,
        Err(Bad::ReadOnly) | Err(Bad::Error(Error::StoreOpen { .. })) => {
            let c = Connection::open_with_flags(
                immutable_uri(path),
                flags | OpenFlags::SQLITE_OPEN_URI,
            )
            .map_err(&fail)?;
            inspect(&c, path)?;
            c
        }
        Err(e) => return Err(e),
    };
    if migrate::version(&conn).map_err(&fail)? != migrate::SCHEMA_VERSION {
        return Err(Bad::Error(Error::ReadOnly {
            path: path.to_path_buf(),
        }));
    }
    Ok(conn)
}

/// `file:` URI of `path` with `immutable=1` (percent-encoding what a URI cannot hold).
fn immutable_uri(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    for b in abs.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

fn connect_rw(path: &Path) -> Result<Connection, Bad> {
    let fail = failure(path);
    let mut conn = Connection::open(path).map_err(&fail)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(&fail)?;
    if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
        return Err(Bad::ReadOnly);
    }
    inspect(&conn, path)?;
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
        .map_err(&fail)?;
    if !mode.eq_ignore_ascii_case("wal") {
        // e.g. a file system without shared memory; the store still works, only slower.
        conn.pragma_update(None, "journal_mode", "DELETE")
            .map_err(&fail)?;
    }
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(&fail)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(&fail)?;
    migrate::migrate(&mut conn, path).map_err(Bad::Error)?;
    Ok(conn)
}

/// `PRAGMA quick_check`: empty when the file is sound, else SQLite's first findings.
pub(crate) fn quick_check(conn: &Connection) -> rusqlite::Result<String> {
    let mut stmt = conn.prepare("PRAGMA quick_check(5)")?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if rows.len() == 1 && rows[0] == "ok" {
        Ok(String::new())
    } else {
        Ok(rows.join("; "))
    }
}

/// Rename a damaged file (and its `-wal` and `-shm`) to `<stem>.damaged-<time>.<ext>`.
fn move_aside(path: &Path) -> Result<PathBuf> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|s| format!(".{}", s.to_string_lossy()))
        .unwrap_or_default();
    let t = super::now();
    let ts: String = t
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(15)
        .collect();
    let mut n = 0;
    let target = loop {
        let extra = if n == 0 {
            String::new()
        } else {
            format!("-{n}")
        };
        let name = format!("{stem}.damaged-{ts}Z{extra}{ext}");
        let candidate = path.with_file_name(name);
        if !candidate.exists() {
            break candidate;
        }
        n += 1;
    };
    fs::rename(path, &target).map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })?;
    for suffix in ["-wal", "-shm"] {
        let side = sidecar(path, suffix);
        if side.exists() {
            let to = sidecar(&target, suffix);
            fs::rename(&side, &to).map_err(|source| Error::Write {
                path: side.clone(),
                source,
            })?;
        }
    }
    Ok(target)
}

/// `path` with `suffix` appended to the file name (SQLite's `-wal`, `-shm`).
pub(crate) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}
