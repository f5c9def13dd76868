//! Test-only crate: see `tests/` for the UI, hygiene and lint tests of `#[sync_handler]`.
