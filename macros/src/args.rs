//! Parses the arguments of `#[sync_handler(...)]` into [`Args`], recovering after each bad
//! argument so that every mistake is reported in one build.

use crate::ctxt::Ctxt;
use crate::guid;
use crate::status;
use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt as _;
use syn::parse::{Lookahead1, ParseStream, Parser as _};
use syn::{Ident, LitStr, Token};

/// The keywords of the attribute, so that `lookahead1` can list them.
pub(crate) mod kw {
    syn::custom_keyword!(clsid);
    syn::custom_keyword!(name);
    syn::custom_keyword!(flags);
    syn::custom_keyword!(item);
    syn::custom_keyword!(on);
    syn::custom_keyword!(id);
    syn::custom_keyword!(unchecked);
    syn::custom_keyword!(icon);
}

// Argument names, for messages (serde's `Symbol` table).
const CLSID: &str = "clsid";
const NAME: &str = "name";
const FLAGS: &str = "flags";
const ITEM: &str = "item";
const ON: &str = "on";
const ID: &str = "id";
const UNCHECKED: &str = "unchecked";
const ICON: &str = "icon";
const CONST: &str = "const";
const CRATE: &str = "crate";

/// What may appear directly in `#[sync_handler(...)]`.
const HANDLER_ARGS: [&str; 7] = [CLSID, NAME, FLAGS, ICON, ITEM, ON, CRATE];
/// What may appear in `item(...)`.
const ITEM_ARGS: [&str; 6] = [CONST, ID, NAME, FLAGS, ICON, UNCHECKED];

/// `(name in flags(...), HandlerFlags constant)`.
const HANDLER_FLAGS: [(&str, &str); 4] = [
    ("has_properties", "HAS_PROPERTIES"),
    ("may_establish_connection", "MAY_ESTABLISH_CONNECTION"),
    ("always_list_handler", "ALWAYS_LIST_HANDLER"),
    ("hidden", "HIDDEN"),
];
/// `(name in item(flags(...)), ItemFlags constant)`.
const ITEM_FLAGS: [(&str, &str); 5] = [
    ("has_properties", "HAS_PROPERTIES"),
    ("temporary", "TEMPORARY"),
    ("roaming_user", "ROAMING_USER"),
    ("may_delete_item", "MAY_DELETE_ITEM"),
    ("hidden", "HIDDEN"),
];

/// `SYNCMGRITEM_LASTUPDATETIME` is not written in the attribute: the runtime sets it exactly
/// when the item has a time.
const LAST_UPDATE_TIME: &str = "last_update_time";

/// The parsed arguments, each keeping the user's tokens for later errors.
#[derive(Default)]
pub(crate) struct Args {
    /// `clsid = "…"`, unparsed.
    pub(crate) clsid: Option<LitStr>,
    /// `name = "…"`.
    pub(crate) name: Option<LitStr>,
    /// `flags(...)`, each known to be valid.
    pub(crate) flags: Vec<Flag>,
    /// Every `item(...)`, in order.
    pub(crate) items: Vec<ItemArgs>,
    /// `on(status = method, ...)`, each status known to be valid.
    pub(crate) on: Vec<OnArg>,
    /// `icon = 101`: the handler's icon resource, known to be a valid id.
    pub(crate) icon: Option<u16>,
    /// `crate = path` (or `crate = "path"`, serde's spelling): where `syncmgr` is, for a renamed
    /// or re-exported dependency.
    pub(crate) krate: Option<syn::Path>,
    /// Which arguments were given, even with a malformed value (not reported missing then).
    pub(crate) seen: Seen,
}

/// One flag in `flags(...)`.
pub(crate) struct Flag {
    /// The flag as written.
    pub(crate) ident: Ident,
    /// The name of the `HandlerFlags`/`ItemFlags` constant.
    pub(crate) constant: &'static str,
}

/// One `item(...)`.
pub(crate) struct ItemArgs {
    /// The `item` keyword, where errors about the whole item point.
    pub(crate) keyword: Span,
    /// `id = "…"`, unparsed.
    pub(crate) id: Option<LitStr>,
    /// `name = "…"`.
    pub(crate) name: Option<LitStr>,
    /// `flags(...)`.
    pub(crate) flags: Vec<Flag>,
    /// Whether `unchecked` was given.
    pub(crate) unchecked: bool,
    /// `icon = 102`: the item's icon resource, known to be a valid id.
    pub(crate) icon: Option<u16>,
    /// `const = INBOX`: the associated constant that names the item's id.
    pub(crate) constant: Option<Ident>,
    /// Which arguments were given, even with a malformed value (not reported missing then).
    pub(crate) seen: Seen,
}

/// One `status = method` in `on(...)`.
pub(crate) struct OnArg {
    /// The status as written, e.g. `skipped`.
    pub(crate) status: Ident,
    /// Its `SyncStatus` variant, e.g. `Skipped`.
    pub(crate) variant: &'static str,
    /// The method of the handler type.
    pub(crate) method: Ident,
}

/// Parses the attribute arguments. Errors go to `cx`; what could be parsed is returned.
///
/// Input: `clsid = "…", name = "Notes", flags(hidden), item(id = "…", name = "Inbox"), on(…)`
pub(crate) fn parse_args(cx: &Ctxt, tokens: TokenStream) -> Args {
    let mut args = Args::default();
    let parser = |input: ParseStream<'_>| {
        parse_comma_list(cx, input, |input| parse_arg(cx, &mut args, input));
        Ok(())
    };
    // `parse_comma_list` consumes every token and reports its own errors; this is a safety net.
    if let Err(err) = parser.parse2(tokens) {
        cx.syn_error(err);
    }
    args
}

/// The key of the first occurrence of each argument that may appear once.
#[derive(Default)]
pub(crate) struct Seen {
    /// `clsid` (in `item(...)`: `id`).
    pub(crate) id: Option<Span>,
    /// `name`.
    pub(crate) name: Option<Span>,
    flags: Option<Span>,
    on: Option<Span>,
    unchecked: Option<Span>,
    icon: Option<Span>,
    constant: Option<Span>,
    krate: Option<Span>,
}

/// Records `key`; returns whether it is the first one, reporting the repetition otherwise.
fn first_time(cx: &Ctxt, seen: &mut Option<Span>, key: Span, what: &str, within: &str) -> bool {
    if seen.is_some() {
        cx.error_at(
            key,
            format!("`{what}` is given twice in `{within}`, remove one of them"),
        );
        false
    } else {
        *seen = Some(key);
        true
    }
}

fn parse_arg(cx: &Ctxt, args: &mut Args, input: ParseStream<'_>) -> syn::Result<()> {
    const WITHIN: &str = "#[sync_handler(...)]";
    let lookahead = input.lookahead1();
    if lookahead.peek(kw::clsid) {
        let key: kw::clsid = input.parse()?;
        let first = first_time(cx, &mut args.seen.id, key.span, CLSID, WITHIN);
        let value = parse_str_value(input, CLSID, guid::EXAMPLE)?;
        if first {
            args.clsid = Some(value);
        }
    } else if lookahead.peek(kw::name) {
        let key: kw::name = input.parse()?;
        let first = first_time(cx, &mut args.seen.name, key.span, NAME, WITHIN);
        let value = parse_str_value(input, NAME, "Notes")?;
        if first {
            args.name = Some(value);
        }
    } else if lookahead.peek(kw::flags) {
        let key: kw::flags = input.parse()?;
        let first = first_time(cx, &mut args.seen.flags, key.span, FLAGS, WITHIN);
        let flags = parse_flags(cx, input, &HANDLER_FLAGS, "handler")?;
        if first {
            args.flags = flags;
        }
    } else if lookahead.peek(Token![crate]) {
        let key: Token![crate] = input.parse()?;
        let first = first_time(cx, &mut args.seen.krate, key.span, CRATE, WITHIN);
        input.parse::<Token![=]>()?;
        let path = if input.peek(LitStr) {
            input.parse::<LitStr>()?.parse::<syn::Path>()?
        } else {
            input.call(syn::Path::parse_mod_style)?
        };
        if first {
            args.krate = Some(path);
        }
    } else if lookahead.peek(kw::icon) {
        let key: kw::icon = input.parse()?;
        let first = first_time(cx, &mut args.seen.icon, key.span, ICON, WITHIN);
        let icon = parse_icon(cx, input)?;
        if first {
            args.icon = icon;
        }
    } else if lookahead.peek(kw::item) {
        let key: kw::item = input.parse()?;
        args.items.push(parse_item(cx, key.span, input)?);
    } else if lookahead.peek(kw::on) {
        let key: kw::on = input.parse()?;
        let first = first_time(cx, &mut args.seen.on, key.span, ON, WITHIN);
        let on = parse_on(cx, input)?;
        if first {
            args.on = on;
        }
    } else {
        return Err(unknown_arg(input, lookahead, WITHIN, &HANDLER_ARGS));
    }
    Ok(())
}

/// Input: `(id = "…", name = "Inbox", flags(hidden), unchecked)`
fn parse_item(cx: &Ctxt, keyword: Span, input: ParseStream<'_>) -> syn::Result<ItemArgs> {
    const WITHIN: &str = "item(...)";
    let content;
    syn::parenthesized!(content in input);
    let mut item = ItemArgs {
        keyword,
        id: None,
        name: None,
        flags: Vec::new(),
        unchecked: false,
        icon: None,
        constant: None,
        seen: Seen::default(),
    };
    parse_comma_list(cx, &content, |input| {
        let lookahead = input.lookahead1();
        if lookahead.peek(Token![const]) {
            let key: Token![const] = input.parse()?;
            let first = first_time(cx, &mut item.seen.constant, key.span, CONST, WITHIN);
            input.parse::<Token![=]>()?;
            if !input.peek(Ident::peek_any) {
                return Err(input.error(
                    "expected the constant's name, like `const = INBOX`: an associated constant of the handler type with the item's id",
                ));
            }
            let name = input.call(Ident::parse_any)?;
            if first {
                item.constant = Some(name);
            }
        } else if lookahead.peek(kw::id) {
            let key: kw::id = input.parse()?;
            let first = first_time(cx, &mut item.seen.id, key.span, ID, WITHIN);
            let value = parse_str_value(input, ID, guid::EXAMPLE)?;
            if first {
                item.id = Some(value);
            }
        } else if lookahead.peek(kw::name) {
            let key: kw::name = input.parse()?;
            let first = first_time(cx, &mut item.seen.name, key.span, NAME, WITHIN);
            let value = parse_str_value(input, NAME, "Inbox")?;
            if first {
                item.name = Some(value);
            }
        } else if lookahead.peek(kw::flags) {
            let key: kw::flags = input.parse()?;
            let first = first_time(cx, &mut item.seen.flags, key.span, FLAGS, WITHIN);
            let flags = parse_flags(cx, input, &ITEM_FLAGS, "item")?;
            if first {
                item.flags = flags;
            }
        } else if lookahead.peek(kw::icon) {
            let key: kw::icon = input.parse()?;
            let first = first_time(cx, &mut item.seen.icon, key.span, ICON, WITHIN);
            let icon = parse_icon(cx, input)?;
            if first {
                item.icon = icon;
            }
        } else if lookahead.peek(kw::unchecked) {
            let key: kw::unchecked = input.parse()?;
            item.unchecked = true;
            first_time(cx, &mut item.seen.unchecked, key.span, UNCHECKED, WITHIN);
        } else {
            return Err(unknown_arg(input, lookahead, WITHIN, &ITEM_ARGS));
        }
        Ok(())
    });
    Ok(item)
}

/// Input: `= 101`, an icon resource id of the library (`MAKEINTRESOURCE`: 1 to 65535). A bad
/// id is reported at the literal and leaves no icon.
fn parse_icon(cx: &Ctxt, input: ParseStream<'_>) -> syn::Result<Option<u16>> {
    input.parse::<Token![=]>()?;
    if !input.peek(syn::LitInt) {
        return Err(input.error(
            "expected the icon's resource id, an integer like `icon = 101` (the ICON resource of the library's .rc file)",
        ));
    }
    let literal: syn::LitInt = input.parse()?;
    match literal.base10_parse::<u16>() {
        Ok(id) if id > 0 => Ok(Some(id)),
        _ => {
            cx.error_spanned_by(
                &literal,
                "an icon resource id is an integer from 1 to 65535 (MAKEINTRESOURCE)",
            );
            Ok(None)
        }
    }
}

/// Input: `= "text"`
fn parse_str_value(input: ParseStream<'_>, key: &str, example: &str) -> syn::Result<LitStr> {
    input.parse::<Token![=]>()?;
    if input.peek(LitStr) {
        input.parse()
    } else {
        Err(input.error(format!(
            "expected a string literal, like `{key} = \"{example}\"`"
        )))
    }
}

/// Input: `(has_properties, hidden)`
fn parse_flags(
    cx: &Ctxt,
    input: ParseStream<'_>,
    table: &[(&str, &'static str)],
    kind: &str,
) -> syn::Result<Vec<Flag>> {
    let content;
    syn::parenthesized!(content in input);
    let mut flags: Vec<Flag> = Vec::new();
    parse_comma_list(cx, &content, |input| {
        let expected = || quoted_list(table.iter().map(|(name, _)| *name));
        if !input.peek(Ident::peek_any) {
            return Err(input.error(format!("expected a {kind} flag, one of {}", expected())));
        }
        let ident = input.call(Ident::parse_any)?;
        let name = ident.to_string();
        let Some(&(_, constant)) = table.iter().find(|(flag, _)| *flag == name) else {
            let other = |flags: &[(&str, &str)]| flags.iter().any(|(flag, _)| *flag == name);
            if kind == "item" && name == LAST_UPDATE_TIME {
                cx.error_spanned_by(
                    &ident,
                    "`last_update_time` is not written here: the runtime sets \
                     SYNCMGRITEM_LASTUPDATETIME exactly when the item has a time; give it one \
                     with `SyncHandler::last_update` (declared items) or `Item::last_updated` \
                     (run-time items), and remove the flag",
                );
                return Ok(());
            }
            let hint = if kind == "handler" && other(&ITEM_FLAGS) {
                format!("; `{name}` is an item flag, write it in `item(..., flags({name}))`")
            } else if kind == "item" && other(&HANDLER_FLAGS) {
                format!(
                    "; `{name}` is a handler flag, write it in `#[sync_handler(..., flags({name}))]`"
                )
            } else {
                did_you_mean(&name, table.iter().map(|(flag, _)| *flag))
            };
            cx.error_spanned_by(
                &ident,
                format!(
                    "unknown {kind} flag `{name}`, expected one of {}{hint}",
                    expected()
                ),
            );
            return Ok(());
        };
        if flags.iter().any(|flag| flag.ident == ident) {
            cx.error_spanned_by(&ident, format!("flag `{name}` is listed twice, remove one"));
        } else {
            flags.push(Flag { ident, constant });
        }
        Ok(())
    });
    Ok(flags)
}

/// Input: `(skipped = note_skipped, deleted = forget_item)`
fn parse_on(cx: &Ctxt, input: ParseStream<'_>) -> syn::Result<Vec<OnArg>> {
    let content;
    syn::parenthesized!(content in input);
    let mut on = Vec::new();
    parse_comma_list(cx, &content, |input| {
        if !input.peek(Ident::peek_any) {
            return Err(input.error(format!(
                "expected a status name, like `on(skipped = note_skipped)`; one of {}",
                status::expected_list()
            )));
        }
        let status_ident = input.call(Ident::parse_any)?;
        input.parse::<Token![=]>()?;
        if !input.peek(Ident) {
            return Err(input.error(format!(
                "expected the name of a method of the handler, like `on({status_ident} = note_{status_ident})`"
            )));
        }
        let method: Ident = input.parse()?;
        match status::variant(&status_ident.to_string()) {
            Some(variant) => on.push(OnArg {
                status: status_ident,
                variant,
                method,
            }),
            None => cx.error_spanned_by(
                &status_ident,
                format!(
                    "unknown status `{status_ident}` in `on(...)`, expected one of {}{}",
                    status::expected_list(),
                    did_you_mean(&status_ident.to_string(), status::names())
                ),
            ),
        }
        Ok(())
    });
    Ok(on)
}

/// The error for a token that starts no known argument.
fn unknown_arg(
    input: ParseStream<'_>,
    lookahead: Lookahead1<'_>,
    within: &str,
    expected: &[&str],
) -> syn::Error {
    match input.fork().call(Ident::parse_any) {
        Ok(ident) => syn::Error::new(
            ident.span(),
            format!(
                "unknown argument `{ident}` in `{within}`, expected one of {}{}",
                quoted_list(expected.iter().copied()),
                did_you_mean(&ident.to_string(), expected.iter().copied())
            ),
        ),
        Err(_) => lookahead.error(),
    }
}

/// "; did you mean `skipped`?" for the known name closest to `written`, when one is close.
pub(crate) fn did_you_mean<'a>(written: &str, known: impl Iterator<Item = &'a str>) -> String {
    known
        .map(|name| (strsim::jaro_winkler(written, name), name))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| format!("; did you mean `{name}`?"))
        .unwrap_or_default()
}

/// "`a`, `b`, `c`"
fn quoted_list<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses `element, element, ...` to the end of `input`, recovering after a bad element.
///
/// An element whose parser fails is reported to `cx` and skipped up to the next comma at this
/// nesting level, so one mistake neither hides the others nor cascades into new ones.
fn parse_comma_list(
    cx: &Ctxt,
    input: ParseStream<'_>,
    mut element: impl FnMut(ParseStream<'_>) -> syn::Result<()>,
) {
    while !input.is_empty() {
        if let Err(err) = element(input) {
            cx.syn_error(err);
            skip_to_comma(input);
        }
        if input.is_empty() {
            break;
        }
        if let Err(err) = input.parse::<Token![,]>() {
            cx.syn_error(err);
            skip_to_comma(input);
            // Either the comma the skip stopped at, or the end of the input.
            let _: Option<Token![,]> = input.parse().unwrap_or_default();
        }
    }
}

/// Skips token trees (a group counts as one) up to, not including, the next `,`.
fn skip_to_comma(input: ParseStream<'_>) {
    // `step` only fails when its closure does, and this one never does.
    let _: syn::Result<()> = input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tree, next)) = rest.token_tree() {
            if matches!(&tree, proc_macro2::TokenTree::Punct(punct) if punct.as_char() == ',') {
                break;
            }
            rest = next;
        }
        Ok(((), rest))
    });
}
