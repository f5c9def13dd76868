//! Generates the `HandlerClass` impl from the checked declaration.

use crate::args::Flag;
use crate::ast::{self, Decl, Handler};
use crate::ctxt::Ctxt;
use crate::{args, guid, valid};
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

/// The core of `#[sync_handler(args)] item`, on `proc_macro2` so that it is unit-testable.
///
/// Input:
/// ```text
/// #[sync_handler(clsid = "…", name = "Notes", on(deleted = forget_item))]
/// pub struct Notes { … }
/// ```
/// Output:
/// ```text
/// pub struct Notes { … }
/// const _: () = {
///     #[automatically_derived]
///     impl ::syncmgr::HandlerClass for Notes {
///         const DECL: ::syncmgr::HandlerDecl = ::syncmgr::HandlerDecl { … };
///         fn status_method(…) -> … { match … { Deleted => Some(Self::forget_item), _ => None } }
///     }
/// };
/// ```
/// On any error, the struct unchanged followed by one `compile_error!` per error.
pub(crate) fn sync_handler(args: TokenStream, item: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let args = args::parse_args(&cx, args);
    let krate = args
        .krate
        .as_ref()
        .map_or_else(|| quote!(::syncmgr), |path| quote!(#path));
    let handler = ast::parse_handler(&cx, item.clone());
    let decl = valid::check(&cx, handler.as_ref(), args);
    match (cx.check(), handler, decl) {
        (Ok(()), Some(handler), Some(decl)) => gen_handler_class(&handler, &decl),
        (Err(err), Some(handler), _) => {
            let mut tokens = token_stream_with_error(item, &err);
            tokens.extend(gen_fallback_class(&handler, &krate));
            tokens
        }
        (Err(err), ..) => token_stream_with_error(item, &err),
        // Unreachable: a missing handler or declaration always comes with an error.
        (Ok(()), ..) => token_stream_with_error(
            item,
            &syn::Error::new(
                Span::call_site(),
                "`#[sync_handler]` failed without an error",
            ),
        ),
    }
}

/// After an attribute error, a `HandlerClass` impl with an empty declaration, so that code using
/// the type (`dll_exports!`, `create`) does not fail too: one error per mistake (serde and
/// thiserror do the same). Not for a generic struct, which is an error of its own.
fn gen_fallback_class(handler: &Handler, krate: &TokenStream) -> TokenStream {
    if !handler.original.generics.params.is_empty() {
        return TokenStream::new();
    }
    let ident = handler.ident();
    let header = quote_spanned!(ident.span()=> impl #krate::HandlerClass for #ident);
    quote! {
        const _: () = {
            #[automatically_derived]
            #header {
                const DECL: #krate::HandlerDecl = #krate::HandlerDecl {
                    clsid: #krate::__private::GUID::from_u128(0),
                    name: "",
                    flags: #krate::HandlerFlags::NONE,
                    icon: ::core::option::Option::None,
                    items: &[],
                };

                fn status_method(_: #krate::SyncStatus)
                    -> ::core::option::Option<#krate::StatusMethod<Self>>
                {
                    ::core::option::Option::None
                }
            }
        };
    }
}

/// The user's item as written, then the errors, so that code using the type does not fail too
/// (tokio's `token_stream_with_error`).
fn token_stream_with_error(mut item: TokenStream, err: &syn::Error) -> TokenStream {
    item.extend(err.to_compile_error());
    item
}

/// Output: the struct, then `const _: () = { impl ::syncmgr::HandlerClass for Notes { … } };`
fn gen_handler_class(handler: &Handler, decl: &Decl) -> TokenStream {
    let original = &handler.original;
    let ident = handler.ident();
    // The header carries the user's span: an unmet supertrait bound (`SyncHandler`, `Send`,
    // `Sync`) is reported at the struct's name, not at the attribute. `HandlerClass: Send +
    // Sync + 'static` already checks thread safety there, so no separate
    // `::syncmgr::__private::assert_send_sync::<T>()` is emitted: tried, it repeats every
    // `Send`/`Sync` error word for word (see tests/ui/not-sync-handler.rs).
    let krate = &decl.krate;
    let header = quote_spanned!(ident.span()=> impl #krate::HandlerClass for #ident);
    let decl_expr = gen_decl(decl);
    let status_method = gen_status_method(decl);
    let constants = gen_item_constants(ident, decl);
    quote! {
        #original

        #constants

        const _: () = {
            #[automatically_derived]
            #header {
                const DECL: #krate::HandlerDecl = #decl_expr;

                #status_method
            }
        };
    }
}

/// Output: `::syncmgr::HandlerDecl { clsid: …, name: "Notes", flags: …, items: &[…] }`
fn gen_decl(decl: &Decl) -> TokenStream {
    let krate = &decl.krate;
    let clsid = gen_guid(krate, decl.clsid);
    let name = &decl.name;
    let flags = gen_flags(krate, &format_ident!("HandlerFlags"), &decl.flags);
    let items = decl.items.iter().map(|item| {
        let id = gen_guid(krate, item.id);
        let name = &item.name;
        let flags = gen_flags(krate, &format_ident!("ItemFlags"), &item.flags);
        let checked = item.checked;
        let icon = gen_icon(item.icon);
        quote! {
            #krate::StaticItem {
                id: #id,
                name: #name,
                flags: #flags,
                checked: #checked,
                icon: #icon,
            }
        }
    });
    let icon = gen_icon(decl.icon);
    quote! {
        #krate::HandlerDecl {
            clsid: #clsid,
            name: #name,
            flags: #flags,
            icon: #icon,
            items: &[#(#items),*],
        }
    }
}

/// Output: `::core::option::Option::Some(101u16)` or `…::None`.
fn gen_icon(icon: Option<u16>) -> TokenStream {
    if let Some(id) = icon {
        quote!(::core::option::Option::Some(#id))
    } else {
        quote!(::core::option::Option::None)
    }
}

/// Output: `impl Notes { pub const INBOX: ::syncmgr::GUID = …; }` for the items with
/// `const = …`, nothing without any.
fn gen_item_constants(ident: &Ident, decl: &Decl) -> TokenStream {
    let krate = &decl.krate;
    let constants: Vec<TokenStream> = decl
        .items
        .iter()
        .filter_map(|item| {
            let name = item.constant.as_ref()?;
            let id = gen_guid(krate, item.id);
            let doc = format!("The id of the item `{}`.", item.name.value());
            Some(quote! {
                #[doc = #doc]
                pub const #name: #krate::GUID = #id;
            })
        })
        .collect();
    if constants.is_empty() {
        return TokenStream::new();
    }
    quote! {
        #[automatically_derived]
        impl #ident {
            #(#constants)*
        }
    }
}

/// Output: `::syncmgr::__private::GUID::from_u128(0x6b0f7c3e_8c55_4f59_9d7b_3f4f2f6f0a11)`
fn gen_guid(krate: &TokenStream, value: u128) -> TokenStream {
    let literal = gen_guid_value(value);
    quote!(#krate::__private::GUID::from_u128(#literal))
}

/// Output: `0x6b0f7c3e_8c55_4f59_9d7b_3f4f2f6f0a11`, the value `GUID::from_u128` takes.
pub(crate) fn gen_guid_value(value: u128) -> TokenStream {
    // Generated spans, not the user's: lints on long literals do not apply to expansions.
    let literal = guid::hex_literal(value)
        .parse::<Literal>()
        .unwrap_or_else(|_| Literal::u128_unsuffixed(value));
    quote!(#literal)
}

/// Output: `::syncmgr::HandlerFlags::NONE.union(::syncmgr::HandlerFlags::HIDDEN)…`
fn gen_flags(krate: &TokenStream, ty: &Ident, flags: &[Flag]) -> TokenStream {
    let constants = flags
        .iter()
        .map(|flag| Ident::new(flag.constant, flag.ident.span()));
    quote!(#krate::#ty::NONE #(.union(#krate::#ty::#constants))*)
}

/// Output:
/// ```text
/// fn status_method(__status: ::syncmgr::SyncStatus) -> Option<StatusMethod<Self>> {
///     match __status {
///         ::syncmgr::SyncStatus::Deleted => {
///             let __method: ::syncmgr::StatusMethod<Self> = Self::forget_item;
///             Some(__method)
///         }
///         _ => None,
///     }
/// }
/// ```
fn gen_status_method(decl: &Decl) -> TokenStream {
    let krate = &decl.krate;
    let signature = |param: TokenStream| {
        quote! {
            fn status_method(#param: #krate::SyncStatus)
                -> ::core::option::Option<#krate::StatusMethod<Self>>
        }
    };
    if decl.on.is_empty() {
        let signature = signature(quote!(_));
        return quote!(#signature { ::core::option::Option::None });
    }
    let status = Ident::new("__status", Span::mixed_site());
    let signature = signature(quote!(#status));
    let arms = decl.on.iter().map(|on| {
        let variant = Ident::new(on.variant, Span::call_site());
        let method = &on.method;
        // At the method's name in the attribute: a missing method or a wrong signature
        // (the fn item does not coerce to `StatusMethod<Self>`) is reported there. The typed
        // `let` gives a plain "expected fn pointer, found fn item"; coercing inside `Some(…)`
        // adds notes about `Option`'s variant that only distract.
        let local = Ident::new("__method", Span::mixed_site());
        let at_method = respan(krate.clone(), method.span());
        let coerce = quote_spanned! {method.span()=>
            let #local: #at_method::StatusMethod<Self> = Self::#method;
        };
        quote! {
            #krate::SyncStatus::#variant => {
                #coerce
                ::core::option::Option::Some(#local)
            }
        }
    });
    quote! {
        #signature {
            match #status {
                #(#arms)*
                _ => ::core::option::Option::None,
            }
        }
    }
}

/// `tokens` with every span set to `span`, so that a diagnostic about code built from them
/// points at one place of the user's input.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let proc_macro2::TokenTree::Group(group) = &tree {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                tree = proc_macro2::TokenTree::Group(inner);
            } else {
                tree.set_span(span);
            }
            tree
        })
        .collect()
}
