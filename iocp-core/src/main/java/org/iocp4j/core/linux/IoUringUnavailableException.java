package org.iocp4j.core.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iocp4j.bindings.linux.Errno;
import org.iocp4j.bindings.linux.ErrnoException;

/**
 * io_uring cannot be used in this process, so the Linux backend is unavailable. The message says why
 * (kernel without io_uring, disabled by {@code /proc/sys/kernel/io_uring_disabled}, blocked by a seccomp
 * filter, kernel too old); the cause is the {@link ErrnoException} of the failed {@code io_uring_setup}.
 */
public final class IoUringUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The sysctl that restricts io_uring since Linux 6.6 (Documentation/admin-guide/sysctl/kernel.rst). */
    static final Path IO_URING_DISABLED = Path.of("/proc/sys/kernel/io_uring_disabled");

    private final int errno;

    private IoUringUnavailableException(String message, ErrnoException cause) {
        super(message, cause);
        this.errno = cause.errno();
    }

    /**
     * Whether {@code io_uring_setup} failing with {@code errno} means io_uring is unusable in this process
     * rather than a resource problem of this one ring (ENOMEM, EMFILE, ...).
     */
    static boolean isUnavailable(int errno) {
        return errno == Errno.ENOSYS || errno == Errno.EPERM || errno == Errno.EACCES || errno == Errno.EINVAL;
    }

    /** The exception for {@code io_uring_setup} failing with {@code errno}, reading the sysctl for EPERM. */
    static IoUringUnavailableException of(int errno) {
        return of(errno, readDisabledSysctl());
    }

    /**
     * The exception for {@code io_uring_setup} failing with {@code errno} when
     * {@code /proc/sys/kernel/io_uring_disabled} reads {@code disabledSysctl} ({@code null} where the file
     * does not exist, before Linux 6.6).
     */
    static IoUringUnavailableException of(int errno, String disabledSysctl) {
        ErrnoException cause = ErrnoException.of("io_uring_setup", errno);
        return new IoUringUnavailableException("io_uring backend unavailable: " + cause.getMessage() + ": "
                + reason(errno, disabledSysctl), cause);
    }

    private static String reason(int errno, String disabled) {
        if (errno == Errno.ENOSYS) {
            return "the kernel has no io_uring (built without CONFIG_IO_URING, or a seccomp filter answers ENOSYS)";
        }
        if (errno == Errno.EINVAL) {
            return "the kernel rejected every setup flag set tried, down to IORING_SETUP_CQSIZE|IORING_SETUP_CLAMP;"
                    + " io_uring needs Linux 5.6 or later";
        }
        // io_uring_setup(2): EPERM when io_uring_disabled is 2, or 1 and the caller lacks CAP_SYS_ADMIN and is
        // not in io_uring_group; otherwise an EPERM/EACCES comes from a seccomp filter or an LSM.
        if ("2".equals(disabled)) {
            return "io_uring is disabled for all processes (" + IO_URING_DISABLED + " is 2)";
        }
        if ("1".equals(disabled)) {
            return "io_uring is restricted to processes with CAP_SYS_ADMIN or in the group of"
                    + " /proc/sys/kernel/io_uring_group (" + IO_URING_DISABLED + " is 1)";
        }
        return "the system call is denied, typically by a seccomp filter (the default profiles of Docker, Podman"
                + " and containerd block io_uring) or an LSM policy";
    }

    private static String readDisabledSysctl() {
        try {
            return Files.readString(IO_URING_DISABLED).strip();
        } catch (IOException | UncheckedIOException | SecurityException notReadable) {
            return null;
        }
    }

    /** The {@code errno} of the failed {@code io_uring_setup}. */
    public int errno() {
        return errno;
    }
}
