package com.chatshare.datacontrols.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.conversations.ImportSource;
import com.chatshare.conversations.ImportedChat;
import com.chatshare.conversations.ImportedMessage;
import com.chatshare.conversations.MessageRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parsers on fixture files written from the public descriptions of ChatGPT's and Claude's
 * exports (src/test/resources/imports), and on files made to break them.
 */
class ExportReaderTest {

    static final ExportFile.ImportFileLimits LIMITS = new ExportFile.ImportFileLimits(50L << 20, 100, 1000);
    static final Instant NOW = Instant.parse("2026-12-07T18:00:00Z");

    @TempDir
    Path dir;

    @Test
    void chatgpt_keeps_both_versions_of_a_regenerated_answer_and_shows_the_current_node() {
        ImportedChat chat = readAll(fixture("chatgpt-conversations.json")).getFirst();

        assertThat(chat.source()).isEqualTo(ImportSource.CHATGPT);
        assertThat(chat.title()).isEqualTo("Sums and a picture");
        assertThat(chat.createdAt()).isEqualTo(Instant.parse("2024-05-01T10:40:00.250Z"));
        assertThat(chat.sourceKey()).isEqualTo("6630f1c0-0000-4000-8000-000000000001");
        Map<String, ImportedMessage> byKey = byKey(chat);
        assertThat(byKey.get("a-1").parentKey()).isEqualTo("u-1");
        assertThat(byKey.get("a-1b").parentKey()).isEqualTo("u-1");
        assertThat(byKey.get("a-1").model()).isEqualTo("gpt-4");
        assertThat(chat.onScreenLeafKey()).isEqualTo("a-3");
        assertThat(path(chat)).containsExactly("u-1", "a-1b", "u-2", "a-2", "a-3");
    }

    @Test
    void chatgpt_null_nodes_system_and_tool_messages_are_left_out_and_their_replies_handed_up() {
        ImportedChat chat = readAll(fixture("chatgpt-conversations.json")).getFirst();

        assertThat(byKey(chat)).doesNotContainKeys("root-1", "sys-1", "t-1");
        assertThat(byKey(chat).get("u-1").parentKey()).isNull();
        assertThat(byKey(chat).get("a-3").parentKey()).isEqualTo("a-2");
    }

    @Test
    void chatgpt_images_and_attachments_become_a_line_and_code_a_fenced_block() {
        Map<String, ImportedMessage> byKey = byKey(readAll(fixture("chatgpt-conversations.json")).getFirst());

        assertThat(byKey.get("u-2").text())
                .isEqualTo("[Image not imported]\n\nRun this for me\n\n[Attachment not imported: notes.pdf]");
        assertThat(byKey.get("u-2").role()).isEqualTo(MessageRole.USER);
        assertThat(byKey.get("a-2").text()).isEqualTo("```python\nprint('hi')\n```");
        assertThat(byKey.get("a-2").role()).isEqualTo(MessageRole.ASSISTANT);
    }

    @Test
    void claude_attachments_and_files_become_lines_naming_them_and_their_contents_stay_out() {
        List<ImportedChat> chats = readAll(fixture("claude-conversations.json"));
        ImportedChat chat = chats.getFirst();

        assertThat(chat.source()).isEqualTo(ImportSource.CLAUDE);
        assertThat(chat.title()).isEqualTo("Summarise a report");
        assertThat(chat.messages()).extracting(ImportedMessage::text).containsExactly(
                "Please summarise the attached report.\n\n[Attachment not imported: report.txt]\n\n"
                        + "[Attachment not imported: chart.png]",
                "The report says the quarterly numbers went up.",
                "Thanks!");
        assertThat(chat.messages()).extracting(ImportedMessage::text).noneMatch(t -> t.contains("Quarterly numbers"));
        // No parent ids: one path in the order listed.
        assertThat(path(chat)).containsExactly("c1-h1", "c1-a1", "c1-h2");
        assertThat(chat.createdAt()).isEqualTo(Instant.parse("2024-05-02T09:00:00Z"));
    }

    @Test
    void claude_with_parent_ids_keeps_its_branches() {
        ImportedChat chat = readAll(fixture("claude-conversations.json")).get(1);

        assertThat(byKey(chat).get("c2-a1b").parentKey()).isEqualTo("c2-h1");
        // Claude's first message names a parent that is no message: it is a first message.
        assertThat(byKey(chat).get("c2-h1").parentKey()).isNull();
        assertThat(byKey(chat).get("c2-a2").parentKey()).isEqualTo("c2-h2");
        // No leaf named: the newest message of the longest path, as a chat with no remembered leaf.
        assertThat(chat.onScreenLeafKey()).isNull();
    }

    @Test
    void the_format_is_told_from_the_content_not_the_name() throws IOException {
        Path zip = zip("export.json", Map.of("some/dir/conversations.json", read("claude-conversations.json")));
        Path json = dir.resolve("export.zip");
        Files.writeString(json, read("chatgpt-conversations.json"));

        assertThat(new ExportReader(ExportFile.open(zip, LIMITS), 10).scan())
                .isEqualTo(new ExportReader.Scan(ImportSource.CLAUDE, 2, java.util.Set.of()));
        assertThat(new ExportReader(ExportFile.open(json, LIMITS), 10).scan())
                .isEqualTo(new ExportReader.Scan(ImportSource.CHATGPT, 2, java.util.Set.of()));
    }

    @Test
    void a_file_that_is_not_json_is_refused_with_a_clear_message() throws IOException {
        Path file = dir.resolve("notes.json");
        Files.writeString(file, "These are my notes, not an export.");

        assertRefused(file, "not whole or not valid JSON");
    }

    @Test
    void json_that_is_no_export_is_refused() throws IOException {
        Path numbers = dir.resolve("numbers.json");
        Files.writeString(numbers, "[1, 2, 3]");
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"format\": \"something-else/1\", \"conversations\": []}");
        Path objects = dir.resolve("objects.json");
        Files.writeString(objects, "[{\"name\": \"a\"}]");

        assertRefused(numbers, "not a ChatGPT, Claude or Chatshare export");
        assertRefused(other, "not a ChatGPT, Claude or Chatshare export");
        assertRefused(objects, "not a ChatGPT, Claude or Chatshare export");
    }

    @Test
    void truncated_json_is_refused_before_any_conversation_is_read() throws IOException {
        String whole = read("chatgpt-conversations.json");
        Path file = dir.resolve("cut.json");
        Files.writeString(file, whole.substring(0, whole.length() * 3 / 4));
        List<ImportedChat> handed = new ArrayList<>();

        assertThatThrownBy(() -> {
            ExportReader reader = new ExportReader(ExportFile.open(file, LIMITS), 10);
            reader.read(reader.scan(), NOW, handed::add);
        }).isInstanceOf(ExportRefusedException.class).hasMessageContaining("not whole");
        assertThat(handed).isEmpty();
    }

    @Test
    void a_corrupt_zip_is_refused_as_damaged() throws IOException {
        Path good = zip("good.zip", Map.of("conversations.json", read("chatgpt-conversations.json")));
        byte[] bytes = Files.readAllBytes(good);
        Path bad = dir.resolve("bad.zip");
        // The local header stays (it is still told apart as a zip), the rest is cut off.
        Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertRefused(bad, "damaged");
    }

    @Test
    void a_zip_without_conversations_json_is_refused() throws IOException {
        Path zip = zip("photos.zip", Map.of("photo.txt", "not a photo"));

        assertRefused(zip, "no conversations.json");
    }

    @Test
    void a_zip_bomb_is_refused_as_it_inflates_past_the_limit() throws IOException {
        Path bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.putNextEntry(new ZipEntry("conversations.json"));
            out.write("[".getBytes(StandardCharsets.US_ASCII));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                out.write(spaces); // 200 MB of whitespace, valid JSON, packed to a few hundred KB
            }
            out.write("]".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);

        assertRefused(bomb, "zip bomb");
        // Under a generous ratio the size limit still holds.
        assertThatThrownBy(() -> new ExportReader(ExportFile.open(bomb,
                new ExportFile.ImportFileLimits(50L << 20, 100_000, 1000)), 10).scan())
                .isInstanceOf(ExportRefusedException.class).hasMessageContaining("unpacks to more than 50 MB");
    }

    @Test
    void a_zip_with_too_many_files_is_refused() throws IOException {
        Map<String, String> entries = new java.util.HashMap<>();
        for (int i = 0; i < 1001; i++) {
            entries.put("f" + i + ".txt", "x");
        }
        entries.put("conversations.json", "[]");

        assertRefused(zip("many.zip", entries), "more than 1,000 files");
    }

    @Test
    void a_zip_with_more_files_than_a_small_limit_is_refused_by_the_count_its_directory_end_declares()
            throws IOException {
        Map<String, String> entries = new java.util.HashMap<>();
        for (int i = 0; i < 6; i++) {
            entries.put("f" + i + ".txt", "x");
        }
        entries.put("conversations.json", read("claude-conversations.json"));
        Path zip = zip("six.zip", entries);

        assertThat(ZipDirectoryEnd.declaredEntries(zip)).isEqualTo(7);
        assertThatThrownBy(() -> ExportFile.open(zip, new ExportFile.ImportFileLimits(50L << 20, 100, 5)))
                .isInstanceOf(ExportRefusedException.class).hasMessageContaining("more than 5 files")
                .hasMessageContaining("Nothing was imported");
        // At the limit it opens and reads.
        assertThat(new ExportReader(ExportFile.open(zip, new ExportFile.ImportFileLimits(50L << 20, 100, 7)), 10)
                .scan().conversations()).isEqualTo(2);
    }

    @Test
    void a_hand_made_directory_end_claiming_a_huge_count_is_refused_for_the_count_not_as_damaged()
            throws IOException {
        byte[] entry = localHeader();
        Path plain = dir.resolve("plain.zip");
        Files.write(plain, concat(entry, directoryEnd(60_000, 0, entry.length)));
        Path zip64 = dir.resolve("zip64.zip");
        ByteBuffer record = ByteBuffer.allocate(56 + 20).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                .putLong(5_000_000_000L).putLong(5_000_000_000L).putLong(0).putLong(entry.length)
                // The locator: the ZIP64 record is right after the entry.
                .putInt(0x07064b50).putInt(0).putLong(entry.length).putInt(1);
        Files.write(zip64, concat(entry, record.array(), directoryEnd(0xFFFF, 0xFFFFFFFFL, 0xFFFFFFFFL)));
        // The directory's offset says the ZIP64 record holds the real values, and its size agrees.
        Path offsetOnly = dir.resolve("zip64-offset.zip");
        Files.write(offsetOnly, concat(entry, record.array(), directoryEnd(0xFFFF, 0, 0xFFFFFFFFL)));

        assertRefused(plain, "more than 1,000 files");
        assertRefused(zip64, "more than 1,000 files");
        assertRefused(offsetOnly, "more than 1,000 files");
        assertThat(ZipDirectoryEnd.declaredEntries(zip64)).isEqualTo(5_000_000_000L);
    }

    @Test
    void a_zip64_record_that_disagrees_with_the_directory_end_is_not_believed_as_zip_file_does_not()
            throws IOException {
        // The end record: the count in ZIP64, but a real 2 MB directory; the ZIP64 record claims one
        // entry in 100 bytes. ZipFile takes the end record's size then (they disagree) and would read
        // the 2 MB and count the entries itself: the check must take the same values.
        byte[] entry = localHeader();
        byte[] directory = new byte[2 << 20];
        ByteBuffer.wrap(directory).order(ByteOrder.LITTLE_ENDIAN).putInt(0x02014b50);
        long zip64At = entry.length + directory.length;
        ByteBuffer record = ByteBuffer.allocate(56 + 20).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                .putLong(1).putLong(1).putLong(100).putLong(entry.length)
                .putInt(0x07064b50).putInt(0).putLong(zip64At).putInt(1);
        Path zip = dir.resolve("zip64-disagrees.zip");
        Files.write(zip, concat(entry, directory, record.array(), directoryEnd(0xFFFF, directory.length, entry.length)));

        assertThat(ZipDirectoryEnd.declared(zip)).isEqualTo(new ZipDirectoryEnd.Declared(0xFFFF, directory.length));
        assertRefused(zip, "more than 1,000 files");
    }

    @Test
    void a_directory_larger_than_its_declared_count_allows_is_refused_before_it_is_read() throws IOException {
        // Says one entry, but its directory is 2 MB: ZipFile would read it all and count the entries itself.
        byte[] entry = localHeader();
        byte[] directory = new byte[2 << 20];
        ByteBuffer.wrap(directory).order(ByteOrder.LITTLE_ENDIAN).putInt(0x02014b50);
        Path zip = dir.resolve("short-count.zip");
        Files.write(zip, concat(entry, directory, directoryEnd(1, directory.length, entry.length)));

        assertRefused(zip, "list of files is far larger than an export's");
        // Up to 1 KB a file of the limit is allowed: under a limit of 3,000 files it is opened (and found damaged).
        assertThatThrownBy(() -> ExportFile.open(zip, new ExportFile.ImportFileLimits(50L << 20, 100, 2000)))
                .hasMessageContaining("far larger");
        assertThatThrownBy(() -> ExportFile.open(zip, new ExportFile.ImportFileLimits(50L << 20, 100, 3000)))
                .hasMessageContaining("damaged");
    }

    @Test
    void a_zip_of_more_than_65535_files_is_counted_from_its_zip64_record() throws IOException {
        Path zip = dir.resolve("zip64-real.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 70_000; i++) {
                out.putNextEntry(new ZipEntry(Integer.toString(i)));
                out.closeEntry();
            }
        }

        assertThat(ZipDirectoryEnd.declaredEntries(zip)).isEqualTo(70_000);
        assertRefused(zip, "more than 1,000 files");
    }

    @Test
    void a_zip_with_bytes_after_its_directory_end_still_opens() throws IOException {
        Path zip = zip("padded.zip", Map.of("conversations.json", read("claude-conversations.json")));
        Files.write(zip, new byte[100], java.nio.file.StandardOpenOption.APPEND);

        assertThat(ZipDirectoryEnd.declaredEntries(zip)).isEqualTo(1);
        assertThat(new ExportReader(ExportFile.open(zip, LIMITS), 10).scan().conversations()).isEqualTo(2);
    }

    /** A zip entry's local header, alone: enough for the file to be told apart as a zip. */
    private static byte[] localHeader() {
        return ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN).putInt(0x04034b50).array();
    }

    private static byte[] directoryEnd(int entries, long directorySize, long directoryOffset) {
        return ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN).putInt(0x06054b50)
                .putShort((short) 0).putShort((short) 0).putShort((short) entries).putShort((short) entries)
                .putInt((int) directorySize).putInt((int) directoryOffset).putShort((short) 0).array();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void deep_nesting_is_refused() throws IOException {
        Path file = dir.resolve("deep.json");
        Files.writeString(file, "[{\"mapping\": " + "[".repeat(5000) + "]".repeat(5000) + "}]");

        assertRefused(file, "nests deeper than");
    }

    @Test
    void a_huge_string_is_refused() throws IOException {
        Path file = dir.resolve("huge.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("[{\"title\": \"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i <= ExportReader.MAX_STRING_LENGTH >> 20; i++) {
                out.write(chunk);
            }
            out.write("\", \"mapping\": {}}]".getBytes(StandardCharsets.US_ASCII));
        }

        assertRefused(file, "longer than 16,000,000 characters");
    }

    @Test
    void past_the_limit_of_conversations_the_rest_are_counted_as_left_out() throws IOException {
        Path file = dir.resolve("many.json");
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 5001; i++) {
            json.append(i == 0 ? "" : ",").append("{\"title\": \"Chat ").append(i).append("\", \"mapping\": {\"m")
                    .append(i).append("\": {\"message\": {\"author\": {\"role\": \"user\"}, \"content\": "
                            + "{\"content_type\": \"text\", \"parts\": [\"Hello\"]}}, \"parent\": null}}}");
        }
        Files.writeString(file, json.append("]"));
        ExportReader reader = new ExportReader(ExportFile.open(file, LIMITS), 5000);
        ExportReader.Scan scan = reader.scan();
        List<ImportedChat> handed = new ArrayList<>();

        ExportReader.Outcome outcome = reader.read(scan, NOW, handed::add);

        assertThat(scan.conversations()).isEqualTo(5001);
        assertThat(handed).hasSize(5000);
        assertThat(handed.getLast().title()).isEqualTo("Chat 4999");
        assertThat(outcome).isEqualTo(new ExportReader.Outcome(1, 0, 0));
    }

    @Test
    void a_conversation_too_large_to_read_whole_and_one_whose_fields_are_wrong_are_left_out_the_others_read()
            throws IOException {
        Path file = dir.resolve("mixed.json");
        String message = "{\"id\": \"m1\", \"role\": \"USER\", \"content\": \"Hello %s\", \"parentId\": %s}";
        Files.writeString(file, "{\"format\": \"chatshare-export/2\", \"conversations\": ["
                + "{\"id\": 1, \"title\": \"Fine\", \"messages\": [" + message.formatted("there", "null") + "]},"
                + "{\"id\": 2, \"title\": \"Huge\", \"messages\": [" + message.formatted("x".repeat(20_000), "null") + "]},"
                + "{\"id\": 3, \"title\": \"Edited by hand\", \"messages\": [" + message.formatted("again", "{}") + "]},"
                + "{\"id\": 4, \"title\": \"Also fine\", \"messages\": [" + message.formatted("you", "null") + "]}]}");
        ExportReader reader = new ExportReader(ExportFile.open(file, LIMITS), 10, 10_000);
        ExportReader.Scan scan = reader.scan();
        List<ImportedChat> handed = new ArrayList<>();

        ExportReader.Outcome outcome = reader.read(scan, NOW, handed::add);

        assertThat(scan.tooLarge()).containsExactly(1);
        assertThat(handed).extracting(ImportedChat::title).containsExactly("Fine", "Also fine");
        assertThat(outcome).isEqualTo(new ExportReader.Outcome(0, 1, 1));
    }

    @Test
    void a_long_chain_of_skipped_nodes_under_many_messages_is_walked_once() {
        java.util.Map<String, @org.jspecify.annotations.Nullable String> parentOf = new java.util.HashMap<>();
        java.util.Set<String> kept = new java.util.HashSet<>();
        parentOf.put("skipped-0", "first");
        kept.add("first");
        for (int i = 1; i < 100_000; i++) {
            parentOf.put("skipped-" + i, "skipped-" + (i - 1));
        }
        for (int i = 0; i < 100_000; i++) {
            parentOf.put("message-" + i, "skipped-99999");
            kept.add("message-" + i);
        }

        // 10^10 steps when each message walked the chain anew: this test did not end.
        java.util.Map<String, @org.jspecify.annotations.Nullable String> parents = ExportNodes.keptParents(parentOf, kept);

        assertThat(parents).hasSize(100_001).containsEntry("message-0", "first").containsEntry("message-99999", "first");
    }

    private void assertRefused(Path file, String message) {
        assertThatThrownBy(() -> new ExportReader(ExportFile.open(file, LIMITS), 10).scan())
                .isInstanceOf(ExportRefusedException.class).hasMessageContaining(message)
                .hasMessageContaining("Nothing was imported");
    }

    static List<String> path(ImportedChat chat) {
        Map<String, ImportedMessage> byKey = byKey(chat);
        String leaf = chat.onScreenLeafKey();
        List<String> path = new ArrayList<>();
        for (ImportedMessage at = byKey.get(leaf); at != null; at = at.parentKey() == null ? null : byKey.get(at.parentKey())) {
            path.addFirst(at.key());
        }
        return path;
    }

    static Map<String, ImportedMessage> byKey(ImportedChat chat) {
        return chat.messages().stream().collect(Collectors.toMap(ImportedMessage::key, Function.identity()));
    }

    private List<ImportedChat> readAll(Path file) {
        ExportReader reader = new ExportReader(ExportFile.open(file, LIMITS), 10);
        List<ImportedChat> chats = new ArrayList<>();
        reader.read(reader.scan(), NOW, chats::add);
        return chats;
    }

    private Path fixture(String name) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, read(name));
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String read(String name) throws IOException {
        try (InputStream in = ExportReaderTest.class.getResourceAsStream("/imports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path zip = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }
}
