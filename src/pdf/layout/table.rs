//! Tables: columns sized to their content (water-filling between the narrowest and the
//! widest each can be), each row one "line" that never splits unless taller than a page.

use super::lines::{Atom, Tok, break_lines, drawable, merge_runs, tokenize};
use super::*;

const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.0;

/// The widest unbreakable segment and the whole single-line width of some spans.
fn min_max_width(spans: &[Span], size: f32) -> (f32, f32) {
    let mut links = Vec::new();
    let (mut min, mut max, mut line) = (0.0f32, 0.0f32, 0.0f32);
    let texts = drawable(spans);
    for tok in tokenize(spans, &texts, size, &mut links).toks {
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
pub(super) fn table_lines(t: &Table, st: &Style) -> Vec<Line> {
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
        let texts: Vec<_> = row.iter().take(ncols).map(|cell| drawable(cell)).collect();
        let cells: Vec<(Vec<Vec<Atom>>, Vec<String>)> = row
            .iter()
            .take(ncols)
            .enumerate()
            .map(|(i, cell)| {
                let mut links = Vec::new();
                let w = widths[i] - 2.0 * CELL_PAD_X;
                let lines = break_lines(cell, &texts[i], st.size, w, &mut links);
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
