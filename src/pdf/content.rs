//! Page content streams, written by Seloste itself.
//!
//! printpdf builds the document around them: it embeds and subsets the fonts, writes the
//! pages, their links and the metadata. Its text path, though, costs several allocations and a
//! formatted write per glyph (a `String` per character to collect the glyphs, a boxed string
//! object per glyph, a hex digit pair through `core::fmt`), which made the PDF export three
//! times slower than the layout before it (issue 17: < 0.2 s per MB of notice). A page of a
//! notice is only positioned runs of text and a few straight rules, so each page's stream is
//! written here in one pass: `Tf` and `rg` when they change, `Tm` per run, and one `TJ` array
//! per run with the font's pair kerning between glyph codes.
//!
//! **Glyph codes.** When printpdf subsets a font it renumbers the glyphs and keeps the
//! renumbering to itself. So the document first carries, per face, one run of every character
//! the document draws (the [`Inventory`]); printpdf encodes it like any text and builds the
//! subset, its widths and its `/ToUnicode` map from it. [`Codes::read`] reads the codes back
//! from that stream, as a PDF reader would, and every page's stream is then replaced by the
//! one [`write`] produces. A character printpdf encoded differently from what was asked is an
//! error, never a wrong glyph.

use super::fonts::{Face, faces};
use super::layout::Rgb;
use crate::{Error, Result};
use std::borrow::Cow;
use std::collections::HashMap;

/// A run of text at a position, in one face, size and colour.
pub(super) struct Draw<'a> {
    pub x: f32,
    pub y: f32,
    pub text: Cow<'a, str>,
    pub face: Face,
    pub size: f32,
    pub fill: Rgb,
}

/// A horizontal rule from `x0` to `x1` at height `y`.
pub(super) struct Stroke {
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub thickness: f32,
    pub color: Rgb,
}

/// Everything a page shows: text runs, then rules.
#[derive(Default)]
pub(super) struct PageContent<'a> {
    pub draws: Vec<Draw<'a>>,
    pub strokes: Vec<Stroke>,
}

/// Characters below this index through a table; the rest (rare in a notice) through a map.
const DENSE: usize = 0x800;

/// Each character's place in its face's inventory.
struct Places {
    dense: Vec<u32>,
    rest: HashMap<char, u32>,
}

impl Places {
    const NONE: u32 = u32::MAX;

    fn new() -> Places {
        Places {
            dense: vec![Self::NONE; DENSE],
            rest: HashMap::new(),
        }
    }

    fn get(&self, c: char) -> Option<u32> {
        let cp = c as usize;
        if cp < DENSE {
            let i = self.dense[cp];
            (i != Self::NONE).then_some(i)
        } else {
            self.rest.get(&c).copied()
        }
    }

    fn insert(&mut self, c: char, i: u32) {
        let cp = c as usize;
        if cp < DENSE {
            self.dense[cp] = i;
        } else {
            self.rest.insert(c, i);
        }
    }
}

/// The distinct characters each face draws, in the order first drawn.
pub(super) struct Inventory {
    chars: [Vec<char>; 3],
    places: [Places; 3],
}

impl Inventory {
    pub fn of(pages: &[PageContent]) -> Inventory {
        let mut inv = Inventory {
            chars: [Vec::new(), Vec::new(), Vec::new()],
            places: [Places::new(), Places::new(), Places::new()],
        };
        for d in pages.iter().flat_map(|p| &p.draws) {
            let f = d.face as usize;
            for c in d.text.chars() {
                if inv.places[f].get(c).is_none() {
                    inv.places[f].insert(c, inv.chars[f].len() as u32);
                    inv.chars[f].push(c);
                }
            }
        }
        inv
    }

    /// The faces that draw anything, each with its characters.
    pub fn faces(&self) -> impl Iterator<Item = (Face, String)> + '_ {
        Face::ALL
            .into_iter()
            .filter(|&f| !self.chars[f as usize].is_empty())
            .map(|f| (f, self.chars[f as usize].iter().collect()))
    }
}

/// The glyph code of every inventoried character, per face, as printpdf wrote it, kept as
/// the bytes a literal string in the content stream shows.
pub(super) struct Codes<'i> {
    inventory: &'i Inventory,
    /// By the character's place in the inventory.
    glyphs: [Vec<Glyph>; 3],
    /// The same by code point below `DENSE` (`Glyph::NONE`: not drawn in that face), so the
    /// common character costs one table read.
    dense: [Vec<Glyph>; 3],
    /// The font resource name of each face (`/F1` without the slash).
    names: [Option<String>; 3],
}

impl<'i> Codes<'i> {
    /// Read the codes from the content stream that showed the inventory: after each `Tf`
    /// naming one of `names`, the strings of `Tj`/`TJ` hold two bytes per character of that
    /// face's inventory, in order.
    pub fn read(
        stream: &[u8],
        inventory: &'i Inventory,
        names: &[(Face, String)],
    ) -> Result<Codes<'i>> {
        let bad =
            |what: &str| Error::Render(format!("the PDF fonts could not be prepared: {what}"));
        let content = lopdf::content::Content::decode(stream).map_err(|e| bad(&e.to_string()))?;
        let mut codes: [Vec<u16>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        let mut face: Option<Face> = None;
        let mut take = |face: Option<Face>, bytes: &[u8]| -> Result<()> {
            let f = face.ok_or_else(|| bad("text before a font"))?;
            if bytes.len() % 2 != 0 {
                return Err(bad("a glyph code of odd length"));
            }
            codes[f as usize].extend(bytes.chunks(2).map(|b| u16::from_be_bytes([b[0], b[1]])));
            Ok(())
        };
        for op in &content.operations {
            match (op.operator.as_str(), op.operands.as_slice()) {
                ("Tf", [lopdf::Object::Name(n), ..]) => {
                    face = names
                        .iter()
                        .find(|(_, name)| name.as_bytes() == n)
                        .map(|(f, _)| *f);
                }
                ("Tj", [lopdf::Object::String(s, _)]) => take(face, s)?,
                ("TJ", [lopdf::Object::Array(items)]) => {
                    for item in items {
                        if let lopdf::Object::String(s, _) = item {
                            take(face, s)?;
                        }
                    }
                }
                _ => {}
            }
        }
        for f in Face::ALL {
            let i = f as usize;
            if codes[i].len() != inventory.chars[i].len() {
                return Err(bad(&format!(
                    "{} glyphs written for {} characters",
                    codes[i].len(),
                    inventory.chars[i].len()
                )));
            }
            if codes[i].contains(&0) {
                return Err(bad("a character without a glyph"));
            }
        }
        let mut by_face: [Option<String>; 3] = [None, None, None];
        for (f, name) in names {
            by_face[*f as usize] = Some(name.clone());
        }
        let glyphs: [Vec<Glyph>; 3] = codes.map(|c| c.into_iter().map(Glyph::of).collect());
        let dense = std::array::from_fn(|f| {
            let mut table = Vec::new();
            if !inventory.chars[f].is_empty() {
                table = vec![Glyph::NONE; DENSE];
                for (c, h) in inventory.chars[f].iter().zip(&glyphs[f]) {
                    if let Some(slot) = table.get_mut(*c as usize) {
                        *slot = *h;
                    }
                }
            }
            table
        });
        Ok(Codes {
            inventory,
            glyphs,
            dense,
            names: by_face,
        })
    }

    /// The code of `c` in `face`.
    fn code(&self, face: Face, c: char) -> Result<Glyph> {
        let f = face as usize;
        let found = if (c as usize) < DENSE {
            self.dense[f]
                .get(c as usize)
                .copied()
                .filter(|g| g.len != 0)
        } else {
            self.inventory.places[f]
                .get(c)
                .map(|i| self.glyphs[f][i as usize])
        };
        found.ok_or_else(|| Error::Render(format!("the character {c:?} has no glyph code")))
    }
}

/// One page's content stream.
pub(super) fn write(page: &PageContent, codes: &Codes) -> Result<Vec<u8>> {
    let glyphs: usize = page.draws.iter().map(|d| d.text.len()).sum();
    let mut out = Vec::with_capacity(64 * page.draws.len() + 5 * glyphs + 64);
    out.extend_from_slice(b"BT\n");
    let mut font: Option<(Face, f32)> = None;
    let mut fill: Option<Rgb> = None;
    for d in page.draws.iter().filter(|d| !d.text.is_empty()) {
        if font != Some((d.face, d.size)) {
            let name = codes.names[d.face as usize]
                .as_deref()
                .ok_or_else(|| Error::Render("a face without a font resource".into()))?;
            out.push(b'/');
            out.extend_from_slice(name.as_bytes());
            out.push(b' ');
            num(&mut out, d.size);
            out.extend_from_slice(b" Tf\n");
            font = Some((d.face, d.size));
        }
        if fill != Some(d.fill) {
            for v in d.fill {
                num(&mut out, v);
                out.push(b' ');
            }
            out.extend_from_slice(b"rg\n");
            fill = Some(d.fill);
        }
        out.extend_from_slice(b"1 0 0 1 ");
        num(&mut out, d.x);
        out.push(b' ');
        num(&mut out, d.y);
        out.extend_from_slice(b" Tm\n[(");
        let f = faces().get(d.face);
        let mut prev: Option<char> = None;
        for c in d.text.chars() {
            if let Some(p) = prev
                && f.kern_units(p, c) != 0
            {
                out.push(b')');
                num(&mut out, f.kern_tj(p, c));
                out.push(b'(');
            }
            let g = codes.code(d.face, c)?;
            out.extend_from_slice(&g.bytes[..usize::from(g.len)]);
            prev = Some(c);
        }
        out.extend_from_slice(b")] TJ\n");
    }
    out.extend_from_slice(b"ET\n");
    for s in &page.strokes {
        for v in s.color {
            num(&mut out, v);
            out.push(b' ');
        }
        out.extend_from_slice(b"RG ");
        num(&mut out, s.thickness);
        out.extend_from_slice(b" w ");
        for (x, op) in [(s.x0, &b" m "[..]), (s.x1, b" l S\n")] {
            num(&mut out, x);
            out.push(b' ');
            num(&mut out, s.y);
            out.extend_from_slice(op);
        }
    }
    Ok(out)
}

/// A glyph code as the bytes of a PDF literal string: its two bytes, big-endian, with the
/// three delimiters escaped and a carriage return written as `\r` (a raw one would be read
/// as a line feed). Half the size of the same code in hex, so the stream is also half the
/// work to compress.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Glyph {
    bytes: [u8; 4],
    len: u8,
}

impl Glyph {
    const NONE: Glyph = Glyph {
        bytes: [0; 4],
        len: 0,
    };

    fn of(code: u16) -> Glyph {
        let mut g = Glyph::NONE;
        for b in code.to_be_bytes() {
            let escaped: &[u8] = match b {
                b'(' => b"\\(",
                b')' => b"\\)",
                b'\\' => b"\\\\",
                b'\r' => b"\\r",
                _ => &[b],
            };
            for &e in escaped {
                g.bytes[usize::from(g.len)] = e;
                g.len += 1;
            }
        }
        g
    }
}

/// A PDF number to three decimals, without trailing zeros ("12", "-0.5", "841.89").
fn num(out: &mut Vec<u8>, v: f32) {
    let milli = (f64::from(v) * 1000.0).round() as i64;
    if milli < 0 {
        out.push(b'-');
    }
    let milli = milli.unsigned_abs();
    let (int, mut frac) = (milli / 1000, milli % 1000);
    let mut digits = [0u8; 20];
    let mut n = 0;
    let mut i = int;
    loop {
        digits[n] = b'0' + (i % 10) as u8;
        n += 1;
        i /= 10;
        if i == 0 {
            break;
        }
    }
    out.extend(digits[..n].iter().rev());
    if frac != 0 {
        out.push(b'.');
        let mut width = 3;
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        for p in (0..width).rev() {
            out.push(b'0' + (frac / 10u64.pow(p) % 10) as u8);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: f32) -> String {
        let mut out = Vec::new();
        num(&mut out, v);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_are_written_as_pdf_reals() {
        assert_eq!(n(12.0), "12");
        assert_eq!(n(0.0), "0");
        assert_eq!(n(-0.5), "-0.5");
        assert_eq!(n(841.89), "841.89");
        assert_eq!(n(0.07), "0.07");
        assert_eq!(n(-24.4140625), "-24.414");
        assert_eq!(n(0.0625), "0.063");
        assert_eq!(n(-0.0001), "0");
    }

    #[test]
    fn glyph_codes_are_literal_string_bytes() {
        let bytes = |code: u16| {
            let g = Glyph::of(code);
            g.bytes[..usize::from(g.len)].to_vec()
        };
        assert_eq!(bytes(0x0041), [0x00, 0x41]);
        assert_eq!(bytes(0x0028), [0x00, b'\\', b'(']);
        assert_eq!(bytes(0x295C), [b'\\', b')', b'\\', b'\\']);
        assert_eq!(bytes(0x0D0A), [b'\\', b'r', 0x0A]);
        // Every code reads back as itself through a PDF parser.
        for code in [0x0001, 0x000D, 0x0028, 0x0029, 0x005C, 0x285C, 0xFFFF] {
            let mut stream = b"[(".to_vec();
            stream.extend(bytes(code));
            stream.extend(b")] TJ");
            let content = lopdf::content::Content::decode(&stream).unwrap();
            let lopdf::Object::Array(items) = &content.operations[0].operands[0] else {
                panic!("no array");
            };
            let lopdf::Object::String(s, _) = &items[0] else {
                panic!("no string");
            };
            assert_eq!(s, &code.to_be_bytes(), "{code:#06X}");
        }
    }
}
