#[syncmgr::sync_handler()]
pub struct Notes;

fn main() {}
