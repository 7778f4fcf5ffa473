//! Markdown to sanitised HTML: nothing executable survives.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let html = factsheet::render::markdown::render(text).html.to_lowercase();
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("javascript:"), "{html}");
    assert!(!html.contains("<iframe") && !html.contains("<img") && !html.contains("<style"), "{html}");
    // No event handler attribute: ` on…=` inside a tag.
    let mut in_tag = false;
    let bytes = html.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            b' ' | b'\t' | b'\n' | b'/' if in_tag => {
                let rest = &html[i + 1..];
                if let Some(name) = rest.split(['=', ' ', '>']).next()
                    && name.starts_with("on")
                    && rest[name.len()..].starts_with('=')
                {
                    panic!("event handler attribute survived: {html}");
                }
            }
            _ => {}
        }
    }
});
