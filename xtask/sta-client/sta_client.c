/*
 * sta_client: a Sync Manager stand-in written against mingw-w64's own mobsync.h, independent of
 * the Rust crates, that drives a registered handler the way the Sync Manager does.
 *
 *   sta_client.exe CLSID DLL
 *
 * The main thread is a single-threaded apartment that pumps messages while it waits. It creates
 * the handler with CoCreateInstance (the DLL must be registered for CLSID) and passes an
 * ordinary callback object of its own: one that does not answer IAgileObject, so the handler
 * must not call it from other threads. Each session runs on a new handler object:
 *
 *   Initialize, GetHandlerInfo, EnumSyncMgrItems (at least two items), SetProgressCallback,
 *   PrepareForSync (all items), Synchronize; once the first item reports progress, the last
 *   item is skipped with SetItemStatus(SKIPPED); then the completion is awaited.
 *
 * A third session replaces the callback with a second one at the same moment instead
 * (SetProgressCallback with the new object, as a host may do at any time).
 *
 * Checked: every callback call arrives on the main thread; PrepareForSyncCompleted(S_OK) and
 * SynchronizeCompleted(S_OK) exactly once (on the callback current at the time); exactly one
 * final status per item (SKIPPED for the last, SUCCEEDED for the others); SetItemStatus answers
 * E_INVALIDARG for an unknown item and E_UNEXPECTED after the session; the handler releases
 * every reference to each callback, its last Release returns 0 and DllCanUnloadNow (of DLL, as
 * loaded by COM) answers S_OK.
 *
 * Prints one line per failed check and ends with "N passed, M failed"; exits 0 only if none
 * failed.
 */
#define INITGUID
#define COBJMACROS
#include <windows.h>
#include <objbase.h>
#include <mobsync.h>
#include <stdio.h>
#include <wchar.h>

#define MAX_ITEMS 64
#define WAIT_MS 60000

static int passed, failed;

static void check(int ok, const char *what, long detail)
{
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAILED: %s (0x%08lx)\n", what, (unsigned long)detail);
    }
}

/* ---- the callback ---- */

typedef struct {
    ISyncMgrSynchronizeCallback iface;
    LONG refs;
    DWORD home;           /* the thread that created it */
    LONG wrong_thread;    /* calls that arrived on another thread */
    LONG prepare_completed, synchronize_completed, progress, log_error, other;
    HRESULT prepare_hr, synchronize_hr;
    int count;            /* session items */
    GUID ids[MAX_ITEMS];
    int finals[MAX_ITEMS];
    DWORD final_status[MAX_ITEMS];
    LONG unknown_item;
} Callback;

static Callback *from(ISyncMgrSynchronizeCallback *iface)
{
    Callback *callback = (Callback *)iface;
    if (GetCurrentThreadId() != callback->home)
        InterlockedIncrement(&callback->wrong_thread);
    return callback;
}

static HRESULT WINAPI cb_QueryInterface(ISyncMgrSynchronizeCallback *iface, REFIID iid, void **out)
{
    from(iface);
    if (!out)
        return E_POINTER;
    if (IsEqualIID(iid, &IID_IUnknown) || IsEqualIID(iid, &IID_ISyncMgrSynchronizeCallback)) {
        *out = iface;
        iface->lpVtbl->AddRef(iface);
        return S_OK;
    }
    *out = NULL;
    return E_NOINTERFACE;
}

static ULONG WINAPI cb_AddRef(ISyncMgrSynchronizeCallback *iface)
{
    return InterlockedIncrement(&((Callback *)iface)->refs);
}

static ULONG WINAPI cb_Release(ISyncMgrSynchronizeCallback *iface)
{
    /* Freed by main, which keeps its own reference to the end. */
    return InterlockedDecrement(&((Callback *)iface)->refs);
}

static HRESULT WINAPI cb_ShowPropertiesCompleted(ISyncMgrSynchronizeCallback *iface, HRESULT hr)
{
    (void)hr;
    InterlockedIncrement(&from(iface)->other);
    return S_OK;
}

static HRESULT WINAPI cb_PrepareForSyncCompleted(ISyncMgrSynchronizeCallback *iface, HRESULT hr)
{
    Callback *callback = from(iface);
    callback->prepare_hr = hr;
    InterlockedIncrement(&callback->prepare_completed);
    return S_OK;
}

static HRESULT WINAPI cb_SynchronizeCompleted(ISyncMgrSynchronizeCallback *iface, HRESULT hr)
{
    Callback *callback = from(iface);
    callback->synchronize_hr = hr;
    InterlockedIncrement(&callback->synchronize_completed);
    return S_OK;
}

static HRESULT WINAPI cb_ShowErrorCompleted(ISyncMgrSynchronizeCallback *iface, HRESULT hr,
                                            ULONG count, SYNCMGRITEMID *ids)
{
    (void)hr, (void)count, (void)ids;
    InterlockedIncrement(&from(iface)->other);
    return S_OK;
}

static HRESULT WINAPI cb_EnableModeless(ISyncMgrSynchronizeCallback *iface, WINBOOL enable)
{
    (void)enable;
    InterlockedIncrement(&from(iface)->other);
    return S_FALSE;
}

static int is_final(DWORD status)
{
    return status == SYNCMGRSTATUS_SUCCEEDED || status == SYNCMGRSTATUS_FAILED
        || status == SYNCMGRSTATUS_SKIPPED || status == SYNCMGRSTATUS_STOPPED;
}

static HRESULT WINAPI cb_Progress(ISyncMgrSynchronizeCallback *iface, REFSYNCMGRITEMID id,
                                  LPSYNCMGRPROGRESSITEM item)
{
    Callback *callback = from(iface);
    int i;
    InterlockedIncrement(&callback->progress);
    if (!id || !item)
        return E_INVALIDARG;
    for (i = 0; i < callback->count; i++) {
        if (IsEqualGUID(id, &callback->ids[i])) {
            if ((item->mask & SYNCMGRPROGRESSITEM_STATUSTYPE) && is_final(item->dwStatusType)) {
                callback->finals[i]++;
                callback->final_status[i] = item->dwStatusType;
            }
            return S_OK;
        }
    }
    InterlockedIncrement(&callback->unknown_item);
    return S_OK;
}

static HRESULT WINAPI cb_LogError(ISyncMgrSynchronizeCallback *iface, DWORD level,
                                  LPCWSTR text, LPSYNCMGRLOGERRORINFO info)
{
    (void)level, (void)info;
    InterlockedIncrement(&from(iface)->log_error);
    if (text)
        printf("  log: %ls\n", text);
    return S_OK;
}

static HRESULT WINAPI cb_DeleteLogError(ISyncMgrSynchronizeCallback *iface, REFSYNCMGRERRORID id,
                                        DWORD reserved)
{
    (void)id, (void)reserved;
    InterlockedIncrement(&from(iface)->other);
    return S_OK;
}

static HRESULT WINAPI cb_EstablishConnection(ISyncMgrSynchronizeCallback *iface, LPCWSTR name,
                                             DWORD reserved)
{
    (void)name, (void)reserved;
    InterlockedIncrement(&from(iface)->other);
    return E_NOTIMPL;
}

static ISyncMgrSynchronizeCallbackVtbl callback_vtbl = {
    cb_QueryInterface, cb_AddRef, cb_Release, cb_ShowPropertiesCompleted,
    cb_PrepareForSyncCompleted, cb_SynchronizeCompleted, cb_ShowErrorCompleted,
    cb_EnableModeless, cb_Progress, cb_LogError, cb_DeleteLogError, cb_EstablishConnection,
};

/* ---- the host's side ---- */

/* Dispatches this thread's messages until *flag becomes nonzero or `ms` pass. */
static int pump_until(volatile LONG *flag, DWORD ms)
{
    DWORD start = GetTickCount();
    MSG msg;
    while (!*flag) {
        DWORD elapsed = GetTickCount() - start;
        if (elapsed >= ms)
            return 0;
        MsgWaitForMultipleObjectsEx(0, NULL, ms - elapsed < 10 ? ms - elapsed : 10, QS_ALLINPUT,
                                    MWMO_INPUTAVAILABLE);
        while (PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE)) {
            TranslateMessage(&msg);
            DispatchMessageW(&msg);
        }
    }
    return 1;
}

typedef HRESULT (WINAPI *CanUnloadNow)(void);

static void init_callback(Callback *callback)
{
    ZeroMemory(callback, sizeof *callback);
    callback->iface.lpVtbl = &callback_vtbl;
    callback->refs = 1;
    callback->home = GetCurrentThreadId();
}

/* One session; with `replace`, the callback is replaced by a second one after the first
 * progress. */
static void session(int round, REFCLSID clsid, CanUnloadNow can_unload_now, int replace)
{
    ISyncMgrSynchronize *handler = NULL;
    ISyncMgrEnumItems *items = NULL;
    LPSYNCMGRHANDLERINFO info = NULL;
    SYNCMGRITEM item;
    GUID unknown = { 0x12345678, 0x1234, 0x1234, { 1, 2, 3, 4, 5, 6, 7, 8 } };
    Callback callback, second;
    Callback *current = &callback;
    ULONG fetched, left;
    HRESULT hr;
    LONG done = 0;
    int i, count = 0;

    printf("session %d%s\n", round, replace ? " (the callback replaced during the sync)" : "");
    init_callback(&callback);
    init_callback(&second);

    hr = CoCreateInstance(clsid, NULL, CLSCTX_INPROC_SERVER, &IID_ISyncMgrSynchronize,
                          (void **)&handler);
    check(hr == S_OK && handler, "CoCreateInstance", hr);
    if (!handler)
        return;
    hr = handler->lpVtbl->Initialize(handler, 0, SYNCMGRFLAG_MANUAL, 0, NULL);
    check(hr == S_OK, "Initialize", hr);
    hr = handler->lpVtbl->GetHandlerInfo(handler, &info);
    check(hr == S_OK && info && info->cbSize == sizeof(SYNCMGRHANDLERINFO), "GetHandlerInfo", hr);
    if (info) {
        printf("  handler: %ls\n", info->wszHandlerName);
        CoTaskMemFree(info);
    }
    hr = handler->lpVtbl->EnumSyncMgrItems(handler, &items);
    check(hr == S_OK && items, "EnumSyncMgrItems", hr);
    while (items && count < MAX_ITEMS) {
        fetched = 0;
        hr = items->lpVtbl->Next(items, 1, &item, &fetched);
        if (hr != S_OK || fetched != 1)
            break;
        callback.ids[count++] = item.ItemID;
    }
    if (items)
        items->lpVtbl->Release(items);
    callback.count = count;
    second.count = count;
    memcpy(second.ids, callback.ids, sizeof second.ids);
    check(count >= 2, "at least two items", count);
    if (count < 2)
        goto release;

    hr = handler->lpVtbl->SetItemStatus(handler, &callback.ids[0], SYNCMGRSTATUS_SKIPPED);
    check(hr == E_UNEXPECTED, "SetItemStatus before PrepareForSync is E_UNEXPECTED", hr);
    hr = handler->lpVtbl->SetProgressCallback(handler, &callback.iface);
    check(hr == S_OK, "SetProgressCallback", hr);
    hr = handler->lpVtbl->PrepareForSync(handler, count, callback.ids, NULL, 0);
    check(hr == S_OK, "PrepareForSync", hr);
    pump_until(&callback.prepare_completed, WAIT_MS);
    check(callback.prepare_completed == 1 && callback.prepare_hr == S_OK,
          "PrepareForSyncCompleted(S_OK) once", callback.prepare_completed);
    hr = handler->lpVtbl->SetItemStatus(handler, &unknown, SYNCMGRSTATUS_SKIPPED);
    check(hr == E_INVALIDARG, "SetItemStatus for an unknown item is E_INVALIDARG", hr);

    hr = handler->lpVtbl->Synchronize(handler, NULL);
    check(hr == S_OK, "Synchronize", hr);
    /* A skip in the middle: once the first item reports, the last one is skipped. */
    pump_until(&callback.progress, WAIT_MS);
    if (replace) {
        LONG before = callback.progress + callback.log_error;
        hr = handler->lpVtbl->SetProgressCallback(handler, &second.iface);
        check(hr == S_OK, "SetProgressCallback(second) during the sync", hr);
        current = &second;
        /* At most the one call already on its way may still reach the first callback. */
        pump_until(&second.progress, WAIT_MS);
        check(callback.progress + callback.log_error - before <= 1,
              "the replaced callback gets at most the call in flight",
              callback.progress + callback.log_error - before);
    }
    hr = handler->lpVtbl->SetItemStatus(handler, &callback.ids[count - 1], SYNCMGRSTATUS_SKIPPED);
    check(hr == S_OK, "SetItemStatus(last item, SKIPPED) during the session", hr);
    pump_until(&current->synchronize_completed, WAIT_MS);
    check(current->synchronize_completed == 1 && current->synchronize_hr == S_OK,
          "SynchronizeCompleted(S_OK) once", current->synchronize_completed);
    /* Anything late would arrive now. */
    pump_until(&done, 200);
    check(callback.synchronize_completed + second.synchronize_completed == 1,
          "no second SynchronizeCompleted",
          callback.synchronize_completed + second.synchronize_completed);
    check(callback.prepare_completed == 1 && second.prepare_completed == 0,
          "no second PrepareForSyncCompleted", callback.prepare_completed);
    for (i = 0; i < count; i++) {
        DWORD expected = i == count - 1 ? SYNCMGRSTATUS_SKIPPED : SYNCMGRSTATUS_SUCCEEDED;
        int finals = callback.finals[i] + second.finals[i];
        DWORD status = second.finals[i] ? second.final_status[i] : callback.final_status[i];
        check(finals == 1, "exactly one final status per item", finals);
        check(status == expected,
              i == count - 1 ? "the last item ended SKIPPED" : "the item ended SUCCEEDED", status);
    }
    check(callback.unknown_item + second.unknown_item == 0, "progress only for session items",
          callback.unknown_item + second.unknown_item);
    hr = handler->lpVtbl->SetItemStatus(handler, &callback.ids[0], SYNCMGRSTATUS_SKIPPED);
    check(hr == E_UNEXPECTED, "SetItemStatus after the session is E_UNEXPECTED", hr);
    hr = handler->lpVtbl->SetProgressCallback(handler, NULL);
    check(hr == S_OK, "SetProgressCallback(NULL)", hr);

release:
    left = handler->lpVtbl->Release(handler);
    check(left == 0, "the last Release returns 0", left);
    /* The handler's worker and the way to this thread end after the completion. */
    {
        DWORD start = GetTickCount();
        while (GetTickCount() - start < 5000
               && (callback.refs != 1 || second.refs != 1
                   || (can_unload_now && can_unload_now() != S_OK)))
            pump_until(&done, 10);
    }
    check(callback.refs == 1 && second.refs == 1, "every reference to the callbacks was released",
          callback.refs + second.refs - 2);
    check(!can_unload_now || can_unload_now() == S_OK, "DllCanUnloadNow is S_OK",
          can_unload_now ? can_unload_now() : 0);
    check(callback.wrong_thread + second.wrong_thread == 0,
          "every callback call on the STA thread", callback.wrong_thread + second.wrong_thread);
    printf("  %ld progress, %ld log entries, %ld calls on other threads\n",
           callback.progress + second.progress, callback.log_error + second.log_error,
           callback.wrong_thread + second.wrong_thread);
}

int wmain(int argc, wchar_t **argv)
{
    CLSID clsid;
    HMODULE module;
    CanUnloadNow can_unload_now = NULL;
    HRESULT hr;
    APTTYPE type;
    APTTYPEQUALIFIER qualifier;

    if (argc != 3 || FAILED(CLSIDFromString(argv[1], &clsid))) {
        printf("usage: sta_client.exe {CLSID} DLL\n");
        return 64;
    }
    hr = CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    check(hr == S_OK, "CoInitializeEx(APARTMENTTHREADED)", hr);
    hr = CoGetApartmentType(&type, &qualifier);
    check(hr == S_OK && (type == APTTYPE_STA || type == APTTYPE_MAINSTA), "the thread is an STA",
          type);

    session(1, &clsid, NULL, 0);
    /* COM loaded the DLL for the first session; it is still loaded for the second. */
    module = GetModuleHandleW(argv[2]);
    check(module != NULL, "COM loaded the registered DLL", GetLastError());
    if (module)
        can_unload_now = (CanUnloadNow)(void (*)(void))GetProcAddress(module, "DllCanUnloadNow");
    check(can_unload_now != NULL, "the DLL exports DllCanUnloadNow", 0);
    if (can_unload_now)
        check(can_unload_now() == S_OK, "DllCanUnloadNow is S_OK after the first session",
              can_unload_now());
    session(2, &clsid, can_unload_now, 0);
    session(3, &clsid, can_unload_now, 1);

    CoUninitialize();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
