package com.chatshare.datacontrols.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded export on disk: a bare JSON file, or a zip (ChatGPT's, Claude's) whose
 * {@code conversations.json} is read, told apart by their first bytes, not their names. A zip's
 * entry is inflated as it is read and refused past the limits: its size, and how many times its
 * packed size it grows (a zip bomb says little of itself in its headers, so the bytes are counted).
 * A zip's entries are counted from its directory's end record before it is opened ({@link ZipDirectoryEnd}).
 */
public final class ExportFile {

    /** A zip's first bytes: "PK\3\4". */
    private static final byte[] ZIP_MAGIC = {0x50, 0x4b, 0x03, 0x04};
    /** Below this, no zip entry is refused for how much it grows: small files of repeated text pack well. */
    private static final long RATIO_FLOOR = 1 << 20;
    /**
     * The central directory's bytes allowed per entry of the limit: a header is 46 bytes and the
     * entry's name, extra fields and comment; an export's names are short.
     */
    static final long DIRECTORY_BYTES_PER_ENTRY = 1024;

    private final Path path;
    private final ImportFileLimits limits;
    private final @Nullable String entryName;
    private final long packedSize;

    /** The limits a file is read within. */
    public record ImportFileLimits(long maxUncompressedBytes, int maxCompressionRatio, int maxZipEntries) {
    }

    private ExportFile(Path path, ImportFileLimits limits, @Nullable String entryName, long packedSize) {
        this.path = path;
        this.limits = limits;
        this.entryName = entryName;
        this.packedSize = packedSize;
    }

    /** Opens an upload, finding {@code conversations.json} in a zip; refuses a damaged zip or one without it. */
    public static ExportFile open(Path path, ImportFileLimits limits) {
        if (!isZip(path)) {
            return new ExportFile(path, limits, null, 0);
        }
        try {
            // Before ZipFile, which reads the whole central directory into memory when it opens.
            ZipDirectoryEnd.Declared directory = ZipDirectoryEnd.declared(path);
            if (directory.entries() > limits.maxZipEntries()) {
                throw tooManyEntries(limits);
            }
            // A count that says too little does not bound it: ZipFile then counts the entries itself.
            if (directory.size() > limits.maxZipEntries() * DIRECTORY_BYTES_PER_ENTRY) {
                throw new ExportRefusedException("The zip file's list of files is far larger than an export's. "
                        + "Nothing was imported.");
            }
        } catch (IOException e) {
            throw damaged(e);
        }
        try (ZipFile zip = new ZipFile(path.toFile())) {
            // Again as opened: ZipFile counts the entries itself when the record's count is short.
            if (zip.size() > limits.maxZipEntries()) {
                throw tooManyEntries(limits);
            }
            ZipEntry entry = zip.stream()
                    .filter(e -> !e.isDirectory())
                    .filter(e -> e.getName().equals("conversations.json") || e.getName().endsWith("/conversations.json"))
                    .min(Comparator.comparingInt(e -> e.getName().length()))
                    .orElseThrow(() -> new ExportRefusedException("This zip file has no conversations.json in it: "
                            + "it is not a ChatGPT or Claude export. Nothing was imported."));
            return new ExportFile(path, limits, entry.getName(), entry.getCompressedSize());
        } catch (ZipException e) {
            throw damaged(e);
        } catch (IOException e) {
            throw damaged(e);
        }
    }

    private static ExportRefusedException tooManyEntries(ImportFileLimits limits) {
        return new ExportRefusedException("The zip file has more than " + String.format("%,d",
                limits.maxZipEntries()) + " files in it; an export has far fewer. Nothing was imported.");
    }

    private static boolean isZip(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(ZIP_MAGIC.length);
            return java.util.Arrays.equals(head, ZIP_MAGIC);
        } catch (IOException e) {
            throw new ExportRefusedException("The file could not be read. Nothing was imported.", e);
        }
    }

    static ExportRefusedException damaged(Exception cause) {
        return new ExportRefusedException("The zip file is damaged and cannot be opened. Download the export "
                + "again and retry. Nothing was imported.", cause);
    }

    /** Whether it was a zip. */
    public boolean zipped() {
        return entryName != null;
    }

    /** The JSON, read from the start; close it when done. */
    public InputStream openJson() throws IOException {
        if (entryName == null) {
            return new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        }
        ZipFile zip = new ZipFile(path.toFile());
        ZipEntry entry = zip.getEntry(entryName);
        long packed = packedSize > 0 ? packedSize : Files.size(path);
        return new BufferedInputStream(new Bounded(zip.getInputStream(entry), zip, limits.maxUncompressedBytes(),
                Math.max(RATIO_FLOOR, packed * limits.maxCompressionRatio())), 1 << 16);
    }

    /** Counts what it inflates and stops past the limits; closing it closes the zip. */
    private static final class Bounded extends FilterInputStream {

        private final ZipFile zip;
        private final long maxBytes;
        private final long maxByRatio;
        private long read;

        Bounded(InputStream in, ZipFile zip, long maxBytes, long maxByRatio) {
            super(in);
            this.zip = zip;
            this.maxBytes = maxBytes;
            this.maxByRatio = maxByRatio;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw new ExportRefusedException("The export unpacks to more than " + megabytes(maxBytes)
                        + ", the limit of an import. Nothing was imported.");
            }
            if (read > maxByRatio) {
                throw new ExportRefusedException("The zip file unpacks to far more than an export does "
                        + "(a zip bomb?). Nothing was imported.");
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                zip.close();
            }
        }
    }

    static String megabytes(long bytes) {
        return String.format("%,d MB", bytes / (1024 * 1024));
    }
}
