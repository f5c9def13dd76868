#[syncmgr::sync_handler(clsid = "00000000-0000-0000-0000-000000000000", name = "Notes")]
pub struct Notes;

fn main() {}
