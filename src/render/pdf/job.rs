//! One document for Typst to make: what the PDF cache keys and the
//! typesetter compiles.

/// One document to make.
pub struct Job {
    /// The template to compile, e.g. `/handout.typ`.
    pub main: &'static str,
    /// `/data.json`, `/qr-0.svg`, … (fixed names: file ids are never freed).
    pub files: Vec<(String, Vec<u8>)>,
    /// The PDF's identifier, for byte-identical output.
    pub ident: String,
    /// The document's date (PDF/A needs one): the day its content
    /// describes, so that the bytes change only with the content.
    pub date: jiff::civil::Date,
}
