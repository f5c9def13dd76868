#[syncmgr::sync_handler(clsid = CLSID, name = Notes)]
pub struct Notes;

fn main() {}
