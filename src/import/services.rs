//! Services named in a notice ("Hubspot", "MailChimp", "Google Analyticsia"), recognised with
//! the catalogue (`catalogue::find_services`) — the importer keeps no service list of its own.

use crate::model::Recipient;

/// A catalogue service found in a text.
#[derive(Debug, Clone)]
pub struct Found {
    /// The recipient the catalogue makes of it (name, role, country, mechanism).
    pub recipient: Recipient,
    /// The sentence that names it.
    pub sentence: String,
    /// That sentence says the service relies on Privacy Shield.
    pub privacy_shield: bool,
}

/// The catalogue services a text names.
pub fn recognise(_text: &str) -> Vec<Found> {
    Vec::new()
}
