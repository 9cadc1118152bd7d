//! The typefaces the PDF export embeds: DejaVu Sans Regular, Bold and Oblique, shipped in
//! `src/pdf/fonts/` with their licence and compiled into the binary, so a PDF looks the same
//! on every computer and never depends on the fonts installed on it.
//!
//! The faces are parsed once per process (`faces()`) and reused by every export. This module
//! also measures text and makes it printable: characters the faces cannot draw (emoji, CJK,
//! other scripts) are replaced by a visible U+FFFD "�" instead of vanishing.

use printpdf::ParsedFont;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

static REGULAR: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("fonts/DejaVuSans-Bold.ttf");
static ITALIC: &[u8] = include_bytes!("fonts/DejaVuSans-Oblique.ttf");

/// What a character the faces lack is printed as.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Code points below this get their glyph and advance from a table built at load time.
const TABLE: usize = 0x2200;

/// One of the three embedded faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
    Italic,
}

impl Face {
    pub const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];

    fn index(self) -> usize {
        self as usize
    }
}

/// A parsed face with a quick table of advances.
pub struct FontFace {
    pub parsed: ParsedFont,
    units_per_em: f32,
    /// Advance in font units per code point below `TABLE`; `u16::MAX` = no glyph.
    advances: Vec<u16>,
    /// Glyph id per code point below `TABLE` (0 = none).
    gids: Vec<u16>,
    /// Pair kerning from the font's `kern` table: (left gid << 16 | right gid) → font units.
    kerning: Kerning,
    /// The same pairs for two characters below `DENSE` (Latin-1 and Latin Extended-A: every
    /// letter of Finnish, Swedish and English), indexed by code points, so the common case is
    /// one array read.
    dense: Vec<i16>,
}

/// Code points below this kern through `FontFace::dense`.
const DENSE: usize = 0x180;

/// The kerning pairs, looked up once per pair of adjacent characters (twice per character of
/// a PDF: measuring and drawing). The key is a fixed pair of glyph ids from the embedded font,
/// never input, so a multiplicative hash is enough and costs a fraction of SipHash.
type Kerning = HashMap<u32, i16, BuildHasherDefault<PairHasher>>;

#[derive(Default)]
struct PairHasher(u64);

impl Hasher for PairHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at + 2).map(|x| u16::from_be_bytes([x[0], x[1]]))
}

/// Pairs of the first format-0 horizontal subtable of a TrueType `kern` table (DejaVu Sans
/// has one). A font without it simply gets no kerning.
fn parse_kern(font: &[u8]) -> Kerning {
    let mut pairs = Kerning::default();
    let Some(n) = be16(font, 4) else { return pairs };
    let table = (0..usize::from(n)).find_map(|i| {
        let rec = 12 + 16 * i;
        (font.get(rec..rec + 4)? == b"kern").then(|| {
            let off = u32::from_be_bytes(font.get(rec + 8..rec + 12)?.try_into().ok()?);
            Some(off as usize)
        })?
    });
    let Some(t) = table else { return pairs };
    let (Some(0), Some(ntables)) = (be16(font, t), be16(font, t + 2)) else {
        return pairs;
    };
    let mut sub = t + 4;
    for _ in 0..ntables {
        let (Some(len), Some(coverage)) = (be16(font, sub + 2), be16(font, sub + 4)) else {
            break;
        };
        // Format 0 (high byte), horizontal (bit 0), not minimum/cross-stream/override.
        if coverage >> 8 == 0 && coverage & 0x0F == 1 {
            let npairs = usize::from(be16(font, sub + 6).unwrap_or(0));
            for k in 0..npairs {
                let at = sub + 14 + 6 * k;
                let (Some(l), Some(r), Some(v)) =
                    (be16(font, at), be16(font, at + 2), be16(font, at + 4))
                else {
                    break;
                };
                pairs.insert(u32::from(l) << 16 | u32::from(r), v as i16);
            }
            break;
        }
        sub += usize::from(len.max(6));
    }
    pairs
}

impl FontFace {
    fn load(bytes: &'static [u8], name: &str) -> FontFace {
        let mut warnings = Vec::new();
        // The bytes are compiled in and tested: failing here is a build defect, not user input.
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .unwrap_or_else(|| panic!("the embedded font {name} does not parse: {warnings:?}"));
        let units_per_em = f32::from(parsed.font_metrics.units_per_em.max(1));
        let gids: Vec<u16> = (0..TABLE as u32)
            .map(|cp| parsed.lookup_glyph_index(cp).unwrap_or(0))
            .collect();
        let advances = gids
            .iter()
            .map(|&gid| match gid {
                0 => u16::MAX,
                gid => parsed.get_horizontal_advance(gid).min(u16::MAX - 1),
            })
            .collect();
        let kerning = parse_kern(bytes);
        let mut dense = vec![0i16; DENSE * DENSE];
        for a in 0..DENSE {
            for b in 0..DENSE {
                let (l, r) = (gids[a], gids[b]);
                if l != 0
                    && r != 0
                    && let Some(&v) = kerning.get(&(u32::from(l) << 16 | u32::from(r)))
                {
                    dense[a * DENSE + b] = v;
                }
            }
        }
        FontFace {
            parsed,
            units_per_em,
            advances,
            gids,
            kerning,
            dense,
        }
    }

    fn gid(&self, c: char) -> u16 {
        let cp = c as usize;
        if cp < TABLE {
            self.gids[cp]
        } else {
            self.parsed.lookup_glyph_index(cp as u32).unwrap_or(0)
        }
    }

    /// The kerning between `a` and `b` in font units (negative: closer). None at spaces.
    pub fn kern_units(&self, a: char, b: char) -> i16 {
        if self.kerning.is_empty() || a.is_whitespace() || b.is_whitespace() {
            return 0;
        }
        let (ca, cb) = (a as usize, b as usize);
        if ca < DENSE && cb < DENSE {
            return self.dense[ca * DENSE + cb];
        }
        let (l, r) = (self.gid(a), self.gid(b));
        if l == 0 || r == 0 {
            return 0;
        }
        self.kerning
            .get(&(u32::from(l) << 16 | u32::from(r)))
            .copied()
            .unwrap_or(0)
    }

    /// Kerning in thousandths of an em, as a PDF `TJ` offset (positive moves left).
    pub fn kern_tj(&self, a: char, b: char) -> f32 {
        -f32::from(self.kern_units(a, b)) * 1000.0 / self.units_per_em
    }

    /// Does the face have a glyph for `c`?
    pub fn has(&self, c: char) -> bool {
        self.advance_units(c).is_some()
    }

    fn advance_units(&self, c: char) -> Option<u16> {
        let cp = c as usize;
        if cp < TABLE {
            let a = self.advances[cp];
            return (a != u16::MAX).then_some(a);
        }
        match self.parsed.lookup_glyph_index(cp as u32) {
            Some(gid) if gid != 0 => Some(self.parsed.get_horizontal_advance(gid)),
            _ => None,
        }
    }

    /// The advance of `c` in font units (0 for a character the face lacks).
    pub fn advance(&self, c: char) -> u16 {
        self.advance_units(c).unwrap_or(0)
    }

    /// Font units per em (the size the advances are measured in).
    pub fn units_per_em(&self) -> f32 {
        self.units_per_em
    }

    /// The advance of `c` at `size` points (0 for a character the face lacks; callers
    /// pass text through `printable` first, so that does not happen in practice).
    pub fn char_width(&self, c: char, size: f32) -> f32 {
        f32::from(self.advance_units(c).unwrap_or(0)) * size / self.units_per_em
    }

    /// The width of `s` at `size` points, kerned.
    pub fn width(&self, s: &str, size: f32) -> f32 {
        let mut units: i32 = 0;
        let mut prev = None;
        for c in s.chars() {
            units += i32::from(self.advance_units(c).unwrap_or(0));
            if let Some(p) = prev {
                units += i32::from(self.kern_units(p, c));
            }
            prev = Some(c);
        }
        units as f32 * size / self.units_per_em
    }
}

/// The three faces, parsed on first use and kept for the life of the process.
pub struct Faces {
    faces: [FontFace; 3],
}

impl Faces {
    pub fn get(&self, face: Face) -> &FontFace {
        &self.faces[face.index()]
    }
}

/// The shared, parsed faces.
pub fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| Faces {
        faces: [
            FontFace::load(REGULAR, "DejaVuSans.ttf"),
            FontFace::load(BOLD, "DejaVuSans-Bold.ttf"),
            FontFace::load(ITALIC, "DejaVuSans-Oblique.ttf"),
        ],
    })
}

/// Characters that draw nothing and that a cluster may carry without being unprintable:
/// variation selectors, joiners, the zero-width space (a break opportunity for the layout).
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FE00}'..='\u{FE0F}')
}

/// Make `text` printable in `face`: NFC-normalise it (so a decomposed "a" + "¨" becomes the
/// one glyph "ä"), turn tabs and other control characters into spaces (keeping `\n`), drop
/// invisible format characters except the zero-width space, and replace every user-perceived
/// character (grapheme cluster) the face cannot draw with one visible `REPLACEMENT`.
/// Returns the text borrowed when nothing needed changing.
pub fn printable<'a>(face: &FontFace, text: &'a str) -> Cow<'a, str> {
    let simple = text.chars().all(|c| {
        (c == '\n' || !c.is_control()) && !is_invisible_format(c) && face.has(c) || c == '\u{200B}'
    });
    if simple && unicode_normalization::is_nfc(text) {
        return Cow::Borrowed(text);
    }
    let nfc: String = text.nfc().collect();
    let replacement = if face.has(REPLACEMENT) {
        REPLACEMENT
    } else {
        '?'
    };
    let mut out = String::with_capacity(nfc.len());
    for cluster in nfc.graphemes(true) {
        if cluster == "\n" || cluster == "\r\n" {
            out.push('\n');
            continue;
        }
        let mut drawable = true;
        let mut visible = String::new();
        for c in cluster.chars() {
            if c == '\u{200B}' {
                visible.push(c);
            } else if is_invisible_format(c) {
                continue;
            } else if c.is_control() {
                visible.push(' ');
            } else if face.has(c) {
                visible.push(c);
            } else {
                drawable = false;
            }
        }
        if drawable {
            out.push_str(&visible);
        } else {
            out.push(replacement);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_swedish_and_punctuation_are_drawable_in_every_face() {
        let sample = "äöåÄÖÅéü€–“”‘’§•";
        for f in Face::ALL {
            let face = faces().get(f);
            for c in sample.chars() {
                assert!(face.has(c), "{f:?} lacks {c:?}");
            }
            assert_eq!(printable(face, sample), sample);
        }
    }

    #[test]
    fn emoji_and_cjk_are_replaced_visibly_and_the_rest_is_kept() {
        let face = faces().get(Face::Regular);
        let s = printable(face, "Kiitos 👍🏽 ja 東京 – loppu");
        // One replacement per user-perceived character, never silence.
        assert_eq!(s, "Kiitos \u{FFFD} ja \u{FFFD}\u{FFFD} – loppu");
        // A family emoji (one cluster joined with ZWJ) is one replacement.
        assert_eq!(printable(face, "a👨‍👩‍👧b"), "a\u{FFFD}b");
    }

    #[test]
    fn decomposed_letters_are_composed_and_controls_become_spaces() {
        let face = faces().get(Face::Regular);
        assert_eq!(printable(face, "Ha\u{0308}meenlinna"), "Hämeenlinna");
        assert_eq!(printable(face, "a\tb\u{7}c\nd"), "a b c\nd");
    }

    #[test]
    fn the_kern_table_is_read_and_tightens_classic_pairs() {
        let face = faces().get(Face::Regular);
        assert!(face.kern_units('T', 'a') < 0, "no kerning for Ta");
        assert!(face.kern_units('A', 'V') < 0, "no kerning for AV");
        assert_eq!(face.kern_units('a', ' '), 0);
        assert!(face.width("Ta", 10.0) < face.char_width('T', 10.0) + face.char_width('a', 10.0));
    }

    #[test]
    fn widths_scale_with_size() {
        let face = faces().get(Face::Regular);
        let w10 = face.width("Tietosuojaseloste", 10.0);
        assert!(w10 > 50.0 && w10 < 120.0, "{w10}");
        assert!((face.width("Tietosuojaseloste", 20.0) - 2.0 * w10).abs() < 0.01);
        assert!(faces().get(Face::Bold).width("Tietosuojaseloste", 10.0) > w10);
    }
}
