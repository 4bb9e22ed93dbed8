/*
 * The one export Debian 12's Wine 8 lacks from iphlpapi.dll and the Windows JDK's net.dll needs (see
 * setup). The .def file setup writes forwards every other export to a copy of Wine's own DLL.
 */
#include <winsock2.h>
#include <ws2ipdef.h>
#include <windows.h>

/* MIB_ANYCASTIPADDRESS_TABLE: a ULONG count, then the rows, 8-byte aligned. */
typedef struct {
    ULONG NumEntries;
    ULONG Padding;
} EmptyAnycastTable;

/*
 * An empty table on the process heap, where Wine's FreeMibTable releases it: no anycast addresses, which is
 * what a host without them answers.
 */
__declspec(dllexport) DWORD WINAPI GetAnycastIpAddressTable(USHORT family, void **table) {
    if (table == NULL || (family != AF_UNSPEC && family != AF_INET && family != AF_INET6)) {
        return ERROR_INVALID_PARAMETER;
    }
    EmptyAnycastTable *empty = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof *empty);
    if (empty == NULL) {
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    *table = empty;
    return NO_ERROR;
}
