package com.chatshare.sharepage.web;

import com.chatshare.base.FixedDates;
import com.chatshare.conversations.MessageRole;
import com.chatshare.sharing.SnapshotMessage;
import com.chatshare.sharing.SnapshotSource;
import com.chatshare.sharing.SourceMessage;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Markdown download of a shared page ({@code /share/TOKEN.md}): the title as a heading, who
 * shared it and when, then every message under a heading of its role, as its Markdown source,
 * and where the owner left messages out, a line in italics that says how many.
 * The same bytes for every reader, like the page. It is a download, never rendered by us; a
 * reader's editor renders it, so the title and name are escaped to read as the page shows them,
 * and a message that leaves a code fence open has it closed, so the next message's heading stays
 * a heading.
 */
final class SnapshotMarkdown {

    /** The file extension that asks for the download, in lower case only (tokens are case-sensitive too). */
    static final String SUFFIX = ".md";
    static final String CONTENT_TYPE = "text/markdown; charset=UTF-8";
    /** Characters of a file name kept at most (before {@code .md}); titles are up to 200. */
    static final int FILE_NAME_MAX_LENGTH = 80;
    static final String FALLBACK_FILE_NAME = "shared-chat";

    private static final String MARKDOWN_PUNCTUATION = "\\`*_[]<>#|~&";
    /** Characters a person may type that a Markdown viewer would read anywhere in a line. */
    private static final String VERBATIM_PUNCTUATION = "\\`*_[]<>#|~&!$";
    /** Characters that start a list, a heading underline or a quote at the start of a line. */
    private static final String LINE_START_MARKS = "-+=>";
    private static final Pattern ORDERED_LIST_START = Pattern.compile("[0-9]{1,9}[.)]");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
    private static final Pattern LINE_BREAKS_AND_CONTROLS = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]+");
    private static final Pattern UNSAFE_IN_FILE_NAMES = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}/\\\\:*?\"<>|]+");

    private SnapshotMarkdown() {
    }

    static String of(SnapshotSource snapshot) {
        StringBuilder md = new StringBuilder(256 + snapshot.messages().stream()
                .mapToInt(m -> m.markdown().length() + 32).sum());
        md.append("# ").append(inline(snapshot.title())).append("\n\n");
        md.append(snapshot.attribution().line(SnapshotMarkdown::inline))
                .append(" on ").append(FixedDates.DAY.format(snapshot.sharedAt()));
        if (snapshot.version() > 1) {
            md.append(", updated on ").append(FixedDates.DAY.format(snapshot.updatedAt()));
        }
        md.append("\n");
        for (SourceMessage message : snapshot.messages()) {
            if (message.omittedBefore() > 0) {
                md.append("\n*").append(SnapshotMessage.omittedLabel(message.omittedBefore())).append("*\n");
            }
            md.append("\n## ").append(message.role() == MessageRole.USER ? "User" : "Assistant").append("\n\n");
            String content = message.markdown().replace("\r\n", "\n").replace('\r', '\n').strip();
            if (message.role() == MessageRole.USER) {
                md.append(verbatim(content)).append('\n');
                continue;
            }
            md.append(content).append('\n');
            String openFence = openFence(content);
            if (openFence != null) {
                md.append(openFence).append('\n');
            }
            if (message.model() != null) {
                md.append("\n*").append(inline(SnapshotMessage.answeredBy(message.model()))).append("*\n");
            }
        }
        return md.toString();
    }

    /** Text on one line that reads in Markdown as it is: line breaks become spaces, Markdown's punctuation is escaped. */
    static String inline(String text) {
        String line = LINE_BREAKS_AND_CONTROLS.matcher(text).replaceAll(" ").strip();
        StringBuilder escaped = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (MARKDOWN_PUNCTUATION.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /**
     * What a person typed, written so that a Markdown viewer shows it as typed, as the page does:
     * the punctuation that Markdown (and common extensions: tables, strikethrough, math) reads is
     * escaped, so is what starts a list, a heading underline or a quote at the start of a line;
     * indentation is kept as no-break spaces (never an indented code block), and each line break
     * within a paragraph is a hard break.
     */
    static String verbatim(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder md = new StringBuilder(text.length() + 16);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int start = 0;
            while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
                md.append(line.charAt(start) == '\t' ? "\u00A0\u00A0\u00A0\u00A0" : "\u00A0");
                start++;
            }
            Matcher listNumber = ORDERED_LIST_START.matcher(line).region(start, line.length());
            int numberEnd = listNumber.lookingAt() ? listNumber.end() - 1 : -1;
            for (int j = start; j < line.length(); j++) {
                char c = line.charAt(j);
                boolean lineStart = j == start && LINE_START_MARKS.indexOf(c) >= 0;
                if (lineStart || j == numberEnd || VERBATIM_PUNCTUATION.indexOf(c) >= 0) {
                    md.append('\\');
                }
                md.append(c);
            }
            boolean nextIsText = i + 1 < lines.length && !lines[i + 1].isBlank();
            if (!line.isBlank() && nextIsText) {
                md.append('\\');
            }
            if (i + 1 < lines.length) {
                md.append('\n');
            }
        }
        return md.toString();
    }

    /** The fence that closes the code block a message leaves open, or null when it closes all it opens. */
    static @Nullable String openFence(String markdown) {
        @Nullable String open = null;
        for (String line : markdown.split("\n", -1)) {
            Matcher fence = FENCE.matcher(line);
            if (!fence.matches()) {
                continue;
            }
            String marks = fence.group(1);
            if (open == null) {
                // A backtick fence's info string may not contain a backtick (CommonMark 4.5).
                if (marks.charAt(0) != '`' || fence.group(2).indexOf('`') < 0) {
                    open = marks;
                }
            } else if (marks.charAt(0) == open.charAt(0) && marks.length() >= open.length()
                    && fence.group(2).isBlank()) {
                open = null;
            }
        }
        return open;
    }

    /**
     * The {@code Content-Disposition} of the download, named after the title: {@code filename} with
     * ASCII letters, digits, spaces, dots and dashes only (for old clients), {@code filename*} in
     * UTF-8 (RFC 5987/6266) without path separators, quotes or control characters. Nothing of the
     * title can end the header, start another one or name a path.
     */
    static String contentDisposition(@Nullable String title) {
        return "attachment; filename=\"" + asciiFileName(title) + "\"; filename*=UTF-8''"
                + percentEncode(unicodeFileName(title));
    }

    static String asciiFileName(@Nullable String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("[^A-Za-z0-9 ._-]+", "-");
        return fileName(ascii);
    }

    static String unicodeFileName(@Nullable String title) {
        return fileName(UNSAFE_IN_FILE_NAMES.matcher(title == null ? "" : title).replaceAll("-"));
    }

    private static String fileName(String name) {
        String tidy = name.replaceAll("\\s+", " ").replaceAll("-{2,}", "-").replaceAll("^[\\s.-]+|[\\s.-]+$", "");
        if (tidy.codePointCount(0, tidy.length()) > FILE_NAME_MAX_LENGTH) {
            tidy = tidy.substring(0, tidy.offsetByCodePoints(0, FILE_NAME_MAX_LENGTH))
                    .replaceAll("[\\s.-]+$", "");
        }
        return (tidy.isEmpty() ? FALLBACK_FILE_NAME : tidy) + SUFFIX;
    }

    /** RFC 5987 {@code value-chars}: every byte but {@code attr-char} percent-encoded. */
    static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
