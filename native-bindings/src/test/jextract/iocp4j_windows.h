/*
 * The Windows SDK headers the bindings in org.iocp4j.bindings.windows come from; the jextract profile
 * generates bindings from this file for exactly the names those classes bind (see JextractGenerator).
 * winsock2.h must precede windows.h, which would otherwise pull in the old winsock.h.
 */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <windows.h>
