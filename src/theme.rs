//! The theme: Tera templates and static files. The default theme is built
//! into the binary; a site overrides any of its files by putting its own
//! at the same path under `<root>/themes/default/`, and may add static
//! files there (a logo, say).

use std::path::{Path, PathBuf};

use crate::diagnostics::{Code, Diagnostic};

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../themes/default/", $path)) as &[u8])),*]
    };
}

/// The default theme's files, relative to `themes/default/`.
const DEFAULT: &[(&str, &[u8])] = embed![
    "templates/base.html",
    "templates/chooser.html",
    "templates/home.html",
    "templates/destination.html",
    "templates/sheet.html",
    "templates/changes.html",
    "templates/centres.html",
    "templates/pack.html",
    "templates/search.html",
    "templates/finder.html",
    "templates/404.html",
    "templates/feed.xml",
    "templates/sitemap.xml",
    "static/style.css",
    "static/search.js",
    "static/printout.js",
    "static/favicon.svg",
    "static/icons.svg",
    "static/noscript.css",
    "pdf/sheet.typ",
    "pdf/handout.typ",
    "pdf/booklet.typ",
    "pdf/pack.typ",
    "pdf/fonts/NotoSans-Regular.ttf",
    "pdf/fonts/NotoSans-Bold.ttf",
    "pdf/fonts/NotoSans-Italic.ttf",
    "pdf/fonts/NotoSans-BoldItalic.ttf",
    "pdf/fonts/DejaVuSansMono.ttf",
];

pub struct Theme {
    /// (name, source), e.g. ("sheet.html", "...").
    pub templates: Vec<(String, String)>,
    /// (path under static/, bytes).
    pub statics: Vec<(String, Vec<u8>)>,
    /// Typst templates: (virtual path like `/sheet.typ`, source, path shown).
    pub pdf_templates: Vec<(String, String, PathBuf)>,
    /// Font files for PDFs: the bundled ones and any the site adds.
    pub fonts: Vec<Vec<u8>>,
}

impl Theme {
    /// The default theme with the site's overrides and additions.
    pub fn load(root: &Path, display_path: &dyn Fn(&Path) -> PathBuf) -> Result<Theme, Diagnostic> {
        let dir = root.join("themes").join("default");
        let mut theme = Theme {
            templates: Vec::new(),
            statics: Vec::new(),
            pdf_templates: Vec::new(),
            fonts: Vec::new(),
        };
        // Symlinked folders are not followed (the loader reports them).
        let readable = |rel: &str| crate::paths::readable(root, rel);
        for (path, bytes) in DEFAULT {
            let own = dir.join(path);
            let folder = Path::new("themes/default").join(path);
            let folder = folder.parent().and_then(Path::to_str).unwrap_or("themes");
            let bytes = if readable(folder) && own.is_file() && !own.is_symlink() {
                std::fs::read(&own).map_err(|e| io_error(&display_path(&own), e))?
            } else {
                bytes.to_vec()
            };
            let utf8 = |bytes: Vec<u8>| {
                String::from_utf8(bytes).map_err(|_| {
                    Diagnostic::error(Code::Encoding, "the template is not valid UTF-8")
                        .file(display_path(&own))
                        .hint("save it as UTF-8")
                })
            };
            if let Some(name) = path.strip_prefix("templates/") {
                theme.templates.push((name.to_string(), utf8(bytes)?));
            } else if path.starts_with("pdf/fonts/") {
                theme.fonts.push(bytes);
            } else if let Some(name) = path.strip_prefix("pdf/") {
                let shown_path = display_path(&own);
                theme
                    .pdf_templates
                    .push((format!("/{name}"), utf8(bytes)?, shown_path));
            } else if let Some(name) = path.strip_prefix("static/") {
                theme.statics.push((name.to_string(), bytes));
            }
        }
        // Extra static files of the site's own (not in subfolders, no symlinks).
        if let Some(Ok(entries)) =
            readable("themes/default/static").then(|| std::fs::read_dir(dir.join("static")))
        {
            let mut extra: Vec<_> = entries.filter_map(Result::ok).collect();
            extra.sort_by_key(|e| e.file_name());
            for e in extra {
                let Some(name) = e.file_name().to_str().map(str::to_string) else {
                    continue;
                };
                let is_file = e.file_type().map(|t| t.is_file()).unwrap_or(false);
                if !is_file
                    || name.starts_with('.')
                    || theme.statics.iter().any(|(n, _)| *n == name)
                {
                    continue;
                }
                let bytes = std::fs::read(e.path())
                    .map_err(|err| io_error(&display_path(&e.path()), err))?;
                theme.statics.push((name, bytes));
            }
        }
        // Extra fonts, for scripts the bundled ones do not cover.
        if let Some(Ok(entries)) = readable("themes/default/pdf/fonts")
            .then(|| std::fs::read_dir(dir.join("pdf").join("fonts")))
        {
            let mut extra: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
            extra.sort();
            for path in extra {
                let known = DEFAULT.iter().any(|(p, _)| dir.join(p) == path);
                let is_font = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| matches!(e, "ttf" | "otf" | "ttc"));
                if is_font && !known && path.is_file() && !path.is_symlink() {
                    theme.fonts.push(
                        std::fs::read(&path).map_err(|err| io_error(&display_path(&path), err))?,
                    );
                }
            }
        }
        Ok(theme)
    }
}

fn io_error(path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(Code::Io, format!("cannot read the theme file: {e}")).file(path)
}
