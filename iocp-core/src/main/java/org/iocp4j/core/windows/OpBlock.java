package org.iocp4j.core.windows;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Layout of an operation's native block on Windows. The OVERLAPPED comes first, so the OVERLAPPED* a
 * completion names is the block's address; the rest is the op's scratch, all of it in
 * {@link Win32#memory()} because the operation table lives there:
 *
 * <pre>
 *   0  OVERLAPPED (32): Internal 0, InternalHigh 8, Offset 16, OffsetHigh 20, hEvent 24
 *  32  DWORD bytes transferred (out-parameter of WSARecv / WSASend / AcceptEx / *GetOverlappedResult)
 *  36  DWORD flags (in/out of WSARecv, out of WSAGetOverlappedResult)
 *  40  SOCKET accept socket (AcceptEx)
 *  48  int64 result of an immediate completion posted to the port (beyond the inline limit)
 *  56  SOCKET listening socket: optval of SO_UPDATE_ACCEPT_CONTEXT
 *  64  sockaddr* local, 72 sockaddr* remote (GetAcceptExSockaddrs out-parameters)
 *  80  INT local length, 84 INT remote length
 *  88  HANDLE / SOCKET the operation was issued on
 *  96  WSABUF of a receive (16)
 * 112  union: AcceptEx output buffer, 2 x (sizeof(SOCKADDR_STORAGE) + 16) = 288 | ConnectEx sockaddr |
 *      WSABUF[16] of a gather send (256)
 * 400  end
 * </pre>
 */
final class OpBlock {
    static final long OVERLAPPED = 0;
    static final long OVERLAPPED_INTERNAL_HIGH = 8;
    static final long OVERLAPPED_OFFSET = 16;
    static final long OVERLAPPED_OFFSET_HIGH = 20;
    static final long BYTES = 32;
    static final long FLAGS = 36;
    static final long ACCEPT_SOCKET = 40;
    static final long POSTED_RESULT = 48;
    static final long LISTEN_SOCKET = 56;
    static final long LOCAL_SOCKADDR = 64;
    static final long REMOTE_SOCKADDR = 72;
    static final long LOCAL_LENGTH = 80;
    static final long REMOTE_LENGTH = 84;
    static final long HANDLE = 88;
    static final long RECV_WSABUF = 96;
    static final long UNION = 112;

    /** sizeof(SOCKADDR_STORAGE) + 16, what AcceptEx asks for each address (learn.microsoft.com, AcceptEx). */
    static final int ACCEPT_ADDRESS_LENGTH = 128 + 16;
    static final long ACCEPT_OUTPUT_BYTES = 2L * ACCEPT_ADDRESS_LENGTH;
    static final int MAX_SEND_VECTORS = 16;
    static final long WSABUF_BYTES = 16;
    static final long UNION_BYTES = Math.max(ACCEPT_OUTPUT_BYTES, MAX_SEND_VECTORS * WSABUF_BYTES);
    static final int SIZE = (int) (UNION + UNION_BYTES);

    private OpBlock() {
    }

    static int getInt(MemorySegment block, long offset) {
        return block.get(ValueLayout.JAVA_INT, offset);
    }

    static void setInt(MemorySegment block, long offset, int value) {
        block.set(ValueLayout.JAVA_INT, offset, value);
    }

    static long getLong(MemorySegment block, long offset) {
        return block.get(ValueLayout.JAVA_LONG, offset);
    }

    static void setLong(MemorySegment block, long offset, long value) {
        block.set(ValueLayout.JAVA_LONG, offset, value);
    }
}
