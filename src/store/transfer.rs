//! Export and import of one draft as a notice JSON file (`seloste/2`; `seloste/1` files are read
//! and migrated), the format that goes to an accountant, a backup disk or another computer.

use super::{DraftId, Store};
use crate::Result;
use crate::files::write_atomic;
use crate::notice_io;
use crate::text::Lang;
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
