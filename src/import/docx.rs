//! Word .docx: the text of `word/document.xml`, read with `zip` and `quick-xml`. Paragraphs with
//! a heading style ("Heading1", "Otsikko1", "Rubrik1", "Title") become headings, numbered or
//! bulleted paragraphs bullets, and two-cell table rows label/text rows like a TAB table.

use super::sections::Line;
use crate::{Error, Result};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::{Cursor, Read};

/// More than any notice's document.xml; guards against zip bombs.
const MAX_XML: u64 = 64 * 1024 * 1024;

pub fn to_lines(bytes: &[u8], what: &str) -> Result<Vec<Line>> {
    let bad = |detail: &str| Error::ImportFormat {
        what: what.to_string(),
        detail: detail.to_string(),
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| bad("it is a damaged or unsupported zip file"))?;
    let mut xml = String::new();
    {
        let file = zip
            .by_name("word/document.xml")
            .map_err(|_| bad("it is a zip file but not a Word document (no word/document.xml)"))?;
        let too_large = || Error::ImportTooLarge {
            what: what.to_string(),
            limit_mb: (MAX_XML / (1024 * 1024)) as usize,
        };
        if file.size() > MAX_XML {
            return Err(too_large());
        }
        // The declared size may lie: read one byte past the cap and refuse rather than cut.
        file.take(MAX_XML + 1)
            .read_to_string(&mut xml)
            .map_err(|_| bad("its word/document.xml could not be read"))?;
        if xml.len() as u64 > MAX_XML {
            return Err(too_large());
        }
    }
    parse(&xml).map_err(|e| {
        bad(&format!(
            "its word/document.xml is not well-formed XML ({e})"
        ))
    })
}

#[derive(Default)]
struct Para {
    text: String,
    heading: bool,
    bullet: bool,
}

/// Parse document.xml into lines.
fn parse(xml: &str) -> std::result::Result<Vec<Line>, String> {
    let mut reader = Reader::from_str(xml);
    let mut lines: Vec<Line> = Vec::new();
    let mut para: Option<Para> = None;
    let mut in_text = false;
    // Table state: cells of the current row, each a list of lines.
    let mut table_depth = 0usize;
    let mut row: Vec<Vec<Line>> = Vec::new();
    let mut cell: Vec<Line> = Vec::new();

    fn finish(p: Para) -> Option<Line> {
        let t = p
            .text
            .split(['\n'])
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n");
        let t = t.trim();
        if t.is_empty() {
            return None;
        }
        Some(if p.heading {
            Line::Heading(t.to_string())
        } else if p.bullet {
            Line::Bullet(t.to_string())
        } else {
            Line::Text(t.to_string())
        })
    }

    loop {
        let ev = reader.read_event().map_err(|e| e.to_string())?;
        match ev {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                match e.local_name().as_ref() {
                    b"p" if !empty => para = Some(Para::default()),
                    b"t" if !empty => in_text = true,
                    b"tab" => {
                        if let Some(p) = para.as_mut() {
                            p.text.push('\t');
                        }
                    }
                    b"br" | b"cr" => {
                        if let Some(p) = para.as_mut() {
                            p.text.push('\n');
                        }
                    }
                    b"pStyle" => {
                        let val = e
                            .attributes()
                            .flatten()
                            .find(|a| a.key.local_name().as_ref() == b"val")
                            .map(|a| String::from_utf8_lossy(&a.value).to_lowercase())
                            .unwrap_or_default();
                        if let Some(p) = para.as_mut() {
                            if ["heading", "otsikko", "rubrik", "title", "otsikko1"]
                                .iter()
                                .any(|h| val.starts_with(h))
                            {
                                p.heading = true;
                            } else if val.contains("list") || val.contains("luettelo") {
                                p.bullet = true;
                            }
                        }
                    }
                    b"numPr" => {
                        if let Some(p) = para.as_mut() {
                            p.bullet = true;
                        }
                    }
                    b"tbl" if !empty => table_depth += 1,
                    b"tr" if !empty => row.clear(),
                    b"tc" if !empty => cell.clear(),
                    _ => {}
                }
            }
            Event::Text(t) if in_text => {
                if let Some(p) = para.as_mut() {
                    p.text.push_str(&t.decode().map_err(|e| e.to_string())?);
                }
            }
            Event::GeneralRef(r) if in_text => {
                if let Some(p) = para.as_mut() {
                    if let Ok(Some(c)) = r.resolve_char_ref() {
                        p.text.push(c);
                    } else {
                        let name = r.decode().map_err(|e| e.to_string())?;
                        if let Some(s) = quick_xml::escape::resolve_predefined_entity(&name) {
                            p.text.push_str(s);
                        }
                    }
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    if let Some(line) = para.take().and_then(finish) {
                        if table_depth > 0 {
                            cell.push(line);
                        } else {
                            lines.push(line);
                            lines.push(Line::Blank);
                        }
                    }
                }
                b"tc" => row.push(std::mem::take(&mut cell)),
                b"tr" => {
                    let cells = std::mem::take(&mut row);
                    lines.extend(row_lines(cells));
                }
                b"tbl" => table_depth = table_depth.saturating_sub(1),
                _ => {}
            },
            _ => {}
        }
    }
    Ok(lines)
}

/// A two-column row "label | text" becomes a row; any other row its cells' lines.
fn row_lines(cells: Vec<Vec<Line>>) -> Vec<Line> {
    let label_of = |c: &Vec<Line>| match c.as_slice() {
        [Line::Text(t)] | [Line::Heading(t)]
            if t.chars().count() <= 200 && !super::vocab::vocab().heading_targets(t).is_empty() =>
        {
            Some(t.clone())
        }
        _ => None,
    };
    if cells.len() == 2
        && let Some(label) = label_of(&cells[0])
    {
        let mut body = Vec::new();
        for (i, l) in cells[1].iter().enumerate() {
            if i > 0 {
                body.push(Line::Blank);
            }
            body.push(l.clone());
        }
        return vec![Line::Row(label, body)];
    }
    let mut out = Vec::new();
    for c in cells {
        for l in c {
            out.push(l);
            out.push(Line::Blank);
        }
    }
    out
}
