//! Splitting a notice into sections by its headings: numbered ("1. Rekisterinpitäjä",
//! "5 Tietolähteet"), known headings standing on their own line, question-style headings
//! ("Mitä tietoja keräämme?"), two-column "label<TAB>text" tables (seed 003) and HTML headings.
//! Page noise is recognised here and left out.

use super::html;
use super::report::{DropReason, Dropped};
use super::vocab::{Vocab, vocab};
use regex::Regex;
use std::sync::OnceLock;

/// A line of the input after decoding, before sections are formed.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    Blank,
    Text(String),
    Bullet(String),
    /// An explicit heading (HTML h1–h6).
    Heading(String),
    /// A table row: a label and the lines of its cell.
    Row(String, Vec<Line>),
    /// A table row with an empty label: the previous cell goes on.
    Cont(Vec<Line>),
}

/// A block of a section's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(String),
    Bullet(String),
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Para(s) | Block::Bullet(s) => s,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// A notice split into sections; `preamble` is what comes before the first heading.
#[derive(Debug, Default)]
pub struct Doc {
    pub preamble: Vec<Block>,
    pub sections: Vec<Section>,
    pub dropped: Vec<Dropped>,
}

const BULLETS: &[char] = &['•', '·', '▪', '◦', '●', '■', '–', '-', '*', '‣', '○', '□'];

/// Plain text (which may carry HTML fragments and TAB tables) to lines.
pub fn text_lines(text: &str, dropped: &mut Vec<Dropped>) -> Vec<Line> {
    let v = vocab();
    // Old Mac files end lines with a lone carriage return.
    let text: std::borrow::Cow<str> = if text.contains('\r') && !text.contains('\n') {
        text.replace('\r', "\n").into()
    } else {
        text.into()
    };
    let raw: Vec<&str> = text.lines().collect();
    // A TAB table: enough rows whose label is a known heading.
    let table = raw
        .iter()
        .filter_map(|l| l.split_once('\t'))
        .filter(|(label, _)| !label.trim().is_empty() && !v.heading_targets(label).is_empty())
        .count()
        >= 2;
    let mut out = Vec::new();
    let is_rule = |l: &str| {
        let t = l.trim();
        t.starts_with('|') && t.len() > 2 && t.chars().all(|c| matches!(c, '-' | ':' | ' ' | '|'))
    };
    for (k, l) in raw.iter().enumerate() {
        let l = l.trim_end_matches('\r');
        // A markdown table's header row (the row above its rule) names the columns.
        if l.trim_start().starts_with('|') && raw.get(k + 1).is_some_and(|n| is_rule(n)) {
            dropped.push(Dropped {
                text: l.trim().to_string(),
                reason: DropReason::Markup,
            });
            continue;
        }
        if table && let Some((label, cell)) = l.split_once('\t') {
            let cell_lines = cell_lines(cell, dropped);
            if label.trim().is_empty() {
                out.push(Line::Cont(cell_lines));
            } else {
                out.push(Line::Row(label.trim().to_string(), cell_lines));
            }
            continue;
        }
        // Markdown emphasis is layout: "**Rekisterinpitäjä:** Firma Oy" is a label line.
        let plain = l.replace("**", "");
        // Entities in a markdown or text file ("&nbsp;", "&auml;") are characters.
        let plain = if plain.contains('&') && !html::has_markup(&plain) {
            html::entities(&plain)
        } else {
            plain
        };
        let l = plain.as_str();
        // A markdown table row: its rule line is layout; a two-cell row reads "label: value".
        let cells: Vec<&str> = l
            .trim()
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        let pipe_row =
            l.trim_start().starts_with('|') && l.trim_end().ends_with('|') && cells.len() >= 2;
        if pipe_row
            && cells
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
        {
            dropped.push(Dropped {
                text: l.trim().to_string(),
                reason: DropReason::Markup,
            });
            continue;
        }
        if pipe_row && cells.len() == 2 && !cells[0].is_empty() && !cells[1].is_empty() {
            out.extend(plain_line(&format!("{}: {}", cells[0], cells[1])));
            continue;
        }
        if l.trim().is_empty() {
            out.push(Line::Blank);
        } else if html::has_markup(l) {
            out.extend(html::to_lines(l, dropped));
        } else {
            out.extend(plain_line(l));
        }
    }
    out
}

fn cell_lines(cell: &str, dropped: &mut Vec<Dropped>) -> Vec<Line> {
    if cell.trim().is_empty() {
        Vec::new()
    } else if html::has_markup(cell) {
        html::to_lines(cell, dropped)
    } else {
        plain_line(cell)
    }
}

/// One line of plain text: a bullet ("• x", "- x") or text; bullets glued into a line
/// ("kiellot• Asiakas…", seed 001) are split.
fn plain_line(l: &str) -> Vec<Line> {
    let t = l.trim();
    // Markdown: "## Rekisterinpitäjä" is a heading; "**Rekisterinpitäjä**" a line to judge.
    if t.starts_with('#') {
        let h = t.trim_start_matches('#').trim();
        if !h.is_empty() && t.len() - t.trim_start_matches('#').len() <= 6 {
            return vec![Line::Heading(h.to_string())];
        }
    }
    let t = match t.strip_prefix("**").and_then(|x| x.strip_suffix("**")) {
        Some(inner) if !inner.contains("**") && !inner.trim().is_empty() => inner.trim(),
        _ => t,
    };
    let mut out = Vec::new();
    let (first_is_bullet, body) = match t.chars().next() {
        Some(c) if BULLETS.contains(&c) && t[c.len_utf8()..].starts_with(char::is_whitespace) => {
            (true, t[c.len_utf8()..].trim())
        }
        _ => (false, t),
    };
    for (i, part) in body.split('•').enumerate() {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if i == 0 && !first_is_bullet {
            out.push(Line::Text(part.to_string()));
        } else {
            out.push(Line::Bullet(part.to_string()));
        }
    }
    out
}

fn numbered() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"^(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+(\S.*)$").expect("valid regex"))
}

/// Is this line (standing where it stands) a heading? Returns the heading without its number,
/// and the text that follows a "Heading: text" label on the same line.
fn heading_of(v: &Vocab, line: &str, prev_blank: bool) -> Option<(String, Option<String>)> {
    let t = line.trim();
    if t.chars().count() > 160 {
        return None;
    }
    // "Laatimispäivämäärä 25.5.2018", "Updated 2 June 2026" are date lines, not headings.
    if super::fields::find_date(t).is_some() {
        return None;
    }
    let known = |s: &str| !v.heading_targets(s).is_empty();
    let upper = |s: &str| s.chars().next().is_some_and(|c| c.is_uppercase());
    let numbered = numbered().captures(t).map(|c| c[2].trim().to_string());
    if numbered.is_none() && !prev_blank {
        return None;
    }
    let t = numbered.as_deref().unwrap_or(t);
    if !upper(t) {
        return None;
    }
    // "Rekisterin nimi: Asiakasrekisteri" — a known label, then its text.
    if let Some((label, rest)) = t.split_once(": ")
        && !rest.trim().is_empty()
        && label.split_whitespace().count() <= 8
        && known(label)
    {
        return Some((label.trim().to_string(), Some(rest.trim().to_string())));
    }
    let words = t.split_whitespace().count();
    // "Rekisterinpitäjä:" — a short known heading may end in a colon.
    if let Some(label) = t.strip_suffix(':') {
        return (words <= 4 && known(label)).then(|| (label.trim().to_string(), None));
    }
    if numbered.is_some() {
        return ((!t.ends_with('.') && words <= 10) || known(t)).then(|| (t.to_string(), None));
    }
    // A sentence ends inside the line ("…ulkopuolisille. Yhdistys voi"): the start of a
    // paragraph, never a heading, whatever words it has.
    let inner_sentence = t
        .match_indices(". ")
        .any(|(p, _)| t[p + 2..].starts_with(char::is_uppercase));
    if t.ends_with(['.', ',', ';']) || inner_sentence || words > 12 || t.chars().count() > 100 {
        return None;
    }
    ((t.ends_with('?') && words >= 2) || known(t)).then(|| (t.to_string(), None))
}

/// Build sections from lines.
pub fn split(lines: Vec<Line>, mut dropped: Vec<Dropped>) -> Doc {
    let v = vocab();
    // Whether a line is a bare title, once per distinct line (a page repeated many times asks
    // the same lines again).
    let mut bare_titles: std::collections::HashMap<String, bool> = std::collections::HashMap::new();
    let mut bare_title = |t: &str| match bare_titles.get(t) {
        Some(&b) => b,
        None => {
            let b = v.is_bare_title(t);
            bare_titles.insert(t.to_string(), b);
            b
        }
    };
    let mut doc = Doc::default();
    let mut cur: Option<Section> = None;
    // Start a new paragraph with the next text line.
    let mut para_break = true;
    let mut prev_blank = true;
    // The previous line was (part of) a table cell: a continuation in lower case goes on its sentence.
    let mut in_cell = false;

    fn body<'a>(doc: &'a mut Doc, cur: &'a mut Option<Section>) -> &'a mut Vec<Block> {
        match cur {
            Some(s) => &mut s.blocks,
            None => &mut doc.preamble,
        }
    }

    fn push_text(blocks: &mut Vec<Block>, t: &str, para_break: bool) {
        match blocks.last_mut() {
            Some(Block::Para(p)) if !para_break => {
                p.push('\n');
                p.push_str(t);
            }
            _ => blocks.push(Block::Para(t.to_string())),
        }
    }

    let n = lines.len();
    let mut i = 0;
    while i < n {
        let line = lines[i].clone();
        i += 1;
        match line {
            Line::Blank => {
                // A blank line inside a table does not end the cell that a continuation row
                // may go on (seed 003).
                para_break = true;
                prev_blank = true;
            }
            Line::Text(t) => {
                let before_first = cur.is_none();
                if let Some(reason) = v.noise(&t) {
                    dropped.push(Dropped {
                        text: t,
                        reason: DropReason::from_key(reason),
                    });
                    continue;
                }
                if before_first
                    && t.trim().chars().all(|c| c.is_ascii_digit())
                    && t.trim().len() <= 4
                {
                    dropped.push(Dropped {
                        text: t,
                        reason: DropReason::Counter,
                    });
                    continue;
                }
                // The title, and a second title where a notice starts again in another
                // language ("Dataskyddsbeskrivning" after the Finnish text).
                // A title with a date ("Tietosuojaseloste 22.3.2023") stays for the date.
                if ((before_first && doc.preamble.is_empty() && is_title_line(v, &t))
                    || (prev_blank && bare_title(&t)))
                    && !t.trim_start().starts_with(|c: char| c.is_ascii_digit())
                    && super::fields::find_date(&t).is_none()
                {
                    dropped.push(Dropped {
                        text: t,
                        reason: DropReason::Title,
                    });
                    prev_blank = true;
                    para_break = true;
                    continue;
                }
                // A line whose sentence runs on into the next line ("När det inte längre finns
                // någon rättslig grund för behandlingen eller dina" / "personuppgifter inte …")
                // is the start of a paragraph, not a heading, unless it is numbered.
                let runs_on = matches!(lines.get(i), Some(Line::Text(next))
                    if next.trim_start().starts_with(char::is_lowercase))
                    && !t.trim_end().ends_with([':', '?'])
                    && numbered().captures(t.trim()).is_none();
                if !runs_on && let Some((h, rest)) = heading_of(v, &t, prev_blank) {
                    if let Some(s) = cur.take() {
                        doc.sections.push(s);
                    }
                    let with_text = rest.is_some();
                    cur = Some(Section {
                        heading: h,
                        blocks: rest.map(|r| vec![Block::Para(r)]).unwrap_or_default(),
                    });
                    para_break = !with_text;
                    prev_blank = !with_text;
                    in_cell = false;
                    continue;
                }
                push_text(body(&mut doc, &mut cur), &t, para_break);
                para_break = false;
                prev_blank = false;
            }
            Line::Bullet(b) => {
                body(&mut doc, &mut cur).push(Block::Bullet(b));
                para_break = true;
                prev_blank = false;
            }
            Line::Heading(h) => {
                if cur.is_none() && doc.preamble.is_empty() && is_title_line(v, &h) {
                    if super::fields::find_date(&h).is_some() {
                        // "# Tietosuojaseloste 22.3.2023": the date is the notice's.
                        doc.preamble.push(Block::Para(h));
                        continue;
                    }
                    dropped.push(Dropped {
                        text: h,
                        reason: DropReason::Title,
                    });
                    continue;
                }
                if let Some(s) = cur.take() {
                    doc.sections.push(s);
                }
                cur = Some(Section {
                    heading: h,
                    blocks: Vec::new(),
                });
                para_break = true;
                prev_blank = true;
                in_cell = false;
            }
            Line::Row(label, cell) => {
                if let Some(s) = cur.take() {
                    doc.sections.push(s);
                }
                let mut s = Section {
                    heading: label,
                    blocks: Vec::new(),
                };
                add_cell(&mut s.blocks, cell, false);
                cur = Some(s);
                para_break = true;
                prev_blank = false;
                in_cell = true;
            }
            Line::Cont(cell) => {
                let blocks = body(&mut doc, &mut cur);
                add_cell(blocks, cell, in_cell);
                para_break = true;
                prev_blank = false;
                in_cell = true;
            }
        }
    }
    if let Some(s) = cur.take() {
        doc.sections.push(s);
    }
    // A lone number or noise line at the very end of the page.
    if let Some(last) = doc.sections.last_mut() {
        while let Some(Block::Para(p)) = last.blocks.last() {
            let t = p.trim();
            if t.chars().all(|c| c.is_ascii_digit()) && t.len() <= 4 {
                dropped.push(Dropped {
                    text: p.clone(),
                    reason: DropReason::Counter,
                });
                last.blocks.pop();
            } else {
                break;
            }
        }
    }
    doc.dropped = dropped;
    doc
}

fn is_title_line(v: &Vocab, t: &str) -> bool {
    let t = t.trim();
    t.chars().count() <= 120
        && !t.ends_with('.')
        && v.is_title(t)
        && v.heading_targets(t).is_empty()
}

/// Add a table cell's lines to a body. A continuation that starts in lower case goes on the
/// sentence the previous cell broke off (seed 003: "…tarjoavilta" / "viranomaisilta ja …").
fn add_cell(blocks: &mut Vec<Block>, cell: Vec<Line>, continuing: bool) {
    let mut first = true;
    let mut para_break = true;
    for l in cell {
        match l {
            Line::Blank => para_break = true,
            Line::Text(t) | Line::Heading(t) => {
                let lower_start = t.chars().next().is_some_and(|c| c.is_lowercase());
                match blocks.last_mut() {
                    Some(Block::Para(p)) if first && continuing && lower_start => {
                        p.push(' ');
                        p.push_str(&t);
                    }
                    Some(Block::Para(p)) if !para_break => {
                        p.push('\n');
                        p.push_str(&t);
                    }
                    _ => blocks.push(Block::Para(t)),
                }
                para_break = false;
            }
            Line::Bullet(b) => {
                blocks.push(Block::Bullet(b));
                para_break = true;
            }
            Line::Row(a, rest) => {
                blocks.push(Block::Para(a));
                add_cell(blocks, rest, false);
            }
            Line::Cont(rest) => add_cell(blocks, rest, false),
        }
        first = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Doc {
        let mut d = Vec::new();
        let lines = text_lines(text, &mut d);
        split(lines, d)
    }

    #[test]
    fn numbered_and_question_headings() {
        let d = doc(
            "0\nTarjouskori\n\nTietosuojaseloste\n\n1. Rekisterinpitäjä\n\nFirma Oy\n\nMitä tietoja keräämme?\n\n• nimi\n• osoite\n\n5 Tietolähteet\nSuoraan sinulta.\n\nSivukartta",
        );
        let h: Vec<&str> = d.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            h,
            ["Rekisterinpitäjä", "Mitä tietoja keräämme?", "Tietolähteet"]
        );
        assert_eq!(
            d.sections[1].blocks,
            [Block::Bullet("nimi".into()), Block::Bullet("osoite".into())]
        );
        let reasons: Vec<DropReason> = d.dropped.iter().map(|x| x.reason).collect();
        assert_eq!(
            reasons,
            [
                DropReason::Counter,
                DropReason::Shop,
                DropReason::Title,
                DropReason::Navigation
            ]
        );
    }

    #[test]
    fn tab_tables_with_html_cells() {
        let d = doc(
            "Rekisterinpitäjä\tEsa Oy\nRekisterin nimi\tAsiakasrekisteri\nSäännönmukaiset tietolähteet\tTietoja saadaan myös päivitys palveluja tarjoavilta\n\n\t<p>viranomaisilta ja yrityksiltä.</p> <p>Toinen.</p>",
        );
        assert_eq!(d.sections.len(), 3);
        assert_eq!(
            d.sections[2].blocks,
            [
                Block::Para("Tietoja saadaan myös päivitys palveluja tarjoavilta viranomaisilta ja yrityksiltä.".into()),
                Block::Para("Toinen.".into())
            ]
        );
    }

    #[test]
    fn label_headings_keep_their_text() {
        let d = doc(
            "Rekisterinpitäjä:\nFirma Oy\n\n2. Rekisterin nimi: Asiakasrekisteri\n\nHyödynnämme tietojen käsittelyssä lukuumme toimivia alihankkijoita:\n- kirjanpito",
        );
        let h: Vec<&str> = d.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(h, ["Rekisterinpitäjä", "Rekisterin nimi"]);
        assert_eq!(
            d.sections[1].blocks[0],
            Block::Para("Asiakasrekisteri".into())
        );
        assert_eq!(d.sections[1].blocks.len(), 3);
    }

    #[test]
    fn markdown_and_old_mac_text() {
        let d = doc("## Rekisterinpitäjä\r\rFirma Oy\r\r**Rekisterin nimi**\r\rAsiakasrekisteri");
        let h: Vec<&str> = d.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(h, ["Rekisterinpitäjä", "Rekisterin nimi"]);
    }

    #[test]
    fn a_date_is_not_a_numbered_heading() {
        let d = doc("1 Muutokset\n\n22.1.2019 Julkaistu seloste");
        assert_eq!(d.sections.len(), 1);
        assert_eq!(
            d.sections[0].blocks,
            [Block::Para("22.1.2019 Julkaistu seloste".into())]
        );
    }
}
