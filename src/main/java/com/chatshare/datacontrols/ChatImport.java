package com.chatshare.datacontrols;

import com.chatshare.accounts.AccountDirectory;
import com.chatshare.conversations.ChatImportRefusedException;
import com.chatshare.conversations.ChatImports;
import com.chatshare.datacontrols.internal.ExportFile;
import com.chatshare.datacontrols.internal.ExportReader;
import com.chatshare.datacontrols.internal.ExportRefusedException;
import com.chatshare.security.CurrentUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * "Import chats" (decision 0028): reads an uploaded ChatGPT, Claude or Chatshare export and writes
 * its conversations into the signed-in user's chat list, each one whole or not at all, off the
 * caller's thread, one import at a time per user.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ChatImport {

    /** The reason for chats a failure on our side left out; the log has the cause. */
    public static final String NOT_WRITTEN = "could not be saved (an error on our side)";
    /** The reason for the chats not reached: the account was deleted while its import ran. */
    public static final String OWNER_GONE = "not imported: the account was deleted during the import";

    private static final Logger log = LoggerFactory.getLogger(ChatImport.class);
    /** The temporary directory an upload is written into starts so; it goes with the upload. */
    public static final String UPLOAD_DIRECTORY_PREFIX = "chatshare-import-";

    private final ChatImports imports;
    private final AccountDirectory accounts;
    private final CurrentUser currentUser;
    private final ImportSettings settings;
    /**
     * One platform thread per node and no queue: an import is up to a minute of parsing and writing,
     * which on a virtual thread (Spring's task executor here) would hold one of the two carrier
     * threads every request shares. A second person's import is told to wait.
     */
    private final ExecutorService background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Thread.ofPlatform().name("chat-import-", 0).daemon(true).factory());
    private final Clock clock;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    /** Told as conversations land: {@code done} of {@code total}, from 0 on. */
    @FunctionalInterface
    public interface Progress {
        void imported(int done, int total);
    }

    ChatImport(ChatImports imports, AccountDirectory accounts, CurrentUser currentUser, ImportSettings settings,
            Clock clock) {
        this.imports = imports;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.settings = settings;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** The limits, for the upload's own checks. */
    public ImportSettings settings() {
        return settings;
    }

    /**
     * Imports the uploaded file on the task executor, as the caller; the file is deleted when it
     * ends, however it ends (also when the import is refused here).
     *
     * @throws ImportAlreadyRunningException while the caller's previous import runs, or another
     *         person's: the importer is one platform thread per node (below)
     */
    public CompletableFuture<ImportSummary> start(Path upload, Progress progress) {
        long userId = currentUser.requireUserId();
        if (!running.add(userId)) {
            delete(upload);
            throw new ImportAlreadyRunningException();
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return importFile(upload, progress);
                } finally {
                    running.remove(userId);
                    delete(upload);
                }
            }, new DelegatingSecurityContextExecutor(background));
        } catch (RejectedExecutionException e) {
            running.remove(userId);
            delete(upload);
            throw new ImportAlreadyRunningException(ImportAlreadyRunningException.SOMEONE_ELSES);
        }
    }

    /** Whether the caller has an import running (another tab's). */
    public boolean isRunning() {
        return running.contains(currentUser.requireUserId());
    }

    /**
     * Imports the file on this thread: scans it whole first (a broken file or one that is no export
     * imports nothing), then writes its conversations one by one, each in its own transaction. Stops at
     * the first chat that fails because the account was deleted meanwhile; the rest count as skipped.
     */
    public ImportSummary importFile(Path upload, Progress progress) {
        try {
            long size = Files.size(upload);
            if (size > settings.maxUploadSize().toBytes()) {
                return ImportSummary.refusedFile(tooLarge());
            }
            ExportReader reader = new ExportReader(ExportFile.open(upload, settings.fileLimits()),
                    settings.maxConversations());
            ExportReader.Scan scan = reader.scan();
            int total = Math.min(scan.conversations(), settings.maxConversations());
            tell(progress, 0, total);
            Map<String, Integer> skipped = new TreeMap<>();
            int[] counts = new int[2]; // done, imported
            long ownerId = currentUser.requireUserId();
            ExportReader.Outcome outcome;
            try {
                outcome = reader.read(scan, clock.instant(), chat -> {
                    try {
                        imports.importChat(chat);
                        counts[1]++;
                    } catch (ChatImportRefusedException e) {
                        skipped.merge(e.getMessage(), 1, Integer::sum);
                    } catch (DataAccessException | TransactionException e) {
                        // Asked only on a failure: the check costs a query, a chat that failed cost more.
                        if (!accountExists(ownerId)) {
                            throw new OwnerGone();
                        }
                        log.warn("An imported chat could not be saved", e);
                        skipped.merge(NOT_WRITTEN, 1, Integer::sum);
                    }
                    counts[0]++;
                    tell(progress, counts[0], total);
                });
            } catch (OwnerGone e) {
                // Every chat after would fail the same way; the one that failed was rolled back whole.
                log.info("An import stopped after {} of {} chats: account {} was deleted meanwhile",
                        counts[0], total, ownerId);
                skipped.merge(OWNER_GONE, total - counts[0], Integer::sum);
                return new ImportSummary(counts[1], skipped, null);
            }
            countLeftOut(outcome, skipped);
            return new ImportSummary(counts[1], skipped, null);
        } catch (ExportRefusedException e) {
            return ImportSummary.refusedFile(e.getMessage());
        } catch (IOException e) {
            return ImportSummary.refusedFile("The file could not be read. Nothing was imported.");
        }
    }

    /** Adds the conversations the reader left out to {@code skipped}, by reason. */
    private void countLeftOut(ExportReader.Outcome outcome, Map<String, Integer> skipped) {
        if (outcome.pastLimit() > 0) {
            skipped.merge("past the limit of " + String.format("%,d", settings.maxConversations())
                    + " chats per import (import the rest from a smaller export)", outcome.pastLimit(), Integer::sum);
        }
        if (outcome.tooLarge() > 0) {
            skipped.merge("larger than " + ExportReader.MAX_CONVERSATION_BYTES / (1024 * 1024)
                    + " MB in the export", outcome.tooLarge(), Integer::sum);
        }
        if (outcome.unreadable() > 0) {
            skipped.merge("not readable: its fields are not what the export's format says",
                    outcome.unreadable(), Integer::sum);
        }
    }

    /** Whether the account is still there; yes when the database cannot say (the chat counts as not written). */
    private boolean accountExists(long accountId) {
        try {
            return accounts.usernames(List.of(accountId)).containsKey(accountId);
        } catch (DataAccessException | TransactionException e) {
            return true;
        }
    }

    /** Ends the reading of an export whose importer's account is gone. */
    private static final class OwnerGone extends RuntimeException {
        OwnerGone() {
            super(null, null, false, false);
        }
    }

    /** A listener that fails (a page closed meanwhile) does not stop the import. */
    private static void tell(Progress progress, int done, int total) {
        try {
            progress.imported(done, total);
        } catch (RuntimeException e) {
            log.debug("An import's progress could not be shown", e);
        }
    }

    /** The message for a file over {@link ImportSettings#maxUploadSize()}. */
    public String tooLarge() {
        return "The file is larger than " + settings.maxUploadSize().toMegabytes()
                + " MB, the limit of an import. Nothing was imported.";
    }

    /** Deletes an upload, and the directory made for it ({@link #UPLOAD_DIRECTORY_PREFIX}). */
    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Path dir = file.getParent();
            if (dir != null && dir.getFileName().toString().startsWith(UPLOAD_DIRECTORY_PREFIX)) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            log.warn("An uploaded export could not be deleted: {}", file, e);
        }
    }
}
