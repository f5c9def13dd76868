//! COM apartments: the worker's own, and how it reaches a callback that belongs to another.
//!
//! Off Windows there are no apartments: every callback is called directly and this module only
//! provides a [`WorkerApartment`] that does nothing.
//!
//! On Windows, both hosts hand the handler a callback pointer that is valid in the caller's
//! apartment: the Sync Manager's `SetProgressCallback` and Sync Center's `CreateSession`. The
//! Sync Manager calls from a single-threaded apartment (STA) whose thread pumps messages, and its
//! callback is an ordinary apartment object; Sync Center's threads are not documented. The
//! handler's worker runs in the multithreaded apartment (MTA), so it may not call such a pointer
//! itself. A [`Reach`] holds a callback as every thread may use it: directly, or, for an
//! apartment object of an STA, as a `Bound` (Windows) with a `Home`: a message-only window
//! created on the callback's own thread, the one way to run code there. Each call of a bound
//! callback then takes one of these paths:
//!
//! - on the callback's own thread: the pointer, directly;
//! - on the Sync Manager's worker: a proxy. The first call of a worker asks the home thread
//!   (through the window) to marshal the callback into a stream
//!   (`CoMarshalInterThreadInterfaceInStream`), unmarshals it (`CoGetInterfaceAndReleaseStream`)
//!   and keeps the proxy until the worker leaves its apartment: one unmarshal per worker and
//!   callback, not one per call;
//! - when the callback cannot be marshaled (no proxy/stub registered for its interface, as under
//!   Wine, or any other failure), on Sync Center's worker ([`Route::Carry`]), and on threads that
//!   are neither the home thread nor a worker: the call itself is carried to the home thread
//!   through the window (`SendMessageW`) and made there, while the caller waits. The host sees every call on its own thread, in order,
//!   exactly as a proxy would deliver it.
//!
//! Both remote paths need what any cross-apartment call into an STA needs: the home thread
//! pumps messages while a session runs. The Sync Manager's thread does so itself, since its
//! `Synchronize` returns at once. Sync Center's `Synchronize` returns only when the session is
//! over, so [`Reach::run`] runs the session on a worker while the calling thread pumps. A
//! callback that answers `IAgileObject`, or that comes from the MTA or a thread without COM, is
//! called directly from every thread; so is one whose home window cannot be created (the mobsync
//! documentation allows the callback's methods to be called from any thread).
//!
//! The pointer itself is released on its own thread: at once when the last reference goes there,
//! otherwise through a message posted to the window, which is destroyed right after. Until then
//! the window counts as a live object, so `DllCanUnloadNow` keeps the module (and the window
//! procedure) loaded.

use windows_core::Interface;

/// A callback held as every thread may use it.
pub(crate) enum Reach<I: 'static> {
    /// Callable from any thread: no apartments (off Windows), an `IAgileObject`, a pointer of
    /// the multithreaded apartment, or one whose thread cannot be reached otherwise.
    Direct(I),
    /// Bound to the single-threaded apartment that passed it.
    #[cfg(windows)]
    Apartment(windows::Bound<I>),
}

// SAFETY: `Direct` holds a pointer that may be used from any thread: off Windows there are no
// apartments, and on Windows it is agile, belongs to the MTA (which the worker joins), or no
// way to its thread exists. `Bound` is itself `Send + Sync`.
unsafe impl<I: 'static> Send for Reach<I> {}
// SAFETY: as for `Send`; COM objects are called through `&self` and synchronize internally.
unsafe impl<I: 'static> Sync for Reach<I> {}

impl<I: Interface + Clone + 'static> Reach<I> {
    /// Takes a reference to `raw`, a callback handed to the calling thread.
    pub(crate) fn new(raw: &I) -> Self {
        #[cfg(windows)]
        if raw.cast::<crate::abi::IAgileObject>().is_err()
            && let Some(bound) = windows::Bound::new(raw)
        {
            return Self::Apartment(bound);
        }
        Self::Direct(raw.clone())
    }

    /// Calls `f` with the callback as this thread may use it; `None` when it cannot be reached.
    /// A directly held pointer is borrowed (`self` keeps its reference for the call), which
    /// spares an `AddRef`/`Release` pair per call.
    #[inline]
    #[cfg_attr(not(windows), allow(clippy::unnecessary_wraps))] // only Windows has unreachable ones
    pub(crate) fn with<R>(&self, f: impl FnOnce(&I) -> R) -> Option<R> {
        match self {
            Self::Direct(callback) => Some(f(callback)),
            #[cfg(windows)]
            Self::Apartment(bound) => bound.with(f),
        }
    }

    /// Runs `session`, which reports through this callback, until it is done, so that its
    /// reports arrive from every thread: on this thread when the callback may be called from
    /// anywhere; for a callback bound to this thread's STA, on a worker in the MTA while this
    /// thread pumps messages (carrying the worker's calls home).
    pub(crate) fn run<R: Send>(&self, session: impl FnOnce() -> R + Send) -> R {
        match self {
            Self::Direct(_) => session(),
            #[cfg(windows)]
            Self::Apartment(bound) => bound.pump_while(session),
        }
    }
}

/// The worker thread's COM apartment: the MTA on Windows, nothing elsewhere. Proxies the worker
/// unmarshaled are released before it leaves.
pub(crate) struct WorkerApartment {
    #[cfg(windows)]
    entered: bool,
}

/// How a worker reaches a callback bound to another thread's STA (Windows).
#[derive(Clone, Copy)]
pub(crate) enum Route {
    /// Through a proxy when the callback can be marshaled, else carried home: the Sync
    /// Manager's worker.
    Proxy,
    /// Always carried home through the window: Sync Center's worker, whose home thread pumps in
    /// [`Reach::run`]'s own loop, which a proxy's call would go through just the same; and
    /// marshaling such a callback was seen to hang under Wine (`docs/protocol.md#wine`).
    #[cfg_attr(not(windows), allow(dead_code))] // only Windows binds callbacks
    Carry,
}

impl WorkerApartment {
    /// Joins the MTA on this new thread, reaching bound callbacks by `route`.
    #[cfg_attr(not(windows), allow(unused_variables))]
    pub(crate) fn enter(route: Route) -> Self {
        #[cfg(windows)]
        {
            // SAFETY: initializes COM on this new thread; balanced in `drop`.
            let hr = unsafe {
                crate::abi::CoInitializeEx(None, crate::abi::COINIT_MULTITHREADED as u32)
            };
            windows::IS_WORKER.set(matches!(route, Route::Proxy));
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
mod windows {
    use super::WorkerApartment;
    use crate::abi::{self, HWND, LPARAM, LRESULT, WPARAM};
    use crate::guard::lock;
    use crate::module::Token;
    use core::cell::{Cell, RefCell};
    use core::mem::ManuallyDrop;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use windows_core::{IUnknown, Interface, PCWSTR};

    thread_local! {
        /// Set on a worker thread that reaches bound callbacks through proxies
        /// ([`Route::Proxy`](super::Route::Proxy)), while it is in its apartment.
        pub(super) static IS_WORKER: Cell<bool> = const { Cell::new(false) };
        /// The worker's way to the current callback: its [`Bound::id`] and the proxy (a pointer
        /// of the callback's interface, kept as `IUnknown`), or `None` when the callback could
        /// not be marshaled (calls are then carried home).
        pub(super) static PROXY: RefCell<Option<(u64, Option<IUnknown>)>> =
            const { RefCell::new(None) };
    }

    /// `SendMessageW`: run the `&mut dyn FnMut()` whose address is `lParam`; answers [`RAN`].
    const RUN: u32 = abi::WM_APP;
    /// `PostMessageW`: run and free the `Box<Retire>` whose address is `lParam`, then destroy
    /// the window.
    const RETIRE: u32 = abi::WM_APP + 1;
    /// `PostMessageW`: nothing to do; wakes the home thread's pump (`Bound::pump_while`).
    const WAKE: u32 = abi::WM_APP + 2;
    /// How long the pump waits for a message before it looks again whether the session is
    /// over: a bound for a wake-up that could not be posted.
    const PUMP_PERIOD_MS: u32 = 50;
    /// What the window procedure answers to [`RUN`]; `SendMessageW` answers 0 when the message
    /// could not be delivered.
    const RAN: isize = 1;

    /// The window class, registered while any home window exists.
    const CLASS: &str = "syncmgr.callback-home";

    /// How many home windows exist; the class is registered while this is not zero.
    static WINDOWS: Mutex<usize> = Mutex::new(0);

    /// Interfaces that COM could not marshal with `E_NOINTERFACE`: no proxy/stub is registered
    /// for them in this process (the mobsync interfaces under Wine), so no worker asks again.
    /// Every attempt is a round trip to the home thread, and under Wine repeated attempts were
    /// seen to hang (`docs/protocol.md#wine`).
    static NO_PROXY_STUB: Mutex<Vec<windows_core::GUID>> = Mutex::new(Vec::new());

    /// Distinguishes callbacks for the workers' proxy cache.
    static NEXT_ID: AtomicU64 = AtomicU64::new(1);

    /// Whether the calling thread is in a single-threaded apartment.
    fn in_single_threaded_apartment() -> bool {
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
            WAKE => LRESULT(0),
            // SAFETY: the default handling for every other message of this window.
            _ => unsafe { abi::DefWindowProcW(window, message, wparam, lparam) },
        }
    }

    /// An apartment-bound callback and the way to its thread.
    pub(crate) struct Bound<I: 'static> {
        /// Valid on the home thread only, and released there.
        callback: ManuallyDrop<I>,
        home: ManuallyDrop<Home>,
        id: u64,
    }

    // SAFETY: `callback` is only called or released on the home thread (checked with
    // `is_current`, or inside a job the window runs there); the window handle may be used from
    // any thread to send or post messages.
    unsafe impl<I: 'static> Send for Bound<I> {}
    // SAFETY: as for `Send`; every method takes `&self` and keeps to those rules.
    unsafe impl<I: 'static> Sync for Bound<I> {}

    /// The callback pointer, owned by a job that releases it on its home thread.
    struct HomeOnly<I>(I);

    // SAFETY: a `HomeOnly` is moved to the home thread's window procedure and dropped there.
    unsafe impl<I> Send for HomeOnly<I> {}

    impl<I> HomeOnly<I> {
        /// Releases the pointer; called on the home thread.
        fn release(self) {
            drop(self.0);
        }
    }

    impl<I: Interface + Clone + 'static> Bound<I> {
        /// Binds `callback` to the calling thread when that thread is in an STA; `None` when the
        /// pointer may be used from any thread as it is (MTA, no COM) or no home window can be
        /// made.
        pub(crate) fn new(callback: &I) -> Option<Self> {
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
        pub(crate) fn with<R>(&self, f: impl FnOnce(&I) -> R) -> Option<R> {
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
        fn proxy(&self) -> Option<I> {
            let cached = PROXY.with_borrow(|cached| match cached {
                Some((id, proxy)) if *id == self.id => Some(proxy.as_ref().and_then(|proxy| {
                    let raw = proxy.as_raw();
                    // SAFETY: the cached pointer was unmarshaled as `I` for this callback (same
                    // id), so it is an `I` pointer; the borrow is cloned with its own reference.
                    unsafe { I::from_raw_borrowed(&raw) }.cloned()
                })),
                _ => None,
            });
            if let Some(proxy) = cached {
                return proxy;
            }
            if lock(&NO_PROXY_STUB).contains(&I::IID) {
                PROXY.set(Some((self.id, None)));
                return None;
            }
            let mut stream = None;
            let callback = &*self.callback;
            // SAFETY: the job marshals the callback on its home thread, where it is valid.
            unsafe {
                self.home.run(&mut || {
                    // SAFETY: `callback`, an `I` and so an `IUnknown` pointer, is a live
                    // interface of this (the home) apartment, borrowed for the call.
                    let raw = callback.as_raw();
                    let unknown = IUnknown::from_raw_borrowed(&raw);
                    stream = Some(abi::CoMarshalInterThreadInterfaceInStream(&I::IID, unknown));
                });
            }
            let stream = match stream {
                Some(Ok(stream)) => Some(stream),
                Some(Err(error)) => {
                    if error.code() == abi::E_NOINTERFACE {
                        lock(&NO_PROXY_STUB).push(I::IID);
                    }
                    None
                }
                None => None,
            };
            let proxy: Option<I> = stream.and_then(|stream| {
                // The call releases the stream itself.
                let stream = ManuallyDrop::new(stream);
                // SAFETY: `stream` holds the callback marshaled for another apartment; this
                // call unmarshals it into the worker's and releases the stream.
                unsafe { abi::CoGetInterfaceAndReleaseStream(&*stream) }.ok()
            });
            // The previous proxy (of a replaced callback) is released here, in its apartment.
            let kept = proxy.as_ref().and_then(|proxy| {
                let raw = proxy.as_raw();
                // SAFETY: an `I` pointer is an `IUnknown` pointer; the clone has its own
                // reference.
                unsafe { IUnknown::from_raw_borrowed(&raw) }.cloned()
            });
            PROXY.set(Some((self.id, kept)));
            proxy
        }

        /// Runs `session` on a worker in the MTA until it is done, while this (the home) thread
        /// dispatches its messages, so that the worker's calls reach the callback here. A
        /// `WM_QUIT` taken from the queue meanwhile is posted again afterwards. When no worker
        /// can be started, `session` runs on this thread.
        pub(crate) fn pump_while<R: Send>(&self, session: impl FnOnce() -> R + Send) -> R {
            let done = AtomicBool::new(false);
            let session = Mutex::new(Some(session));
            let window = self.home.window.0 as usize;
            std::thread::scope(|scope| {
                let worker = std::thread::Builder::new()
                    .name("syncmgr-worker".to_owned())
                    .spawn_scoped(scope, || {
                        // Set however the session ends, a panic included: the pump stops.
                        let _done = Done {
                            done: &done,
                            window,
                        };
                        let session = lock(&session).take()?;
                        let _apartment = WorkerApartment::enter(super::Route::Carry);
                        Some(session())
                    });
                let Ok(worker) = worker else {
                    let session = lock(&session).take().expect("the worker never started");
                    return session();
                };
                let quit = pump(&done);
                if let Some(code) = quit {
                    // SAFETY: no preconditions; the message goes to this thread's queue.
                    unsafe { abi::PostQuitMessage(code) };
                }
                match worker.join() {
                    Ok(Some(result)) => result,
                    Ok(None) => unreachable!("the worker takes the session before anyone else"),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            })
        }
    }

    /// Ends the home thread's pump when the worker is done.
    struct Done<'a> {
        done: &'a AtomicBool,
        /// The home window, as an address (the handle may be used from any thread).
        window: usize,
    }

    impl Drop for Done<'_> {
        fn drop(&mut self) {
            self.done.store(true, Ordering::Release);
            // SAFETY: posts a message without arguments to the home window; if it cannot be
            // posted the pump sees `done` within `PUMP_PERIOD_MS`.
            let _ = unsafe {
                abi::PostMessageW(
                    Some(HWND(self.window as *mut core::ffi::c_void)),
                    WAKE,
                    WPARAM(0),
                    LPARAM(0),
                )
            };
        }
    }

    /// Dispatches this thread's messages until `done`; the exit code of a `WM_QUIT` it took.
    fn pump(done: &AtomicBool) -> Option<i32> {
        let mut quit = None;
        let mut message = abi::MSG::default();
        loop {
            // SAFETY: `message` is a valid MSG to fill; each one is dispatched to its window
            // procedure on this thread, which is what PeekMessageW hands out messages for.
            unsafe {
                while abi::PeekMessageW(&raw mut message, None, 0, 0, abi::PM_REMOVE).as_bool() {
                    if message.message == abi::WM_QUIT {
                        quit = Some(i32::try_from(message.wParam.0).unwrap_or(0));
                        continue;
                    }
                    let _ = abi::TranslateMessage(&raw const message);
                    abi::DispatchMessageW(&raw const message);
                }
            }
            if done.load(Ordering::Acquire) {
                return quit;
            }
            // SAFETY: no handles; waits for input to this thread's queue, including messages
            // that were already there (MWMO_INPUTAVAILABLE), or the period.
            unsafe {
                abi::MsgWaitForMultipleObjectsEx(
                    None,
                    PUMP_PERIOD_MS,
                    abi::QS_ALLINPUT,
                    abi::MWMO_INPUTAVAILABLE,
                );
            }
        }
    }

    impl<I: 'static> Drop for Bound<I> {
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
