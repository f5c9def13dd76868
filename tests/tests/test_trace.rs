//! With feature `trace`, every vtable call is a `tracing` event naming the interface, the method
//! and the HRESULT it returned (like ATL's `_ATL_DEBUG_INTERFACES`).

mod support;

use std::fmt;
use std::sync::{Arc, Mutex};
use support::{Minimal, initialize, serial};
use syncmgr::abi;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};
use windows_core::Interface;

/// One traced call: (target, interface, method, hr).
type Traced = (String, String, String, String);

/// A subscriber that keeps every event's fields.
#[derive(Clone, Default)]
struct Collect(Arc<Mutex<Vec<Traced>>>);

#[derive(Default)]
struct Fields {
    interface: String,
    method: String,
    hr: String,
}

impl Visit for Fields {
    fn record_str(&mut self, field: &Field, value: &str) {
        match field.name() {
            "interface" => value.clone_into(&mut self.interface),
            "method" => value.clone_into(&mut self.method),
            _ => {}
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        match field.name() {
            "interface" => self.interface = format!("{value:?}"),
            "method" => self.method = format!("{value:?}"),
            "hr" => self.hr = format!("{value:?}"),
            _ => {}
        }
    }
}

impl Subscriber for Collect {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut fields = Fields::default();
        event.record(&mut fields);
        self.0.lock().unwrap().push((
            event.metadata().target().to_owned(),
            fields.interface,
            fields.method,
            fields.hr,
        ));
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

fn traced(interface: &str, method: &str, hr: windows_core::HRESULT) -> Traced {
    (
        "syncmgr".to_owned(),
        interface.to_owned(),
        method.to_owned(),
        format!("{:#010x}", hr.0),
    )
}

#[test]
fn every_vtable_call_is_traced_with_its_hresult() {
    let _serial = serial();
    let collect = Collect::default();
    let events = Arc::clone(&collect.0);
    tracing::subscriber::with_default(collect, || {
        let object = syncmgr::create(Minimal);
        // SAFETY: a null out-pointer is rejected before any write.
        let hr =
            unsafe { (object.vtable().GetHandlerInfo)(object.as_raw(), core::ptr::null_mut()) };
        assert_eq!(hr, abi::E_POINTER);
        assert_eq!(initialize(&object, support::MANUAL, &[]), abi::S_OK);
        let item = support::ALPHA;
        // SAFETY: valid pointers; no session, so the call is refused.
        let hr = unsafe { (object.vtable().SetItemStatus)(object.as_raw(), &raw const item, 1) };
        assert_eq!(hr, abi::E_UNEXPECTED);
        drop(object);
    });
    let events = events.lock().unwrap().clone();
    assert_eq!(
        events,
        [
            traced("ISyncMgrSynchronize", "GetHandlerInfo", abi::E_POINTER),
            traced("ISyncMgrSynchronize", "Initialize", abi::S_OK),
            traced("ISyncMgrSynchronize", "SetItemStatus", abi::E_UNEXPECTED),
        ]
    );
}
