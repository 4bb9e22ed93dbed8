package org.iocp4j.core;

import java.util.concurrent.atomic.AtomicInteger;
import org.iocp4j.core.windows.WineLane;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the Wine lane's closing line, {@code wine lane: N passed, M failed, K skipped}, when the test plan
 * finishes, so that a CI log says at a glance how much of the core suite ran on the IOCP backend under Wine.
 * Registered through {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}; silent
 * unless {@value WineLane#PROPERTY} is true. Counts tests (not containers): a test aborted by an assumption
 * (the lane's skips, which name their reason) or disabled counts as skipped.
 */
public final class WineLaneSummary implements TestExecutionListener {
    private final boolean active = WineLane.requested();
    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();

    /** Created by the JUnit Platform's service loader. */
    public WineLaneSummary() {
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            skipped.incrementAndGet();
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> passed.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
            case ABORTED -> skipped.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (active) {
            System.out.printf("wine lane: %d passed, %d failed, %d skipped%n", passed.get(), failed.get(),
                    skipped.get());
        }
    }
}
