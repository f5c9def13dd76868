/* bcryptprimitives.dll for Wine 8, which lacks it.
 *
 * Rust's standard library for Windows (1.78+) fills its random numbers through
 * bcryptprimitives.dll!ProcessPrng. Wine gained that export only in Wine 9, so every Rust program
 * fails to load under Wine 8 with "c0000135" (DLL not found). This DLL, placed beside the
 * executable, forwards ProcessPrng to advapi32's RtlGenRandom (SystemFunction036), which Wine has.
 *
 * Built by `cargo run -p xtask -- wine-e2e` with
 *   x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll bcryptprimitives.c \
 *       bcryptprimitives.def -ladvapi32
 */
#include <windows.h>

/* advapi32's RtlGenRandom; its export name is SystemFunction036. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* Fills `buffer` with `length` random bytes. Always TRUE, like the real one; a failure of the
 * underlying generator cannot be reported to std, so it terminates the process instead. */
BOOL WINAPI ProcessPrng(PBYTE buffer, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(buffer, chunk))
            ExitProcess(0xC0000001); /* STATUS_UNSUCCESSFUL */
        buffer += chunk;
        length -= chunk;
    }
    return TRUE;
}
