package com.chatshare.datacontrols.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.chatshare.datacontrols.ChatImport;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.UploadEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The import's upload stops at its limit on the server, whatever the browser claimed, and leaves nothing behind. */
class LimitedUploadTest {

    private final List<Path> landed = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private final LimitedUpload upload = new LimitedUpload(10, "Too large.", landed::add, refused::add);

    @Test
    void a_body_past_the_limit_is_refused_while_it_arrives_and_its_file_deleted() throws IOException {
        List<Path> before = uploadDirectories();
        UploadEvent event = event(-1, new byte[100]);

        upload.handleUploadRequest(event);

        verify(event).reject("Too large.");
        assertThat(refused).containsExactly("Too large.");
        assertThat(landed).isEmpty();
        assertThat(uploadDirectories()).as("no directory or file left").isEqualTo(before);
    }

    @Test
    void a_declared_size_past_the_limit_is_refused_before_reading() throws IOException {
        UploadEvent event = event(11, new byte[5]);

        upload.handleUploadRequest(event);

        verify(event).reject("Too large.");
        verify(event, never()).getInputStream();
        assertThat(landed).isEmpty();
    }

    @Test
    void a_body_within_the_limit_lands_in_a_directory_of_its_own() throws IOException {
        upload.handleUploadRequest(event(-1, "0123456789".getBytes()));

        assertThat(refused).isEmpty();
        assertThat(landed).singleElement().satisfies(file -> {
            assertThat(Files.readString(file)).isEqualTo("0123456789");
            assertThat(file.getParent().getFileName().toString()).startsWith(ChatImport.UPLOAD_DIRECTORY_PREFIX);
            Files.delete(file);
            Files.delete(file.getParent());
        });
    }

    private static UploadEvent event(long declaredSize, byte[] body) {
        UploadEvent event = mock(UploadEvent.class);
        UI ui = mock(UI.class);
        when(ui.access(any())).thenAnswer(call -> {
            call.getArgument(0, Command.class).execute();
            return null;
        });
        when(event.getUI()).thenReturn(ui);
        when(event.getFileSize()).thenReturn(declaredSize);
        when(event.getInputStream()).thenReturn(new ByteArrayInputStream(body));
        return event;
    }

    private static List<Path> uploadDirectories() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith(ChatImport.UPLOAD_DIRECTORY_PREFIX)).sorted().toList();
        }
    }
}
