//! Page layout for the PDF export: a flow of blocks (title, headings, paragraphs, list items,
//! notes) is broken into lines with the embedded fonts' real advances and then into A4 pages.
//!
//! Typographic rules kept here, each tested below:
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

// ---------------------------------------------------------------------------------------------
// Line breaking

/// A stretch of text in one style inside a segment.
#[derive(Debug, Clone)]
struct Atom {
    text: String,
    face: Face,
    link: Option<usize>,
    width: f32,
}

#[derive(Debug)]
enum Tok {
    /// Text that is never broken unless it is wider than a whole line.
    Seg {
        atoms: Vec<Atom>,
        width: f32,
        soft_hyphen: bool,
    },
    /// A breakable space.
    Space(Atom),
    /// A forced line break (`\n` in the text).
    Break,
}

fn tokenize(spans: &[Span], size: f32, links: &mut Vec<String>) -> Vec<Tok> {
    let fonts = faces();
    let mut toks = Vec::new();
    let mut atoms: Vec<Atom> = Vec::new();

    fn push_char(atoms: &mut Vec<Atom>, c: char, face: Face, link: Option<usize>, size: f32) {
        let f = faces().get(face);
        let w = f.char_width(c, size);
        match atoms.last_mut() {
            Some(a) if a.face == face && a.link == link => {
                let kern = a
                    .text
                    .chars()
                    .next_back()
                    .map_or(0.0, |p| f.kern(p, c, size));
                a.text.push(c);
                a.width += w + kern;
            }
            _ => {
                // Room for a word, so it is not reallocated letter by letter.
                let mut text = String::with_capacity(16);
                text.push(c);
                atoms.push(Atom {
                    text,
                    face,
                    link,
                    width: w,
                })
            }
        }
    }
    fn finish(toks: &mut Vec<Tok>, atoms: &mut Vec<Atom>, soft_hyphen: bool) {
        if !atoms.is_empty() {
            let width = atoms.iter().map(|a| a.width).sum();
            toks.push(Tok::Seg {
                atoms: std::mem::take(atoms),
                width,
                soft_hyphen,
            });
        }
    }

    for span in spans {
        let face = span.face;
        let link = span.link.as_ref().map(|l| {
            links.push(l.clone());
            links.len() - 1
        });
        let text = printable(fonts.get(face), &span.text);
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            match c {
                ' ' if keep_together(&atoms, chars.get(i + 1).copied()) => {
                    push_char(&mut atoms, ' ', face, link, size);
                }
                ' ' => {
                    finish(&mut toks, &mut atoms, false);
                    let width = fonts.get(face).char_width(' ', size);
                    toks.push(Tok::Space(Atom {
                        text: " ".into(),
                        face,
                        link,
                        width,
                    }));
                }
                '\n' => {
                    finish(&mut toks, &mut atoms, false);
                    toks.push(Tok::Break);
                }
                '\u{200B}' => finish(&mut toks, &mut atoms, false),
                '\u{00AD}' => finish(&mut toks, &mut atoms, true),
                '/' => {
                    push_char(&mut atoms, c, face, link, size);
                    let before = i > 0 && chars[i - 1].is_alphanumeric();
                    let after = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                    if before && after {
                        finish(&mut toks, &mut atoms, false);
                    }
                }
                _ => push_char(&mut atoms, c, face, link, size),
            }
        }
    }
    finish(&mut toks, &mut atoms, false);
    toks
}

/// Is the space after the segment `atoms`, before `next`, one a line must not break at?
/// "Art. 6(1)(f)", "§ 12", "10 vuotta", "33100 Tampere": a reference or a number stays with
/// what it belongs to; "sana —": a dash stays with the word before it.
fn keep_together(atoms: &[Atom], next: Option<char>) -> bool {
    let Some(next) = next else { return false };
    let Some(last) = atoms.last() else {
        return false;
    };
    let word = last.text.rsplit(' ').next().unwrap_or("");
    // A dash never starts a line: it stays with the word before it.
    if matches!(next, '–' | '—') && !word.is_empty() {
        return true;
    }
    let reference = [
        "Art.", "art.", "§", "Artikla", "artikla", "Artikel", "artikel",
    ];
    if next.is_ascii_digit() && reference.iter().any(|r| word.ends_with(r)) {
        return true;
    }
    !word.is_empty()
        && word.len() <= 5
        && word.chars().all(|c| c.is_ascii_digit())
        && next.is_alphabetic()
}

/// Split an over-long segment into pieces no wider than `width`: after URL punctuation where
/// possible, otherwise between any two characters (at least one character per piece).
fn split_long(atoms: Vec<Atom>, width: f32, size: f32) -> Vec<Vec<Atom>> {
    let chars: Vec<(char, Face, Option<usize>)> = atoms
        .iter()
        .flat_map(|a| a.text.chars().map(move |c| (c, a.face, a.link)))
        .collect();
    let widths: Vec<f32> = chars
        .iter()
        .map(|&(c, f, _)| faces().get(f).char_width(c, size))
        .collect();
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut w = 0.0;
        let mut end = start;
        let mut last_punct = None;
        while end < chars.len() && (end == start || w + widths[end] <= width) {
            w += widths[end];
            if matches!(chars[end].0, '/' | '.' | '_' | '@' | '?' | '&' | '=' | '#') {
                last_punct = Some(end + 1);
            }
            end += 1;
        }
        if end < chars.len()
            && let Some(p) = last_punct
            && p > start
        {
            end = p;
        }
        let mut piece: Vec<Atom> = Vec::new();
        for i in start..end {
            let (c, face, link) = chars[i];
            match piece.last_mut() {
                Some(a) if a.face == face && a.link == link => {
                    a.text.push(c);
                    a.width += widths[i];
                }
                _ => piece.push(Atom {
                    text: c.to_string(),
                    face,
                    link,
                    width: widths[i],
                }),
            }
        }
        pieces.push(piece);
        start = end;
    }
    pieces
}

/// Break a block's spans into lines of at most `width` points.
fn break_lines(spans: &[Span], size: f32, width: f32, links: &mut Vec<String>) -> Vec<Vec<Atom>> {
    let toks = tokenize(spans, size, links);
    let mut lines: Vec<Vec<Atom>> = Vec::new();
    let mut cur: Vec<Atom> = Vec::new();
    let mut cur_w = 0.0f32;
    let mut pending: Option<Atom> = None;
    // Was the previous segment ended by a soft hyphen (and no space since)?
    let mut soft_hyphen_face: Option<Face> = None;
    let mut started = false;

    for tok in toks {
        match tok {
            Tok::Break => {
                lines.push(std::mem::take(&mut cur));
                cur_w = 0.0;
                pending = None;
                soft_hyphen_face = None;
                started = true;
            }
            Tok::Space(a) => {
                if !cur.is_empty() {
                    pending = Some(a);
                }
                soft_hyphen_face = None;
            }
            Tok::Seg {
                atoms,
                width: seg_w,
                soft_hyphen,
            } => {
                started = true;
                let space_w = pending.as_ref().map_or(0.0, |a| a.width);
                if cur.is_empty() || cur_w + space_w + seg_w <= width + 0.01 {
                    if let Some(p) = pending.take()
                        && !cur.is_empty()
                    {
                        cur_w += p.width;
                        cur.push(p);
                    }
                    cur_w += seg_w;
                    cur.extend(atoms);
                } else {
                    if let Some(face) = soft_hyphen_face {
                        let w = faces().get(face).char_width('-', size);
                        cur.push(Atom {
                            text: "-".into(),
                            face,
                            link: None,
                            width: w,
                        });
                    }
                    lines.push(std::mem::take(&mut cur));
                    pending = None;
                    cur_w = seg_w;
                    cur.extend(atoms);
                }
                if cur_w > width + 0.01 {
                    // Only a segment alone on its line can be this wide: split it.
                    let mut pieces = split_long(std::mem::take(&mut cur), width, size);
                    let last = pieces.pop().unwrap_or_default();
                    lines.extend(pieces);
                    cur_w = last.iter().map(|a| a.width).sum();
                    cur = last;
                }
                soft_hyphen_face =
                    soft_hyphen.then(|| cur.last().map_or(Face::Regular, |a| a.face));
            }
        }
    }
    if !cur.is_empty() || !started {
        lines.push(cur);
    }
    // A block ending in `\n` should not gain an empty last line.
    while lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

fn merge_runs(
    atoms: Vec<Atom>,
    x0: f32,
    baseline: f32,
    size: f32,
    color: Rgb,
    links: &[String],
) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut x = x0;
    for a in atoms {
        let link = a.link.map(|i| links[i].clone());
        let color = if link.is_some() { LINK } else { color };
        match runs.last_mut() {
            Some(r) if r.face == a.face && r.link == link => {
                r.text.push_str(&a.text);
                r.width += a.width;
            }
            _ => runs.push(Run {
                x,
                baseline,
                width: a.width,
                text: a.text,
                face: a.face,
                size,
                color,
                link,
            }),
        }
        x += a.width;
    }
    runs
}

/// Lay one block out into lines (without placing them on a page).
fn block_lines(block: &Block) -> Vec<Line> {
    let st = style(block.kind);
    if let Some(t) = &block.table {
        return table_lines(t, &st);
    }
    if block.kind == Kind::Rule {
        let rule = Rule {
            x0: 0.0,
            x1: CONTENT_W,
            dy: 0.0,
            thickness: 1.2,
            color: INK,
        };
        return vec![Line {
            runs: Vec::new(),
            rules: vec![rule],
            height: st.leading,
        }];
    }
    let mut links = Vec::new();
    let width = CONTENT_W - st.indent;
    let broken = break_lines(&block.spans, st.size, width, &mut links);
    // Centre the cap height in the line box.
    let baseline = (st.leading + 0.72 * st.size) / 2.0;
    let n = broken.len();
    broken
        .into_iter()
        .enumerate()
        .map(|(i, atoms)| {
            let mut runs = Vec::new();
            let mut rules = Vec::new();
            if block.kind == Kind::Heading && i + 1 == n {
                // A hairline under a section heading, as in the HTML export.
                rules.push(Rule {
                    x0: 0.0,
                    x1: CONTENT_W,
                    dy: st.leading + 1.5,
                    thickness: 0.5,
                    color: RULE_COLOR,
                });
            }
            if block.kind == Kind::Bullet && i == 0 {
                let w = faces().get(Face::Regular).width(BULLET, st.size);
                runs.push(Run {
                    x: BULLET_X,
                    baseline,
                    width: w,
                    text: BULLET.into(),
                    face: Face::Regular,
                    size: st.size,
                    color: st.color,
                    link: None,
                });
            }
            runs.extend(merge_runs(
                atoms, st.indent, baseline, st.size, st.color, &links,
            ));
            Line {
                runs,
                rules,
                height: st.leading,
            }
        })
        .collect()
}

const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.0;
const RULE_COLOR: Rgb = [0.62, 0.62, 0.65];

/// The widest unbreakable segment and the whole single-line width of some spans.
fn min_max_width(spans: &[Span], size: f32) -> (f32, f32) {
    let mut links = Vec::new();
    let (mut min, mut max, mut line) = (0.0f32, 0.0f32, 0.0f32);
    for tok in tokenize(spans, size, &mut links) {
        match tok {
            Tok::Seg { width, .. } => {
                min = min.max(width);
                line += width;
            }
            Tok::Space(a) => line += a.width,
            Tok::Break => {
                max = max.max(line);
                line = 0.0;
            }
        }
    }
    (min, max.max(line))
}

/// Lay a table out as one "line" per row: cells wrap inside columns sized to their content,
/// a rule under the header and a hairline under each row.
fn table_lines(t: &Table, st: &Style) -> Vec<Line> {
    let ncols = t
        .header
        .len()
        .max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
    if ncols == 0 {
        return Vec::new();
    }
    let header: Vec<Vec<Span>> = (0..ncols)
        .map(|i| vec![Span::bold(t.header.get(i).cloned().unwrap_or_default())])
        .collect();
    let all_rows: Vec<&Vec<Vec<Span>>> = std::iter::once(&header).chain(t.rows.iter()).collect();
    let mut min = vec![0.0f32; ncols];
    let mut max = vec![0.0f32; ncols];
    for row in &all_rows {
        for (i, cell) in row.iter().enumerate().take(ncols) {
            let (a, b) = min_max_width(cell, st.size);
            min[i] = min[i].max(a + 2.0 * CELL_PAD_X);
            max[i] = max[i].max(b + 2.0 * CELL_PAD_X);
        }
    }
    let total = CONTENT_W;
    let sum_min: f32 = min.iter().sum();
    let sum_max: f32 = max.iter().sum();
    let widths: Vec<f32> = if sum_max <= total {
        let extra = (total - sum_max) / ncols as f32;
        max.iter().map(|w| w + extra).collect()
    } else if sum_min >= total {
        min.iter().map(|w| w * total / sum_min).collect()
    } else {
        // Water-filling: narrow columns get all they want (so "2 vuotta" stays on one line);
        // the wide ones share what is left equally.
        let mut room = total - sum_min;
        let mut order: Vec<usize> = (0..ncols).collect();
        order.sort_by(|&a, &b| (max[a] - min[a]).total_cmp(&(max[b] - min[b])));
        let mut w = min.clone();
        for (k, &i) in order.iter().enumerate() {
            let give = (max[i] - min[i]).min(room / (ncols - k) as f32);
            w[i] += give;
            room -= give;
        }
        w
    };
    let mut xs = vec![0.0f32];
    for w in &widths {
        xs.push(xs.last().copied().unwrap_or(0.0) + w);
    }

    let first_baseline = CELL_PAD_Y + (st.leading + 0.72 * st.size) / 2.0;
    // A row taller than a page (a very long cell) is cut into pieces that each fit below the
    // repeated header: rows are otherwise never split.
    let max_lines = (((CONTENT_H * 0.8) - 2.0 * CELL_PAD_Y) / st.leading)
        .floor()
        .max(1.0) as usize;
    let mut out = Vec::new();
    for (r, row) in all_rows.iter().enumerate() {
        let cells: Vec<(Vec<Vec<Atom>>, Vec<String>)> = row
            .iter()
            .take(ncols)
            .enumerate()
            .map(|(i, cell)| {
                let mut links = Vec::new();
                let lines = break_lines(cell, st.size, widths[i] - 2.0 * CELL_PAD_X, &mut links);
                (lines, links)
            })
            .collect();
        let nlines = cells.iter().map(|(l, _)| l.len()).max().unwrap_or(1).max(1);
        let pieces = nlines.div_ceil(max_lines);
        let mut cells = cells;
        for piece in 0..pieces {
            let mut runs = Vec::new();
            let from = piece * max_lines;
            let to = ((piece + 1) * max_lines).min(nlines);
            for (i, (lines, links)) in cells.iter_mut().enumerate() {
                let take: Vec<Vec<Atom>> = lines
                    .iter_mut()
                    .skip(from)
                    .take(to - from)
                    .map(std::mem::take)
                    .collect();
                for (k, atoms) in take.into_iter().enumerate() {
                    let baseline = first_baseline + k as f32 * st.leading;
                    runs.extend(merge_runs(
                        atoms,
                        xs[i] + CELL_PAD_X,
                        baseline,
                        st.size,
                        st.color,
                        links,
                    ));
                }
            }
            let height = (to - from) as f32 * st.leading + 2.0 * CELL_PAD_Y;
            let mut rules = Vec::new();
            if piece + 1 == pieces {
                rules.push(if r == 0 {
                    Rule {
                        x0: 0.0,
                        x1: total,
                        dy: height,
                        thickness: 0.8,
                        color: st.color,
                    }
                } else {
                    Rule {
                        x0: 0.0,
                        x1: total,
                        dy: height,
                        thickness: 0.35,
                        color: RULE_COLOR,
                    }
                });
            }
            out.push(Line {
                runs,
                rules,
                height,
            });
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Pagination

struct Laid {
    kind: Kind,
    lines: Vec<Line>,
    style: Style,
    /// Must not end a page: a heading, or a short paragraph introducing a list ("…:").
    keep: bool,
}

fn heights(lines: &[Line]) -> f32 {
    lines.iter().map(|l| l.height).sum()
}

/// The least that must fit on the current page before block `i` may start there: a heading
/// with what it keeps with, otherwise its first two lines (all of a block of up to three,
/// since splitting one would leave an orphan or a widow).
fn need_min(laid: &[Laid], i: usize) -> f32 {
    let b = &laid[i];
    if b.keep && i + 1 < laid.len() {
        let next = &laid[i + 1];
        let gap = b.style.space_after.max(next.style.space_before);
        return heights(&b.lines) + gap + need_min(laid, i + 1);
    }
    let n = b.lines.len();
    let k = if b.kind == Kind::Table {
        n.min(3)
    } else if n <= 3 {
        n
    } else {
        2
    };
    heights(&b.lines[..k])
}

/// Lay out a flow of blocks into pages. Always returns at least one page.
pub fn paginate(blocks: &[Block]) -> Vec<Page> {
    let mut laid: Vec<Laid> = blocks
        .iter()
        .filter(|b| !b.is_blank())
        .map(|b| {
            let style = style(b.kind);
            Laid {
                kind: b.kind,
                lines: block_lines(b),
                keep: style.keep_with_next,
                style,
            }
        })
        .collect();
    for i in 0..laid.len().saturating_sub(1) {
        let b = &laid[i];
        let intro = b.kind == Kind::Paragraph
            && b.lines.len() <= 3
            && b.lines
                .last()
                .is_some_and(|l| l.text().trim_end().ends_with(':'))
            && laid[i + 1].kind == Kind::Bullet;
        if intro {
            laid[i].keep = true;
        }
    }

    let mut pages = vec![Page::default()];
    let mut y = 0.0f32;
    let mut prev_after = 0.0f32;

    for i in 0..laid.len() {
        let b = &laid[i];
        let mut gap = if y == 0.0 {
            0.0
        } else {
            prev_after.max(b.style.space_before)
        };
        if y > 0.0 && y + gap + need_min(&laid, i) > CONTENT_H + 0.01 {
            pages.push(Page::default());
            y = 0.0;
            gap = 0.0;
        }
        y += gap;
        if b.kind == Kind::Heading {
            let title: String = b
                .lines
                .iter()
                .map(|l| l.text())
                .collect::<Vec<_>>()
                .join(" ");
            pages
                .last_mut()
                .expect("at least one page")
                .outline
                .push((title, y));
        }
        let (kind, space_after) = (b.kind, b.style.space_after);
        // The block's lines move onto the pages (nothing after this block looks back at them);
        // only a table's header row is copied, for each page it continues on.
        let lines = std::mem::take(&mut laid[i].lines);
        let total = lines.len();
        let header = (kind == Kind::Table).then(|| lines.first().cloned()).flatten();
        let line_heights: Vec<f32> = lines.iter().map(|l| l.height).collect();
        let mut rest = lines.into_iter();
        let mut left = total;
        // Is the page empty but for a repeated table header? Then something must go on it.
        let mut fresh = y == 0.0;
        loop {
            let mut fit = 0;
            let mut h = 0.0;
            for height in &line_heights[total - left..] {
                if y + h + height > CONTENT_H + 0.01 {
                    break;
                }
                h += height;
                fit += 1;
            }
            let page = pages.last_mut().expect("page");
            if fit >= left {
                for line in rest.by_ref() {
                    let height = line.height;
                    page.lines.push(Placed { top: y, line });
                    y += height;
                }
                break;
            }
            let n = left;
            let mut k = fit;
            if kind != Kind::Table {
                // Table rows are whole units; text lines follow the orphan and widow rules.
                if n - k < 2 {
                    k = n.saturating_sub(2); // no widow
                }
                if k < 2 {
                    k = 0; // no orphan
                }
            }
            if k == 0 && fresh {
                k = fit.max(1); // a line taller than a page: nothing better is possible
            }
            for line in rest.by_ref().take(k) {
                let height = line.height;
                page.lines.push(Placed { top: y, line });
                y += height;
            }
            left -= k;
            pages.push(Page::default());
            y = 0.0;
            fresh = true;
            if let Some(header) = header.as_ref().filter(|_| left < total) {
                // Repeat the table's header row at the top of the new page.
                y += header.height;
                pages.last_mut().expect("page").lines.push(Placed {
                    top: 0.0,
                    line: header.clone(),
                });
            }
        }
        prev_after = space_after;
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(block: &Block) -> Vec<String> {
        block_lines(block).iter().map(|l| l.text()).collect()
    }

    #[test]
    fn text_wraps_within_the_measure_and_keeps_every_word() {
        let text = "Henkilötietojen käsittelyn tarkoituksena on tuotteidemme ja palveluidemme \
                    toimittaminen, käyttäjien hallinta, asiakassuhteemme hoitaminen ja laskutus.";
        let block = Block::text(Kind::Paragraph, text);
        let lines = block_lines(&block);
        assert!(lines.len() >= 2);
        for l in &lines {
            let end = l.runs.last().map(|r| r.x + r.width).unwrap();
            assert!(end <= CONTENT_W + 0.01, "line too wide: {end}");
        }
        let joined = lines.iter().map(|l| l.text()).collect::<Vec<_>>().join(" ");
        assert_eq!(
            joined,
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }

    #[test]
    fn a_long_url_is_broken_after_punctuation_and_nothing_is_lost() {
        let url = format!(
            "https://example.com/{}/tietosuoja?x=1&y=2",
            "hakemisto".repeat(20)
        );
        let block = Block::new(
            Kind::Paragraph,
            vec![
                Span::regular("Katso "),
                Span::link(url.clone(), url.clone()),
            ],
        );
        let lines = block_lines(&block);
        assert!(lines.len() >= 3, "{:?}", lines_of(&block));
        for l in &lines {
            let end = l.runs.last().map(|r| r.x + r.width).unwrap();
            assert!(end <= CONTENT_W + 0.01);
        }
        let joined: String = lines.iter().map(|l| l.text()).collect();
        assert_eq!(joined, format!("Katso {url}"));
        assert!(
            lines
                .iter()
                .flat_map(|l| &l.runs)
                .filter(|r| r.link.is_some())
                .count()
                >= 3
        );
    }

    #[test]
    fn hard_hyphen_soft_hyphen_and_newline_break_lines() {
        let narrow = |spans: Vec<Span>| {
            let mut links = Vec::new();
            break_lines(&spans, 10.0, 80.0, &mut links)
                .into_iter()
                .map(|l| l.into_iter().map(|a| a.text).collect::<String>())
                .collect::<Vec<_>>()
        };
        // Never after a hard hyphen: text extraction (poppler) would join the lines and drop
        // the hyphen, turning "EU-tuomioistuin" into "EUtuomioistuin".
        assert_eq!(
            narrow(vec![Span::regular("ja EU-tuomioistuin")]),
            ["ja", "EU-tuomioistuin"]
        );
        assert_eq!(
            narrow(vec![Span::regular("sähköposti/puhelin")]),
            ["sähköposti/", "puhelin"]
        );
        assert_eq!(
            narrow(vec![Span::regular("asiakas\u{AD}rekisterissä")]),
            ["asiakas-", "rekisterissä"]
        );
        assert_eq!(
            narrow(vec![Span::regular("yksi\nkaksi")]),
            ["yksi", "kaksi"]
        );
        // An unused soft hyphen leaves no trace.
        assert_eq!(narrow(vec![Span::regular("a\u{AD}b")]), ["ab"]);
    }

    #[test]
    fn references_and_numbers_stay_with_what_they_belong_to() {
        let mut links = Vec::new();
        let lines: Vec<String> = break_lines(
            &[Span::regular(
                "perusteella (GDPR Art. 6(1)(f)) kymmenen 10 vuotta",
            )],
            10.0,
            120.0,
            &mut links,
        )
        .into_iter()
        .map(|l| l.into_iter().map(|a| a.text).collect())
        .collect();
        assert!(lines.iter().all(|l| !l.ends_with("Art.")), "{lines:?}");
        assert!(
            lines.iter().any(|l| l.contains("Art. 6(1)(f))")),
            "{lines:?}"
        );
        assert!(lines.iter().any(|l| l.contains("10 vuotta")), "{lines:?}");
        let dashes: Vec<String> = break_lines(
            &[Span::regular("asiakassuhteen hoitaminen — Sopimus")],
            10.0,
            125.0,
            &mut links,
        )
        .into_iter()
        .map(|l| l.into_iter().map(|a| a.text).collect())
        .collect();
        assert!(dashes.iter().all(|l| !l.starts_with('—')), "{dashes:?}");
    }

    #[test]
    fn bullets_hang_and_bold_labels_keep_their_face() {
        let block = Block::new(Kind::Bullet, vec![Span::regular("sana ".repeat(40))]);
        let lines = block_lines(&block);
        assert_eq!(lines[0].runs[0].text, BULLET);
        assert!(
            lines
                .iter()
                .all(|l| l.runs.last().unwrap().x >= BULLET_INDENT - 0.01)
        );
        let field = Block::new(
            Kind::Field,
            vec![Span::bold("Y-tunnus: "), Span::regular("1234567-8")],
        );
        let runs = &block_lines(&field)[0].runs;
        assert_eq!(runs[0].face, Face::Bold);
        assert_eq!(runs[1].face, Face::Regular);
        assert!(runs[1].x > runs[0].x);
    }

    fn para(n_words: usize) -> Block {
        Block::text(Kind::Paragraph, "sana ".repeat(n_words))
    }

    #[test]
    fn long_flow_fills_pages_without_overflow_orphans_or_widows() {
        let mut blocks = vec![Block::text(Kind::Title, "Tietosuojaseloste")];
        for i in 0..40 {
            blocks.push(Block::text(Kind::Heading, format!("{i}. Otsikko")));
            blocks.push(para(30 + (i * 37) % 120));
            for _ in 0..(i % 5) {
                blocks.push(Block::text(Kind::Bullet, "luettelon kohta"));
            }
        }
        let pages = paginate(&blocks);
        assert!(pages.len() > 5);
        for p in &pages {
            let bottom = p.lines.last().map(|l| l.top + l.line.height).unwrap();
            assert!(bottom <= CONTENT_H + 0.01);
            // Never a heading as the last thing on a page.
            let last = &p.lines.last().unwrap().line;
            assert!(
                last.runs[0].size < 13.0 || pages.last() == Some(p),
                "heading at the foot of a page"
            );
        }
    }

    #[test]
    fn a_paragraph_is_not_split_after_one_line() {
        // Fill a page so exactly one line of the next paragraph would fit.
        let line_h = 14.5;
        let filler_lines = ((CONTENT_H - line_h * 1.5) / line_h).floor() as usize;
        let mut blocks = vec![Block::text(
            Kind::Paragraph,
            "x\n".repeat(filler_lines).trim_end().to_string(),
        )];
        blocks.push(para(120)); // several lines
        let pages = paginate(&blocks);
        assert_eq!(pages.len(), 2);
        let on_first = pages[0].lines.len() - filler_lines;
        assert!(
            on_first == 0 || on_first >= 2,
            "orphan: {on_first} line(s) at the foot"
        );
        let on_second = pages[1].lines.len();
        assert!(on_second >= 2, "widow: {on_second} line(s) at the head");
    }

    #[test]
    fn a_list_introduction_stays_with_the_first_item() {
        let line_h = 14.5;
        let filler_lines = ((CONTENT_H - line_h * 1.5) / line_h).floor() as usize;
        let filler = "x\n".repeat(filler_lines).trim_end().to_string();
        let blocks = vec![
            Block::text(Kind::Paragraph, filler),
            Block::text(Kind::Paragraph, "Käsittelemme seuraavia tietoja:"),
            Block::text(Kind::Bullet, "nimi"),
        ];
        let pages = paginate(&blocks);
        assert_eq!(pages.len(), 2);
        assert_eq!(
            pages[1].lines[0].line.text(),
            "Käsittelemme seuraavia tietoja:"
        );
    }

    #[test]
    fn a_table_row_longer_than_a_page_is_cut_and_every_word_kept() {
        let long = "pitkä ".repeat(2000);
        let t = Table {
            header: vec!["Eväste".into(), "Tarkoitus".into()],
            rows: vec![vec![
                vec![Span::regular("_ga")],
                vec![Span::regular(long.clone())],
            ]],
        };
        let pages = paginate(&[Block::table(t)]);
        assert!(pages.len() >= 2);
        let mut words = 0;
        for p in &pages {
            let bottom = p.lines.last().map(|l| l.top + l.line.height).unwrap();
            assert!(bottom <= CONTENT_H + 0.01, "a row runs off the page");
            assert_eq!(
                p.lines[0].line.runs[0].text, "Eväste",
                "header not repeated"
            );
            words += p
                .lines
                .iter()
                .flat_map(|l| &l.line.runs)
                .map(|r| r.text.matches("pitkä").count())
                .sum::<usize>();
        }
        assert_eq!(words, 2000);
    }

    #[test]
    fn the_outline_records_each_heading_where_it_stands() {
        let mut blocks = Vec::new();
        for i in 0..30 {
            blocks.push(Block::text(Kind::Heading, format!("Otsikko {i}")));
            blocks.push(Block::text(Kind::Subheading, "Alaotsikko"));
            blocks.push(para(60));
        }
        let pages = paginate(&blocks);
        let mut n = 0;
        for p in &pages {
            for (title, top) in &p.outline {
                let line = p
                    .lines
                    .iter()
                    .find(|l| (l.top - top).abs() < 0.01)
                    .expect("a line there");
                assert_eq!(&line.line.text(), title);
                n += 1;
            }
        }
        assert_eq!(n, 30);
    }

    #[test]
    fn empty_blocks_take_no_space() {
        let pages = paginate(&[
            Block::text(Kind::Heading, ""),
            Block::text(Kind::Paragraph, "a"),
        ]);
        assert_eq!(pages[0].lines.len(), 1);
        assert_eq!(pages[0].lines[0].top, 0.0);
    }
}
