//! Compile-fail and compile-pass cases of `#[sync_handler]`, checked with trybuild.
//!
//! Refresh the expected output with `TRYBUILD=overwrite cargo test -p syncmgr-tests --test ui`
//! and review every `.stderr` diff: each error must point at the user's token.

#[rustversion::attr(not(stable(1.95)), ignore)]
#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/pass/*.rs");
}
