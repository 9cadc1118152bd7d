//! More formats of the notice, each printing the same format-neutral
//! [`Document`](crate::document::Document) the HTML and PDF exports print (so none of them can
//! say something another does not): Markdown for site builders, plain text for e-mail, and a
//! Word file an owner or a lawyer can edit.
//!
//! None of these knows the notice's wording: each walks the Document's sections and blocks
//! generically, so a new section, sentence or block in `document::build` needs no change here.

pub mod docx;
pub mod markdown;
pub mod text;

use crate::document::{self, Document};
use crate::model::Notice;
use crate::text::Lang;
use serde::{Deserialize, Serialize};

/// The file formats beyond the HTML and the PDF of the notice, and the record of processing
/// activities in its three formats: what the desktop app's export step offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Docx,
    Md,
    Txt,
    RecordHtml,
    RecordPdf,
    RecordCsv,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Docx,
        Format::Md,
        Format::Txt,
        Format::RecordHtml,
        Format::RecordPdf,
        Format::RecordCsv,
    ];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Md => "md",
            Format::Txt => "txt",
            Format::RecordHtml => "html",
            Format::RecordPdf => "pdf",
            Format::RecordCsv => "csv",
        }
    }

    /// Is this the record of processing activities (an internal document) rather than the
    /// notice?
    pub fn is_record(self) -> bool {
        matches!(
            self,
            Format::RecordHtml | Format::RecordPdf | Format::RecordCsv
        )
    }

    /// `notice` in this format and `lang`, as the bytes of the file.
    pub fn render(self, notice: &Notice, lang: Lang) -> crate::Result<Vec<u8>> {
        Ok(match self {
            Format::Docx => docx::render(notice, lang)?,
            Format::Md => markdown(notice, lang).into_bytes(),
            Format::Txt => text(notice, lang).into_bytes(),
            Format::RecordHtml => crate::record::html(notice, lang)?.into_bytes(),
            Format::RecordPdf => crate::record::pdf(notice, lang)?,
            Format::RecordCsv => crate::record::csv(notice, lang).into_bytes(),
        })
    }
}

/// The footer line of printed exports (PDF, Word): the controller(s), the document's title and
/// the notice's latest date, e.g. "Kahvila Oy · Tietosuojaseloste · 12.3.2027".
pub fn footer_line(notice: &Notice, doc: &Document) -> String {
    crate::pdf::meta(notice, doc, time::OffsetDateTime::UNIX_EPOCH).footer
}

/// The notice as Markdown in `lang`.
pub fn markdown(notice: &Notice, lang: Lang) -> String {
    markdown::render(&document::build(notice, lang))
}

/// The notice as plain text in `lang` (UTF-8, lines of at most 76 characters where words allow).
pub fn text(notice: &Notice, lang: Lang) -> String {
    text::render(&document::build(notice, lang))
}
