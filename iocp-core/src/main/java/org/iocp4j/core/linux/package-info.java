/**
 * The Linux backend's io_uring building blocks: {@link org.iocp4j.core.linux.IoUringRing} (one ring per
 * worker thread: setup, SQE preparation, submit and bounded wait, CQE reaping, cross-thread wake-up) and
 * {@link org.iocp4j.core.linux.ProvidedBufferRing}. Not exported; used by the proactor engine.
 */
package org.iocp4j.core.linux;
