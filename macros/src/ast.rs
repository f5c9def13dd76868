//! The typed model of the item `#[sync_handler]` is applied to and of the checked declaration.

use crate::args::Flag;
use crate::ctxt::Ctxt;
use proc_macro2::TokenStream;
use syn::{Ident, Item, ItemStruct, LitStr};

/// The handler type: the struct the attribute is applied to, kept as written.
pub(crate) struct Handler {
    /// The struct, emitted unchanged.
    pub(crate) original: ItemStruct,
}

impl Handler {
    /// The struct's name, where errors about the type as a whole point.
    pub(crate) fn ident(&self) -> &Ident {
        &self.original.ident
    }
}

/// The checked declaration, ready for expansion.
pub(crate) struct Decl {
    /// The CLSID's value, as `GUID::from_u128` takes it.
    pub(crate) clsid: u128,
    /// `name = "…"`, known to fit.
    pub(crate) name: LitStr,
    /// `flags(...)`.
    pub(crate) flags: Vec<Flag>,
    /// The static items, in declaration order.
    pub(crate) items: Vec<StaticItem>,
    /// `on(status = method)`, each status at most once.
    pub(crate) on: Vec<StatusMethod>,
    /// `icon = …`.
    pub(crate) icon: Option<u16>,
    /// The path of the `syncmgr` crate: `::syncmgr`, or `crate = …`.
    pub(crate) krate: TokenStream,
}

/// One checked `item(...)`.
pub(crate) struct StaticItem {
    /// The id's value.
    pub(crate) id: u128,
    /// `name = "…"`, known to fit.
    pub(crate) name: LitStr,
    /// `flags(...)`.
    pub(crate) flags: Vec<Flag>,
    /// Selected by default unless `unchecked` was given.
    pub(crate) checked: bool,
    /// `icon = …`.
    pub(crate) icon: Option<u16>,
    /// `const = …`.
    pub(crate) constant: Option<Ident>,
}

/// One checked `status = method`.
pub(crate) struct StatusMethod {
    /// The `SyncStatus` variant.
    pub(crate) variant: &'static str,
    /// The handler's method, where a signature mismatch is reported.
    pub(crate) method: Ident,
}

/// Parses the annotated item; anything but a struct is reported at its keyword.
pub(crate) fn parse_handler(cx: &Ctxt, item: TokenStream) -> Option<Handler> {
    const WHAT: &str = "`#[sync_handler]` applies to a struct (the handler type)";
    let item = match syn::parse2::<Item>(item) {
        Ok(item) => item,
        Err(err) => {
            cx.syn_error(err);
            return None;
        }
    };
    match item {
        Item::Struct(original) => return Some(Handler { original }),
        Item::Enum(item) => cx.error_spanned_by(
            item.enum_token,
            format!("{WHAT}, not an enum; hold the enum's state in a struct field instead"),
        ),
        Item::Union(item) => cx.error_spanned_by(
            item.union_token,
            format!(
                "{WHAT}, not a union; declare `struct {}` instead",
                item.ident
            ),
        ),
        Item::Fn(item) => cx.error_spanned_by(
            item.sig.fn_token,
            format!(
                "{WHAT}, not a function; declare a struct and `impl syncmgr::SyncHandler` for it"
            ),
        ),
        Item::Impl(item) => cx.error_spanned_by(
            item.impl_token,
            format!("{WHAT}, not an impl block; put the attribute on the struct declaration"),
        ),
        Item::Trait(item) => cx.error_spanned_by(item.trait_token, format!("{WHAT}, not a trait")),
        other => cx.error_spanned_by(other, format!("{WHAT}, not this item")),
    }
    None
}
