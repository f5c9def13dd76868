//! Placeholder, replaced by the session implementation.
use windows_core::GUID;
/// The item being synchronized.
pub struct ItemSync<'a> {
    id: &'a GUID,
}
impl ItemSync<'_> {
    /// The item's id.
    #[must_use]
    pub fn id(&self) -> GUID {
        *self.id
    }
    /// Placeholder.
    pub fn check(&self) -> crate::Result<()> {
        Ok(())
    }
}
