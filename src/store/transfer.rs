//! Export and import of one draft as a notice JSON file (`seloste/1`), the format that goes to
//! an accountant, a backup disk or another computer.

use super::{DraftId, Store};
use crate::notice_io;
use crate::text::Lang;
use crate::{Error, Result};
use std::fs;
use std::io::Write;
use std::path::Path;

impl Store {
    /// Write the draft's notice to `path` as JSON, atomically: a reader sees the old file or
    /// the whole new one, never half of it.
    pub fn export(&self, id: DraftId, path: &Path) -> Result<()> {
        let draft = self.get(id)?;
        write_atomic(path, notice_io::to_json(&draft.notice).as_bytes())
    }

    /// A new draft from a notice JSON file. The title is `title`, else the register's name,
    /// else the file's name. An invalid file is refused with the reason and changes nothing.
    pub fn import(&self, path: &Path, title: Option<&str>) -> Result<DraftId> {
        let notice = notice_io::read(path)?;
        let from_register = Lang::ALL.iter().find_map(|&l| notice.register.name.get(l));
        let from_file = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        let title = title
            .map(str::to_string)
            .or(from_register.map(str::to_string))
            .or(from_file)
            .unwrap_or_else(|| "Seloste".to_string());
        self.create(&title, &notice)
    }
}

/// Write `bytes` to `path` through a temporary file in the same folder, synced, then renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().ok_or_else(|| {
        err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the path names no file",
        ))
    })?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)?;
        // Make the rename itself durable (Unix; a no-op elsewhere).
        #[cfg(unix)]
        fs::File::open(dir)?.sync_all()?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(err)
}
