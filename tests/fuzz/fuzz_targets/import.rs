//! Any bytes, as a .txt, .html or .docx file, must give a draft or an error, never a panic;
//! a draft must always serialise as a valid notice file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let ext = match data.first() {
        Some(b) if b % 3 == 0 => "html",
        Some(b) if b % 3 == 1 => "docx",
        _ => "txt",
    };
    if let Ok(imported) = seloste::import::import_bytes(data, &format!("fuzz.{ext}")) {
        let json = seloste::notice_io::to_json(&imported.notice);
        assert!(seloste::notice_io::from_json(&json, "draft").is_ok());
        let _ = imported.report.render(seloste::Lang::Fi);
    }
});
