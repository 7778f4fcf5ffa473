//! The diagnostic codes: one variant per rule, with the kebab-case name
//! users see and what it means. docs/reference.md's table explains each at
//! more length; a test checks that it lists exactly these.

use serde::{Serialize, Serializer};

/// One list makes the enum, its names and `Code::ALL`, so none can miss a
/// variant.
macro_rules! codes {
    ($($(#[doc = $doc:literal])+ $variant:ident = $name:literal,)+) => {
        /// A stable name for a rule, shown in every output format.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Code {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl Code {
            /// Every code, alphabetical as in the reference's table.
            pub const ALL: &[Code] = &[$(Code::$variant,)+];

            /// The kebab-case name: `error[name]`, the JSON `code`, the
            /// GitHub annotation's `title`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)+
                }
            }
        }
    };
}

codes! {
    /// A date is not a real day written `YYYY-MM-DD`.
    BadDate = "bad-date",
    /// A language derives from a derived language, or the source language has `derive`.
    BadDerive = "bad-derive",
    /// A folder in `content/` is not an ISO 3166-1 alpha-2 code in lower case.
    BadDestination = "bad-destination",
    /// A contact's `email` has no `@`, or has spaces.
    BadEmail = "bad-email",
    /// A language lists itself in its `fallback`.
    BadFallback = "bad-fallback",
    /// A translation's `from` is not the source language.
    BadFrom = "bad-from",
    /// `source_hash` or `noted_hash` is not 16 hex digits; `factsheet stamp` or `note --minor` replaces it.
    BadHash = "bad-hash",
    /// A key-fact label is not a lower-case name with hyphens.
    BadLabel = "bad-label",
    /// A `tag` in `site.yaml` is not a BCP 47 language tag.
    BadLanguage = "bad-language",
    /// A file in a destination is not named `<route>.<language>.md`, or a name is not valid UTF-8.
    BadName = "bad-name",
    /// `review_interval_days` or `warning_days` is not a whole number in its range.
    BadNumber = "bad-number",
    /// A centre's opening hours name an unknown day, a time that is not `HH:MM`, or close before they open.
    BadHours = "bad-hours",
    /// A telephone number has letters, a `+` inside, or too few or too many digits.
    BadPhone = "bad-phone",
    /// A source's `ignore` line is not a regular expression.
    BadPattern = "bad-pattern",
    /// A route in `site.yaml` is not a valid name (lower-case letters, digits, hyphens).
    BadRoute = "bad-route",
    /// A source's `selector` is not a CSS selector.
    BadSelector = "bad-selector",
    /// An address is not a full `https://` or `http://` address with a host.
    BadUrl = "bad-url",
    /// `dir` is not `ltr` or `rtl`, or `derive`'s `by` is not `transliterate`.
    BadValue = "bad-value",
    /// `import` cannot write a PO file into its translation without losing or misplacing text.
    CannotImport = "cannot-import",
    /// The site could not be loaded at all: no readable `site.yaml`, or errors in it.
    Config = "config",
    /// The sheet's review is due within `warning_days`, the due date included.
    DueSoon = "due-soon",
    /// A route, language or key-fact label is listed twice.
    Duplicate = "duplicate",
    /// A field is given without a value.
    EmptyField = "empty-field",
    /// The file is empty.
    EmptyFile = "empty-file",
    /// A sheet, `site.yaml`, Fluent file or theme template is not valid UTF-8.
    Encoding = "encoding",
    /// The day is after the sheet's `valid_until`.
    Expired = "expired",
    /// A key fact is past its `valid_until`, and no fact of its label takes over.
    FactExpired = "fact-expired",
    /// A key fact's `valid_until` is within `warning_days`, and no fact of its label takes over.
    FactExpiring = "fact-expiring",
    /// A key fact's `quote` is no longer on its source's page, as `sources` last saw it.
    FactUnsupported = "fact-unsupported",
    /// A source's key fact names a year in its value but has neither `valid_from` nor `valid_until`.
    FactUndated = "fact-undated",
    /// A path of answers in the route finder leads to no sheet, and `finder.yaml` has no outcome for it.
    FinderDeadEnd = "finder-dead-end",
    /// A sheet's `finder` conditions or an outcome's `when` name a question or answer that `finder.yaml` lacks.
    FinderUnknown = "finder-unknown",
    /// No answers lead to a sheet or an outcome, or a sheet states no `finder` conditions.
    FinderUnreachable = "finder-unreachable",
    /// A question of the route finder never changes the result, so it is never asked.
    FinderUseless = "finder-useless",
    /// A Fluent file defines a message or term twice.
    Fluent = "fluent",
    /// A Fluent message cannot be formatted: it refers to itself or to a missing message or term.
    FluentReference = "fluent-reference",
    /// A Fluent file has a syntax error, too many brackets open, or a `\u` escape cut short.
    FluentSyntax = "fluent-syntax",
    /// A hidden file or folder under `content/` is not read.
    Hidden = "hidden",
    /// `last_reviewed` or `checked` is in the future, or `next_review`/`valid_until` is before it.
    InvalidDate = "invalid-date",
    /// A file, folder or theme file could not be read, or a PDF could not be made.
    Io = "io",
    /// A translated segment adds raw HTML that its source text does not have.
    MarkupAdded = "markup-added",
    /// A source sheet's field is in a translation, or a source has a `translation` block.
    MisplacedField = "misplaced-field",
    /// A `.md` file directly in `content/`, outside a destination folder, is not read.
    MisplacedFile = "misplaced-file",
    /// A required field is missing.
    MissingField = "missing-field",
    /// A language has no `translations/<tag>.ftl`.
    MissingFtl = "missing-ftl",
    /// A Fluent file lacks a message: one the site needs, or one of the source language's.
    MissingMessage = "missing-message",
    /// A folder inside a destination is not read.
    NestedFolder = "nested-folder",
    /// The file does not start with a `---` line.
    NoFrontMatter = "no-front-matter",
    /// `sources` is an empty list.
    NoSources = "no-sources",
    /// A translation has no source sheet.
    OrphanTranslation = "orphan-translation",
    /// A translation's `source_hash` differs from its source's hash: the source changed.
    Outdated = "outdated",
    /// The day is after the sheet's due date.
    Overdue = "overdue",
    /// `destination` or `route` differs from the file's folder or name.
    PathMismatch = "path-mismatch",
    /// A PO file is not valid gettext syntax.
    PoSyntax = "po-syntax",
    /// A source's address answered 404, 410, 5xx or a redirect loop when `sources` last fetched it.
    SourceBroken = "source-broken",
    /// A source's page text differs from the text confirmed at its last review.
    SourceChanged = "source-changed",
    /// A source's address redirects permanently (301/308) to another.
    SourceMoved = "source-moved",
    /// A symlinked folder points inside the site; it is not followed.
    SymlinkDir = "symlink-dir",
    /// A symlink points outside the site or nowhere; it is not followed.
    SymlinkOutside = "symlink-outside",
    /// A theme template does not compile, or fails to render a page.
    Template = "template",
    /// The title, summary or text still contains `TODO`.
    Todo = "todo",
    /// A sheet is bigger than 2 MiB.
    TooLarge = "too-large",
    /// The handout leaves out part of the text; the web page shows it all.
    TooLongToPrint = "too-long-to-print",
    /// A handout or booklet could not be typeset.
    Typst = "typst",
    /// The front matter has no closing `---` line.
    UnclosedFrontMatter = "unclosed-front-matter",
    /// A translation's change note has a date that its source's `changes` does not have.
    UnknownChange = "unknown-change",
    /// A field that this kind of file does not have, often a typo.
    UnknownField = "unknown-field",
    /// A key-fact label has no `fact-<label>` message, or a translation's is not in its source.
    UnknownLabel = "unknown-label",
    /// A PO file's `msgid` (with its `msgctxt`) is not a segment of the current source.
    UnknownSegment = "unknown-segment",
    /// A key fact's `source` is not a position in `sources` or one of their URLs.
    UnknownSource = "unknown-source",
    /// A file name, setting or Fluent file names a language the site does not have.
    UnknownLanguage = "unknown-language",
    /// A Fluent file has a message the source language's file does not have.
    UnknownMessage = "unknown-message",
    /// A sheet's file stem is not one of `site.yaml`'s routes.
    UnknownRoute = "unknown-route",
    /// A source's translatable text changed after its newest note or minor mark (`factsheet note`).
    UnnotedChange = "unnoted-change",
    /// A translation has no `source_hash`, or an empty one, as `new` writes it.
    Unstamped = "unstamped",
    /// A PO file's `Language` is not the language its path names.
    WrongLanguage = "wrong-language",
    /// A field has the wrong kind of value: a list where text is needed, or the like.
    WrongType = "wrong-type",
    /// Front matter or `site.yaml` is not valid YAML, has aliases or a repeated key, or is too big.
    Yaml = "yaml",
}

impl Code {
    /// Stale content: `build` and `serve` publish it with a warning on the
    /// page, so they report it as a warning; `build --strict` fails on it.
    pub fn publishes_with_warning(self) -> bool {
        matches!(
            self,
            Code::Overdue | Code::Expired | Code::FactExpired | Code::Outdated | Code::Unstamped
        )
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

// As its name, so JSON output is what it was when codes were strings.
impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_match_the_variant() {
        let mut seen = BTreeSet::new();
        for &code in Code::ALL {
            let name = code.as_str();
            assert!(seen.insert(name), "`{name}` is used twice");
            assert!(
                name.split('-')
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())),
                "`{name}` is not kebab-case"
            );
            // BadHash → bad-hash: a name cannot drift from its variant.
            let mut kebab = String::new();
            for c in format!("{code:?}").chars() {
                if c.is_ascii_uppercase() && !kebab.is_empty() {
                    kebab.push('-');
                }
                kebab.push(c.to_ascii_lowercase());
            }
            assert_eq!(name, kebab, "{code:?}");
        }
    }

    #[test]
    fn the_reference_lists_every_code_and_no_other() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/reference.md");
        let text = std::fs::read_to_string(path).expect("docs/reference.md");
        let section = text
            .split("\n## Diagnostic codes\n")
            .nth(1)
            .expect("a `## Diagnostic codes` section")
            .split("\n## ")
            .next()
            .unwrap_or("");
        // Rows are `| `code` | severity | meaning |`.
        let documented: BTreeSet<&str> = section
            .lines()
            .filter_map(|l| l.strip_prefix("| `")?.split_once("` |"))
            .map(|(code, _)| code)
            .collect();
        let known: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let undocumented: Vec<_> = known.difference(&documented).collect();
        let unknown: Vec<_> = documented.difference(&known).collect();
        assert!(
            undocumented.is_empty() && unknown.is_empty(),
            "docs/reference.md's diagnostic codes differ from Code::ALL: \
             missing from the table {undocumented:?}; in the table but not in Code {unknown:?}"
        );
    }

    #[test]
    fn stale_codes_publish_with_a_warning() {
        let stale: Vec<_> = Code::ALL
            .iter()
            .filter(|c| c.publishes_with_warning())
            .map(|c| c.as_str())
            .collect();
        assert_eq!(
            stale,
            [
                "expired",
                "fact-expired",
                "outdated",
                "overdue",
                "unstamped"
            ]
        );
    }
}
