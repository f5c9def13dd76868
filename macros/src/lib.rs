//! Implementation detail of `syncmgr`: the `#[sync_handler]` attribute and `guid!`.
//!
//! Use them through `syncmgr::sync_handler` and `syncmgr::guid!`; they are re-exported there.

#![warn(missing_docs)]

mod args;
mod ast;
mod ctxt;
mod expand;
mod guid;
mod status;
mod valid;

#[cfg(test)]
mod bench_expand;
#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Declares a Windows Sync Manager handler class: its CLSID, name, flags, static items and the
/// methods that handle `SetItemStatus`.
///
/// Apply it to the handler struct, and implement `syncmgr::SyncHandler` for that struct
/// separately. The attribute emits the struct unchanged plus an `impl syncmgr::HandlerClass`.
///
/// ```ignore
/// #[syncmgr::sync_handler(
///     clsid = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11",
///     name = "Notes",
///     flags(has_properties, hidden),
///     item(id = "2f7d1a52-6f0e-4c1b-8a43-5b7c9e0d1f21", name = "Inbox"),
///     item(
///         id = "{9A4C3E1B-7D25-4F86-B0E9-1C2D3E4F5A6B}",
///         name = "Archive",
///         flags(may_delete_item, has_properties),
///         unchecked,
///     ),
///     on(skipped = note_skipped, deleted = forget_item),
/// )]
/// pub struct Notes {
///     // …
/// }
///
/// impl Notes {
///     fn note_skipped(&self, item: syncmgr::GUID) -> syncmgr::Result<()> { Ok(()) }
///     fn forget_item(&self, item: syncmgr::GUID) -> syncmgr::Result<()> { Ok(()) }
/// }
///
/// impl syncmgr::SyncHandler for Notes {
///     fn synchronize_item(&self, item: &mut syncmgr::ItemSync<'_>) -> syncmgr::Result<()> {
///         Ok(())
///     }
/// }
/// ```
///
/// # Arguments
///
/// Arguments are separated by commas, in any order; each but `item` may appear once.
///
/// - `clsid = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"` (required): the handler's CLSID. Braces
///   (`"{…}"`) are accepted and hex digits may be in either case. `GUID_NULL` is rejected: the
///   Sync Manager reads it as "every item".
/// - `name = "…"` (required): the display name, non-empty and at most 31 UTF-16 units
///   (`MAX_SYNCMGRHANDLERNAME` is 32 with the terminating NUL).
/// - `flags(…)`: any of `has_properties`, `may_establish_connection`, `always_list_handler`,
///   `hidden` (the `SYNCMGRHANDLER_*` flags).
/// - `icon = 101`: the handler's icon, the id of an `ICON` resource of the library (1 to 65535).
///   The runtime loads it for `GetHandlerInfo` on Windows (elsewhere the handle stays null);
///   building the resource into the DLL is the crate's build script's job (`examples/mirror`
///   does it with `embed-resource`).
/// - `item(const = INBOX, id = "…", name = "…", flags(…), icon = 102, unchecked)`, repeatable: an item listed before the
///   handler's run-time items. `id` is a GUID (same syntax as `clsid`), distinct from every other
///   item id, from the CLSID and from `GUID_NULL`. `name` is non-empty and at most 127 UTF-16
///   units. `flags` takes any of `has_properties`, `temporary`, `roaming_user`,
///   `may_delete_item`, `hidden` (the `SYNCMGRITEM_*` flags; `SYNCMGRITEM_LASTUPDATETIME` is
///   set by the runtime exactly when `SyncHandler::last_update` gives the item a time). `unchecked`
///   leaves the item out of the default selection; `icon` is the item's icon, as for the handler
///   (run-time items take one with `Item::with_icon`). `const = INBOX` generates `pub const
///   INBOX: syncmgr::GUID` on the handler type with the item's id, so code that matches on an
///   item writes `Notes::INBOX`, not the GUID again (`syncmgr::guid!` checks any other GUID
///   literal at compile time).
/// - `on(status = method, …)`: the method that handles `SetItemStatus` for `status`. A status
///   is the lowercase suffix of its `SYNCMGRSTATUS_*` constant: `stopped`, `skipped`, `pending`,
///   `updating`, `succeeded`, `failed`, `paused`, `resuming`, `updating_indeterminate`,
///   `deleted`; each at most once. The method is a method of the struct with the signature
///   `fn(&self, item: syncmgr::GUID) -> syncmgr::Result<()>`. For `skipped`, `stopped`,
///   `paused` and `resuming` the runtime acts first (cancels, holds, lets go) and then tells the
///   method, whose error only goes to the log; `deleted` and the progress statuses are requests
///   that the method answers. The table "What each status does" in the `syncmgr` crate docs
///   has every status, with its answer.
///
/// - `crate = path` (or `crate = "path"`, serde's spelling): where the `syncmgr` crate is, when
///   it is a renamed dependency (`sync = { package = "syncmgr", … }` → `crate = sync`) or
///   re-exported by another crate. `::syncmgr` by default.
///
/// # Requirements on the struct
///
/// It must not be generic (a COM class is one concrete type), it must be `Send + Sync +
/// 'static` (the Sync Manager calls it from several threads), and it must implement
/// `syncmgr::SyncHandler`. Violations are reported at the struct's name.
///
/// Every mistake in the attribute is reported in the same build, at the offending token.
#[proc_macro_attribute]
pub fn sync_handler(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::sync_handler(args.into(), item.into()).into()
}

/// The value `GUID::from_u128` takes for a GUID string checked at compile time; the
/// `syncmgr::guid!` macro wraps it (so that it works under any name of the `syncmgr` crate).
#[doc(hidden)]
#[proc_macro]
pub fn guid_value(input: TokenStream) -> TokenStream {
    let expected = || {
        format!(
            "expected a string literal, like `guid!(\"{}\")`",
            guid::EXAMPLE
        )
    };
    let literal = match syn::parse::<syn::Lit>(input) {
        Ok(syn::Lit::Str(literal)) => literal,
        Ok(other) => {
            return syn::Error::new(other.span(), expected())
                .to_compile_error()
                .into();
        }
        Err(error) => {
            return syn::Error::new(error.span(), expected())
                .to_compile_error()
                .into();
        }
    };
    match guid::parse_guid(&literal.value()) {
        Ok(value) => expand::gen_guid_value(value).into(),
        Err(problem) => syn::Error::new(literal.span(), format!("malformed GUID: {problem}"))
            .to_compile_error()
            .into(),
    }
}
