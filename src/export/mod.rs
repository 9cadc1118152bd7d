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
