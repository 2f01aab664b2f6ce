package com.chatshare.bench;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.datacontrols.ChatImport;
import com.chatshare.datacontrols.ImportSummary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A generated ChatGPT export zip of 2,000 conversations and 100,000 messages (50 each, every tenth
 * conversation with a regenerated answer as a second branch), imported by one user through
 * {@link ChatImport#importFile}: wall time and the heap's peak use. Run with bench/import.sh (which
 * sets -Xmx256m); not part of the test suite, asserts no timings.
 */
@Tag("bench")
@IntegrationTest
class ImportBench {

    static final int CONVERSATIONS = 2_000;
    static final int MESSAGES_PER_CONVERSATION = 50;

    @Autowired
    ChatImport chatImport;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void import_a_large_chatgpt_export() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Path zip = dir.resolve("import-export.zip");
        long exportBytes = writeExport(zip);
        String username = "bench-import-" + System.nanoTime() % 1_000_000;
        accounts.register(new Registration(username, "Bench Importer", "long-enough-password"));
        SignedIn.as(users, username);
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        long start = System.nanoTime();
        long[] scanned = {0};
        ImportSummary summary = chatImport.importFile(zip, (done, total) -> {
            if (done == 0) {
                scanned[0] = System.nanoTime();
            }
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        long scanMillis = (scanned[0] - start) / 1_000_000;

        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        Integer messages = jdbc.queryForObject("select count(*) from message m join conversation c "
                + "on c.id = m.conversation_id join app_user u on u.id = c.owner_id where u.username = ?",
                Integer.class, username);
        String result = String.format(Locale.ROOT, """
                Import of a generated ChatGPT export (bench/import.sh, ImportBench)
                export: %,d conversations, %,d messages, zip %,d bytes (conversations.json %,d bytes)
                imported: %d chats, skipped %s, refused %s; messages in the database: %,d
                wall time: %,d ms (%,.0f messages/s), of which the first pass (reading the whole file) %,d ms
                heap: max %,d MB (-Xmx), peak used during the import %,d MB (sum of the heap pools' peaks)
                """, CONVERSATIONS, CONVERSATIONS * MESSAGES_PER_CONVERSATION, Files.size(zip), exportBytes,
                summary.imported(), summary.skipped(), summary.refused(), messages, millis,
                messages * 1000.0 / Math.max(1, millis), scanMillis, Runtime.getRuntime().maxMemory() >> 20, peakHeap >> 20);
        Files.writeString(dir.resolve("import.txt"), result);
        System.out.print(result);
    }

    /** Writes the export as ChatGPT's zip does; returns the size of conversations.json. */
    private static long writeExport(Path zip) throws IOException {
        Random random = new Random(26);
        long[] written = {0};
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("conversations.json"));
            Writer json = new BufferedWriter(new OutputStreamWriter(new java.io.FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    written[0] += len;
                    out.write(b, off, len);
                }

                @Override
                public void close() {
                    // the zip is closed below
                }
            }, StandardCharsets.UTF_8), 1 << 16);
            json.write("[");
            for (int c = 0; c < CONVERSATIONS; c++) {
                json.write(c == 0 ? "\n" : ",\n");
                conversation(json, c, random);
            }
            json.write("]\n");
            json.flush();
            out.closeEntry();
        }
        return written[0];
    }

    private static void conversation(Writer json, int c, Random random) throws IOException {
        double created = 1_700_000_000.0 + c * 3600.0;
        json.write("{\"title\": \"Generated chat " + c + "\", \"create_time\": " + created + ", \"update_time\": "
                + (created + 600) + ", \"conversation_id\": \"bench-" + c + "\", \"id\": \"bench-" + c
                + "\", \"mapping\": {");
        json.write("\"c" + c + "-root\": {\"id\": \"c" + c + "-root\", \"message\": null, \"parent\": null, "
                + "\"children\": [\"c" + c + "-0\"]}");
        boolean branch = c % 10 == 0;
        int onPath = branch ? MESSAGES_PER_CONVERSATION - 1 : MESSAGES_PER_CONVERSATION;
        String leaf = null;
        for (int m = 0; m < onPath; m++) {
            String id = "c" + c + "-" + m;
            String parent = m == 0 ? "c" + c + "-root" : "c" + c + "-" + (m - 1);
            node(json, id, parent, m % 2 == 0 ? "user" : "assistant", created + m, random);
            leaf = id;
        }
        if (branch) {
            // A regenerated first answer, beside the one the path goes on from.
            node(json, "c" + c + "-1b", "c" + c + "-0", "assistant", created + 2, random);
        }
        json.write("}, \"current_node\": \"" + leaf + "\"}");
    }

    private static void node(Writer json, String id, String parent, String role, double time, Random random)
            throws IOException {
        json.write(", \"" + id + "\": {\"id\": \"" + id + "\", \"parent\": \"" + parent + "\", \"children\": [], "
                + "\"message\": {\"id\": \"" + id + "\", \"author\": {\"role\": \"" + role + "\"}, \"create_time\": "
                + time + ", \"content\": {\"content_type\": \"text\", \"parts\": [\"" + text(random)
                + "\"]}, \"status\": \"finished_successfully\", \"metadata\": {"
                + (role.equals("assistant") ? "\"model_slug\": \"gpt-4o\"" : "") + "}, \"recipient\": \"all\"}}");
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int words = 20 + random.nextInt(80);
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(Integer.toString(random.nextInt(50_000), 36));
        }
        return text.toString();
    }
}
