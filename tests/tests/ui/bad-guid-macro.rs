// `guid!` takes one GUID string literal, checked at compile time.
const A: syncmgr::GUID = syncmgr::guid!("0c2b4d8e-1f3a-4b5c-8d9e-0a1b2c3d4e5");
const B: syncmgr::GUID = syncmgr::guid!("0c2b4d8e-1f3a-4b5c-8d9e-0a1b2c3d4e5z");
const C: syncmgr::GUID = syncmgr::guid!(0x0c2b4d8e);

fn main() {}
