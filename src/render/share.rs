//! Share links: plain links that open a messenger or the mail program with
//! a prefilled message. No script, and no request to any third party until
//! the reader taps one.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ShareLink {
    /// The service's name, as readers know it (or "E-mail" localised).
    pub name: String,
    pub href: String,
}

/// Everything but RFC 3986's unreserved characters: safe in a query value.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Links sharing `url` with `message` (which already contains the address)
/// and, for e-mail, `subject`.
pub fn links(url: &str, subject: &str, message: &str, email: &str) -> Vec<ShareLink> {
    let enc = |s: &str| utf8_percent_encode(s, VALUE).to_string();
    let link = |name: &str, href: String| ShareLink {
        name: name.to_string(),
        href,
    };
    vec![
        link("WhatsApp", format!("https://wa.me/?text={}", enc(message))),
        link("Viber", format!("viber://forward?text={}", enc(message))),
        link(
            "Telegram",
            format!(
                "https://t.me/share/url?url={}&text={}",
                enc(url),
                enc(subject)
            ),
        ),
        link(
            email,
            format!("mailto:?subject={}&body={}", enc(subject), enc(message)),
        ),
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn messages_are_encoded_whole() {
        let l = super::links(
            "https://x.org/sq/de/work/",
            "Punë & vizë",
            "Punë & vizë: https://x.org/sq/de/work/?a=1#b",
            "Email",
        );
        assert_eq!(l.len(), 4);
        assert_eq!(
            l[0].href,
            "https://wa.me/?text=Pun%C3%AB%20%26%20viz%C3%AB%3A%20https%3A%2F%2Fx.org%2Fsq%2Fde%2Fwork%2F%3Fa%3D1%23b"
        );
        assert!(
            l[2].href
                .starts_with("https://t.me/share/url?url=https%3A%2F%2Fx.org")
        );
        assert!(
            l[3].href
                .starts_with("mailto:?subject=Pun%C3%AB%20%26%20viz%C3%AB&body=")
        );
        assert_eq!(l[3].name, "Email");
        // Nothing the message says can end the attribute or add a parameter.
        assert!(l.iter().all(|s| !s.href.contains(['"', '<', ' ', '#'])));
    }
}
