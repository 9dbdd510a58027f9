//! A request file: `Request::from_toml` and `store::parse_request` (which also checks where the
//! file sits), then the canonical form: for every request that parses, `to_toml` writes a file
//! that parses back to the same request, and writing that again gives the same text.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use sop::field::Value;
use sop::request::Request;
use sop::store;

fuzz_target!(|text: &str| {
    let placed = store::parse_request(Path::new("requests/EML/7K/EML-7K3QX9M2PA.toml"), text);
    let Ok(request) = Request::from_toml(text) else {
        assert!(placed.is_err(), "parse_request took what from_toml refused");
        return;
    };
    let written = request.to_toml();
    let back = Request::from_toml(&written)
        .unwrap_or_else(|e| panic!("to_toml wrote a file that does not parse: {e}\n{written}"));
    // A NaN field value is never equal to itself; the written text then speaks for it.
    if !has_nan(&request) {
        assert_eq!(back, request, "the written file:\n{written}");
    }
    assert_eq!(back.to_toml(), written, "writing is not stable");
});

fn has_nan(request: &Request) -> bool {
    let nan = |v: &Value| matches!(v, Value::Number(n) if n.is_nan());
    request.fields.values().any(nan)
        || request
            .history
            .iter()
            .any(|e| e.fields.values().any(nan))
}
