//! Pagination: laid-out blocks onto A4 pages, with the orphan, widow and keep-with-next rules.

use super::lines::block_lines;
use super::*;

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

/// The longest run of label–value rows kept on one page.
const MAX_KEPT_ROWS: usize = 8;

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
    // A short run of label–value rows (an address block, the authority's details) stays on one
    // page; a list never leaves its last item alone at the head of the next page.
    let mut start = 0;
    while start < laid.len() {
        let kind = laid[start].kind;
        let mut end = start + 1;
        while end < laid.len() && laid[end].kind == kind {
            end += 1;
        }
        let run = end - start;
        match kind {
            Kind::Field if run <= MAX_KEPT_ROWS => {
                for b in &mut laid[start..end - 1] {
                    b.keep = true;
                }
            }
            Kind::Bullet if run >= 2 => laid[end - 2].keep = true,
            _ => {}
        }
        start = end;
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
        let header = (kind == Kind::Table)
            .then(|| lines.first().cloned())
            .flatten();
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

    /// An address block (label–value rows) starting near the foot of a page moves whole to
    /// the next; a list's last item never stands alone at the head of a page.
    #[test]
    fn address_blocks_stay_whole_and_lists_keep_two_items_together() {
        let line_h = 14.5;
        for kind in [Kind::Field, Kind::Bullet] {
            for room in 1..5 {
                let filler_lines =
                    ((CONTENT_H - line_h * (room as f32 + 0.5)) / line_h).floor() as usize;
                let mut blocks = vec![Block::text(
                    Kind::Paragraph,
                    "x\n".repeat(filler_lines).trim_end().to_string(),
                )];
                for i in 0..5 {
                    blocks.push(Block::text(kind, format!("Rivi {i}: arvo")));
                }
                let pages = paginate(&blocks);
                let rows_on = |p: &Page| {
                    p.lines
                        .iter()
                        .filter(|l| l.line.text().contains("Rivi"))
                        .count()
                };
                let on_last = rows_on(pages.last().unwrap());
                match kind {
                    Kind::Field => assert!(
                        on_last == 5 || pages.len() == 1,
                        "{kind:?} room {room}: split"
                    ),
                    _ => assert!(
                        on_last >= 2 || rows_on(&pages[0]) == 5,
                        "{kind:?} room {room}: {on_last} alone"
                    ),
                }
            }
        }
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
