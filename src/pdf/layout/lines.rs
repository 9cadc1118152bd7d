//! Line breaking: a block's spans → measured atoms → lines no wider than the measure, and
//! those lines as positioned runs.

use super::table::table_lines;
use super::*;

/// A stretch of text in one style inside a segment.
#[derive(Debug, Clone)]
pub(super) struct Atom {
    pub(super) text: String,
    pub(super) face: Face,
    pub(super) link: Option<usize>,
    pub(super) width: f32,
}

#[derive(Debug)]
pub(super) enum Tok {
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

pub(super) fn tokenize(spans: &[Span], size: f32, links: &mut Vec<String>) -> Vec<Tok> {
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
pub(super) fn break_lines(
    spans: &[Span],
    size: f32,
    width: f32,
    links: &mut Vec<String>,
) -> Vec<Vec<Atom>> {
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
}
