package org.iocp4j.examples.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MimeTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "index.html   | text/html; charset=utf-8",
        "page.htm     | text/html; charset=utf-8",
        "style.css    | text/css; charset=utf-8",
        "app.js       | text/javascript; charset=utf-8",
        "module.mjs   | text/javascript; charset=utf-8",
        "data.json    | application/json",
        "notes.txt    | text/plain; charset=utf-8",
        "logo.svg     | image/svg+xml",
        "a.png        | image/png",
        "a.jpg        | image/jpeg",
        "a.jpeg       | image/jpeg",
        "a.gif        | image/gif",
        "a.webp       | image/webp",
        "favicon.ico  | image/x-icon",
        "code.wasm    | application/wasm",
        "doc.pdf      | application/pdf",
        "font.woff    | font/woff",
        "font.woff2   | font/woff2",
        "clip.mp4     | video/mp4",
        "clip.webm    | video/webm",
        "feed.xml     | application/xml",
        "table.csv    | text/csv; charset=utf-8",
        "bundle.zip   | application/zip",
        "site.tar.gz  | application/gzip",
    })
    void knownExtensions(String name, String expected) {
        assertEquals(expected, MimeTypes.forFileName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INDEX.HTML", "Index.Html", "LOGO.SVG", "App.Js", "PHOTO.JPEG"})
    void extensionsAreCaseInsensitive(String name) {
        assertEquals(MimeTypes.forFileName(name.toLowerCase(Locale.ROOT)), MimeTypes.forFileName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "README", "archive.", "file.unknown", ".html", ".htaccess", "html", "a.html.bak"})
    void unknownOrMissingExtensionsAreOctetStream(String name) {
        assertEquals("application/octet-stream", MimeTypes.forFileName(name));
    }
}
