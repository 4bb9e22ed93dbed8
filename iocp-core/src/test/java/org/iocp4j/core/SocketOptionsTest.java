package org.iocp4j.core;

import static java.net.StandardSocketOptions.SO_KEEPALIVE;
import static java.net.StandardSocketOptions.SO_LINGER;
import static java.net.StandardSocketOptions.SO_RCVBUF;
import static java.net.StandardSocketOptions.SO_REUSEADDR;
import static java.net.StandardSocketOptions.SO_SNDBUF;
import static java.net.StandardSocketOptions.TCP_NODELAY;
import static org.iocp4j.core.SocketOptions.IPV6_V6ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.SocketOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options value: defaults, immutability, and what it refuses, naming the option and the value. */
class SocketOptionsTest {

    @Test
    void theDefaultsTurnNagleOffAndLeaveTheRestToTheOs() {
        SocketOptions defaults = SocketOptions.defaults();
        assertEquals(true, defaults.get(TCP_NODELAY));
        for (SocketOption<?> option : List.of(SO_KEEPALIVE, SO_RCVBUF, SO_SNDBUF, SO_LINGER, IPV6_V6ONLY)) {
            assertNull(defaults.get(option), option.name());
        }
        assertEquals("SocketOptions[TCP_NODELAY=true]", defaults.toString());
        assertEquals("SocketOptions[]", SocketOptions.osDefaults().toString());
        assertEquals(SocketOptions.osDefaults(), defaults.without(TCP_NODELAY));
    }

    @Test
    void withAndWithoutMakeNewValuesAndLeaveTheOriginal() {
        SocketOptions base = SocketOptions.defaults();
        SocketOptions changed = base.with(SO_RCVBUF, 1 << 20).with(SO_LINGER, 0).with(IPV6_V6ONLY, false);
        assertEquals("SocketOptions[TCP_NODELAY=true, SO_RCVBUF=1048576, SO_LINGER=0, IPV6_V6ONLY=false]",
                changed.toString());
        assertEquals("SocketOptions[TCP_NODELAY=true]", base.toString());
        assertEquals(changed, base.with(IPV6_V6ONLY, false).with(SO_LINGER, 0).with(SO_RCVBUF, 1 << 20));
        assertEquals(changed.hashCode(),
                base.with(IPV6_V6ONLY, false).with(SO_LINGER, 0).with(SO_RCVBUF, 1 << 20).hashCode());
        assertNotEquals(changed, changed.without(SO_LINGER));
        assertNull(changed.without(SO_LINGER).get(SO_LINGER));
    }

    @Test
    void aNegativeLingerIsOffAndStoredAsMinusOne() {
        assertEquals(-1, SocketOptions.osDefaults().with(SO_LINGER, -30).get(SO_LINGER));
        assertEquals(0xFFFF, SocketOptions.osDefaults().with(SO_LINGER, 0xFFFF).get(SO_LINGER));
    }

    @Test
    void invalidValuesAreRefusedNamingTheOptionAndTheValue() {
        SocketOptions o = SocketOptions.defaults();
        assertEquals("SO_RCVBUF 0 is not a positive byte count",
                assertThrows(IllegalArgumentException.class, () -> o.with(SO_RCVBUF, 0)).getMessage());
        assertEquals("SO_SNDBUF -4096 is not a positive byte count",
                assertThrows(IllegalArgumentException.class, () -> o.with(SO_SNDBUF, -4096)).getMessage());
        assertEquals("SO_LINGER 65536 is above 65535 seconds, the most Windows' LINGER holds",
                assertThrows(IllegalArgumentException.class, () -> o.with(SO_LINGER, 65536)).getMessage());
        assertEquals("TCP_NODELAY null is not a Boolean",
                assertThrows(IllegalArgumentException.class, () -> o.with(TCP_NODELAY, null)).getMessage());
        @SuppressWarnings({"unchecked", "rawtypes"})
        SocketOption<Object> untyped = (SocketOption) SO_KEEPALIVE;
        assertEquals("SO_KEEPALIVE 1 is not a Boolean",
                assertThrows(IllegalArgumentException.class, () -> o.with(untyped, 1)).getMessage());
    }

    @Test
    void optionsItDoesNotSupportAreRefusedAsUnsupported() {
        SocketOptions o = SocketOptions.defaults();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> o.with(SO_REUSEADDR, true));
        assertEquals("socket option SO_REUSEADDR is not supported; supported: "
                + "[TCP_NODELAY, SO_KEEPALIVE, SO_RCVBUF, SO_SNDBUF, SO_LINGER, IPV6_V6ONLY]", e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> o.get(SO_REUSEADDR));
        assertThrows(UnsupportedOperationException.class, () -> o.without(SO_REUSEADDR));
        assertThrows(NullPointerException.class, () -> o.with(null, true));
    }

    @Test
    void ipv6OnlyIsASocketOptionOfItsOwn() {
        assertEquals("IPV6_V6ONLY", IPV6_V6ONLY.name());
        assertEquals(Boolean.class, IPV6_V6ONLY.type());
        assertEquals("IPV6_V6ONLY", IPV6_V6ONLY.toString());
        assertEquals(List.of(TCP_NODELAY, SO_KEEPALIVE, SO_RCVBUF, SO_SNDBUF, SO_LINGER, IPV6_V6ONLY),
                SocketOptions.supported());
    }
}
