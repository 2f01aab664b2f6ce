package com.chatshare.datacontrols.ui;

import com.chatshare.datacontrols.ChatImport;
import com.chatshare.datacontrols.ImportAlreadyRunningException;
import com.chatshare.datacontrols.ImportSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.shared.ApplicationConstants;
import java.nio.file.Path;
import java.util.Map;

/**
 * Settings → Data controls → Import chats: an upload for a ChatGPT or Claude export zip or
 * Chatshare's own JSON, a progress bar pushed as chats land, and a summary of what was imported and
 * what was skipped, and why. The import runs on the task executor ({@link ChatImport}).
 */
class ImportChatsSection extends Div {

    /** The longest between two pushed progress updates is no shorter than this. */
    private static final long PUSH_EVERY_NANOS = 250_000_000L;

    private final transient ChatImport chatImport;
    private final Upload upload;
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph status = new Paragraph();
    private final Div summary = new Div();

    ImportChatsSection(ChatImport chatImport) {
        this.chatImport = chatImport;
        setId("import-chats");
        addClassName("settings-section");
        long maxBytes = chatImport.settings().maxUploadSize().toBytes();
        upload = new Upload(new LimitedUpload(maxBytes, chatImport.tooLarge(), this::started, this::show));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".zip", ".json", "application/zip", "application/json");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.addFileRejectedListener(event -> show(event.getErrorMessage().contains("size")
                ? chatImport.tooLarge() : "Upload a .zip or .json export file. " + event.getErrorMessage()));
        progress.setId("import-progress");
        progress.setVisible(false);
        status.setId("import-status");
        status.getElement().setAttribute("aria-live", "polite");
        summary.setId("import-summary");
        add(new H3("Import chats"),
                new Paragraph("Bring in your chats from ChatGPT or Claude: upload the zip file of their data export "
                        + "(or a Chatshare export's .json). Each chat keeps its title, dates and branches; images "
                        + "and files are not imported. Up to " + maxBytes / (1024 * 1024) + " MB."),
                upload, progress, status, summary);
    }

    /** The upload landed in a temporary file: import it, or say why not (the import deletes it either way). */
    private void started(Path file) {
        UI ui = UI.getCurrent();
        summary.removeAll();
        long[] lastPush = {0};
        try {
            chatImport.start(file, (done, total) -> {
                long now = System.nanoTime();
                if (done == 0 || done == total || now - lastPush[0] > PUSH_EVERY_NANOS) {
                    lastPush[0] = now;
                    ui.access(() -> showProgress(done, total));
                }
            }).whenComplete((result, failure) -> {
                // The page may be gone (closed, navigated away): the import has ended anyway.
                if (ui.isAttached()) {
                    ui.access(() -> finished(result, failure));
                }
            });
            upload.setVisible(false);
            progress.setVisible(true);
            progress.setIndeterminate(true);
            status.setText("Reading the export…");
        } catch (ImportAlreadyRunningException e) {
            show(e.getMessage());
        }
        upload.clearFileList();
    }

    private void showProgress(int done, int total) {
        progress.setIndeterminate(false);
        progress.setMax(Math.max(1, total));
        progress.setValue(done);
        status.setText("Imported " + String.format("%,d", done) + " of " + String.format("%,d", total) + " chats…");
    }

    private void finished(ImportSummary result, Throwable failure) {
        progress.setVisible(false);
        upload.setVisible(true);
        if (failure != null || result == null) {
            show("The import stopped because of an error on our side. The chats imported so far are in your chat list.");
            return;
        }
        if (result.refused() != null) {
            show(result.refused());
            return;
        }
        status.setText("Imported " + count(result.imported()) + "."
                + (result.skippedCount() == 0 ? "" : " Skipped " + count(result.skippedCount()) + ":"));
        if (result.skippedCount() > 0) {
            UnorderedList reasons = new UnorderedList();
            reasons.setId("import-skipped");
            for (Map.Entry<String, Integer> reason : result.skipped().entrySet()) {
                reasons.add(new ListItem(String.format("%,d", reason.getValue()) + ": " + reason.getKey()));
            }
            summary.add(reasons);
        }
        Anchor chats = new Anchor("", "Open your chats");
        chats.getElement().setAttribute(ApplicationConstants.ROUTER_LINK_ATTRIBUTE, "");
        chats.setId("import-open-chats");
        summary.add(chats);
    }

    private void show(String message) {
        status.setText(message);
    }

    private static String count(int chats) {
        return String.format("%,d", chats) + (chats == 1 ? " chat" : " chats");
    }
}
