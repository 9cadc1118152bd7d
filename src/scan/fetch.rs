//! Fetching one URL with a small blocking HTTP client (`ureq`, rustls): a per-request time
//! limit, a body size limit, no automatic redirects (the crawler follows them itself, within the
//! site), and a User-Agent that names Seloste.

use super::ScanError;
use std::time::Duration;

pub const USER_AGENT: &str = concat!(
    "Seloste/",
    env!("CARGO_PKG_VERSION"),
    " (privacy notice site check run by the site's owner; reads pages, runs no scripts)"
);

/// One response: status, where it redirects, its cookies and content type, and the body when
/// it is a page.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub location: Option<String>,
    pub set_cookies: Vec<String>,
    pub content_type: String,
    pub body: Vec<u8>,
}

pub struct Client {
    agent: ureq::Agent,
}

impl Client {
    pub fn new(timeout: Duration) -> Client {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .max_redirects(0)
            .max_redirects_will_error(false)
            .http_status_as_error(false)
            .user_agent(USER_AGENT)
            .build()
            .into();
        Client { agent }
    }

    /// GET `url`, reading at most `limit` bytes of an HTML body (other bodies are not read).
    pub fn get(&self, url: &str, limit: u64) -> Result<Response, ScanError> {
        let mut resp = self
            .agent
            .get(url)
            .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
            .call()
            .map_err(|e| map_error(url, e))?;
        let status = resp.status().as_u16();
        let h = resp.headers();
        let text = |v: &ureq::http::HeaderValue| String::from_utf8_lossy(v.as_bytes()).into_owned();
        let location = h.get("location").map(text);
        let set_cookies = h.get_all("set-cookie").iter().map(text).collect();
        let content_type = h.get("content-type").map(text).unwrap_or_default();
        let is_html = is_html(&content_type);
        let body = if is_html && (200..300).contains(&status) {
            resp.body_mut()
                .with_config()
                .limit(limit)
                .read_to_vec()
                .map_err(|e| map_error(url, e))?
        } else {
            Vec::new()
        };
        Ok(Response { status, location, set_cookies, content_type, body })
    }
}

pub fn is_html(content_type: &str) -> bool {
    let ct = content_type.to_ascii_lowercase();
    ct.is_empty() || ct.starts_with("text/html") || ct.starts_with("application/xhtml")
}

fn map_error(url: &str, e: ureq::Error) -> ScanError {
    let url = url.to_string();
    match e {
        ureq::Error::Timeout(_) => ScanError::Timeout { url },
        ureq::Error::HostNotFound => ScanError::Dns { url },
        ureq::Error::BodyExceedsLimit(limit) => ScanError::TooLarge { url, limit_mb: limit / 1_000_000 },
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::TlsRequired => {
            ScanError::Tls { url }
        }
        ureq::Error::BadUri(_) | ureq::Error::Http(_) => ScanError::BadUrl { url },
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut || io.kind() == std::io::ErrorKind::WouldBlock => {
            ScanError::Timeout { url }
        }
        // Over HTTPS, rustls reports handshake and certificate failures as invalid data.
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::InvalidData && url.starts_with("https://") => {
            ScanError::Tls { url }
        }
        other => ScanError::Unreachable { url, detail: other.to_string() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_errors_become_scan_errors() {
        let u = "https://x.example/";
        assert_eq!(map_error(u, ureq::Error::HostNotFound).code(), "dns");
        assert_eq!(map_error(u, ureq::Error::Tls("bad certificate")).code(), "tls");
        assert_eq!(map_error(u, ureq::Error::BodyExceedsLimit(5_000_000)).code(), "too_large");
        assert_eq!(map_error(u, ureq::Error::ConnectionFailed).code(), "unreachable");
        let io = std::io::Error::new(std::io::ErrorKind::TimedOut, "t");
        assert_eq!(map_error(u, ureq::Error::Io(io)).code(), "timeout");
    }
}
