//! {{handler}}: a Sync Manager handler.
//!
//! Build the DLL with `cargo build --release --target x86_64-pc-windows-msvc` (or
//! `x86_64-pc-windows-gnu`), register it with `regsvr32 {{crate}}.dll` (elevated), and try it
//! with `syncmgr-host --clsid CLSID`, or for one session without `regsvr32` with
//! `syncmgr-host {{crate}}.dll --register --unregister`.

use syncmgr::{ItemSync, SyncHandler, sync_handler};

/// The handler. `clsid` and the item's `id` were generated for this crate: keep them, as the
/// registry and the Sync Manager's settings know the handler and its items by them.
#[sync_handler(
    clsid = "{{clsid}}",
    name = "{{handler}}",
    item(const = INBOX, id = "{{item}}", name = "Inbox"),
)]
#[derive(Default)]
pub struct Handler;

impl SyncHandler for Handler {
    /// Runs on a worker thread, once per item the user selected.
    fn synchronize_item(&self, item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        let steps = 10;
        for step in 1..=steps {
            // Your sync work goes here. `progress` reports to the Sync Manager and returns an
            // error once the user skips the item or stops the sync: `?` ends the item then.
            item.progress(step, steps, "Synchronizing")?;
        }
        Ok(())
    }
}

// The DLL's exports: DllGetClassObject, DllCanUnloadNow, DllRegisterServer, DllUnregisterServer.
syncmgr::dll_exports!(Handler);
