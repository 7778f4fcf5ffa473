//! Fluent files: parsing and formatting every message never panics, cycles
//! included.
#![no_main]
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let resource = match FluentResource::try_new(text.to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let ids: Vec<String> = resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect();
    let mut bundle = FluentBundle::new_concurrent(vec!["sr".parse().unwrap()]);
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    let mut args = FluentArgs::new();
    args.set("count", 22);
    args.set("date", "1 May 2027");
    for id in ids {
        if let Some(msg) = bundle.get_message(&id)
            && let Some(value) = msg.value()
        {
            let mut errors = Vec::new();
            let _ = bundle.format_pattern(value, Some(&args), &mut errors);
        }
    }
});
