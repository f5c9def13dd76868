//! Implementation detail of `syncmgr`: the `#[sync_handler]` attribute.

use proc_macro::TokenStream;

/// Placeholder.
#[proc_macro_attribute]
pub fn sync_handler(_args: TokenStream, item: TokenStream) -> TokenStream {
    item
}
