package org.iocp4j.examples.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Answers GET and HEAD for files under the server's root: path checks ({@link StaticPaths}), Content-Type
 * by extension, {@code Last-Modified} / {@code If-Modified-Since} (304), a single byte range (206 / 416, with
 * {@code If-Range} by date), directories through their index.html. The body is not read here: the response
 * carries the opened {@link org.iocp4j.core.IoFile} and its range, and the connection streams it in slices.
 *
 * <p>Threads: runs on a virtual thread (the path checks and the open block on the file system).
 */
final class StaticFiles {
    private StaticFiles() {
    }

    static HttpResponse respond(HttpServer server, HttpRequest request) throws HttpException, IOException {
        StaticPaths.Resolved target = StaticPaths.resolve(server.root(), request.rawPath());
        if (target.redirectToDirectory()) {
            // "//dir" names the same directory as "/dir", but as a Location "//dir/" is a network-path
            // reference (RFC 3986 4.2) that sends the browser to the host "dir": the slashes collapse to one.
            String path = request.rawPath();
            int start = 0;
            while (start < path.length() && path.charAt(start) == '/') {
                start++;
            }
            String query = request.query();
            return HttpResponse.error(301, null).header("Location",
                    "/" + path.substring(start) + "/" + (query == null ? "" : "?" + query));
        }
        BasicFileAttributes attributes = Files.readAttributes(target.file(), BasicFileAttributes.class);
        long size = attributes.size();
        Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
        // A timestamp outside the years HTTP dates can carry (1..9999) gets no validator at all.
        String lastModified = HttpDates.formattable(modified) ? HttpDates.format(modified) : null;

        HttpResponse response = new HttpResponse()
                .header("Content-Type", MimeTypes.forFileName(target.file().getFileName().toString()))
                .header("Accept-Ranges", "bytes");
        if (lastModified != null) {
            response.header("Last-Modified", lastModified);
        }
        String since = request.header("If-Modified-Since");
        if (since != null && lastModified != null) {
            Instant t = HttpDates.parse(since);
            if (t != null && !modified.isAfter(t)) {
                return response.status(304);
            }
        }
        long first = 0;
        long length = size;
        String range = request.header("Range");
        String ifRange = request.header("If-Range");
        if (range != null && (ifRange == null || ifRange.equals(lastModified) && lastModified != null)) {
            ByteRange r;
            try {
                r = ByteRange.parse(range, size);
            } catch (HttpException x) {
                HttpResponse refused = HttpResponse.error(x.status(), x.getMessage());
                return refused.header("Content-Range", ByteRange.unsatisfiedContentRange(size));
            }
            if (r != null) {
                response.status(206).header("Content-Range", r.contentRange(size));
                first = r.first();
                length = r.length();
            }
        }
        response.fileLength = length;
        if (request.method() == HttpRequest.GET && length > 0) {
            response.file = server.engine().openFile(target.file());
            response.fileOffset = first;
        }
        return response;
    }
}
