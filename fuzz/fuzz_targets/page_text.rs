//! Fuzz target `page_text`: the checks are in `fuzz/props.rs`, shared with
//! `tests/suite/fuzz_regressions.rs`, which replays what the fuzzer kept.
#![no_main]

#[path = "../props.rs"]
mod props;

libfuzzer_sys::fuzz_target!(|data: &[u8]| props::page_text(data));
