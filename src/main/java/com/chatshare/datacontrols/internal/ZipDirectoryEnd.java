package com.chatshare.datacontrols.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipException;

/**
 * How many entries a zip says it holds, read from its End Of Central Directory record (and the
 * ZIP64 one when a count, size or offset does not fit, as {@link java.util.zip.ZipFile} finds them)
 * without reading the central directory:
 * {@link java.util.zip.ZipFile} reads the whole directory into memory when it opens, so a file of
 * 200 MB could make it hold millions of entries before any limit is checked.
 */
final class ZipDirectoryEnd {

    private static final int END_SIGNATURE = 0x06054b50; // "PK\5\6"
    private static final int END_SIZE = 22;
    private static final int DIRECTORY_SIGNATURE = 0x02014b50; // "PK\1\2"
    private static final int ENTRY_SIGNATURE = 0x04034b50; // "PK\3\4"
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50; // "PK\6\7"
    private static final int ZIP64_LOCATOR_SIZE = 20;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50; // "PK\6\6"
    private static final int ZIP64_END_SIZE = 56;
    /** A 16-bit count at its maximum: the real one is in the ZIP64 record, when there is one. */
    private static final int COUNT_IN_ZIP64 = 0xFFFF;
    /** The directory's size or offset at its 32-bit maximum: the real one is in the ZIP64 record. */
    private static final int IN_ZIP64 = 0xFFFFFFFF;

    private ZipDirectoryEnd() {
    }

    /**
     * What the end record declares of the central directory, before it is read.
     *
     * @param entries the larger of "on this disk" and "in all"; past {@link Long#MAX_VALUE}, that
     * @param size the directory's bytes, which {@link java.util.zip.ZipFile} reads into one array
     */
    record Declared(long entries, long size) {
    }

    /** The entries the zip's directory declares. */
    static long declaredEntries(Path zip) throws IOException {
        return declared(zip).entries();
    }

    /**
     * The directory's entries and size as the zip declares them.
     *
     * @throws ZipException when there is no End Of Central Directory record
     */
    static Declared declared(Path zip) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = channel.size();
            int tailLength = (int) Math.min(size, END_SIZE + MAX_COMMENT);
            ByteBuffer tail = read(channel, size - tailLength, tailLength);
            int end = findEnd(channel, tail, size - tailLength);
            if (end < 0) {
                throw new ZipException("No End Of Central Directory record");
            }
            int onDisk = Short.toUnsignedInt(tail.getShort(end + 8));
            int total = Short.toUnsignedInt(tail.getShort(end + 10));
            long count = Math.max(onDisk, total);
            Declared declared = new Declared(count, Integer.toUnsignedLong(tail.getInt(end + 12)));
            boolean zip64 = count == COUNT_IN_ZIP64 || tail.getInt(end + 12) == IN_ZIP64
                    || tail.getInt(end + 16) == IN_ZIP64;
            if (!zip64 || end < ZIP64_LOCATOR_SIZE
                    || tail.getInt(end - ZIP64_LOCATOR_SIZE) != ZIP64_LOCATOR_SIGNATURE) {
                return declared; // no ZIP64 record: exactly 65,535 entries, or fewer
            }
            long zip64End = tail.getLong(end - ZIP64_LOCATOR_SIZE + 8);
            if (zip64End < 0 || zip64End > size - ZIP64_END_SIZE) {
                return declared; // as ZipFile, which then takes the record's own values
            }
            ByteBuffer record = read(channel, zip64End, ZIP64_END_SIZE);
            if (record.getInt(0) != ZIP64_END_SIGNATURE) {
                return declared;
            }
            // As ZipFile: the ZIP64 record counts only where it agrees with every field of the end
            // record that is not at its maximum; else ZipFile reads the end record's, so must we.
            long endSize = Integer.toUnsignedLong(tail.getInt(end + 12));
            long endOffset = Integer.toUnsignedLong(tail.getInt(end + 16));
            if (record.getLong(40) != endSize && tail.getInt(end + 12) != IN_ZIP64
                    || record.getLong(48) != endOffset && tail.getInt(end + 16) != IN_ZIP64
                    || record.getLong(32) != total && total != COUNT_IN_ZIP64) {
                return declared;
            }
            return new Declared(Math.max(unsigned(record.getLong(24)), unsigned(record.getLong(32))),
                    unsigned(record.getLong(40)));
        }
    }

    /**
     * The record {@link java.util.zip.ZipFile} takes, found as it finds it: the last signature whose
     * comment ends the file exactly, or, with bytes after it, whose directory and first entry are
     * where it says; else -1.
     */
    private static int findEnd(FileChannel channel, ByteBuffer tail, long tailStart) throws IOException {
        for (int at = tail.limit() - END_SIZE; at >= 0; at--) {
            if (tail.getInt(at) != END_SIGNATURE) {
                continue;
            }
            if (at + END_SIZE + Short.toUnsignedInt(tail.getShort(at + 20)) == tail.limit()) {
                return at;
            }
            long directory = tailStart + at - Integer.toUnsignedLong(tail.getInt(at + 12));
            long firstEntry = directory - Integer.toUnsignedLong(tail.getInt(at + 16));
            if (firstEntry >= 0 && signatureAt(channel, directory) == DIRECTORY_SIGNATURE
                    && signatureAt(channel, firstEntry) == ENTRY_SIGNATURE) {
                return at;
            }
        }
        return -1;
    }

    private static int signatureAt(FileChannel channel, long position) throws IOException {
        return position + 4 > channel.size() ? 0 : read(channel, position, 4).getInt(0);
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new ZipException("The zip file ends early");
            }
        }
        return buffer.flip();
    }

    private static long unsigned(long value) {
        return value < 0 ? Long.MAX_VALUE : value;
    }
}
