//! `serve`'s request path mapping never leaves the output folder.
#![no_main]
use factsheet::serve::resolve;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|url: &str| {
    if let Some(key) = resolve(url) {
        assert!(!key.starts_with('/'), "{key}");
        assert!(!key.contains('\\') && !key.contains('\0') && !key.contains(':'), "{key}");
        for seg in key.split('/') {
            assert!(!seg.is_empty() && seg != "." && seg != "..", "{url:?} -> {key:?}");
        }
    }
});
