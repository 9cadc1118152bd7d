//! Line breaking: a block's spans → measured atoms → lines no wider than the measure, and
//! those lines as positioned runs.
//!
//! An atom borrows its text from the span it comes from (as `drawable` made it), so breaking
//! a paragraph allocates per segment list and per line, never per word or per character.

use super::table::table_lines;
use super::*;
use std::borrow::Cow;
use std::ops::Range;

/// A stretch of text in one style inside a segment.
#[derive(Debug, Clone, Copy)]
pub(super) struct Atom<'a> {
    pub(super) text: &'a str,
    pub(super) face: Face,
    pub(super) link: Option<usize>,
    pub(super) width: f32,
}

#[derive(Debug)]
pub(super) enum Tok<'a> {
    /// Text that is never broken unless it is wider than a whole line: these atoms of
    /// `Tokens::atoms`.
    Seg {
        atoms: Range<usize>,
        width: f32,
        soft_hyphen: bool,
    },
    /// A breakable space.
    Space(Atom<'a>),
    /// A forced line break (`\n` in the text).
    Break,
}

/// A block's text as segments, spaces and breaks, over one list of atoms.
pub(super) struct Tokens<'a> {
    pub(super) toks: Vec<Tok<'a>>,
    pub(super) atoms: Vec<Atom<'a>>,
}

/// Each span's text as its face can draw it (see `fonts::printable`): what the atoms borrow.
pub(super) fn drawable(spans: &[Span]) -> Vec<Cow<'_, str>> {
    spans
        .iter()
        .map(|s| printable(faces().get(s.face), &s.text))
        .collect()
}

pub(super) fn tokenize<'a>(
    spans: &[Span],
    texts: &'a [Cow<'_, str>],
    size: f32,
    links: &mut Vec<String>,
) -> Tokens<'a> {
    let mut t = Tokens {
        toks: Vec::new(),
        atoms: Vec::new(),
    };
    // The first atom of the open segment.
    let mut seg = 0usize;

    fn finish(t: &mut Tokens, seg: &mut usize, soft_hyphen: bool) {
        if t.atoms.len() > *seg {
            let width = t.atoms[*seg..].iter().map(|a| a.width).sum();
            t.toks.push(Tok::Seg {
                atoms: *seg..t.atoms.len(),
                width,
                soft_hyphen,
            });
            *seg = t.atoms.len();
        }
    }

    for (span, text) in spans.iter().zip(texts) {
        let text: &'a str = text;
        let face = span.face;
        let f = faces().get(face);
        let link = span.link.as_ref().map(|l| {
            links.push(l.clone());
            links.len() - 1
        });
        // Where the open segment's last atom starts in `text`, when it comes from this span
        // (then a character extends it instead of starting a new atom).
        let mut open: Option<usize> = None;
        let mut prev: Option<char> = None;
        // Points per font unit at this size: one multiplication per character.
        let scale = size / f.units_per_em();
        let push = |t: &mut Tokens<'a>, open: &mut Option<usize>, seg: usize, i: usize, c: char| {
            let end = i + c.len_utf8();
            let advance = i32::from(f.advance(c));
            match t.atoms[seg..].last_mut() {
                Some(a) if a.face == face && a.link == link => {
                    let kern = a
                        .text
                        .chars()
                        .next_back()
                        .map_or(0, |p| i32::from(f.kern_units(p, c)));
                    let w = (advance + kern) as f32 * scale;
                    match *open {
                        Some(start) => {
                            a.text = &text[start..end];
                            a.width += w;
                        }
                        None => {
                            t.atoms.push(Atom {
                                text: &text[i..end],
                                face,
                                link,
                                width: w,
                            });
                            *open = Some(i);
                        }
                    }
                }
                _ => {
                    t.atoms.push(Atom {
                        text: &text[i..end],
                        face,
                        link,
                        width: advance as f32 * scale,
                    });
                    *open = Some(i);
                }
            }
        };
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            match c {
                ' ' if keep_together(&t.atoms[seg..], next) => push(&mut t, &mut open, seg, i, c),
                ' ' => {
                    finish(&mut t, &mut seg, false);
                    open = None;
                    t.toks.push(Tok::Space(Atom {
                        text: &text[i..i + 1],
                        face,
                        link,
                        width: f.char_width(' ', size),
                    }));
                }
                '\n' => {
                    finish(&mut t, &mut seg, false);
                    open = None;
                    t.toks.push(Tok::Break);
                }
                '\u{200B}' | '\u{00AD}' => {
                    finish(&mut t, &mut seg, c == '\u{00AD}');
                    open = None;
                }
                '/' => {
                    push(&mut t, &mut open, seg, i, c);
                    let before = prev.is_some_and(char::is_alphanumeric);
                    let after = next.is_some_and(char::is_alphanumeric);
                    if before && after {
                        finish(&mut t, &mut seg, false);
                        open = None;
                    }
                }
                _ => push(&mut t, &mut open, seg, i, c),
            }
            prev = Some(c);
        }
    }
    finish(&mut t, &mut seg, false);
    t
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
fn split_long<'a>(atoms: &[Atom<'a>], width: f32, size: f32) -> Vec<Vec<Atom<'a>>> {
    // Every character: its atom, its byte offset there, the character and its width.
    let chars: Vec<(usize, usize, char, f32)> = atoms
        .iter()
        .enumerate()
        .flat_map(|(k, a)| {
            let f = faces().get(a.face);
            a.text
                .char_indices()
                .map(move |(i, c)| (k, i, c, f.char_width(c, size)))
        })
        .collect();
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut w = 0.0;
        let mut end = start;
        let mut last_punct = None;
        while end < chars.len() && (end == start || w + chars[end].3 <= width) {
            w += chars[end].3;
            if matches!(chars[end].2, '/' | '.' | '_' | '@' | '?' | '&' | '=' | '#') {
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
        // The piece's atoms, each with the atom it is cut from and where it starts there.
        let mut piece: Vec<(usize, usize, Atom<'a>)> = Vec::new();
        for &(k, i, c, cw) in &chars[start..end] {
            let source = &atoms[k];
            match piece.last_mut() {
                Some((pk, from, a)) if *pk == k => {
                    a.text = &source.text[*from..i + c.len_utf8()];
                    a.width += cw;
                }
                _ => piece.push((
                    k,
                    i,
                    Atom {
                        text: &source.text[i..i + c.len_utf8()],
                        width: cw,
                        ..*source
                    },
                )),
            }
        }
        pieces.push(piece.into_iter().map(|(_, _, a)| a).collect());
        start = end;
    }
    pieces
}

/// Break a block's spans into lines of at most `width` points. `texts` is
/// `drawable(spans)`, which the atoms borrow.
pub(super) fn break_lines<'a>(
    spans: &[Span],
    texts: &'a [Cow<'_, str>],
    size: f32,
    width: f32,
    links: &mut Vec<String>,
) -> Vec<Vec<Atom<'a>>> {
    let Tokens { toks, atoms } = tokenize(spans, texts, size, links);
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
                atoms: range,
                width: seg_w,
                soft_hyphen,
            } => {
                started = true;
                let seg = &atoms[range];
                let space_w = pending.as_ref().map_or(0.0, |a| a.width);
                if cur.is_empty() || cur_w + space_w + seg_w <= width + 0.01 {
                    if let Some(p) = pending.take()
                        && !cur.is_empty()
                    {
                        cur_w += p.width;
                        cur.push(p);
                    }
                    cur_w += seg_w;
                    cur.extend_from_slice(seg);
                } else {
                    if let Some(face) = soft_hyphen_face {
                        let w = faces().get(face).char_width('-', size);
                        cur.push(Atom {
                            text: "-",
                            face,
                            link: None,
                            width: w,
                        });
                    }
                    lines.push(std::mem::take(&mut cur));
                    pending = None;
                    cur_w = seg_w;
                    cur.extend_from_slice(seg);
                }
                if cur_w > width + 0.01 {
                    // Only a segment alone on its line can be this wide: split it.
                    let mut pieces = split_long(&cur, width, size);
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

pub(super) fn merge_runs(
    atoms: Vec<Atom>,
    x0: f32,
    baseline: f32,
    size: f32,
    color: Rgb,
    links: &[String],
) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut x = x0;
    // The link index of the last run, and the bytes of the line not yet in a run.
    let mut last_link: Option<usize> = None;
    let mut rest: usize = atoms.iter().map(|a| a.text.len()).sum();
    for a in atoms {
        match runs.last_mut() {
            Some(r) if r.face == a.face && last_link == a.link => {
                r.text.push_str(a.text);
                r.width += a.width;
            }
            _ => {
                let link = a.link.map(|i| links[i].clone());
                let mut text = String::with_capacity(rest);
                text.push_str(a.text);
                runs.push(Run {
                    x,
                    baseline,
                    width: a.width,
                    text,
                    face: a.face,
                    size,
                    color: if link.is_some() { LINK } else { color },
                    link,
                });
                last_link = a.link;
            }
        }
        rest -= a.text.len();
        x += a.width;
    }
    runs
}

/// Lay one block out into lines (without placing them on a page).
pub(super) fn block_lines(block: &Block) -> Vec<Line> {
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
    let texts = drawable(&block.spans);
    let broken = break_lines(&block.spans, &texts, st.size, width, &mut links);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of `spans` at 10 pt in a measure of `width` points.
    fn broken(spans: &[Span], width: f32) -> Vec<String> {
        let texts = drawable(spans);
        break_lines(spans, &texts, 10.0, width, &mut Vec::new())
            .into_iter()
            .map(|l| l.into_iter().map(|a| a.text).collect())
            .collect()
    }

    #[test]
    fn words_split_across_spans_and_faces_are_measured_and_kept_whole() {
        // A word made of three spans (bold, regular, a link) is one segment: it moves to the
        // next line whole, and its runs keep their faces.
        let spans = [
            Span::regular("sana ".repeat(14)),
            Span::bold("Yhdys"),
            Span::regular("sana"),
            Span::link("linkki", "https://esimerkki.fi"),
            Span::regular(" loppu"),
        ];
        for width in [150.0, 200.0, 250.0, 300.0] {
            let lines = broken(&spans, width);
            assert!(
                lines.iter().any(|l| l.contains("Yhdyssanalinkki")),
                "{lines:?}"
            );
            assert_eq!(
                lines.join(" "),
                format!("{}Yhdyssanalinkki loppu", "sana ".repeat(14))
            );
        }
        // A word wider than the line is cut into pieces that each fit, and nothing is lost.
        let long = [Span::regular("x".repeat(300)), Span::bold("y".repeat(50))];
        let pieces = broken(&long, 100.0);
        assert!(pieces.len() > 3, "{pieces:?}");
        assert_eq!(
            pieces.concat(),
            format!("{}{}", "x".repeat(300), "y".repeat(50))
        );
        let texts = drawable(&long);
        for line in break_lines(&long, &texts, 10.0, 100.0, &mut Vec::new()) {
            let w: f32 = line.iter().map(|a| a.width).sum();
            assert!(w <= 100.01, "{w}");
        }
    }

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
        let narrow = |spans: Vec<Span>| broken(&spans, 80.0);
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
        let lines = broken(
            &[Span::regular(
                "perusteella (GDPR Art. 6(1)(f)) kymmenen 10 vuotta",
            )],
            120.0,
        );
        assert!(lines.iter().all(|l| !l.ends_with("Art.")), "{lines:?}");
        assert!(
            lines.iter().any(|l| l.contains("Art. 6(1)(f))")),
            "{lines:?}"
        );
        assert!(lines.iter().any(|l| l.contains("10 vuotta")), "{lines:?}");
        let dashes = broken(
            &[Span::regular("asiakassuhteen hoitaminen — Sopimus")],
            125.0,
        );
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
}
