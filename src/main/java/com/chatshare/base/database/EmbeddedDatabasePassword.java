package com.chatshare.base.database;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The embedded database's password: generated once with {@link SecureRandom} and kept in a file
 * that only its owner can read, next to the data it protects, so it survives restarts. A
 * temporary database gets a fresh one at every start.
 */
final class EmbeddedDatabasePassword {

    /** In the embedded database's data directory ({@code ./data/mariadb/password} by default). */
    static final String FILE_NAME = "password";

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private EmbeddedDatabasePassword() {
    }

    /** 256 random bits in URL-safe Base64: no quote or backslash to escape in SQL. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The password kept in the file, which is created with a new one if it is missing or empty. */
    static String keptIn(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!kept.isEmpty()) {
                restrictToOwner(file); // in case someone loosened it since
                return kept;
            }
        }
        String password = generate();
        // Written in full under another name first: a crash never leaves half a password behind.
        Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME + "-", ".partial");
        try {
            restrictToOwner(partial);
            Files.writeString(partial, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
        return password;
    }

    /** Read and write for the owner only: 0600 where the file system knows POSIX permissions. */
    static void restrictToOwner(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } else {
            File f = file.toFile();
            boolean restricted = f.setReadable(false, false) & f.setReadable(true, true)
                    & f.setWritable(false, false) & f.setWritable(true, true);
            if (!restricted) {
                throw new IOException("Could not make " + file + " readable by its owner only");
            }
        }
    }
}
