//! Checks across arguments and the handler type; every problem goes to the `Ctxt`.

use crate::args::{Args, ItemArgs, OnArg};
use crate::ast::{Decl, Handler, StaticItem, StatusMethod};
use crate::ctxt::Ctxt;
use crate::guid;
use proc_macro2::Span;
use syn::{GenericParam, LitStr};

/// `MAX_SYNCMGRHANDLERNAME` (32) less the terminating NUL.
const MAX_HANDLER_NAME: usize = 31;
/// `MAX_SYNCMGRITEMNAME` (128) less the terminating NUL.
const MAX_ITEM_NAME: usize = 127;

/// Checks the handler type and the arguments; returns the declaration when nothing required is
/// missing (it is only expanded when `cx` holds no error at all).
pub(crate) fn check(cx: &Ctxt, handler: Option<&Handler>, args: Args) -> Option<Decl> {
    if let Some(handler) = handler {
        check_generics(cx, handler);
    }
    let clsid = if let Some(lit) = &args.clsid {
        check_guid(cx, lit, "clsid", "the handler's CLSID")
    } else if args.seen.id.is_some() {
        None // given, with a value that did not parse and was reported
    } else {
        cx.error_at(
                Span::call_site(),
                format!(
                    "`#[sync_handler(...)]` is missing the handler's CLSID, add `clsid = \"{}\"` with a GUID of your own",
                    guid::EXAMPLE
                ),
            );
        None
    };
    match &args.name {
        Some(lit) => check_name(
            cx,
            lit,
            "handler",
            MAX_HANDLER_NAME,
            "MAX_SYNCMGRHANDLERNAME",
        ),
        None if args.seen.name.is_some() => {} // given, malformed, reported
        None => cx.error_at(
            Span::call_site(),
            "`#[sync_handler(...)]` is missing the handler's display name, add `name = \"...\"`",
        ),
    }
    let items = check_items(cx, args.items, clsid);
    let on = check_on(cx, args.on);
    Some(Decl {
        clsid: clsid?,
        name: args.name?,
        flags: args.flags,
        items: items?,
        on,
        icon: args.icon,
        krate: args
            .krate
            .map_or_else(|| quote::quote!(::syncmgr), |path| quote::quote!(#path)),
    })
}

/// A COM class is one concrete type: the class factory must construct it without knowing any
/// parameter, and one CLSID cannot name a family of types.
///
/// Input: `struct Notes<'a, T, const N: usize> { … }`
fn check_generics(cx: &Ctxt, handler: &Handler) {
    let generics = &handler.original.generics;
    if generics.params.is_empty() {
        return;
    }
    let only_lifetimes = generics
        .params
        .iter()
        .all(|param| matches!(param, GenericParam::Lifetime(_)));
    let why = if only_lifetimes {
        "a handler lives as long as its COM object, so it must be `'static`; own the data (e.g. `String`, `Arc<T>`) instead of borrowing it"
    } else {
        "a COM class with one CLSID is one concrete type; remove the parameters, or wrap one instantiation in a non-generic struct"
    };
    cx.error_spanned_by(
        generics,
        format!("`#[sync_handler]` cannot be applied to a generic struct: {why}"),
    );
}

/// Parses a GUID argument; `what` names it in messages.
fn check_guid(cx: &Ctxt, lit: &LitStr, key: &str, what: &str) -> Option<u128> {
    match guid::parse_guid(&lit.value()) {
        Ok(0) => {
            cx.error_spanned_by(
                lit,
                format!(
                    "{what} must not be GUID_NULL, which the Sync Manager reads as \"every item\"; generate a GUID of your own (e.g. with `uuidgen`)"
                ),
            );
            None
        }
        Ok(value) => Some(value),
        Err(why) => {
            cx.error_spanned_by(
                lit,
                format!(
                    "malformed GUID in `{key} = \"...\"`: {why}; write it like `{key} = \"{}\"`",
                    guid::EXAMPLE
                ),
            );
            None
        }
    }
}

/// Checks a display name against its `MAX_*` buffer, which counts UTF-16 units and the NUL.
fn check_name(cx: &Ctxt, lit: &LitStr, whose: &str, max: usize, constant: &str) {
    let name = lit.value();
    let units = name.encode_utf16().count();
    if name.is_empty() {
        cx.error_spanned_by(
            lit,
            format!("the {whose} name must not be empty, the Sync Manager shows it to the user"),
        );
    } else if units > max {
        cx.error_spanned_by(
            lit,
            format!(
                "the {whose} name is {units} UTF-16 units long, but at most {max} fit in `{constant}` ({} with the terminating NUL); shorten it",
                max + 1
            ),
        );
    } else if name.contains('\0') {
        cx.error_spanned_by(
            lit,
            format!(
                "the {whose} name must not contain a NUL character, it would end the name there"
            ),
        );
    }
}

/// Checks every `item(...)`; returns them when each has an id and a name.
fn check_items(cx: &Ctxt, items: Vec<ItemArgs>, clsid: Option<u128>) -> Option<Vec<StaticItem>> {
    // (id, the item's name if given) of every valid id so far, to name the first of duplicates.
    let mut seen: Vec<(u128, Option<String>)> = Vec::new();
    let mut checked = Vec::with_capacity(items.len());
    let mut complete = true;
    for item in items {
        let id = if let Some(lit) = &item.id {
            check_item_id(cx, lit, clsid, &mut seen, item.name.as_ref())
        } else if item.seen.id.is_some() {
            None // given, malformed, reported
        } else {
            cx.error_at(
                item.keyword,
                format!(
                    "`item(...)` is missing its id, add `id = \"{}\"` with a GUID of your own",
                    guid::EXAMPLE
                ),
            );
            None
        };
        match &item.name {
            Some(lit) => check_name(cx, lit, "item", MAX_ITEM_NAME, "MAX_SYNCMGRITEMNAME"),
            None if item.seen.name.is_some() => {} // given, malformed, reported
            None => cx.error_at(
                item.keyword,
                "`item(...)` is missing its display name, add `name = \"...\"`",
            ),
        }
        match (id, item.name) {
            (Some(id), Some(name)) => checked.push(StaticItem {
                id,
                name,
                flags: item.flags,
                checked: !item.unchecked,
                icon: item.icon,
                constant: item.constant,
            }),
            _ => complete = false,
        }
    }
    complete.then_some(checked)
}

/// Parses one item id and checks it against the CLSID and the ids before it.
fn check_item_id(
    cx: &Ctxt,
    lit: &LitStr,
    clsid: Option<u128>,
    seen: &mut Vec<(u128, Option<String>)>,
    name: Option<&LitStr>,
) -> Option<u128> {
    let id = check_guid(cx, lit, "id", "an item id")?;
    if clsid == Some(id) {
        cx.error_spanned_by(
            lit,
            "this item id is the handler's `clsid`; give the item a GUID of its own",
        );
        return None;
    }
    if let Some((_, first)) = seen.iter().find(|(other, _)| *other == id) {
        let first = match first {
            Some(first) => format!("item `{first}`"),
            None => "an earlier item".to_owned(),
        };
        cx.error_spanned_by(
            lit,
            format!(
                "duplicate item id `{}`, {first} already uses it; give each item a GUID of its own",
                guid::format_guid(id)
            ),
        );
        return None;
    }
    seen.push((id, name.map(LitStr::value)));
    Some(id)
}

/// Checks that each status has one method.
fn check_on(cx: &Ctxt, on: Vec<OnArg>) -> Vec<StatusMethod> {
    let mut checked: Vec<StatusMethod> = Vec::with_capacity(on.len());
    for arg in on {
        if let Some(first) = checked.iter().find(|first| first.variant == arg.variant) {
            cx.error_spanned_by(
                &arg.status,
                format!(
                    "status `{}` is already handled by `{}`; map each status to one method",
                    arg.status, first.method
                ),
            );
            continue;
        }
        checked.push(StatusMethod {
            variant: arg.variant,
            method: arg.method,
        });
    }
    checked
}
