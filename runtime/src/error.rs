//! The error type handler code returns: an HRESULT with an optional message.

use crate::abi;
use core::fmt;
use std::borrow::Cow;
use windows_core::HRESULT;

/// `HRESULT_FROM_WIN32(ERROR_CANCELLED)`: the code of [`Error::cancelled`].
const CANCELLED: HRESULT = hresult_from_win32(abi::ERROR_CANCELLED);

/// `HRESULT_FROM_WIN32`: a Win32 error code as an HRESULT (`FACILITY_WIN32`, severity error;
/// `ERROR_SUCCESS` stays `S_OK`).
pub(crate) const fn hresult_from_win32(code: u32) -> HRESULT {
    if code == 0 {
        HRESULT(0)
    } else {
        HRESULT(((code & 0xFFFF) | 0x8007_0000) as i32)
    }
}

/// A failure reported by handler code, or by the runtime on its behalf.
///
/// It carries the HRESULT the Sync Manager sees and a message that the runtime passes to
/// `LogError` where the failure concerns an item.
///
/// `?` converts any `std::error::Error + Send + Sync + 'static`: `std::io::Error` keeps its
/// Windows error code, `windows_core::Error` its HRESULT; any other error is `E_FAIL` with its
/// text and its causes' as the message.
///
/// ```
/// fn read_count(text: &str) -> syncmgr::Result<u32> {
///     let count: u32 = text.trim().parse()?; // ParseIntError: E_FAIL, "invalid digit …"
///     Ok(count)
/// }
/// assert_eq!(read_count("12").unwrap(), 12);
/// assert_eq!(read_count("x").unwrap_err().message(), "invalid digit found in string");
/// ```
///
/// `syncmgr::Error` is not itself a `std::error::Error` (that is what lets `?` take every error
/// type, as with `anyhow::Error`). Code built on `anyhow` converts at the boundary, keeping the
/// chain of causes: `.map_err(|error| syncmgr::Error::msg(format!("{error:#}")))`.
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    code: HRESULT,
    message: Cow<'static, str>,
}

/// `Result<T, syncmgr::Error>`.
pub type Result<T, E = Error> = core::result::Result<T, E>;

impl Error {
    /// An error with an explicit HRESULT and message.
    pub fn new(code: HRESULT, message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    /// A plain failure (`E_FAIL`) with a message.
    pub fn msg(message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(abi::E_FAIL, message)
    }

    /// The item was skipped or stopped; returned by [`ItemSync::check`](crate::ItemSync::check).
    #[must_use]
    pub fn cancelled() -> Self {
        Self::new(CANCELLED, "cancelled")
    }

    /// A method the handler does not provide (`E_NOTIMPL`).
    #[must_use]
    pub fn not_implemented() -> Self {
        Self::new(abi::E_NOTIMPL, "not implemented")
    }

    /// Whether this is [`Error::cancelled`].
    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.code == CANCELLED
    }

    /// The HRESULT.
    pub fn code(&self) -> HRESULT {
        self.code
    }

    /// The message.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Error({:#010x}, {:?})", self.code.0, self.message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (HRESULT {:#010x})", self.message, self.code.0)
    }
}

/// `?` works on any error type: `io::Error` keeps its Windows error code
/// (`HRESULT_FROM_WIN32`), `windows_core::Error` its HRESULT, an invalid status is
/// `E_INVALIDARG`; anything else is `E_FAIL` with the error's text (and its sources' texts) as
/// the message the Sync Manager's log shows. (So that this can cover every error type,
/// `syncmgr::Error` itself is not a `std::error::Error`, like `anyhow::Error`; an `anyhow::Error`
/// converts with `Error::msg(format!("{error:#}"))`.) An `HRESULT` becomes an error with
/// [`Error::new`] or through `windows_core::Error` (`hr.ok()?`).
impl<E: std::error::Error + Send + Sync + 'static> From<E> for Error {
    fn from(error: E) -> Self {
        let any: &dyn std::any::Any = &error;
        if let Some(error) = any.downcast_ref::<windows_core::Error>() {
            return Self::new(error.code(), error.message());
        }
        if let Some(error) = any.downcast_ref::<std::io::Error>() {
            let code = error
                .raw_os_error()
                .filter(|_| cfg!(windows))
                .map_or(abi::E_FAIL, |code| hresult_from_win32(code as u32));
            return Self::new(code, error.to_string());
        }
        if any.is::<crate::InvalidStatus>() {
            return Self::new(abi::E_INVALIDARG, error.to_string());
        }
        // The chain of causes, as `anyhow`'s `{:#}` shows it.
        let mut message = error.to_string();
        let mut source = error.source();
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        Self::new(abi::E_FAIL, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hresult_from_win32_matches_the_sdk_macro() {
        assert_eq!(hresult_from_win32(0), abi::S_OK);
        // HRESULT_FROM_WIN32(ERROR_CANCELLED) and (ERROR_FILE_NOT_FOUND), as winerror.h gives them.
        assert_eq!(Error::cancelled().code(), HRESULT(0x8007_04C7_u32 as i32));
        assert_eq!(
            hresult_from_win32(abi::ERROR_FILE_NOT_FOUND),
            HRESULT(0x8007_0002_u32 as i32)
        );
        assert!(Error::cancelled().is_cancelled());
        assert!(!Error::msg("other").is_cancelled());
    }

    /// `?` on any error: known ones keep their code, others are `E_FAIL` with their chain.
    #[test]
    fn any_error_converts() {
        #[derive(Debug)]
        struct Outer(std::num::ParseIntError);
        impl fmt::Display for Outer {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("bad count")
            }
        }
        impl std::error::Error for Outer {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                Some(&self.0)
            }
        }
        fn parse(text: &str) -> crate::Result<u32> {
            let count: u32 = text.parse().map_err(Outer)?;
            Ok(count)
        }
        let error = parse("x").unwrap_err();
        assert_eq!(error.code(), abi::E_FAIL);
        assert_eq!(error.message(), "bad count: invalid digit found in string");
        let status: Error = crate::SyncStatus::try_from(42).unwrap_err().into();
        assert_eq!(status.code(), abi::E_INVALIDARG);
        let windows: Error = windows_core::Error::from_hresult(abi::E_NOTIMPL).into();
        assert_eq!(windows.code(), abi::E_NOTIMPL);
        let io: Error = std::io::Error::other("disk").into();
        assert_eq!((io.code(), io.message()), (abi::E_FAIL, "disk"));
    }
}
