package com.chatshare.datacontrols.ui;

import com.chatshare.datacontrols.ChatImport;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The import's upload, written to a file of its own directory and counted as it arrives: past the
 * limit it stops reading and deletes what it wrote. The browser's own check
 * ({@code Upload.setMaxFileSize}) is only a courtesy, and Vaadin's temporary-file handler has no
 * limit for a request that sends the file as its whole body, so a client could fill the disk.
 * Whatever goes wrong, nothing is left behind; what lands is handed on in the UI's lock.
 */
final class LimitedUpload implements UploadHandler {

    private final long limit;
    private final String tooLarge;
    private final SerializableConsumer<Path> landed;
    private final SerializableConsumer<String> refused;

    /**
     * @param landed takes the file (and must see it deleted)
     * @param refused says why a file was not taken
     */
    LimitedUpload(long limit, String tooLarge, SerializableConsumer<Path> landed, SerializableConsumer<String> refused) {
        this.limit = limit;
        this.tooLarge = tooLarge;
        this.landed = landed;
        this.refused = refused;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        if (event.getFileSize() > limit) {
            refuse(event);
            return;
        }
        Path dir = Files.createTempDirectory(ChatImport.UPLOAD_DIRECTORY_PREFIX);
        Path file = dir.resolve("export");
        boolean whole = false;
        try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long written = 0;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                written += read;
                if (written > limit) {
                    refuse(event);
                    return;
                }
                out.write(buffer, 0, read);
            }
            whole = true;
        } finally {
            if (!whole) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        }
        event.getUI().access(() -> landed.accept(file));
    }

    private void refuse(UploadEvent event) {
        event.reject(tooLarge);
        event.getUI().access(() -> refused.accept(tooLarge));
    }

    @Override
    public long getRequestSizeMax() {
        return limit + 64 * 1024;
    }

    @Override
    public long getFileSizeMax() {
        return limit;
    }
}
