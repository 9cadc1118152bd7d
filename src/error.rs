//! The library's one error type. Each variant's message is a whole sentence a user can act on;
//! `code()` gives a stable identifier for the desktop shell's `{code, message}` errors.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("Could not read {path}: {source}.")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("Could not write {path}: {source}.")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{what} is not valid JSON: {detail}.")]
    Json { what: String, detail: String },
    #[error(
        "{what} is not a Seloste notice: it has no \"format\" field (expected \"{expected}\")."
    )]
    NotANotice {
        what: String,
        expected: &'static str,
    },
    #[error("{what} is in format \"{found}\", but this version of Seloste reads \"{expected}\".")]
    WrongFormat {
        what: String,
        found: String,
        expected: &'static str,
    },
    #[error("{what}: the field {path} is invalid: {detail}.")]
    BadField {
        what: String,
        path: String,
        detail: String,
    },
    #[error("{first}.{}", more_invalid(*count))]
    Invalid { count: usize, first: String },
    #[error("Unknown language \"{0}\": use fi, sv or en.")]
    UnknownLanguage(String),
    #[error("Rendering the notice failed: {0}.")]
    Render(String),
    #[error("{what} is empty: there is no notice text to import.")]
    ImportEmpty { what: String },
    #[error(
        "{what} looks like a binary file, not text: import a .txt, .html or .docx file, or paste the text."
    )]
    ImportBinary { what: String },
    #[error("{what} cannot be imported: {detail}.")]
    ImportFormat { what: String, detail: String },
    #[error(
        "{what} is larger than {limit_mb} MB, far more than a privacy notice: import the notice's own text."
    )]
    ImportTooLarge { what: String, limit_mb: usize },
    #[error(
        "{what} is larger than {limit_mb} MB, far more than any privacy notice: check that it is the right file."
    )]
    TooLarge { what: String, limit_mb: u64 },
    #[error(
        "Could not find this computer's data folder for the database; set SELOSTE_DB or pass --db PATH."
    )]
    NoDataDir,
    #[error("Could not create the folder {path} for the database: {source}.")]
    StoreDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("Could not open the database at {path}: {detail}.")]
    StoreOpen { path: PathBuf, detail: String },
    #[error(
        "The file {path} is an SQLite database of another program, not a Seloste database; choose another file."
    )]
    NotSeloste { path: PathBuf },
    #[error(
        "The database at {path} was made by a newer version of Seloste (schema {found}; this version knows {known}). Update Seloste to open it."
    )]
    StoreTooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(
        "The database at {path} is read-only (read-only media, or a file you may not change): drafts can be listed, shown and exported, but not changed. Copy it to a folder you can write to in order to edit."
    )]
    ReadOnly { path: PathBuf },
    #[error("The database at {path} failed: {detail}.")]
    Database { path: PathBuf, detail: String },
    #[error("The backup {path} is damaged or not a Seloste database, so it was not restored.")]
    BadBackup { path: PathBuf },
    #[error(
        "{what} in the database at {path} is damaged and cannot be read ({detail}); the backups beside the database may hold an intact copy."
    )]
    DamagedContent {
        what: String,
        path: PathBuf,
        detail: String,
    },
    #[error("\"{0}\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-12.")]
    BadDate(String),
    #[error("There is no draft {0}.")]
    NoDraft(i64),
    #[error("Draft {0} is deleted; restore it before changing it.")]
    DraftDeleted(i64),
    #[error("Draft {0} is not deleted, so there is nothing to restore.")]
    NotDeleted(i64),
    #[error("There is no published version {0}.")]
    NoVersion(i64),
    #[error("Draft {0} has not been published yet, so there is no published version to review.")]
    NotPublished(i64),
    #[error("A draft needs a title that is not empty.")]
    EmptyTitle,
    #[error(
        "Publishing needs a change note in at least one language, e.g. \"Added newsletter marketing\"."
    )]
    EmptyNote,
    #[error("{0}")]
    Other(String),
}

impl Error {
    /// A stable, machine-readable code for the error's kind.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Read { .. } => "read",
            Error::Write { .. } => "write",
            Error::Json { .. } => "json",
            Error::NotANotice { .. } => "not_a_notice",
            Error::WrongFormat { .. } => "wrong_format",
            Error::BadField { .. } => "bad_field",
            Error::Invalid { .. } => "invalid",
            Error::UnknownLanguage(_) => "unknown_language",
            Error::Render(_) => "render",
            Error::ImportEmpty { .. } => "import_empty",
            Error::ImportBinary { .. } => "import_binary",
            Error::ImportFormat { .. } => "import_format",
            Error::ImportTooLarge { .. } => "import_too_large",
            Error::TooLarge { .. } => "too_large",
            Error::NoDataDir => "no_data_dir",
            Error::StoreDir { .. } => "store_dir",
            Error::StoreOpen { .. } => "store_open",
            Error::NotSeloste { .. } => "not_seloste",
            Error::StoreTooNew { .. } => "store_too_new",
            Error::ReadOnly { .. } => "read_only",
            Error::Database { .. } => "database",
            Error::BadBackup { .. } => "bad_backup",
            Error::DamagedContent { .. } => "damaged_content",
            Error::BadDate(_) => "bad_date",
            Error::NoDraft(_) => "no_draft",
            Error::DraftDeleted(_) => "draft_deleted",
            Error::NotDeleted(_) => "not_deleted",
            Error::NoVersion(_) => "no_version",
            Error::NotPublished(_) => "not_published",
            Error::EmptyTitle => "empty_title",
            Error::EmptyNote => "empty_note",
            Error::Other(_) => "other",
        }
    }

    /// The error as one sentence in the interface language `lang`, from `ui.json`
    /// (`err.<code>`); kinds without a sentence of their own get the general one ("That did not
    /// work. Your notice is safe; please try again."). The English `Display` text stays the
    /// technical detail.
    pub fn message(&self, lang: crate::Lang) -> String {
        let field = match self {
            Error::BadField { path, .. } => path.as_str(),
            _ => "",
        };
        localise(self.code(), lang, field)
    }
}

/// The sentence for an error code in `lang` (see [`Error::message`]); the desktop shell uses
/// it for its own errors (clipboard, dialog …) too. `{detail}` in the sentence takes `detail`.
pub fn localise(code: &str, lang: crate::Lang, detail: &str) -> String {
    let key = match code {
        "no_draft" | "draft_deleted" => "err.not_found".to_string(),
        "database" | "store_open" | "store_dir" | "no_data_dir" | "not_seloste" => {
            "err.store".to_string()
        }
        other => format!("err.{other}"),
    };
    let known = crate::wizard::ui_strings().strings.contains_key(&key);
    let text = if known {
        crate::wizard::ui(&key, lang)
    } else {
        crate::wizard::ui("err.unknown", lang)
    };
    text.replace("{detail}", detail)
}

fn more_invalid(count: usize) -> String {
    match count {
        0 | 1 => String::new(),
        2 => " One more field is invalid too.".to_string(),
        n => format!(" {} more fields are invalid too.", n - 1),
    }
}

/// A parser's message with every quoted value (`"…"` or `` `…` ``) clipped to
/// `text::QUOTE_CHARS` characters, and the whole kept to a few hundred characters: serde
/// quotes the offending value whole, and a 10 MB value must not come back in a message.
pub fn clip_quoted(detail: &str) -> String {
    let mut out = String::new();
    let mut rest = detail;
    while let Some(open) = rest.find(['"', '`']) {
        let q = rest.as_bytes()[open] as char;
        out.push_str(&rest[..=open]);
        let after = &rest[open + 1..];
        // The closing quote: the next one not escaped with a backslash.
        let mut close = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                c if c == q && !escaped => {
                    close = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(close) = close else {
            out.push_str(&crate::text::clip(after));
            return crate::text::clip_to(&out, 400);
        };
        out.push_str(&crate::text::clip(&after[..close]));
        out.push(q);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    crate::text::clip_to(&out, 400)
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
