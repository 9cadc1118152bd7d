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
            Error::Other(_) => "other",
        }
    }
}

fn more_invalid(count: usize) -> String {
    match count {
        0 | 1 => String::new(),
        2 => " One more field is invalid too.".to_string(),
        n => format!(" {} more fields are invalid too.", n - 1),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
