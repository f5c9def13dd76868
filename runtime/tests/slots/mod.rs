//! The slot check both ABI tests use (`test_abi.rs`, `test_abi_center.rs`).

/// Checks `$vtbl`'s slots: type (at compile time, so a `usize` placeholder or a changed
/// signature does not build), offset and total size.
macro_rules! slots {
    ($vtbl:ident { $($slot:ident @ $index:literal : fn($($arg:ty),*)),+ $(,)? }) => {{
        const PTR: usize = ::core::mem::size_of::<usize>();
        #[allow(clippy::type_complexity)]
        fn types(vtbl: &$vtbl) {
            let _: &::windows_core::IUnknown_Vtbl = &vtbl.base__;
            $(let _: unsafe extern "system" fn(*mut ::core::ffi::c_void $(, $arg)*)
                -> ::windows_core::HRESULT = vtbl.$slot;)+
        }
        let _ = types;
        assert_eq!(::core::mem::offset_of!($vtbl, base__), 0);
        assert_eq!(
            ::core::mem::size_of::<::windows_core::IUnknown_Vtbl>(),
            3 * PTR,
            "IUnknown has three slots"
        );
        let mut count = 3;
        $(
            assert_eq!(
                ::core::mem::offset_of!($vtbl, $slot),
                $index * PTR,
                concat!(stringify!($vtbl), "::", stringify!($slot), " is not slot ", $index)
            );
            count += 1;
        )+
        assert_eq!(
            ::core::mem::size_of::<$vtbl>(),
            count * PTR,
            concat!(stringify!($vtbl), " has extra slots")
        );
    }};
}
