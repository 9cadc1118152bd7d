//! Files made on Windows and macOS import exactly as the same text made on Linux: CRLF line
//! ends, a byte-order mark, UTF-16 (Notepad's "Unicode"), old Mac CR-only line ends. The decoder
//! is `src/import/decode.rs`; line splitting is `import/sections.rs`.

use crate::util;
use seloste::import;

/// The text with Unix line ends, then re-encoded the ways Windows and macOS editors save it.
fn variants(lf: &str) -> Vec<(&'static str, Vec<u8>)> {
    let crlf = lf.replace('\n', "\r\n");
    let cr = lf.replace('\n', "\r");
    let utf16 = |s: &str, bom: [u8; 2], f: fn(u16) -> [u8; 2]| {
        let mut v = bom.to_vec();
        s.encode_utf16().for_each(|u| v.extend(f(u)));
        v
    };
    let bom8 = |s: &str| [&[0xEF, 0xBB, 0xBF][..], s.as_bytes()].concat();
    vec![
        ("UTF-8, CRLF", crlf.clone().into_bytes()),
        ("UTF-8 with BOM, CRLF (Notepad)", bom8(&crlf)),
        ("UTF-8 with BOM, LF", bom8(lf)),
        (
            "UTF-16 LE with BOM, CRLF (Notepad's Unicode)",
            utf16(&crlf, [0xFF, 0xFE], u16::to_le_bytes),
        ),
        (
            "UTF-16 BE with BOM, CRLF",
            utf16(&crlf, [0xFE, 0xFF], u16::to_be_bytes),
        ),
        ("UTF-8 with BOM, CR only (classic Mac)", bom8(&cr)),
    ]
}

/// Every string of a notice, for looking for stray carriage returns and byte-order marks.
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

fn assert_same_import(lf: &str, name: &str, label: &str) {
    let want = import::import_bytes(lf.as_bytes(), name)
        .unwrap_or_else(|e| panic!("{label}, LF: {e}"))
        .notice;
    for (how, bytes) in variants(lf) {
        let got = import::import_bytes(&bytes, name)
            .unwrap_or_else(|e| panic!("{label}, {how}: {e}"))
            .notice;
        let mut texts = Vec::new();
        strings(&serde_json::to_value(&got).unwrap(), &mut texts);
        let stray: Vec<_> = texts
            .iter()
            .filter(|s| s.contains(['\r', '\u{FEFF}']))
            .collect();
        assert!(stray.is_empty(), "{label}, {how}: {stray:?}");
        assert!(
            got == want,
            "{label}, {how}: the draft differs from the LF import"
        );
    }
}

#[test]
fn windows_and_mac_text_files_import_like_unix_ones() {
    let dir = util::fixture("seeds");
    let mut seeds: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    assert_eq!(seeds.len(), 5, "five seed texts in {}", dir.display());
    for path in seeds {
        let lf = std::fs::read_to_string(&path)
            .unwrap()
            .replace("\r\n", "\n");
        assert_same_import(&lf, "seloste.txt", &path.display().to_string());
    }
}

#[test]
fn windows_html_files_import_like_unix_ones() {
    // Made-up details.
    let html = "<!DOCTYPE html>\n<html lang=\"fi\">\n<head><title>Tietosuojaseloste</title></head>\n\
        <body>\n<h1>Tietosuojaseloste</h1>\n<h2>1. Rekisterinpitäjä</h2>\n\
        <p>Puutarhapalvelu Kielo Oy<br>\nY-tunnus: 1060493-2<br>\nKoivukuja 3, 70100 Kuopio</p>\n\
        <h2>2. Rekisterin nimi</h2>\n<p>Asiakasrekisteri</p>\n\
        <h2>3. Henkilötietojen käsittelyn tarkoitus</h2>\n\
        <ul>\n<li>tilausten toimittaminen</li>\n<li>laskutus</li>\n</ul>\n</body>\n</html>\n";
    assert_same_import(html, "seloste.html", "HTML page");
    let n = import::import_bytes(html.as_bytes(), "seloste.html")
        .unwrap()
        .notice;
    assert_eq!(n.controllers[0].name, "Puutarhapalvelu Kielo Oy");
}
