//! A source's hash: what a translation records to say which version of
//! the source it was made from.

use sha2::{Digest, Sha256};

use super::doc::{Part, Text};

/// The first 16 hex digits of SHA-256 over the translatable text: title,
/// summary, key facts (label and value) and body, each line ending
/// normalised to LF, the text to Unicode NFC (an editor that saves `ë` as
/// `e` + combining diaeresis has changed no word) and the body's
/// surrounding whitespace trimmed. Dates,
/// sources and contacts are not part of it, so re-reviewing a sheet does
/// not outdate its translations.
pub fn source_hash(text: &Text) -> String {
    let nfc = icu::normalizer::ComposingNormalizerBorrowed::new_nfc();
    let mut h = Sha256::new();
    let mut field = |name: &str, value: &str| {
        h.update(name.as_bytes());
        h.update(b"\0");
        h.update(nfc.normalize(&value.replace("\r\n", "\n")).as_bytes());
        h.update(b"\0");
    };
    for part in text.parts() {
        match part {
            Part::Title(t) => field("title", t),
            Part::Summary(t) => field("summary", t),
            Part::KeyFact { label, value, .. } => {
                field("key_fact", label);
                field("value", value);
            }
            Part::Body(t) => field("body", t),
        }
    }
    let digest = h.finalize();
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::doc::KeyFact;
    use crate::yaml::Pos;
    use crate::yaml::reader::Spanned;

    fn text(body: &str) -> Text {
        Text {
            title: "Work".into(),
            summary: "How.".into(),
            key_facts: vec![KeyFact {
                label: Spanned::new("fee".into(), Pos::default()),
                value: "€75".into(),
                valid_from: None,
                valid_until: None,
                source: None,
                quote: None,
            }],
            body: body.into(),
            changes: Vec::new(),
        }
    }

    #[test]
    fn hash_ignores_line_endings_and_surrounding_blank_lines() {
        let h = source_hash(&text("# A\n\nText.\n"));
        assert_eq!(h.len(), 16);
        assert_eq!(h, source_hash(&text("\n# A\r\n\r\nText.\r\n\n")));
        assert_ne!(h, source_hash(&text("# A\n\nText!\n")));
        let mut other = text("# A\n\nText.\n");
        other.key_facts[0].value = "€80".into();
        assert_ne!(h, source_hash(&other));
    }

    #[test]
    fn hash_is_the_same_for_nfc_and_nfd() {
        let nfc = source_hash(&text("Shqip\u{eb}ri.\n"));
        assert_eq!(nfc, source_hash(&text("Shqipe\u{308}ri.\n")));
        assert_ne!(nfc, source_hash(&text("Shqiperi.\n")));
        // Text already in NFC (nearly all of it) hashes as it always did.
        let mut h = Sha256::new();
        for (name, value) in [
            ("title", "Work"),
            ("summary", "How."),
            ("key_fact", "fee"),
            ("value", "€75"),
            ("body", "Shqip\u{eb}ri."),
        ] {
            h.update(format!("{name}\0{value}\0").as_bytes());
        }
        let old: String = h
            .finalize()
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(nfc, old);
    }
}
