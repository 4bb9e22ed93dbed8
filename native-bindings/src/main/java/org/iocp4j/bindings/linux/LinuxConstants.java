package org.iocp4j.bindings.linux;

/**
 * Constants from the Linux UAPI and glibc headers (x86_64) that the bindings' users need, named as in C.
 * Checked against the real headers by the Linux conformance test.
 */
public final class LinuxConstants {
    private LinuxConstants() {
    }

    // <sys/mman.h>
    /** {@code PROT_READ}: pages may be read. */
    public static final int PROT_READ = 0x1;
    /** {@code PROT_WRITE}: pages may be written. */
    public static final int PROT_WRITE = 0x2;
    /** {@code MAP_SHARED}: updates are visible to other mappings of the same object. */
    public static final int MAP_SHARED = 0x01;
    /** {@code MAP_PRIVATE}: copy-on-write mapping. */
    public static final int MAP_PRIVATE = 0x02;
    /** {@code MAP_FIXED}: place the mapping exactly at the address. */
    public static final int MAP_FIXED = 0x10;
    /** {@code MAP_ANONYMOUS}: not backed by a file; zero-filled. */
    public static final int MAP_ANONYMOUS = 0x20;
    /** {@code MAP_POPULATE}: prefault the pages. */
    public static final int MAP_POPULATE = 0x8000;
    /** {@code MAP_FIXED_NOREPLACE}: like MAP_FIXED but fail rather than replace an existing mapping. */
    public static final int MAP_FIXED_NOREPLACE = 0x100000;
    /** {@code MAP_FAILED}, {@code (void *) -1}, as an address. */
    public static final long MAP_FAILED = -1L;

    // <unistd.h>
    /** {@code _SC_PAGESIZE}: the name {@code sysconf} takes for the page size. */
    public static final int _SC_PAGESIZE = 30;
    /** {@code _SC_NPROCESSORS_ONLN}: processors online. */
    public static final int _SC_NPROCESSORS_ONLN = 84;
}
