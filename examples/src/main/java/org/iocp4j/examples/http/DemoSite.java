package org.iocp4j.examples.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo site bundled with the examples (resources under {@code org/iocp4j/examples/http/site/}), copied to
 * a directory for serving: the server sends files through the operating system's file handles, which a
 * resource inside a jar does not have.
 *
 * <p>{@code site/site.list} names the files, one a line ('#' starts a comment line): a jar cannot be listed
 * through the resource API of a named module, so the list is what makes the site's contents known.
 *
 * <p>Thread model: stateless; {@link #extract} makes blocking file calls on the caller's thread.
 */
public final class DemoSite {
    /** The resource directory of the site, relative to this class's package. */
    static final String RESOURCE_DIRECTORY = "site/";
    /** The list of the site's files inside {@link #RESOURCE_DIRECTORY}. */
    static final String LIST = "site.list";

    private DemoSite() {
    }

    /**
     * Copies every file of the site into {@code directory}, creating it (and its parents) if missing and
     * replacing files of the same names.
     *
     * @return {@code directory}
     * @throws IOException the directory cannot be written, or the bundled site is incomplete
     */
    public static Path extract(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (String name : files()) {
            try (InputStream in = resource(name)) {
                Files.copy(in, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return directory;
    }

    /** The names of the site's files, as {@code site.list} gives them. */
    static List<String> files() throws IOException {
        List<String> names = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(resource(LIST), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                // The names become paths under the target directory: plain names only, so none can leave it.
                if (!name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*")) {
                    throw new IOException("demo site list " + RESOURCE_DIRECTORY + LIST
                            + " has an entry that is not a plain file name: '" + name + "'");
                }
                names.add(name);
            }
        }
        return names;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DemoSite.class.getResourceAsStream(RESOURCE_DIRECTORY + name);
        if (in == null) {
            throw new IOException("demo site resource missing: " + RESOURCE_DIRECTORY + name);
        }
        return in;
    }
}
