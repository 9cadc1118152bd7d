//! Services named in a notice ("Hubspot", "MailChimp-sähköpostipalvelua", "Google Analyticsia"),
//! recognised with the catalogue (`catalogue::find_services`) — the importer keeps no service
//! list of its own.

use super::fields::sentences;
use crate::catalogue;
use crate::model::Recipient;

/// A catalogue service found in a text.
#[derive(Debug, Clone)]
pub struct Found {
    /// The recipient the catalogue makes of it (name, role, country, mechanism).
    pub recipient: Recipient,
    /// The first sentence that names it.
    pub sentence: String,
    /// The notice says the service relies on Privacy Shield: in the sentence that names it, or
    /// in a sentence that names no service and follows one that names it ("Hubspot on
    /// yhdysvaltalainen yhtiö. Yritys kuuluu … Privacy Shield -kehyksen …").
    pub privacy_shield: bool,
}

/// The catalogue services a text names, in the order they are first named.
pub fn recognise(text: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    // The services the latest sentence naming any service named.
    let mut latest: Vec<String> = Vec::new();
    for s in sentences(text) {
        let named = catalogue::find_services(s);
        let shield = s.to_lowercase().contains("privacy shield");
        for svc in &named {
            if !out.iter().any(|f| f.recipient.key == svc.key) {
                out.push(Found {
                    recipient: svc.to_recipient(),
                    sentence: s.to_string(),
                    privacy_shield: false,
                });
            }
        }
        if !named.is_empty() {
            latest = named.iter().map(|s| s.key.clone()).collect();
        }
        if shield {
            for f in out.iter_mut().filter(|f| latest.contains(&f.recipient.key)) {
                f.privacy_shield = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_of_seed_000_and_the_shield() {
        let t = "Productive Software Solutions käyttää rekisterin ylläpitoon Hubspot-palvelua. Hubspot on yhdysvaltalainen yhtiö. Yritys kuuluu USA:n ja EU:n välisen Privacy Shield -kehyksen sertifioitujen yritysten listalle. Henkilötietoja käsitellään Hubspotin lisäksi cBooker-palvelussa, jonka tietokantana on Googlen tarjoama Firebase-sovellusalusta. PSS saattaa käyttää myös MailChimp-sähköpostipalvelua.";
        let found = recognise(t);
        let keys: Vec<(&str, bool)> = found
            .iter()
            .map(|f| (f.recipient.key.as_str(), f.privacy_shield))
            .collect();
        assert!(
            keys.iter().any(|(k, ps)| k.contains("hubspot") && *ps),
            "{keys:?}"
        );
        assert!(
            keys.iter().any(|(k, ps)| k.contains("firebase") && !*ps),
            "{keys:?}"
        );
        assert!(
            keys.iter().any(|(k, ps)| k.contains("mailchimp") && !*ps),
            "{keys:?}"
        );
    }
}
