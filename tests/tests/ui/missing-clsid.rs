#[syncmgr::sync_handler(name = "Notes")]
pub struct Notes;

fn main() {}
