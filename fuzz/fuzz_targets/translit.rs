//! Serbian transliteration: no Serbian Cyrillic letter survives, and Latin
//! text is left as it was.
#![no_main]
use factsheet::lang::translit::sr_cyrl_to_latn;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let out = sr_cyrl_to_latn(text);
    const SERBIAN: &str = "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШабвгдђежзијклљмнњопрстћуфхцчџш";
    assert!(!out.chars().any(|c| SERBIAN.contains(c)), "{out}");
    if !text.chars().any(|c| SERBIAN.contains(c)) {
        assert_eq!(out, text);
    }
});
