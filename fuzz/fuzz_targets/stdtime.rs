//! A standard time as a step's `time` is written: `StdTime::parse` on any text, then the two
//! written forms. What parses is written back (`Display`, the documents' words) as text that
//! parses to the same time; sums never overflow.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sop::stdtime::StdTime;

fuzz_target!(|text: &str| {
    let Some(time) = StdTime::parse(text) else {
        return;
    };
    let written = time.to_string();
    assert_eq!(
        StdTime::parse(&written),
        Some(time),
        "{text:?} was written as {written:?}"
    );
    let _ = time.iso();
    let twice = time + time;
    assert!(twice.days >= time.days && twice.minutes >= time.minutes);
    let _ = (twice.to_string(), twice.iso());
});
