//! The cursor of the runtime's `IEnum*` objects (`ISyncMgrEnumItems`, `IEnumSyncMgrSyncItems`,
//! `IEnumString`): COM's enumerator rules once.

use crate::abi;
use crate::guard::lock;
use core::ops::Range;
use std::sync::Mutex;
use windows_core::HRESULT;

/// A position in a list of `len` elements, shared by the enumerator's callers.
pub(crate) struct Cursor(Mutex<usize>);

impl Cursor {
    /// A cursor at `position`.
    pub(crate) const fn at(position: usize) -> Self {
        Self(Mutex::new(position))
    }

    /// Where it is (for `Clone`).
    pub(crate) fn position(&self) -> usize {
        *lock(&self.0)
    }

    /// Back to the start (`Reset`).
    pub(crate) fn reset(&self) {
        *lock(&self.0) = 0;
    }

    /// `Next`: up to `count` of `len` elements from the cursor. `take` gets their range and,
    /// when it succeeds, the cursor moves past them. It all happens under one lock, so a
    /// concurrent call sees the cursor before or after, never in between.
    #[inline]
    pub(crate) fn next<E>(
        &self,
        len: usize,
        count: u32,
        take: impl FnOnce(Range<usize>) -> Result<(), E>,
    ) -> Result<Range<usize>, E> {
        let mut position = lock(&self.0);
        let start = (*position).min(len);
        let range = start..start + (count as usize).min(len - start);
        take(range.clone())?;
        *position = range.end;
        Ok(range)
    }

    /// `Skip`: moves up to `count` of `len` elements on; returns how many it passed.
    pub(crate) fn skip(&self, len: usize, count: u32) -> usize {
        let passed: Result<_, core::convert::Infallible> = self.next(len, count, |_| Ok(()));
        passed.map_or(0, |range| range.len())
    }
}

/// A `Next` or `Skip` answer: `S_OK` when all `asked` elements were passed, else `S_FALSE`.
pub(crate) fn completion(passed: usize, asked: u32) -> HRESULT {
    if passed == asked as usize {
        abi::S_OK
    } else {
        abi::S_FALSE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_skip_reset_and_failures() {
        let cursor = Cursor::at(1);
        let taken: Result<_, ()> = cursor.next(4, 2, |range| {
            assert_eq!(range, 1..3);
            Ok(())
        });
        assert_eq!(taken, Ok(1..3));
        // A failed take leaves the cursor.
        assert_eq!(cursor.next(4, 1, |_| Err("no memory")), Err("no memory"));
        assert_eq!(cursor.position(), 3);
        assert_eq!(cursor.skip(4, 5), 1);
        assert_eq!(completion(1, 5), abi::S_FALSE);
        assert_eq!(cursor.skip(4, 0), 0);
        assert_eq!(completion(0, 0), abi::S_OK);
        cursor.reset();
        assert_eq!(cursor.position(), 0);
        // A position past the end (a clone of an enumerator over a longer list) stays at it.
        let cursor = Cursor::at(9);
        assert_eq!(cursor.skip(4, 1), 0);
    }
}
