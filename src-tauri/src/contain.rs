//! Keeping the window the app's own: navigation is allowed only to the app's origin, links
//! in the live preview go to the system browser (http, https and mailto only, after a click),
//! and the preview HTML is cut down to the tags and attributes the notice templates emit
//! before the webview sees it, so nothing in owner text (a `<meta http-equiv=refresh>`, an
//! `<iframe>`, an event handler) could ever act — even if the core's escaping failed.

use tauri::Url;

/// Is `url` the app's own page? `tauri://localhost` on Linux and macOS,
/// `http(s)://tauri.localhost` on Windows. Everything else is refused by the navigation guard.
pub fn is_app_origin(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

/// The schemes a preview link may open in the system's own program.
pub use seloste::preview::LINK_SCHEMES;

/// A link the user clicked, if it may go to the system browser or mail program: an absolute
/// http, https or mailto URL (its normalised form), nothing else.
pub fn external_link(href: &str) -> Option<String> {
    let url = Url::parse(href.trim()).ok()?;
    if !LINK_SCHEMES.contains(&url.scheme()) {
        return None;
    }
    if url.scheme() != "mailto" && url.host_str().is_none_or(str::is_empty) {
        return None;
    }
    Some(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apps_own_origin_may_be_navigated_to() {
        for ok in [
            "tauri://localhost/",
            "tauri://localhost/index.html",
            "http://tauri.localhost/",
            "https://tauri.localhost/x",
        ] {
            assert!(is_app_origin(&Url::parse(ok).unwrap()), "{ok}");
        }
        for no in [
            "https://example.fi/",
            "http://localhost:8080/",
            "tauri://evil/",
            "file:///etc/passwd",
            "about:blank",
            "javascript:alert(1)",
            "data:text/html,x",
            "https://tauri.localhost.example.fi/",
        ] {
            assert!(!is_app_origin(&Url::parse(no).unwrap()), "{no}");
        }
    }

    #[test]
    fn links_open_outside_only_for_http_https_and_mailto() {
        assert_eq!(
            external_link("https://tietosuoja.fi/").as_deref(),
            Some("https://tietosuoja.fi/")
        );
        assert!(external_link(" http://esimerkki.fi/a?b=c ").is_some());
        assert!(external_link("mailto:tietosuoja@esimerkki.fi").is_some());
        for no in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "tauri://localhost/",
            "data:text/html,x",
            "ftp://esimerkki.fi/",
            "/relative",
            "https://",
            "",
        ] {
            assert_eq!(external_link(no), None, "{no}");
        }
    }
}
