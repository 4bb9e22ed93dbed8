package org.iocp4j.bindings.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks the parts of {@code .github/workflows/ci.yml} the project relies on: the triggers, the
 * windows/ubuntu × JDK 22/25 matrix running the README's test command, and the Windows job that runs
 * the jextract profile. The other CI entry point, {@code .ci/run}, must run that same command.
 */
class CiWorkflowTest {
    private static final String TEST_COMMAND = "bash ci/test";

    private static Map<String, Object> workflow;

    @BeforeAll
    static void parseWorkflow() {
        workflow = new Yaml(new SafeConstructor(new LoaderOptions())).load(RepositoryFiles.read(".github/workflows/ci.yml"));
    }

    @Test
    void runsOnPushAndPullRequest() {
        // YAML 1.1 (SnakeYAML) reads an unquoted `on` key as the boolean true; GitHub reads it as "on".
        Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE);
        Map<String, Object> triggers = map(on, "on");
        assertTrue(triggers.containsKey("push"), "on: push missing, triggers are " + triggers.keySet());
        assertTrue(triggers.containsKey("pull_request"), "on: pull_request missing, triggers are " + triggers.keySet());
    }

    @Test
    void matrixCoversWindowsAndLinuxWithTheOldestAndNewestJdk() {
        Map<String, Object> job = testJob();
        Map<String, Object> matrix = map(map(job.get("strategy"), "strategy").get("matrix"), "strategy.matrix");
        Set<String> os = strings(matrix.get("os"), "matrix.os");
        assertTrue(os.containsAll(Set.of("windows-latest", "ubuntu-latest")), "matrix.os is " + os);
        assertEquals("${{ matrix.os }}", job.get("runs-on"));
        Set<String> java = strings(matrix.get("java"), "matrix.java");
        assertTrue(java.containsAll(Set.of("22", "25")), "matrix.java is " + java);

        Map<String, Object> setupJava = setupJava(job);
        assertEquals("temurin", setupJava.get("distribution"));
        assertEquals("${{ matrix.java }}", String.valueOf(setupJava.get("java-version")));
        assertEquals("maven", setupJava.get("cache"));
    }

    @Test
    void testJobRunsTheReadmeTestCommand() {
        assertTrue(runs(testJob()).contains(TEST_COMMAND), "no step of the test job runs `" + TEST_COMMAND + "`");
        assertTrue(RepositoryFiles.read("README.md").contains(TEST_COMMAND), "README does not give `" + TEST_COMMAND + "`");
        assertTrue(RepositoryFiles.read(".ci/run").contains(TEST_COMMAND), ".ci/run does not run `" + TEST_COMMAND + "`");
    }

    @Test
    void jextractJobRunsTheProfileOnWindowsWithJextractOnPath() {
        List<Map<String, Object>> jextractJobs = jobs().values().stream()
                .map(job -> map(job, "job"))
                .filter(job -> runs(job).contains("-Pjextract"))
                .toList();
        assertEquals(1, jextractJobs.size(), "expected one job that runs -Pjextract");
        Map<String, Object> job = jextractJobs.getFirst();
        assertEquals("windows-latest", job.get("runs-on"));
        String runs = runs(job);
        assertTrue(runs.contains(TEST_COMMAND + " -Pjextract"), "the jextract job must run `" + TEST_COMMAND + " -Pjextract`");
        assertTrue(runs.contains("-Diocp4j.jextract.required=true"),
                "without iocp4j.jextract.required a missing jextract would only skip the comparison");
        assertTrue(runs.contains("GITHUB_PATH"), "the jextract job must put jextract on PATH");
        assertFalse(setupJava(job).isEmpty());
    }

    private static Map<String, Object> jobs() {
        return map(workflow.get("jobs"), "jobs");
    }

    /** The one job with a matrix over operating systems. */
    private static Map<String, Object> testJob() {
        List<Map<String, Object>> matrixJobs = jobs().values().stream()
                .map(job -> map(job, "job"))
                .filter(job -> job.get("strategy") instanceof Map<?, ?> strategy
                        && strategy.get("matrix") instanceof Map<?, ?> matrix && matrix.containsKey("os"))
                .toList();
        assertEquals(1, matrixJobs.size(), "expected one job with strategy.matrix.os");
        return matrixJobs.getFirst();
    }

    private static List<Map<String, Object>> steps(Map<String, Object> job) {
        return list(job.get("steps"), "steps").stream().map(step -> map(step, "step")).toList();
    }

    /** All {@code run:} scripts of the job's steps, joined. */
    private static String runs(Map<String, Object> job) {
        return steps(job).stream()
                .map(step -> step.get("run"))
                .filter(run -> run != null)
                .map(String::valueOf)
                .collect(Collectors.joining("\n"));
    }

    /** The {@code with:} of the job's actions/setup-java step. */
    private static Map<String, Object> setupJava(Map<String, Object> job) {
        List<Map<String, Object>> setup = steps(job).stream()
                .filter(step -> String.valueOf(step.get("uses")).startsWith("actions/setup-java@"))
                .toList();
        assertEquals(1, setup.size(), "expected one actions/setup-java step");
        return map(setup.getFirst().get("with"), "setup-java with");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what) {
        return (Map<String, Object>) assertInstanceOf(Map.class, node, what + " is not a mapping");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node, String what) {
        return (List<Object>) assertInstanceOf(List.class, node, what + " is not a sequence");
    }

    private static Set<String> strings(Object node, String what) {
        return list(node, what).stream().map(String::valueOf).collect(Collectors.toSet());
    }
}
