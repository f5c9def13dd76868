//! Windows Synchronization Manager handlers in safe Rust.

extern crate self as syncmgr;

pub mod abi;
mod class;
mod error;
mod handler;
mod status;
mod sync;

#[doc(hidden)]
pub mod __private;

pub use class::*;
pub use error::*;
pub use handler::*;
pub use status::*;
pub use sync::*;
pub use syncmgr_macros::sync_handler;
pub use windows_core::{GUID, HRESULT};
