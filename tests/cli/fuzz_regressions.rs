//! The inputs the fuzz targets found bugs with (`fuzz/regressions/TARGET/`), checked again
//! as the targets check them (`fuzz/checks.rs`), so a fixed bug stays fixed without running
//! the fuzzer. A new file there is checked by the test without more code.

#[path = "../../fuzz/checks.rs"]
mod checks;

#[test]
fn inputs_the_fuzzers_found_stay_fixed() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut checked = 0;
    let mut failed = Vec::new();
    for target in std::fs::read_dir(&root).unwrap() {
        let target = target.unwrap().path();
        let name = target.file_name().unwrap().to_str().unwrap().to_string();
        for input in std::fs::read_dir(&target).unwrap() {
            let input = input.unwrap().path();
            let data = std::fs::read(&input).unwrap();
            if std::panic::catch_unwind(|| checks::check(&name, &data)).is_err() {
                failed.push(input.display().to_string());
            }
            checked += 1;
        }
    }
    assert!(checked > 0, "no inputs in {}", root.display());
    assert!(failed.is_empty(), "these fail again: {failed:#?}");
}
