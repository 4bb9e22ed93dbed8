package org.iocp4j.examples.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * StaticPaths against a real directory tree with symbolic links inside and out (jqwik runs the examples and
 * the properties alike, each on a fresh tree). Symbolic links, a fifo and a non-ASCII name are created when the
 * platform allows; the examples needing one are skipped otherwise.
 */
class StaticPathsTest {
    private Path temp;
    private Path root;
    private Path outside;
    /** Why this tree has no symbolic links, or null when it has them. */
    private String linksMissing;
    private boolean fifo;
    private boolean unicode;

    @BeforeProperty
    void createTree() throws IOException {
        temp = Files.createTempDirectory("static-paths").toRealPath();
        root = Files.createDirectories(temp.resolve("site"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.writeString(outside.resolve("index.html"), "outside index");
        // A sibling whose name starts with the root's: outside, though its path string starts like the root's.
        Files.writeString(Files.createDirectories(temp.resolve("site-secret")).resolve("x.txt"), "secret too");

        Files.writeString(root.resolve("index.html"), "root index");
        Files.writeString(root.resolve("a.txt"), "a");
        Files.writeString(root.resolve("~"), "tilde");
        Files.writeString(root.resolve(".env"), "hidden");
        Files.writeString(Files.createDirectories(root.resolve(".git")).resolve("config"), "hidden");
        Path sub = Files.createDirectories(root.resolve("sub"));
        Files.writeString(sub.resolve("index.html"), "sub index");
        Files.writeString(sub.resolve("b.txt"), "b");
        Files.writeString(sub.resolve(".hidden"), "hidden");
        Files.createDirectories(root.resolve("empty"));
        Files.createDirectories(root.resolve("indexdir").resolve("index.html"));
        Path leaky = Files.createDirectories(root.resolve("leaky"));

        try {
            Files.writeString(root.resolve("\u00fcn\u00ef.txt"), "unicode");
            unicode = true;
        } catch (InvalidPathException e) {
            unicode = false; // the platform's file name encoding cannot spell it (a POSIX locale)
        }
        linksMissing = Tools.symbolicLinksMissing(root);
        if (linksMissing == null) {
            Files.createSymbolicLink(root.resolve("link-out-file"), outside.resolve("secret.txt"));
            Files.createSymbolicLink(root.resolve("link-out-rel"), Path.of("..", "outside", "secret.txt"));
            Files.createSymbolicLink(root.resolve("link-out-dir"), Path.of("..", "outside"));
            Files.createSymbolicLink(root.resolve("link-prefix"), Path.of("..", "site-secret", "x.txt"));
            Files.createSymbolicLink(root.resolve("link-in"), Path.of("a.txt"));
            Files.createSymbolicLink(root.resolve("link-in-dir"), Path.of("sub"));
            Files.createSymbolicLink(root.resolve("link-dotgit"), Path.of(".git"));
            Files.createSymbolicLink(root.resolve("link-loop"), Path.of("link-loop"));
            Files.createSymbolicLink(sub.resolve("link-up"), Path.of(".."));
            Files.createSymbolicLink(sub.resolve("link-up-up"), Path.of("..", ".."));
            Files.createSymbolicLink(leaky.resolve("index.html"), Path.of("..", "..", "outside", "secret.txt"));
        }
        try {
            fifo = new ProcessBuilder("mkfifo", root.resolve("fifo").toString()).start().waitFor() == 0;
        } catch (IOException e) {
            fifo = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted creating the fifo", e);
        }
    }

    private void assumeLinks() {
        assumeThat(linksMissing == null, linksMissing);
    }

    /** jqwik's Assume.that gives no reason: a skip here always says why. */
    private static void assumeThat(boolean condition, String reason) {
        if (!condition) {
            throw new org.opentest4j.TestAbortedException(reason);
        }
    }

    @AfterProperty
    void deleteTree() throws IOException {
        // Walking does not follow links, and deleting a link deletes the link: nothing outside temp is touched.
        try (Stream<Path> paths = Files.walk(temp)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private Path resolved(String rawPath) throws Exception {
        StaticPaths.Resolved resolved = StaticPaths.resolve(root, rawPath);
        assertFalse(resolved.redirectToDirectory(), rawPath);
        return resolved.file();
    }

    private void assertServes(String expectedRelative, String rawPath) throws Exception {
        assertEquals(root.resolve(expectedRelative), resolved(rawPath), rawPath);
    }

    private void assertRefused(int status, String rawPath) {
        HttpException e = assertThrows(HttpException.class, () -> StaticPaths.resolve(root, rawPath), rawPath);
        assertEquals(status, e.status(), () -> rawPath + ": " + e.getMessage());
    }

    @Example
    void servesFilesAndDirectoryIndexes() throws Exception {
        assertServes("index.html", "/");
        assertServes("a.txt", "/a.txt");
        assertServes("sub/index.html", "/sub/");
        assertServes("sub/b.txt", "/sub/b.txt");
        assertServes("~", "/~");
        assertServes("~", "/%7e");
        assertServes("a.txt", "/%61%2E%74xt");
    }

    @Example
    void emptyAndDotSegmentsCollapse() throws Exception {
        assertServes("sub/b.txt", "/sub//b.txt");
        assertServes("a.txt", "//a.txt");
        assertServes("sub/b.txt", "/./sub/./b.txt");
        assertServes("sub/b.txt", "/%2e/sub/%2E/b.txt");
        assertServes("index.html", "/./");
    }

    @Example
    void directoryWithoutTrailingSlashRedirects() throws Exception {
        StaticPaths.Resolved resolved = StaticPaths.resolve(root, "/sub");
        assertTrue(resolved.redirectToDirectory());
        assertEquals(root.resolve("sub"), resolved.file());
    }

    @Example
    void directoryWithoutAnIndexFileIsNotListed() {
        assertRefused(404, "/empty/");
        assertRefused(404, "/indexdir/");
    }

    @Example
    void missingFilesAreNotFound() {
        assertRefused(404, "/missing.txt");
        assertRefused(404, "/missing/");
        assertRefused(404, "/a.txt/x");
        assertRefused(404, "/a.txt/");
        // A single decode: %252e is the literal name "%2e", which does not exist.
        assertRefused(404, "/%252e%252e/outside/secret.txt");
        assertRefused(404, "/" + "x".repeat(300));
    }

    @Example
    void pathNotStartingWithSlashIsRejected() {
        assertRefused(400, "");
        assertRefused(400, "a.txt");
        assertRefused(400, "*");
        assertRefused(400, "http://host/a.txt");
    }

    @Example
    void dotDotSegmentsAreRejectedHowEverSpelt() {
        for (String path : List.of("/..", "/../outside/secret.txt", "/sub/..", "/sub/../a.txt", "/%2e%2e/x",
                "/%2E%2E/x", "/%2E./x", "/.%2e/x", "/sub/%2e%2e/", "/sub/%2e%2e")) {
            assertRefused(400, path);
        }
    }

    @Example
    void separatorsAndNulAreRejectedRawOrEncoded() {
        for (String path : List.of("/..%2foutside/secret.txt", "/sub%2Fb.txt", "/%2f", "/sub\\b.txt",
                "/sub%5cb.txt", "/sub%5Cb.txt", "/..\\outside", "/a.txt%00", "/a.txt\0", "/%00/a.txt")) {
            assertRefused(400, path);
        }
    }

    @Example
    void malformedPercentEncodingAndUtf8AreRejected() {
        for (String path : List.of("/%", "/%4", "/%zz", "/a%g1", "/%c3", "/%ff", "/%c3%28",
                // Overlong encodings of '.' and '/' that lenient decoders turn into "../"
                "/%c0%ae%c0%ae/x", "/%c0%af", "/%e0%80%ae")) {
            assertRefused(400, path);
        }
    }

    @Example
    void hiddenFilesAreNotFound() {
        for (String path : List.of("/.env", "/.git/config", "/.git/", "/.git", "/%2egit/config",
                "/sub/.hidden", "/...", "/.%2e.")) {
            assertRefused(404, path);
        }
    }

    @Example
    void nonAsciiNamesArePercentDecodedAsUtf8() throws Exception {
        assumeThat(unicode, "the platform's file name encoding cannot spell \u00fcn\u00ef.txt (a POSIX locale)");
        assertServes("\u00fcn\u00ef.txt", "/%C3%BCn%C3%AF.txt");
    }

    @Example
    void linksInsideTheRootAreFollowed() throws Exception {
        assumeLinks();
        assertServes("a.txt", "/link-in");
        assertServes("sub/b.txt", "/link-in-dir/b.txt");
        assertServes("sub/index.html", "/link-in-dir/");
        assertServes("a.txt", "/sub/link-up/a.txt");
    }

    @Example
    void linksLeadingOutsideTheRootAreForbidden() {
        assumeLinks();
        for (String path : List.of("/link-out-file", "/link-out-rel", "/link-out-dir/secret.txt",
                "/link-out-dir/", "/link-prefix", "/sub/link-up-up/outside/secret.txt", "/leaky/")) {
            assertRefused(403, path);
        }
    }

    @Example
    void linksToHiddenFilesAndLoopsAreNotFound() {
        assumeLinks();
        assertRefused(404, "/link-dotgit/config");
        assertRefused(404, "/link-loop");
    }

    @Example
    void fifosAreNotServed() {
        assumeThat(fifo, "no fifo: mkfifo could not make one (not a POSIX system)");
        assertRefused(404, "/fifo");
    }

    /** Path segments meant to escape the root, to confuse the decoder, or to name things that exist. */
    @Provide
    Arbitrary<String> hostilePaths() {
        Arbitrary<String> hostile = Arbitraries.of("..", ".", "%2e%2e", "%2E.", ".%2e", "%2e", "%252e", "%252e%252e",
                "\\", "%5c", "%5C", "..\\..", "%00", "\0", "%2f", "..%2f..", "", "~", "%7e", "%c0%ae", "%", "%z",
                "%C3%BC", "\u00fcn\u00ef.txt", "\u2025", "\uff0e\uff0e", "C:", "C:\\", "con", "...", " ", "%20",
                "site", "outside", "site-secret", "temp", "/", "//");
        Arbitrary<String> names = Arbitraries.of("a.txt", "index.html", "sub", "b.txt", "empty", "indexdir",
                "leaky", ".git", "config", ".env", "secret.txt", "x.txt", "link-out-file", "link-out-rel",
                "link-out-dir", "link-prefix", "link-in", "link-in-dir", "link-dotgit", "link-loop", "link-up",
                "link-up-up", "fifo");
        Arbitrary<String> segments = Arbitraries.oneOf(hostile, names).list().ofMaxSize(8)
                .map(list -> String.join("/", list));
        return Arbitraries.oneOf(segments.map(s -> "/" + s), segments.map(s -> "/" + s + "/"),
                segments, Arbitraries.strings().withChars("/%.\\\0~aA2eEfF5cC").ofMaxLength(24));
    }

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void neverResolvesOutsideTheRoot(@ForAll("hostilePaths") String rawPath) throws Exception {
        Statistics.label("outcome").collect(outcomeInsideRoot(rawPath));
        Statistics.label("outcome").coverage(check -> {
            check.check("ok").count(n -> n > 0);
            check.check("400").count(n -> n > 0);
            check.check("404").count(n -> n > 0);
            if (linksMissing == null) {
                check.check("403").count(n -> n > 0);
            }
        });
    }

    @Property(tries = 2000)
    void anyStringIsRefusedOrStaysInside(@ForAll String anything) throws Exception {
        outcomeInsideRoot("/" + anything);
    }

    /**
     * Resolves and checks the invariant: a refusal with 400, 403 or 404, or the real path of a regular file
     * (of a directory for a redirect) under the root, not hidden. Anything else thrown fails the property.
     */
    private String outcomeInsideRoot(String rawPath) throws IOException {
        StaticPaths.Resolved resolved;
        try {
            resolved = StaticPaths.resolve(root, rawPath);
        } catch (HttpException e) {
            if (!Set.of(400, 403, 404).contains(e.status())) {
                fail(rawPath + " refused with " + e.status());
            }
            return String.valueOf(e.status());
        }
        Path file = resolved.file();
        assertTrue(file.startsWith(root), () -> rawPath + " resolved outside the root: " + file);
        assertEquals(file, file.toRealPath(), rawPath);
        if (resolved.redirectToDirectory()) {
            assertTrue(Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS), rawPath);
        } else {
            assertTrue(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS), rawPath);
        }
        for (Path name : root.relativize(file)) {
            assertFalse(name.toString().startsWith("."), () -> rawPath + " resolved to a hidden file: " + file);
        }
        return resolved.redirectToDirectory() ? "redirect" : "ok";
    }
}
