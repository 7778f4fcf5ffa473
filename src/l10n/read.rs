//! Reading a Fluent file: syntax errors with their line and column, and
//! the limits that keep a hostile file harmless.

use super::*;

/// What makes a formatted message unusable, if anything.
pub(super) fn broken(errors: &[FluentError]) -> Option<String> {
    errors.iter().find_map(|e| match e {
        FluentError::ResolverError(ResolverError::Cyclic) => {
            Some("refers to itself, directly or through other messages".into())
        }
        FluentError::ResolverError(ResolverError::TooManyPlaceables) => {
            Some("expands to too many placeables (over 100)".into())
        }
        FluentError::ResolverError(ResolverError::Reference(
            r @ (ReferenceKind::Message { .. } | ReferenceKind::Term { .. }),
        )) => Some(format!(
            "uses {}, which does not exist",
            match r {
                ReferenceKind::Term { id, .. } => format!("`-{id}`"),
                ReferenceKind::Message { id, .. } => format!("`{id}`"),
                _ => String::new(),
            }
        )),
        _ => None,
    })
}

/// The UI strings the default theme needs, in English.
pub(super) const BUILTIN_EN: &str = include_str!("../../translations/en.ftl");

pub(super) fn read_ftl(
    path: &Path,
    shown: &Path,
    tag: &str,
    diags: &mut Diagnostics,
) -> Option<LangFile> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.push(
                Diagnostic::error(Code::Io, format!("cannot read the file: {e}")).file(shown),
            );
            return None;
        }
    };
    let text = match crate::text::decode(&bytes) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d.file(shown));
            return None;
        }
    };
    read_ftl_text(text, shown, tag, diags)
}

/// Parses a Fluent file's text; `shown` names it in messages.
pub fn read_ftl_text(
    text: String,
    shown: &Path,
    tag: &str,
    diags: &mut Diagnostics,
) -> Option<LangFile> {
    if let Some((at, what, hint)) = limits::unparsable(&text) {
        let pos = pos_of(&text, at);
        diags.push(
            Diagnostic::error(Code::FluentSyntax, format!("Fluent syntax error: {what}"))
                .file(shown)
                .at(pos.line, pos.col)
                .hint(hint),
        );
        return None;
    }
    let resource = match FluentResource::try_new(text.clone()) {
        Ok(r) => r,
        Err((r, errors)) => {
            for e in errors {
                let pos = pos_of(&text, e.pos.start);
                diags.push(
                    Diagnostic::error(Code::FluentSyntax, format!("Fluent syntax error: {}", e.kind))
                        .file(shown)
                        .at(pos.line, pos.col)
                        .hint("see https://projectfluent.org/fluent/guide/ ; messages are `id = text`, continued lines indented"),
                );
            }
            r
        }
    };
    let mut ids = BTreeMap::new();
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(m) = entry {
            let offset =
                (m.id.name.as_ptr() as usize).saturating_sub(resource.source().as_ptr() as usize);
            ids.insert(m.id.name.to_string(), pos_of(resource.source(), offset));
        }
    }
    let broken = refs::broken_messages(resource.entries());
    let locale = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // Isolation marks help right-to-left text only; they are noise in
    // left-to-right pages, search indexes and PDFs.
    bundle.set_use_isolating(false);
    if let Err(errors) = bundle.add_resource(resource) {
        for e in errors {
            diags.push(Diagnostic::error(Code::Fluent, format!("{e}")).file(shown));
        }
    }
    Some(LangFile {
        path: shown.to_path_buf(),
        ids,
        broken,
        bundle,
    })
}

/// Line and column of a byte offset.
pub(super) fn pos_of(text: &str, offset: usize) -> Pos {
    let before = text.get(..offset).unwrap_or(text);
    let line = 1 + before.matches('\n').count();
    let col = 1 + before.rsplit('\n').next().map_or(0, |l| l.chars().count());
    Pos { line, col }
}
