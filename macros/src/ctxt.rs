//! A serde-style error accumulator, so one expansion reports every mistake at once.

use core::cell::RefCell;
use core::fmt::Display;
use proc_macro2::Span;
use quote::ToTokens;

/// Collects the errors found while parsing and checking one `#[sync_handler]` invocation.
///
/// Every phase keeps going after an error so the user sees all of them in one build; `check`
/// must be called exactly once to hand them over (dropping an unchecked `Ctxt` is a bug in the
/// macro, caught in tests by the panic in `Drop`, as in serde's `internals/ctxt.rs`).
#[derive(Default)]
pub(crate) struct Ctxt {
    /// `None` once `check` has run.
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    pub(crate) fn new() -> Self {
        Self {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    /// Records an error spanning the tokens of `obj`.
    pub(crate) fn error_spanned_by<A: ToTokens, T: Display>(&self, obj: A, msg: T) {
        self.syn_error(syn::Error::new_spanned(obj.into_token_stream(), msg));
    }

    /// Records an error at `span`.
    pub(crate) fn error_at<T: Display>(&self, span: Span, msg: T) {
        self.syn_error(syn::Error::new(span, msg));
    }

    /// Records an error from syn.
    pub(crate) fn syn_error(&self, err: syn::Error) {
        if let Some(errors) = self.errors.borrow_mut().as_mut() {
            errors.push(err);
        }
    }

    /// Consumes the context, combining every recorded error into one.
    pub(crate) fn check(self) -> syn::Result<()> {
        let errors = self.errors.borrow_mut().take().unwrap_or_default();
        let mut errors = errors.into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for rest in errors {
            combined.combine(rest);
        }
        Err(combined)
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        // A macro bug, never a user error: some path forgot to report the collected errors.
        assert!(
            std::thread::panicking() || self.errors.borrow().is_none(),
            "forgot to check for errors"
        );
    }
}
