package org.iocp4j.examples.http;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Maps the path of a request-target to a file under the static root, refusing everything that could leave the
 * root or expose what is not meant to be served.
 *
 * <p>The checks are layered so that no single one has to be perfect: the request path is decoded once and
 * rejected on anything that could change the meaning of a path (dot-dot segments, encoded separators,
 * backslashes, NUL, invalid UTF-8); what remains is resolved one segment at a time; and the result is
 * {@link Path#toRealPath() canonicalised} and must still lie under the root, which catches symbolic links
 * pointing outside and platform aliases the textual checks cannot know about (Windows drive-relative names,
 * 8.3 short names, trailing dots). Hidden files (a segment starting with '.') are not served, neither named
 * directly nor reached through a link.
 *
 * <p>A link swapped between this check and the server opening the file is not guarded against: whoever can
 * write inside the root chooses what is served anyway.
 *
 * <p>Thread model: stateless; {@link #resolve} makes blocking filesystem calls and is meant to run on a
 * virtual thread, any number at once.
 */
final class StaticPaths {
    /** The file served for a request naming a directory. */
    static final String INDEX_FILE = "index.html";

    /**
     * Where a request path leads.
     *
     * @param file                the real path of the regular file to serve, or of the directory when
     *                            {@code redirectToDirectory}
     * @param redirectToDirectory the path names a directory but lacks the trailing slash: the server answers
     *                            301 to the path plus "/" so that relative links in the index resolve
     *                            inside the directory
     */
    record Resolved(Path file, boolean redirectToDirectory) {
        Resolved {
            Objects.requireNonNull(file, "file");
        }
    }

    private StaticPaths() {
    }

    /**
     * @param realRoot the static root, already {@link Path#toRealPath() real}
     * @param rawPath  the path part of the request-target (before any '?'), still percent-encoded, as received
     * @throws HttpException 400 for a malformed or dangerous path, 403 for a file outside the root or not
     *                       readable, 404 for a missing, hidden or non-regular file or a directory without
     *                       an index
     * @throws IOException   the filesystem failed in a way that says nothing about this particular path
     */
    static Resolved resolve(Path realRoot, String rawPath) throws HttpException, IOException {
        Objects.requireNonNull(realRoot, "realRoot");
        Objects.requireNonNull(rawPath, "rawPath");
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            throw new HttpException(400, "request path must start with '/'");
        }
        Path candidate = realRoot;
        // Whether the path ends like a directory's ("/dir/" or "/dir/."): only a directory may be named so.
        boolean directorySyntax = false;
        // Splitting before decoding is what gives %2F no power: every encoded slash is refused below.
        for (String rawSegment : rawPath.substring(1).split("/", -1)) {
            String segment = decodeSegment(rawSegment);
            directorySyntax = segment.isEmpty() || segment.equals(".");
            if (directorySyntax) {
                continue;
            }
            if (segment.equals("..")) {
                throw new HttpException(400, "request path must not contain '..' segments");
            }
            if (segment.charAt(0) == '.') {
                throw new HttpException(404, "not found");
            }
            candidate = candidate.resolve(singleName(realRoot, segment));
        }
        return checkTarget(realRoot, candidate, directorySyntax);
    }

    private static Resolved checkTarget(Path realRoot, Path candidate, boolean directorySyntax)
            throws HttpException, IOException {
        Path real = realUnderRoot(realRoot, candidate);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (FileSystemException e) {
            throw refusal(e);
        }
        if (attributes.isDirectory()) {
            if (!directorySyntax) {
                return new Resolved(real, true);
            }
            // The index may itself be a link: it goes through the same checks as any requested file.
            Path index = realUnderRoot(realRoot, real.resolve(INDEX_FILE));
            if (!Files.isRegularFile(index)) {
                throw new HttpException(404, "not found");
            }
            return new Resolved(index, false);
        }
        // Fifos and devices would block or never end: they are no part of a site. A file named like a
        // directory ("/a.txt/") is not found either, as relative links in it would resolve wrongly.
        if (!attributes.isRegularFile() || directorySyntax) {
            throw new HttpException(404, "not found");
        }
        return new Resolved(real, false);
    }

    private static Path realUnderRoot(Path realRoot, Path candidate) throws HttpException, IOException {
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (FileSystemException e) {
            throw refusal(e);
        }
        if (!real.startsWith(realRoot)) {
            throw new HttpException(403, "forbidden");
        }
        // A link inside the root may lead to a hidden file; on Windows a short name (GIT~1) may, too. The real
        // path spells out the long names, so checking it catches both.
        for (Path name : realRoot.relativize(real)) {
            String text = name.toString();
            if (!text.isEmpty() && text.charAt(0) == '.') {
                throw new HttpException(404, "not found");
            }
        }
        return real;
    }

    private static HttpException refusal(FileSystemException e) {
        // Missing, a file used as a directory, a link loop, a name too long: all about this path only, so the
        // client gets a 404 rather than the server an error.
        return e instanceof AccessDeniedException
                ? new HttpException(403, "forbidden")
                : new HttpException(404, "not found");
    }

    /** The segment as one relative name of the root's filesystem, or 400 if the platform reads it otherwise. */
    private static Path singleName(Path realRoot, String segment) throws HttpException {
        Path name;
        try {
            name = realRoot.getFileSystem().getPath(segment);
        } catch (InvalidPathException e) {
            throw new HttpException(400, "request path has a character not allowed in file names");
        }
        // On Windows "C:" or "C:x" carry a root and would resolve against another drive.
        if (name.getRoot() != null || name.getNameCount() != 1) {
            throw new HttpException(400, "request path segment is not a plain file name");
        }
        return name;
    }

    /** Percent-decodes one segment as UTF-8, refusing encodings of separators and NUL. */
    private static String decodeSegment(String raw) throws HttpException {
        String decoded;
        try {
            decoded = PercentDecoding.decode(raw);
        } catch (IllegalArgumentException e) {
            throw new HttpException(400, "request path: " + e.getMessage());
        }
        for (int i = 0; i < decoded.length(); i++) {
            switch (decoded.charAt(i)) {
                case '\0' -> throw new HttpException(400, "request path must not contain NUL");
                case '\\' -> throw new HttpException(400, "request path must not contain a backslash");
                case '/' -> throw new HttpException(400, "request path must not contain an encoded '/'");
                default -> {
                }
            }
        }
        return decoded;
    }
}
