//! Page layout for the PDF export: a flow of blocks (title, headings, paragraphs, list items,
//! notes) is broken into lines with the embedded fonts' real advances and then into A4 pages.
//!
//! Typographic rules kept here, each tested in the module that applies it:
//! - ragged-right text with hanging indents for list items;
//! - a line breaks at spaces; a word breaks after a slash between letters, at a soft hyphen
//!   (then drawn as "-"), or at a zero-width space — never after a hard hyphen, which text
//!   extraction would take for a hyphenation and drop; a word or URL wider than the line
//!   breaks after `/ . _ @ ? & = #`, or anywhere as a last resort: nothing is clipped;
//! - no paragraph leaves a single line at the foot of a page (orphan) or carries a single line
//!   onto the next (widow) when it can be avoided;
//! - a heading stays on the page with at least the first two lines of what follows it;
//! - vertical space between blocks collapses (the larger of the two wins) and disappears at
//!   the top of a page.
//!
//! The stages: `lines` breaks a block's text into lines, `table` sizes a table's columns and
//! lays its rows out, `paginate` places the lines on pages.

mod lines;
mod paginate;
mod table;

pub use paginate::paginate;

use super::fonts::{Face, faces, printable};

/// A4 in points.
pub const PAGE_W: f32 = 595.276;
pub const PAGE_H: f32 = 841.89;
/// Margins in points (25 mm left and right, 22 mm top, 27 mm bottom to leave room for the footer).
pub const MARGIN_L: f32 = 70.866;
pub const MARGIN_R: f32 = 70.866;
pub const MARGIN_T: f32 = 62.362;
pub const MARGIN_B: f32 = 76.535;
pub const CONTENT_W: f32 = PAGE_W - MARGIN_L - MARGIN_R;
pub const CONTENT_H: f32 = PAGE_H - MARGIN_T - MARGIN_B;

/// A colour as RGB in 0..=1.
pub type Rgb = [f32; 3];
pub const INK: Rgb = [0.11, 0.11, 0.12];
pub const GREY: Rgb = [0.38, 0.38, 0.40];
pub const LINK: Rgb = [0.08, 0.22, 0.52];

/// A piece of text in one face, optionally a link.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub face: Face,
    pub link: Option<String>,
}

impl Span {
    pub fn regular(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            face: Face::Regular,
            link: None,
        }
    }
    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            face: Face::Bold,
            link: None,
        }
    }
    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            face: Face::Italic,
            link: None,
        }
    }
    pub fn link(text: impl Into<String>, target: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            face: Face::Regular,
            link: Some(target.into()),
        }
    }
}

/// What a block is; decides its type size, spacing and indentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The document title on the first page.
    Title,
    /// A line under the title (the register's or the controller's name).
    Subtitle,
    /// The date line under the title.
    Dateline,
    /// A section heading (also an entry in the PDF outline).
    Heading,
    /// A heading inside a section.
    Subheading,
    Paragraph,
    /// One item of a bulleted list.
    Bullet,
    /// A "label: value" line; consecutive fields sit close together.
    Field,
    /// A remark in smaller, grey type.
    Note,
    /// A table (`Block::table`); its rows never split, its header repeats on a new page.
    Table,
    /// A horizontal rule across the measure (closes the title block).
    Rule,
}

/// One block of the flow.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: Kind,
    pub spans: Vec<Span>,
    /// The table of a `Kind::Table` block.
    pub table: Option<Table>,
}

/// A small table: a header row and rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Vec<Span>>>,
}

impl Block {
    pub fn new(kind: Kind, spans: Vec<Span>) -> Block {
        Block {
            kind,
            spans,
            table: None,
        }
    }
    pub fn table(table: Table) -> Block {
        Block {
            kind: Kind::Table,
            spans: Vec::new(),
            table: Some(table),
        }
    }
    /// Does the block print nothing (no text, or a table without rows)?
    pub fn is_blank(&self) -> bool {
        if self.kind == Kind::Rule {
            return false;
        }
        match &self.table {
            Some(t) => t.rows.is_empty(),
            None => self.spans.iter().all(|s| s.text.trim().is_empty()),
        }
    }
    pub fn text(kind: Kind, text: impl Into<String>) -> Block {
        let face = match kind {
            Kind::Title | Kind::Heading | Kind::Subheading => Face::Bold,
            _ => Face::Regular,
        };
        Block::new(
            kind,
            vec![Span {
                text: text.into(),
                face,
                link: None,
            }],
        )
    }
}

struct Style {
    size: f32,
    leading: f32,
    space_before: f32,
    space_after: f32,
    /// Left indent of the text (hanging indent for bullets).
    indent: f32,
    color: Rgb,
    keep_with_next: bool,
}

fn style(kind: Kind) -> Style {
    let body = Style {
        size: 10.0,
        leading: 14.5,
        space_before: 6.0,
        space_after: 0.0,
        indent: 0.0,
        color: INK,
        keep_with_next: false,
    };
    match kind {
        Kind::Title => Style {
            size: 21.0,
            leading: 26.0,
            space_before: 0.0,
            space_after: 2.0,
            ..body
        },
        Kind::Subtitle => Style {
            size: 12.5,
            leading: 17.0,
            space_before: 2.0,
            ..body
        },
        Kind::Dateline => Style {
            size: 9.0,
            leading: 13.0,
            space_before: 3.0,
            space_after: 0.0,
            color: GREY,
            ..body
        },
        Kind::Heading => Style {
            size: 13.0,
            leading: 17.0,
            space_before: 17.0,
            space_after: 6.0,
            keep_with_next: true,
            ..body
        },
        Kind::Subheading => Style {
            size: 10.5,
            leading: 14.5,
            space_before: 9.0,
            space_after: 1.0,
            keep_with_next: true,
            ..body
        },
        Kind::Paragraph => body,
        Kind::Bullet => Style {
            space_before: 2.5,
            indent: BULLET_INDENT,
            ..body
        },
        Kind::Field => Style {
            space_before: 1.5,
            ..body
        },
        Kind::Note => Style {
            size: 9.0,
            leading: 13.0,
            color: GREY,
            ..body
        },
        Kind::Rule => Style {
            size: 0.0,
            leading: 6.0,
            space_before: 8.0,
            space_after: 0.0,
            ..body
        },
        Kind::Table => Style {
            size: 8.5,
            leading: 11.5,
            space_before: 8.0,
            space_after: 4.0,
            ..body
        },
    }
}

/// Where the text of a list item starts; the bullet sits at `BULLET_X`.
const BULLET_INDENT: f32 = 15.0;
const BULLET_X: f32 = 4.0;
const BULLET: &str = "•";

/// A run of text in one face and colour, at `x` from the left margin.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub x: f32,
    /// The baseline, measured down from the top of the line.
    pub baseline: f32,
    pub width: f32,
    pub text: String,
    pub face: Face,
    pub size: f32,
    pub color: Rgb,
    pub link: Option<String>,
}

/// A horizontal rule inside a line (table borders), `dy` below the line's top.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub x0: f32,
    pub x1: f32,
    pub dy: f32,
    pub thickness: f32,
    pub color: Rgb,
}

/// One line (or one table row): its runs, rules and height.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub runs: Vec<Run>,
    pub rules: Vec<Rule>,
    pub height: f32,
}

impl Line {
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// A line placed on a page: `top` is measured from the top of the content area.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub top: f32,
    pub line: Line,
}

/// A laid-out page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub lines: Vec<Placed>,
    /// Section headings that start on this page (the PDF outline), with the top of each,
    /// measured from the top of the content area.
    pub outline: Vec<(String, f32)>,
}

/// The colour of table rules and of the hairline under a section heading.
const RULE_COLOR: Rgb = [0.62, 0.62, 0.65];
