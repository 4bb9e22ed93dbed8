package org.iocp4j.examples.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSiteTest {
    /** The server's routes the page links to: not files. */
    private static final Set<String> ROUTES = Set.of("/plaintext", "/json", "/stats", "/hello");

    @TempDir
    Path temp;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DemoSite.class.getResourceAsStream(DemoSite.RESOURCE_DIRECTORY + name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    @Test
    void extractsEveryListedFileByteForByte() throws IOException {
        Path target = temp.resolve("a").resolve("site");
        assertSame(target, DemoSite.extract(target));
        List<String> files = DemoSite.files();
        assertTrue(files.containsAll(List.of("index.html", "style.css", "app.js", "logo.svg")), files::toString);
        try (Stream<Path> extracted = Files.list(target)) {
            assertEquals(new TreeSet<>(files),
                    new TreeSet<>(extracted.map(p -> p.getFileName().toString()).toList()));
        }
        for (String name : files) {
            assertArrayEquals(resource(name), Files.readAllBytes(target.resolve(name)), name);
        }
    }

    @Test
    void extractReplacesExistingFiles() throws IOException {
        Files.writeString(temp.resolve("index.html"), "stale");
        DemoSite.extract(temp);
        assertArrayEquals(resource("index.html"), Files.readAllBytes(temp.resolve("index.html")));
    }

    @Test
    void theListNamesEveryFileOfTheSite() throws IOException, URISyntaxException {
        // The resources are a directory of target/classes here, so the site can be listed and compared.
        URL list = DemoSite.class.getResource(DemoSite.RESOURCE_DIRECTORY + DemoSite.LIST);
        assertNotNull(list);
        assertEquals("file", list.getProtocol(), list::toString);
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of(list.toURI()).getParent())) {
            files.map(p -> p.getFileName().toString()).forEach(present::add);
        }
        present.remove(DemoSite.LIST);
        assertEquals(present, new TreeSet<>(DemoSite.files()));
    }

    @Test
    void pagesReferenceOnlyFilesThatExist() throws IOException {
        Path site = DemoSite.extract(temp);
        List<String> references = new ArrayList<>();
        references.addAll(matches(site.resolve("index.html"), "(?:href|src)=\"([^\"]*)\""));
        references.addAll(matches(site.resolve("style.css"), "url\\(\\s*['\"]?([^'\")]*)"));
        references.addAll(matches(site.resolve("app.js"), "fetch\\(\\s*\"([^\"]*)\""));
        assertTrue(references.containsAll(List.of("/style.css", "/app.js", "/logo.svg", "/plaintext")),
                references::toString);
        for (String reference : references) {
            assertTrue(reference.startsWith("/"), () -> "not a site-absolute reference: " + reference);
            if (!ROUTES.contains(reference)) {
                assertTrue(Files.isRegularFile(site.resolve(reference.substring(1))),
                        () -> "referenced but not in the site: " + reference);
            }
        }
    }

    @Test
    void pageHasTheElementsTheScreenshotTestLooksFor() throws IOException {
        String html = new String(resource("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<title>iocp4j sample server</title>"), html);
        assertTrue(html.contains("class=\"banner\""), html);
        assertTrue(html.contains("id=\"status\""), html);
        String css = new String(resource("style.css"), StandardCharsets.UTF_8);
        assertTrue(ruleOf(css, ".banner").contains("background: #1f6feb;"), css);
        assertTrue(ruleOf(css, "#status.ok").contains("background: #2da44e;"), css);
        assertTrue(ruleOf(css, "#status.failed").contains("background: #cf222e;"), css);
        String js = new String(resource("app.js"), StandardCharsets.UTF_8);
        assertTrue(js.contains("\"Hello, World!\"") && js.contains("show(\"ok\", \"server reachable\")"), js);
        assertTrue(js.contains("show(\"failed\""), js);
        assertFalse(js.contains("innerHTML"), js);
    }

    /** The body of the first CSS rule with exactly this selector. */
    private static String ruleOf(String css, String selector) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(selector) + "\\s*\\{([^}]*)}").matcher(css);
        assertTrue(m.find(), () -> "no rule for " + selector);
        return m.group(1);
    }

    private static List<String> matches(Path file, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(Files.readString(file));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
