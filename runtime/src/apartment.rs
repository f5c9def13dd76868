//! COM apartments: the worker's own, and how it reaches a callback that belongs to another.
//!
//! Off Windows there are no apartments: the worker calls the callback directly and this module
//! only provides a [`WorkerApartment`] that does nothing.
//!
//! On Windows, `SetProgressCallback` hands the handler a pointer that is valid in the caller's
//! apartment. The Sync Manager calls from a single-threaded apartment (STA) whose thread pumps
//! messages, and its callback is an ordinary apartment object. The handler's worker runs in the
//! multithreaded apartment (MTA), so it may not call that pointer itself. [`Bound`] keeps such a
//! callback together with a [`Home`]: a message-only window created on the callback's own thread,
//! the one way to run code there. Each call then takes one of these paths:
//!
//! - on the callback's own thread: the pointer, directly;
//! - on a worker: a proxy. The first call of a worker asks the home thread (through the window)
//!   to marshal the callback into a stream (`CoMarshalInterThreadInterfaceInStream`), unmarshals
//!   it (`CoGetInterfaceAndReleaseStream`) and keeps the proxy until the worker leaves its
//!   apartment: one unmarshal per worker and callback, not one per call;
//! - when the callback cannot be marshaled (no proxy/stub registered for
//!   `ISyncMgrSynchronizeCallback`, as under Wine, or any other failure), and on threads that are
//!   neither the home thread nor a worker: the call itself is carried to the home thread through
//!   the window (`SendMessageW`) and made there, while the caller waits. The host sees every call
//!   on its own thread, in order, exactly as a proxy would deliver it.
//!
//! Both remote paths need what any cross-apartment call into an STA needs: the home thread
//! pumps messages while a session runs (the Sync Manager does). A callback that answers
//! `IAgileObject`, or that comes from the MTA or a thread without COM, is called directly from
//! every thread; so is one whose home window cannot be created (the mobsync documentation
//! allows the callback's methods to be called from any thread).
//!
//! The pointer itself is released on its own thread: at once when the last reference goes there,
//! otherwise through a message posted to the window, which is destroyed right after. Until then
//! the window counts as a live object, so `DllCanUnloadNow` keeps the module (and the window
//! procedure) loaded.

/// The worker thread's COM apartment: the MTA on Windows, nothing elsewhere. Proxies the worker
/// unmarshaled are released before it leaves.
pub(crate) struct WorkerApartment {
    #[cfg(windows)]
    entered: bool,
}

impl WorkerApartment {
    pub(crate) fn enter() -> Self {
        #[cfg(windows)]
        {
            // SAFETY: initializes COM on this new thread; balanced in `drop`.
            let hr = unsafe {
                crate::abi::CoInitializeEx(None, crate::abi::COINIT_MULTITHREADED as u32)
            };
            windows::IS_WORKER.set(true);
            Self {
                entered: hr.is_ok(),
            }
        }
        #[cfg(not(windows))]
        Self {}
    }
}

#[cfg(windows)]
impl Drop for WorkerApartment {
    fn drop(&mut self) {
        windows::IS_WORKER.set(false);
        // Proxies belong to this apartment: released while it still exists.
        drop(windows::PROXY.take());
        if self.entered {
            // SAFETY: balances the successful CoInitializeEx of `enter` on the same thread.
            unsafe { crate::abi::CoUninitialize() };
        }
    }
}

#[cfg(windows)]
pub(crate) use windows::{Bound, in_single_threaded_apartment};

#[cfg(windows)]
mod windows {
    use crate::abi::{self, HWND, ISyncMgrSynchronizeCallback, LPARAM, LRESULT, WPARAM};
    use crate::guard::lock;
    use crate::module::Token;
    use core::cell::{Cell, RefCell};
    use core::mem::ManuallyDrop;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicU64, Ordering};
    use windows_core::{Interface, PCWSTR};

    thread_local! {
        /// Set on a worker thread while it is in its apartment.
        pub(super) static IS_WORKER: Cell<bool> = const { Cell::new(false) };
        /// The worker's way to the current callback: its [`Bound::id`] and the proxy, or `None`
        /// when the callback could not be marshaled (calls are then carried home).
        pub(super) static PROXY: RefCell<Option<(u64, Option<ISyncMgrSynchronizeCallback>)>> =
            const { RefCell::new(None) };
    }

    /// `SendMessageW`: run the `&mut dyn FnMut()` whose address is `lParam`; answers [`RAN`].
    const RUN: u32 = abi::WM_APP;
    /// `PostMessageW`: run and free the `Box<Retire>` whose address is `lParam`, then destroy
    /// the window.
    const RETIRE: u32 = abi::WM_APP + 1;
    /// What the window procedure answers to [`RUN`]; `SendMessageW` answers 0 when the message
    /// could not be delivered.
    const RAN: isize = 1;

    /// The window class, registered while any home window exists.
    const CLASS: &str = "syncmgr.callback-home";

    /// How many home windows exist; the class is registered while this is not zero.
    static WINDOWS: Mutex<usize> = Mutex::new(0);

    /// Distinguishes callbacks for the workers' proxy cache.
    static NEXT_ID: AtomicU64 = AtomicU64::new(1);

    /// Whether the calling thread is in a single-threaded apartment.
    pub(crate) fn in_single_threaded_apartment() -> bool {
        let mut kind = abi::APTTYPE::default();
        let mut qualifier = abi::APTTYPEQUALIFIER::default();
        // SAFETY: both out-pointers are valid for the call.
        let hr = unsafe { abi::CoGetApartmentType(&raw mut kind, &raw mut qualifier) };
        hr.is_ok() && matches!(kind, abi::APTTYPE_STA | abi::APTTYPE_MAINSTA)
    }

    fn current_thread() -> u32 {
        // SAFETY: no arguments, no preconditions.
        unsafe { abi::GetCurrentThreadId() }
    }

    /// This module's instance handle, for the window class.
    fn instance() -> abi::HINSTANCE {
        crate::server::module_handle((instance as *const ()).cast()).map_or_else(
            |_| abi::HINSTANCE::default(),
            |module| abi::HINSTANCE(module.0),
        )
    }

    fn class_name() -> Vec<u16> {
        crate::abi::wide(CLASS)
    }

    /// A message-only window on the thread that created it: the way other threads run code
    /// there.
    struct Home {
        thread: u32,
        window: HWND,
        /// Counts the window as a live object: the module stays loaded while it can receive
        /// messages.
        _token: Token,
    }

    impl Home {
        /// A home window on the calling thread, or `None` if none can be made.
        fn here() -> Option<Self> {
            let instance = instance();
            let class = class_name();
            {
                // The window is counted before it exists, so that the class stays registered
                // while it is made; the lock is not held while user32 runs.
                let mut windows = lock(&WINDOWS);
                if *windows == 0 {
                    let description = abi::WNDCLASSW {
                        lpfnWndProc: Some(window_procedure),
                        hInstance: instance,
                        lpszClassName: windows_core::PWSTR(class.as_ptr().cast_mut()),
                        ..abi::WNDCLASSW::default()
                    };
                    // SAFETY: `description` is complete and its strings outlive the call.
                    if unsafe { abi::RegisterClassW(&raw const description) } == 0 {
                        return None;
                    }
                }
                *windows += 1;
            }
            let token = Token::object();
            // SAFETY: the class is registered for `instance`; HWND_MESSAGE makes a
            // message-only window (never shown, receives only messages sent or posted to it).
            let window = unsafe {
                abi::CreateWindowExW(
                    0,
                    PCWSTR(class.as_ptr()),
                    PCWSTR::null(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    Some(abi::HWND_MESSAGE),
                    None,
                    Some(instance),
                    None,
                )
            };
            let home = Self {
                thread: current_thread(),
                window,
                _token: token,
            };
            if window.0.is_null() {
                home.forget_window();
                return None;
            }
            Some(home)
        }

        fn is_current(&self) -> bool {
            current_thread() == self.thread
        }

        /// Runs `job` on the home thread while the caller waits; `false` if it could not be
        /// delivered (the window or its thread is gone).
        ///
        /// # Safety
        /// `job` runs on another thread while this one is blocked: it may use what it borrows
        /// from the caller, but must not depend on which thread runs it (thread-locals).
        unsafe fn run(&self, job: &mut dyn FnMut()) -> bool {
            let mut job = job;
            let address = (&raw mut job) as isize;
            // SAFETY: the window procedure reads `address` as a `&mut dyn FnMut()` and calls it
            // before SendMessageW returns, while `job` is alive on this stack.
            let answer =
                unsafe { abi::SendMessageW(self.window, RUN, None, Some(LPARAM(address))) };
            answer.0 == RAN
        }

        /// Runs `last` on the home thread and destroys the window: now when this is the home
        /// thread, else when it next dispatches messages.
        fn retire(self, last: Box<dyn FnOnce() + Send>) {
            if self.is_current() {
                last();
                self.destroy();
                return;
            }
            let window = self.window;
            let retire = Box::into_raw(Box::new(Retire { last, home: self }));
            // SAFETY: posts the box's address; the window procedure takes the box back.
            let posted = unsafe {
                abi::PostMessageW(Some(window), RETIRE, WPARAM(0), LPARAM(retire as isize))
            };
            if !posted.as_bool() {
                // The home thread is gone, and its apartment with it: what `last` would release
                // must not be touched from here.
                // SAFETY: the message was not posted, so the box is still ours.
                let retire = unsafe { Box::from_raw(retire) };
                core::mem::forget(retire.last);
                retire.home.forget_window();
            }
        }

        /// Destroys the window (on its thread) and unregisters the class after the last one.
        fn destroy(self) {
            // SAFETY: called on the window's own thread, once.
            let _ = unsafe { abi::DestroyWindow(self.window) };
            self.forget_window();
        }

        /// Counts the window as gone.
        fn forget_window(self) {
            let Self { _token: token, .. } = self;
            let mut windows = lock(&WINDOWS);
            *windows -= 1;
            if *windows == 0 {
                let class = class_name();
                // SAFETY: no window of the class is left (a window whose thread ended is gone).
                let _ = unsafe { abi::UnregisterClassW(PCWSTR(class.as_ptr()), Some(instance())) };
            }
            drop(windows);
            // The module counts as unloadable only once the class is gone.
            drop(token);
        }
    }

    /// What a posted [`RETIRE`] carries.
    struct Retire {
        last: Box<dyn FnOnce() + Send>,
        home: Home,
    }

    unsafe extern "system" fn window_procedure(
        window: HWND,
        message: u32,
        wparam: WPARAM,
        lparam: LPARAM,
    ) -> LRESULT {
        match message {
            RUN => {
                // SAFETY: `Home::run` sent the address of a live `&mut dyn FnMut()` and waits.
                let job = unsafe { &mut *(lparam.0 as *mut &mut dyn FnMut()) };
                // A panic must not unwind into user32; the runtime's jobs do not panic.
                let _ = crate::guard::catch(job);
                LRESULT(RAN)
            }
            RETIRE => {
                // SAFETY: `Home::retire` posted a `Box<Retire>` it gave up.
                let retire = unsafe { Box::from_raw(lparam.0 as *mut Retire) };
                let Retire { last, home } = *retire;
                let _ = crate::guard::catch(last);
                home.destroy();
                LRESULT(0)
            }
            // SAFETY: the default handling for every other message of this window.
            _ => unsafe { abi::DefWindowProcW(window, message, wparam, lparam) },
        }
    }

    /// An apartment-bound callback and the way to its thread.
    pub(crate) struct Bound {
        /// Valid on the home thread only, and released there.
        callback: ManuallyDrop<ISyncMgrSynchronizeCallback>,
        home: ManuallyDrop<Home>,
        id: u64,
    }

    // SAFETY: `callback` is only called or released on the home thread (checked with
    // `is_current`, or inside a job the window runs there); the window handle may be used from
    // any thread to send or post messages.
    unsafe impl Send for Bound {}
    // SAFETY: as for `Send`; every method takes `&self` and keeps to those rules.
    unsafe impl Sync for Bound {}

    /// The callback pointer, owned by a job that releases it on its home thread.
    struct HomeOnly(ISyncMgrSynchronizeCallback);

    // SAFETY: a `HomeOnly` is moved to the home thread's window procedure and dropped there.
    unsafe impl Send for HomeOnly {}

    impl HomeOnly {
        /// Releases the pointer; called on the home thread.
        fn release(self) {
            drop(self.0);
        }
    }

    impl Bound {
        /// Binds `callback` to the calling thread when that thread is in an STA; `None` when the
        /// pointer may be used from any thread as it is (MTA, no COM) or no home window can be
        /// made.
        pub(crate) fn new(callback: &ISyncMgrSynchronizeCallback) -> Option<Self> {
            if !in_single_threaded_apartment() {
                return None;
            }
            let home = Home::here()?;
            Some(Self {
                callback: ManuallyDrop::new(callback.clone()),
                home: ManuallyDrop::new(home),
                id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            })
        }

        /// Calls `f` with the callback as this thread may use it; `None` when the callback
        /// cannot be reached.
        pub(crate) fn with<R>(
            &self,
            f: impl FnOnce(&ISyncMgrSynchronizeCallback) -> R,
        ) -> Option<R> {
            if self.home.is_current() {
                return Some(f(&self.callback));
            }
            if IS_WORKER.get()
                && let Some(proxy) = self.proxy()
            {
                return Some(f(&proxy));
            }
            let mut f = Some(f);
            let mut result = None;
            let callback = &*self.callback;
            // SAFETY: the job only calls the callback (valid on the home thread, where it runs)
            // with arguments borrowed from this waiting caller, and touches no thread-local.
            unsafe {
                self.home.run(&mut || {
                    if let Some(f) = f.take() {
                        result = Some(f(callback));
                    }
                });
            }
            result
        }

        /// The worker's proxy for this callback, unmarshaled on its first use; `None` when the
        /// callback cannot be marshaled.
        fn proxy(&self) -> Option<ISyncMgrSynchronizeCallback> {
            let cached = PROXY.with_borrow(|cached| match cached {
                Some((id, proxy)) if *id == self.id => Some(proxy.clone()),
                _ => None,
            });
            if let Some(proxy) = cached {
                return proxy;
            }
            let mut stream = None;
            let callback = &*self.callback;
            // SAFETY: the job marshals the callback on its home thread, where it is valid.
            unsafe {
                self.home.run(&mut || {
                    // SAFETY: `callback` is a live interface of this (the home) apartment.
                    stream = abi::CoMarshalInterThreadInterfaceInStream(
                        &ISyncMgrSynchronizeCallback::IID,
                        callback,
                    )
                    .ok();
                });
            }
            let proxy = stream.and_then(|stream| {
                // The call releases the stream itself.
                let stream = ManuallyDrop::new(stream);
                // SAFETY: `stream` holds the callback marshaled for another apartment; this
                // call unmarshals it into the worker's and releases the stream.
                unsafe { abi::CoGetInterfaceAndReleaseStream(&*stream) }.ok()
            });
            // The previous proxy (of a replaced callback) is released here, in its apartment.
            PROXY.set(Some((self.id, proxy.clone())));
            proxy
        }
    }

    impl Drop for Bound {
        fn drop(&mut self) {
            // SAFETY: both fields are taken once, here.
            let (callback, home) = unsafe {
                (
                    ManuallyDrop::take(&mut self.callback),
                    ManuallyDrop::take(&mut self.home),
                )
            };
            let callback = HomeOnly(callback);
            home.retire(Box::new(move || callback.release()));
        }
    }
}
