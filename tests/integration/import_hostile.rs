//! Hostile and huge input to the importer (issue 17): properties that do not depend on the
//! machine's speed — bytes read, the size of what comes out, clear errors. The time per MB of
//! the same shapes is a row of the benchmark table (`benches/bench/import.rs`).

use seloste::Error;
use seloste::import::{self, DropReason};
use std::io::Write;

/// The draft and its report together stay within a constant factor of the input.
fn bounded(input_len: usize, imported: &import::Imported) {
    let out = serde_json::to_string(&imported.notice).unwrap().len()
        + serde_json::to_string(&imported.report).unwrap().len();
    assert!(
        out <= 40 * input_len + 64 * 1024,
        "{out} bytes out of {input_len} in"
    );
}

#[test]
fn a_million_lone_angle_brackets_are_text() {
    let input = "<".repeat(1_000_000);
    let imported = import::import_bytes(input.as_bytes(), "x.html").unwrap();
    bounded(input.len(), &imported);
    // Nothing lost: the brackets are the text.
    let json = serde_json::to_string(&imported.notice).unwrap();
    assert!(json.matches('<').count() >= 1_000_000);
}

#[test]
fn ten_thousand_nested_menus_are_one_menu() {
    let input = format!(
        "<html><body>{}Etusivu{}<h2>Rekisterinpitäjä</h2><p>Keksitty Oy</p></body></html>",
        "<div class=\"menu\">".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let imported = import::import_bytes(input.as_bytes(), "x.html").unwrap();
    bounded(input.len(), &imported);
    assert_eq!(imported.notice.controllers[0].name, "Keksitty Oy");
    let menus: Vec<_> = imported
        .report
        .dropped
        .iter()
        .filter(|d| d.reason == DropReason::Navigation)
        .collect();
    assert_eq!(menus.len(), 1, "the outermost menu is left out once");
    assert_eq!(menus[0].text, "Etusivu");
}

#[test]
fn a_page_repeated_on_one_line_stays_bounded() {
    let page = "<h2>1. Rekisterinpitäjä</h2><p>Keksitty Oy, Katu 1, 00100 Helsinki</p>\
                <h2>2. Käsittelyn tarkoitus</h2><p>Asiakassuhteen hoito.</p><ul><li>nimi</li></ul>";
    let input = page.repeat(2 * 1024 * 1024 / page.len());
    let imported = import::import_bytes(input.as_bytes(), "x.txt").unwrap();
    bounded(input.len(), &imported);
    // The repeats add nothing: one controller, one purpose, and each repeated section is named
    // once in the report, not once per copy.
    assert_eq!(imported.notice.controllers.len(), 1);
    assert_eq!(
        imported.notice.purposes.items.len(),
        1,
        "{:?}",
        imported.notice.purposes
    );
    let repeats = imported
        .report
        .dropped
        .iter()
        .filter(|d| d.reason == DropReason::Repeat)
        .count();
    assert_eq!(repeats, 2, "{:?}", imported.report.dropped);
}

#[test]
fn a_notice_pasted_twice_is_read_once_and_a_near_repeat_is_kept() {
    let notice = "Rekisterinpitäjä\n\nKuvitteellinen Kampaamo Tmi, Esimerkkitie 3, 33100 Tampere\n\n\
                  Henkilötietojen käsittelyn tarkoitus\n\nAjanvarausten hoitaminen.\n\n\
                  Tietojen säilytys\n\nTiedot poistetaan kahden vuoden kuluttua viimeisestä käynnistä.\n\n";
    let twice = format!("{notice}{notice}");
    let once = import::import_text(notice).unwrap();
    let imported = import::import_text(&twice).unwrap();
    assert_eq!(
        imported.notice, once.notice,
        "the second copy changed the draft"
    );
    let repeats: Vec<_> = imported
        .report
        .dropped
        .iter()
        .filter(|d| d.reason == DropReason::Repeat)
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(repeats.len(), 3, "{repeats:?}");
    // The same heading with other words is not a repeat: both texts stay.
    let near = format!(
        "{notice}Tietojen säilytys\n\nLaskut säilytetään kuusi vuotta kirjanpitolain mukaan.\n"
    );
    let imported = import::import_text(&near).unwrap();
    assert!(
        !imported
            .report
            .dropped
            .iter()
            .any(|d| d.reason == DropReason::Repeat),
        "{:?}",
        imported.report.dropped
    );
    let json = serde_json::to_string(&imported.notice).unwrap();
    assert!(
        json.contains("kuusi vuotta") && json.contains("kahden vuoden"),
        "{json}"
    );
}

#[cfg(target_os = "linux")]
fn bytes_read_by_this_process() -> u64 {
    let io = std::fs::read_to_string("/proc/self/io").unwrap();
    io.lines()
        .find_map(|l| l.strip_prefix("rchar: "))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn a_huge_sparse_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("iso.txt");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(3 * 1024 * 1024 * 1024).unwrap();
    drop(f);
    #[cfg(target_os = "linux")]
    let before = bytes_read_by_this_process();
    let r = import::import_file(&p);
    assert!(matches!(r, Err(Error::ImportTooLarge { .. })), "{r:?}");
    // Other tests run in this process at the same time; they read far less than this.
    #[cfg(target_os = "linux")]
    assert!(bytes_read_by_this_process() - before < 256 * 1024 * 1024);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = "\u{FEFF}Rekisterinpitäjä\n\nKeksitty Oy\n\nRekisterin nimi\n\nAsiakasrekisteri\n";
    let a = import::import_text(text).unwrap();
    let b = import::import_bytes(text.as_bytes(), "x.txt").unwrap();
    assert_eq!(a.notice.controllers[0].name, "Keksitty Oy");
    assert_eq!(a.notice, b.notice);
}

fn docx(dir: &std::path::Path, name: &str, document: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&p).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(document.len() > u32::MAX as usize / 2);
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(document).unwrap();
    zip.finish().unwrap();
    p
}

#[test]
fn an_empty_or_oversized_docx_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = docx(
        dir.path(),
        "tyhja.docx",
        br#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>"#,
    );
    assert!(matches!(
        import::import_file(&empty),
        Err(Error::ImportEmpty { .. })
    ));
    // 65 MB of spaces inside the paragraph: a small zip, over the cap unpacked.
    let mut big = br#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>"#.to_vec();
    big.resize(big.len() + 65 * 1024 * 1024, b' ');
    big.extend_from_slice(b"x</w:t></w:r></w:p></w:body></w:document>");
    let huge = docx(dir.path(), "iso.docx", &big);
    drop(big);
    let r = import::import_file(&huge);
    assert!(matches!(r, Err(Error::ImportTooLarge { .. })), "{r:?}");
    assert!(r.unwrap_err().to_string().contains("iso.docx"));
}
