//! The trailers of a commit message: `Trailers::parse` on any text, then the round trip: what
//! was parsed, rendered below a subject, parses to the same trailers.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sop::trailers::Trailers;

fuzz_target!(|message: &str| {
    let parsed = Trailers::parse(message);
    let rendered = format!("subject\n\nbody\n\n{}", parsed.render());
    assert_eq!(
        Trailers::parse(&rendered),
        parsed,
        "rendered as:\n{rendered}"
    );
});
