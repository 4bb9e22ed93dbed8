package org.iocp4j.bindings.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's own files, for the tests that check the build and CI set-up. */
final class RepositoryFiles {
    private RepositoryFiles() {
    }

    /** The repository root, passed by the native-bindings POM as {@code iocp4j.repository.root}. */
    static Path root() {
        String root = System.getProperty("iocp4j.repository.root");
        if (root == null) {
            throw new IllegalStateException("system property iocp4j.repository.root is not set; "
                    + "run the tests through Maven (native-bindings/pom.xml sets it)");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    /** The text of {@code relative} under the repository root. */
    static String read(String relative) {
        Path file = root().resolve(relative);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
