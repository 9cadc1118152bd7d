//! The schema and its migrations. `PRAGMA user_version` holds the schema version; step `i` of
//! `MIGRATIONS` takes a database from version `i` to `i + 1`, each in its own IMMEDIATE
//! transaction, so a crash leaves the file at a whole version. Never edit a released step:
//! add a new one (and a fixture of the old database in `tests/fixtures/db/`).

use crate::{Error, Result};
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

/// `PRAGMA application_id` of a Seloste database ("SELO").
pub const APPLICATION_ID: i64 = 0x5345_4C4F;

const MIGRATIONS: &[&str] = &[
    // 0 → 1: drafts and published versions.
    r#"
    CREATE TABLE drafts (
        id          INTEGER PRIMARY KEY,
        title       TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT,
        content     TEXT NOT NULL
    );
    -- Covers the draft list, so listing never reads the content.
    CREATE INDEX drafts_list ON drafts (deleted_at, updated_at, id, title, created_at);

    CREATE TABLE versions (
        id            INTEGER PRIMARY KEY,
        draft_id      INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
        number        INTEGER NOT NULL,
        published_at  TEXT NOT NULL,
        date          TEXT NOT NULL,
        change_note   TEXT NOT NULL,
        content       TEXT NOT NULL,
        UNIQUE (draft_id, number)
    );

    -- A published version is what the owner showed the world: it never changes, and it goes
    -- only when its draft is purged.
    CREATE TRIGGER versions_immutable BEFORE UPDATE ON versions
    BEGIN
        SELECT RAISE(ABORT, 'a published version cannot be changed');
    END;
    CREATE TRIGGER versions_kept BEFORE DELETE ON versions
    WHEN EXISTS (SELECT 1 FROM drafts WHERE id = OLD.draft_id)
    BEGIN
        SELECT RAISE(ABORT, 'a published version is removed only with its draft');
    END;
    "#,
    // 1 → 2: what each published version was built with and said (`current::Snapshot` as
    // JSON: data versions, output sentences and findings in fi/sv/en), so that a newer
    // Seloste can tell which notices its newer data would change. NULL for versions published
    // before: they are reviewed without a comparison.
    r#"
    ALTER TABLE versions ADD COLUMN snapshot TEXT;
    "#,
    // 2 → 3: the last scan of each draft's website (`scan::Scan` as JSON), which the checker
    // sets against the notice. One row per draft: a new scan replaces the old one; it goes
    // with its draft.
    r#"
    CREATE TABLE scans (
        draft_id    INTEGER PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
        scanned_at  TEXT NOT NULL,
        content     TEXT NOT NULL
    );
    "#,
    // 3 → 4: drafts move from the `seloste/1` notice format to `seloste/2` (no table changes;
    // `notices_to_v2` rewrites each draft's content after this step). Published versions stay as
    // they were published — they never change — and are migrated when read.
    "",
];

/// Work a step needs beyond SQL, run in the step's transaction after its SQL: `(the version
/// the step starts from, what it does)`.
const RUST_STEPS: &[(i64, fn(&rusqlite::Transaction) -> rusqlite::Result<()>)] =
    &[(3, notices_to_v2)];

/// Rewrite every draft stored as `seloste/1` as `seloste/2` (`model::migrate_v1`): the same
/// fields, the identifier types filled in from the identifiers. A draft whose content cannot be
/// read is left exactly as it is (reading it reports the damage, and a backup may hold it); its
/// `updated_at` never changes, since the owner did not edit it.
fn notices_to_v2(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    let rows: Vec<(i64, Vec<u8>)> = {
        let mut st = tx.prepare("SELECT id, CAST(content AS BLOB) FROM drafts")?;
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?
    };
    for (id, bytes) in rows {
        let Some(v2) = std::str::from_utf8(&bytes).ok().and_then(v1_content_to_v2) else {
            continue;
        };
        tx.execute(
            "UPDATE drafts SET content = ?1 WHERE id = ?2",
            rusqlite::params![v2, id],
        )?;
    }
    Ok(())
}

/// One stored notice as `seloste/2`, or `None` when it is not a readable `seloste/1` notice.
fn v1_content_to_v2(text: &str) -> Option<String> {
    let mut value: serde_json::Value = serde_json::from_str(text).ok()?;
    if !crate::model::migrate_v1(&mut value) {
        return None;
    }
    let notice: crate::model::Notice = serde_json::from_value(value).ok()?;
    Some(super::to_content(&notice))
}

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The schema version of an open database.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Refuse a database of another program or a newer Seloste; bring an older one up to date.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let db = |e| super::db_error(path, e);
    check(conn, path)?;
    loop {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db)?;
        // Read again under the write lock: another process may have migrated meanwhile.
        let v = version(&tx).map_err(db)?;
        if v >= SCHEMA_VERSION {
            if v > SCHEMA_VERSION {
                return Err(too_new(path, v));
            }
            return Ok(());
        }
        // `check` refuses what is not a step (a negative version is damage), so this never
        // indexes out of range; it stays an error rather than a panic all the same.
        let Some(step) = usize::try_from(v).ok().and_then(|i| MIGRATIONS.get(i)) else {
            return Err(Error::StoreOpen {
                path: path.to_path_buf(),
                detail: format!("its schema version {v} is impossible"),
            });
        };
        tx.execute_batch(step).map_err(db)?;
        for (_, work) in RUST_STEPS.iter().filter(|(from, _)| *from == v) {
            work(&tx).map_err(db)?;
        }
        tx.pragma_update(None, "user_version", v + 1).map_err(db)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(db)?;
        tx.commit().map_err(db)?;
    }
}

/// A Seloste database in a state no Seloste ever leaves it in: a negative schema version, or
/// version 0 with tables (creating the tables and setting the version are one transaction).
/// That is damage, recovered from a backup like a corrupt page. Reads only.
pub fn impossible(conn: &Connection) -> rusqlite::Result<Option<String>> {
    let v = version(conn)?;
    if v < 0 {
        return Ok(Some(format!(
            "its schema version is {v}, which no Seloste writes"
        )));
    }
    let app: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if app == APPLICATION_ID && v == 0 {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if tables > 0 {
            return Ok(Some(
                "it has tables but schema version 0, which no Seloste writes".to_string(),
            ));
        }
    }
    Ok(None)
}

/// Is this a Seloste database this build can open? Reads only.
pub fn check(conn: &Connection, path: &Path) -> Result<()> {
    let db = |e| super::db_error(path, e);
    let v = version(conn).map_err(db)?;
    let app: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(db)?;
    if app != APPLICATION_ID {
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(db)?;
        if tables > 0 || v != 0 {
            return Err(Error::NotSeloste {
                path: path.to_path_buf(),
            });
        }
    }
    if v > SCHEMA_VERSION {
        return Err(too_new(path, v));
    }
    if v < 0 {
        return Err(Error::StoreOpen {
            path: path.to_path_buf(),
            detail: format!("its schema version {v} is impossible"),
        });
    }
    Ok(())
}

fn too_new(path: &Path, found: i64) -> Error {
    Error::StoreTooNew {
        path: path.to_path_buf(),
        found,
        known: SCHEMA_VERSION,
    }
}
