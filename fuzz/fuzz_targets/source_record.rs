//! Fuzz target `source_record`: the checks are in `fuzz/props.rs`, shared with
//! `tests/suite/fuzz_regressions.rs`, which replays what the fuzzer kept.
#![no_main]

#[path = "../props.rs"]
mod props;

libfuzzer_sys::fuzz_target!(|data: &str| props::source_record(data));
