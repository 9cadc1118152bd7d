//! The local store of drafts: one SQLite file that keeps every notice the owner is writing,
//! the versions they published, and rolling backups beside it.
//!
//! - `open`: where the file lives, opening it, and recovery from a damaged file;
//! - `migrate`: the schema, upgraded step by step with `PRAGMA user_version`;
//! - `drafts`: create, save (the autosave path), rename, duplicate, delete, restore;
//! - `versions`: publish an immutable snapshot, history, diff between versions;
//! - `backup`: rolling backups with `VACUUM INTO`;
//! - `transfer`: export and import of one draft as a notice JSON file;
//! - `scans`: the last scan of each draft's website, and the draft's assessment with it;
//! - `outdated`: published notices that this Seloste's newer data would change, and
//!   republishing them in one step (`current` does the comparing).
//!
//! Durability: the database runs in WAL mode with `synchronous=NORMAL`. A save that returned
//! `Ok` survives the process being killed at any moment (the commit is in the WAL file, which
//! the operating system holds); after a power cut or OS crash the last few commits may be lost,
//! never the integrity of the file. `publish` switches to `synchronous=FULL` for its one
//! transaction, so a published version is on disk when it returns.
//!
//! The store holds one `Connection`; it is `Send` but not `Sync`: the desktop app keeps it
//! behind a `Mutex`.

mod backup;
mod drafts;
mod migrate;
mod open;
mod outdated;
mod scans;
mod transfer;
mod versions;

pub use backup::{BACKUP_INTERVAL, BACKUPS_KEPT, Backup, local_time};
pub use migrate::SCHEMA_VERSION;
pub use open::{DB_ENV, Opened, Recovery, RecoveryKind, default_path};
pub use outdated::Outdated;

use crate::Error;
use crate::model::Notice;
use crate::text::Text;
use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};

pub type DraftId = i64;
pub type VersionId = i64;

/// How long a deleted draft can be restored before `open` removes it for good.
pub const KEEP_DELETED_DAYS: i64 = 30;

/// The store: one open database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Opened read-only (read-only media or a file this user may not write): reading and
    /// exporting work, every change is refused with `Error::ReadOnly`.
    read_only: bool,
}

/// A line of the draft list (no content, so listing thousands stays fast).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftSummary {
    pub id: DraftId,
    pub title: String,
    /// UTC, RFC 3339 with milliseconds (`2026-11-23T22:15:19.123Z`), as all times here.
    pub created_at: String,
    pub updated_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<String>,
    /// How many versions were published.
    pub versions: i64,
    /// When the last one was, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_published: Option<String>,
}

/// A draft with its current content.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    pub id: DraftId,
    pub title: String,
    pub created_at: String,
    pub updated_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<String>,
    pub notice: Notice,
}

/// A published version without its content, for history lists.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionSummary {
    pub id: VersionId,
    pub draft_id: DraftId,
    /// 1, 2, 3, … within the draft.
    pub number: i64,
    pub published_at: String,
    /// The date written into the notice (`meta.updated` and the change log), `YYYY-MM-DD`.
    pub date: String,
    pub change_note: Text,
}

/// A published version: an immutable snapshot of the notice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Version {
    #[serde(flatten)]
    pub summary: VersionSummary,
    pub notice: Notice,
}

// The desktop app moves the store into its state behind a Mutex: it must stay `Send`.
const _: fn() = || {
    fn send<T: Send>() {}
    send::<Store>();
};

impl Store {
    /// The database file this store uses.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Was the database opened read-only (read-only media, or a file this user may not write)?
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Turn an SQLite error into the crate's error, naming the file.
    fn db(&self, e: rusqlite::Error) -> Error {
        db_error(&self.path, e)
    }
}

pub(crate) fn db_error(path: &Path, e: rusqlite::Error) -> Error {
    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly) {
        return Error::ReadOnly {
            path: path.to_path_buf(),
        };
    }
    Error::Database {
        path: path.to_path_buf(),
        detail: sqlite_detail(&e),
    }
}

/// SQLite's words about an error, without the statement: rusqlite's message for an error in
/// a statement quotes the whole SQL, which is no sentence for a person.
pub(crate) fn sqlite_detail(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        other => other.to_string(),
    }
}

/// Text from a column, never failing on bytes that are not UTF-8 (a damaged page must not
/// hide every other draft from the list).
pub(crate) fn lossy(r: &rusqlite::Row, i: usize) -> rusqlite::Result<String> {
    Ok(match r.get_ref(i)? {
        rusqlite::types::ValueRef::Text(b) | rusqlite::types::ValueRef::Blob(b) => {
            String::from_utf8_lossy(b).into_owned()
        }
        rusqlite::types::ValueRef::Null => String::new(),
        other => format!("{other:?}"),
    })
}

/// A stored notice, read back; anything unreadable is damage, reported as such.
pub(crate) fn from_content(bytes: &[u8], what: String, path: &Path) -> crate::Result<Notice> {
    let damaged = |detail: String| Error::DamagedContent {
        what: what.clone(),
        path: path.to_path_buf(),
        detail,
    };
    let text = std::str::from_utf8(bytes).map_err(|e| damaged(e.to_string()))?;
    crate::notice_io::from_json(text, &what)
        .map_err(|e| damaged(e.to_string().trim_end_matches('.').to_string()))
}

/// Now in UTC as stored: `2026-11-23T22:15:19.123Z` (fixed width, so text order is time order).
pub(crate) fn now() -> String {
    stamp(time::OffsetDateTime::now_utc())
}

pub(crate) fn stamp(t: time::OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    )
}

/// Today's local calendar date, `YYYY-MM-DD` (UTC if the local offset cannot be known).
pub(crate) fn today() -> String {
    let t = time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    format!("{:04}-{:02}-{:02}", t.year(), t.month() as u8, t.day())
}

/// The notice as stored in the database: the `seloste/2` JSON, compact.
pub(crate) fn to_content(notice: &Notice) -> String {
    serde_json::to_string(notice).expect("a notice always serialises")
}
