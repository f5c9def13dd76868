//! Expansion tests on the `proc_macro2` core, without a compiler invocation.

use crate::expand::sync_handler;
use proc_macro2::TokenStream;
use quote::quote;

const CLSID: &str = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11";

fn expand(args: TokenStream, item: TokenStream) -> String {
    sync_handler(args, item).to_string()
}

/// The messages of the `compile_error!`s in an expansion.
fn errors(args: TokenStream, item: TokenStream) -> Vec<String> {
    let output = sync_handler(args, item);
    let file: syn::File = syn::parse2(output).expect("the expansion parses as items");
    file.items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Macro(mac)
                if mac
                    .mac
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == "compile_error") =>
            {
                let lit: syn::LitStr = mac.mac.parse_body().expect("a string literal");
                Some(lit.value())
            }
            _ => None,
        })
        .collect()
}

fn notes() -> TokenStream {
    quote!(
        pub struct Notes {
            count: u32,
        }
    )
}

#[test]
fn expands_minimal_handler() {
    let out = expand(quote!(clsid = #CLSID, name = "Notes"), notes());
    assert!(out.contains("pub struct Notes"), "{out}");
    assert!(
        out.contains("impl :: syncmgr :: HandlerClass for Notes"),
        "{out}"
    );
    assert!(out.contains("# [automatically_derived]"), "{out}");
    assert!(
        out.contains(
            ":: syncmgr :: __private :: GUID :: from_u128 (0x6b0f7c3e_8c55_4f59_9d7b_3f4f2f6f0a11)"
        ),
        "{out}"
    );
    assert!(out.contains("name : \"Notes\""), "{out}");
    assert!(
        out.contains("flags : :: syncmgr :: HandlerFlags :: NONE ,"),
        "{out}"
    );
    assert!(out.contains("items : & []"), "{out}");
    assert!(out.contains(":: core :: option :: Option :: None"), "{out}");
    assert!(!out.contains("compile_error"), "{out}");
}

#[test]
fn expands_flags_items_and_status_methods() {
    let out = expand(
        quote!(
            clsid = "{6B0F7C3E-8C55-4F59-9D7B-3F4F2F6F0A11}",
            name = "Notes",
            flags(has_properties, hidden),
            item(id = "00000000-0000-0000-0000-000000000001", name = "Inbox"),
            item(
                id = "00000000-0000-0000-0000-000000000002",
                name = "Archive",
                flags(may_delete_item, has_properties),
                unchecked,
            ),
            on(skipped = note_skipped, updating_indeterminate = spin),
        ),
        notes(),
    );
    for expected in [
        ":: syncmgr :: HandlerFlags :: NONE . union (:: syncmgr :: HandlerFlags :: HAS_PROPERTIES) . union (:: syncmgr :: HandlerFlags :: HIDDEN)",
        "from_u128 (0x6b0f7c3e_8c55_4f59_9d7b_3f4f2f6f0a11)",
        "from_u128 (0x00000000_0000_0000_0000_000000000001)",
        "name : \"Inbox\" , flags : :: syncmgr :: ItemFlags :: NONE , checked : true",
        ":: syncmgr :: ItemFlags :: NONE . union (:: syncmgr :: ItemFlags :: MAY_DELETE_ITEM) . union (:: syncmgr :: ItemFlags :: HAS_PROPERTIES) , checked : false",
        ":: syncmgr :: SyncStatus :: Skipped => { let __method : :: syncmgr :: StatusMethod < Self > = Self :: note_skipped ; :: core :: option :: Option :: Some (__method) }",
        ":: syncmgr :: SyncStatus :: UpdatingIndeterminate => { let __method : :: syncmgr :: StatusMethod < Self > = Self :: spin ;",
        "_ => :: core :: option :: Option :: None",
    ] {
        assert!(out.contains(expected), "missing {expected}\nin {out}");
    }
}

#[test]
fn names_only_absolute_paths() {
    let out = sync_handler(
        quote!(clsid = #CLSID, name = "Notes", item(id = "00000000-0000-0000-0000-000000000001", name = "I"), on(deleted = gone)),
        notes(),
    );
    // Every path segment after `::`-less start must be `Self`, the user's names or a keyword.
    let text = out.to_string();
    for path_start in [":: syncmgr ::", ":: core ::"] {
        assert!(text.contains(path_start));
    }
    for forbidden in ["windows_core", "std ::", " syncmgr :: HandlerDecl"] {
        let bare = text.replace(":: syncmgr ::", "").replace(":: core ::", "");
        assert!(!bare.contains(forbidden), "{forbidden} in {text}");
    }
}

#[test]
fn reports_every_error_at_once() {
    let errors = errors(
        quote!(
            clsid = "not-a-guid",
            name = "",
            flags(bogus),
            item(name = "Inbox"),
            on(sleeping = nap),
            color = "red",
        ),
        notes(),
    );
    assert_eq!(errors.len(), 6, "{errors:#?}");
    assert!(
        errors[0].starts_with("unknown handler flag `bogus`"),
        "{errors:#?}"
    );
    assert!(
        errors[1].starts_with("unknown status `sleeping`"),
        "{errors:#?}"
    );
    assert!(
        errors[2].starts_with("unknown argument `color`"),
        "{errors:#?}"
    );
    assert!(
        errors[3].starts_with("malformed GUID in `clsid"),
        "{errors:#?}"
    );
    assert!(
        errors[4].starts_with("the handler name must not be empty"),
        "{errors:#?}"
    );
    assert!(
        errors[5].starts_with("`item(...)` is missing its id"),
        "{errors:#?}"
    );
}

/// On an error: the struct as written, the errors, and an empty `HandlerClass` impl so that
/// nothing else fails because of the error; none for a generic struct.
#[test]
fn keeps_the_item_on_error() {
    let out = expand(quote!(), notes());
    assert!(out.starts_with("pub struct Notes"), "{out}");
    assert!(out.contains("compile_error"), "{out}");
    assert!(
        out.contains("impl :: syncmgr :: HandlerClass for Notes"),
        "{out}"
    );
    assert!(out.contains("items : & []"), "{out}");
    let generic = expand(
        quote!(),
        quote!(
            pub struct Notes<T>(T);
        ),
    );
    assert!(!generic.contains("HandlerClass"), "{generic}");
}

#[test]
fn requires_clsid_and_name() {
    let errors = errors(quote!(), notes());
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors[0].contains("missing the handler's CLSID"));
    assert!(errors[1].contains("missing the handler's display name"));
}

#[test]
fn rejects_repeated_arguments() {
    let errors = errors(
        quote!(
            clsid = #CLSID, clsid = #CLSID, name = "A", name = "B", flags(), flags(),
            on(), on(),
            item(id = "00000000-0000-0000-0000-000000000001", id = "00000000-0000-0000-0000-000000000002",
                 name = "I", name = "J", flags(), flags(), unchecked, unchecked),
        ),
        notes(),
    );
    assert_eq!(errors.len(), 8, "{errors:#?}");
    assert!(
        errors.iter().all(|e| e.contains("is given twice")),
        "{errors:#?}"
    );
}

#[test]
fn rejects_bad_names_and_ids() {
    let long_handler = "n".repeat(32);
    let long_item = "é".repeat(128);
    let errors = errors(
        quote!(
            clsid = "00000000-0000-0000-0000-000000000000",
            name = #long_handler,
            item(id = "00000000-0000-0000-0000-000000000001", name = "First"),
            item(id = "00000000-0000-0000-0000-000000000001", name = "Second"),
            item(id = "00000000-0000-0000-0000-000000000000", name = #long_item),
            item(id = "00000000-0000-0000-0000-00000000001", name = ""),
        ),
        notes(),
    );
    let expected = [
        "the handler's CLSID must not be GUID_NULL",
        "the handler name is 32 UTF-16 units long",
        "duplicate item id `00000000-0000-0000-0000-000000000001`, item `First` already uses it",
        "an item id must not be GUID_NULL",
        "the item name is 128 UTF-16 units long",
        "malformed GUID in `id = \"...\"`: 31 hex digits grouped 8-4-4-4-11",
        "the item name must not be empty",
    ];
    assert_eq!(errors.len(), expected.len(), "{errors:#?}");
    for (error, expected) in errors.iter().zip(expected) {
        assert!(error.starts_with(expected), "{error} vs {expected}");
    }
}

#[test]
fn rejects_item_id_equal_to_clsid() {
    let errors = errors(
        quote!(clsid = #CLSID, name = "N", item(id = #CLSID, name = "I")),
        notes(),
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("is the handler's `clsid`"));
}

#[test]
fn rejects_status_twice_and_non_ident_method() {
    let errors = errors(
        quote!(clsid = #CLSID, name = "N", on(skipped = a, skipped = b, deleted = 42)),
        notes(),
    );
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        errors[0].starts_with("expected the name of a method"),
        "{errors:#?}"
    );
    assert!(
        errors[1].starts_with("status `skipped` is already handled by `a`"),
        "{errors:#?}"
    );
}

#[test]
fn rejects_non_structs_and_generics() {
    let args = quote!(clsid = #CLSID, name = "N");
    for (item, expected) in [
        (
            quote!(
                enum E {
                    A,
                }
            ),
            "not an enum",
        ),
        (quote!(union U { a: u32 }), "not a union"),
        (
            quote!(
                fn f() {}
            ),
            "not a function",
        ),
        (quote!(impl X {}), "not an impl block"),
        (
            quote!(
                trait T {}
            ),
            "not a trait",
        ),
        (
            quote!(
                mod m {}
            ),
            "not this item",
        ),
        (
            quote!(
                struct S<T>(T);
            ),
            "cannot be applied to a generic struct",
        ),
        (
            quote!(
                struct S<'a>(&'a str);
            ),
            "must be `'static`",
        ),
        (
            quote!(
                struct S<const N: usize>;
            ),
            "cannot be applied to a generic struct",
        ),
    ] {
        let errors = errors(args.clone(), item);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(errors[0].contains(expected), "{errors:#?}");
    }
}

#[test]
fn never_panics_on_odd_input() {
    for args in [
        quote!(,),
        quote!(clsid),
        quote!(clsid =),
        quote!(clsid = 1),
        quote!(clsid = #CLSID name = "x"),
        quote!(item),
        quote!(item = 3),
        quote!(item(,,)),
        quote!(flags(1, "x", hidden hidden)),
        quote!(on(= x)),
        quote!(on(skipped)),
        quote!(on(skipped = )),
        quote!("lit", 42, [x], { y }),
        quote!(type = "x", r#fn = 2),
    ] {
        let out = expand(args.clone(), notes());
        assert!(out.contains("compile_error"), "{args} => {out}");
    }
    let out = expand(quote!(clsid = #CLSID, name = "N"), quote!(struct));
    assert!(out.contains("compile_error"), "{out}");
}
