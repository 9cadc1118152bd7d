//! The last scan of a draft's website (`scan::Scan`, stored as JSON, one per draft): the
//! checker's scan rules read it, so the findings stay until the owner scans again.

use super::{DraftId, Store};
use crate::Result;
use crate::model::Notice;
use crate::scan::Scan;
use crate::text::Lang;
use crate::wizard::{self, Assessment};
use rusqlite::{OptionalExtension, params};

impl Store {
    /// Keep `scan` as the draft's last scan, replacing the one before. A scan that read no
    /// page, or was cancelled, is not kept (returns `false`): it would make the services it
    /// never reached look gone from the site.
    pub fn save_scan(&self, id: DraftId, scan: &Scan) -> Result<bool> {
        if self.exists(id)?.is_none() {
            return Err(crate::Error::NoDraft(id));
        }
        if scan.pages.is_empty() || scan.cancelled {
            return Ok(false);
        }
        let content = serde_json::to_string(scan).expect("a scan always serialises");
        self.conn
            .prepare_cached(
                "INSERT INTO scans (draft_id, scanned_at, content) VALUES (?1, ?2, ?3)
                 ON CONFLICT (draft_id) DO UPDATE SET scanned_at = excluded.scanned_at, content = excluded.content",
            )
            .and_then(|mut s| s.execute(params![id, scan.scanned_at, content]))
            .map_err(|e| self.db(e))?;
        Ok(true)
    }

    /// The draft's last scan, if it was ever scanned. A stored scan this Seloste cannot read
    /// (damage) is reported as damage of that draft only.
    pub fn last_scan(&self, id: DraftId) -> Result<Option<Scan>> {
        let content: Option<Vec<u8>> = self
            .conn
            .prepare_cached("SELECT content FROM scans WHERE draft_id = ?1")
            .and_then(|mut s| s.query_row([id], |r| Ok(r.get_ref(0)?.as_bytes()?.to_vec())).optional())
            .map_err(|e| self.db(e))?;
        content
            .map(|b| {
                serde_json::from_slice(&b).map_err(|e| crate::Error::DamagedContent {
                    what: format!("The last website check of draft {id}"),
                    path: self.path.clone(),
                    detail: e.to_string(),
                })
            })
            .transpose()
    }

    /// Where the draft stands (`wizard::assess`), with the findings of its last scan.
    pub fn assess(&self, id: DraftId, notice: &Notice, lang: Lang) -> Result<Assessment> {
        let scan = self.last_scan(id)?;
        Ok(wizard::assess_with_scan(notice, lang, scan.as_ref()))
    }
}
