//! Any bytes as a notice file (`seloste check` / `render` / the app's open): a notice or one
//! clear error, never a panic; an error quotes no long value; a notice that passes validation
//! renders to HTML, fragment and PDF with no control character or noncharacter in the HTML.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match seloste::notice_io::from_json(text, "fuzz.json") {
        Err(e) => assert!(e.to_string().chars().count() < 700, "a long message: {e}"),
        Ok(notice) => {
            let _ = seloste::check::check(&notice, seloste::Lang::Fi);
            if seloste::validate::ensure_no_blocking(&notice).is_ok() {
                for lang in seloste::Lang::ALL {
                    for html in [
                        seloste::render::html(&notice, lang).unwrap(),
                        seloste::render::fragment(&notice, lang).unwrap(),
                    ] {
                        assert!(html.chars().all(|c| seloste::validate::forbidden_char(c).is_none()));
                    }
                }
                seloste::pdf::render(&notice, seloste::Lang::Fi).unwrap();
            }
        }
    }
});
