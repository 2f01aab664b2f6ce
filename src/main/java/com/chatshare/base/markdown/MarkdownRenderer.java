package com.chatshare.base.markdown;

import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Turns untrusted Markdown (from users and from the model) into HTML that is safe to put in a
 * page: commonmark with raw HTML escaped, then jsoup's cleaner with an allow-list of tags, links
 * only to http, https and mailto with {@code rel="nofollow ugc noopener noreferrer"}, and images
 * turned into plain links so a shared page never loads anything from elsewhere.
 *
 * <p>What a person typed is not Markdown to them: {@link #messageHtml} shows it as typed
 * ({@link #verbatimHtml}: escaped, line breaks and spaces kept by the class {@value #VERBATIM_CLASS},
 * which the app's and the public page's style sheets set to {@code white-space: pre-wrap}), and
 * renders only the assistant's answers as Markdown, as ChatGPT and Claude do.
 */
@Component
public class MarkdownRenderer {

    /** Bidirectional overrides can make text read differently from what it is. */
    private static final Pattern BIDI_CONTROLS = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F]");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final Safelist safelist = new Safelist()
            .addTags("p", "br", "strong", "em", "b", "i", "del", "code", "pre", "blockquote", "ul", "ol", "li",
                    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "a", "table", "thead", "tbody", "tr", "th", "td")
            .addAttributes("a", "href", "title")
            .addAttributes("ol", "start")
            .addAttributes("code", "class")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow ugc noopener noreferrer");
    private final Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);

    /** The class of a paragraph that shows its text as typed; both style sheets keep its line breaks. */
    public static final String VERBATIM_CLASS = "verbatim";

    /**
     * A chat message as HTML for every view of it (chat, continued copy, share preview, public
     * page, moderation): verbatim when a person wrote it, sanitised Markdown when the assistant did.
     */
    public String messageHtml(String content, boolean writtenByPerson) {
        return writtenByPerson ? verbatimHtml(content) : toHtml(content);
    }

    /**
     * Text exactly as typed, as one paragraph: every character escaped (so no tag, entity or
     * Markdown means anything), bidirectional overrides removed, line breaks normalised to
     * {@code \n} and kept by the paragraph's class. Empty text gives an empty string.
     */
    public String verbatimHtml(String text) {
        String plain = withoutBidiControls(text).replace("\r\n", "\n").replace('\r', '\n').strip();
        if (plain.isEmpty()) {
            return "";
        }
        return "<p class=\"" + VERBATIM_CLASS + "\">" + Entities.escape(plain) + "</p>";
    }

    /**
     * Plain text (a name, a date) as HTML that shows exactly it: bidirectional controls removed,
     * every character that means something in HTML escaped. For a few words put together on the
     * server into one element's HTML; {@code null} gives "".
     */
    public static String textHtml(String text) {
        return Entities.escape(withoutBidiControls(text));
    }

    public String toHtml(String markdown) {
        String html = renderer.render(parser.parse(withoutBidiControls(markdown)));
        Document document = Jsoup.parseBodyFragment(html);
        for (Element image : document.select("img")) {
            String alt = image.attr("alt").isBlank() ? "image" : image.attr("alt");
            image.replaceWith(new Element("a").attr("href", image.attr("src")).text("[" + alt + "]"));
        }
        for (Element code : document.select("code[class]")) {
            if (!code.className().matches("language-[A-Za-z0-9_+-]{1,32}")) {
                code.removeAttr("class");
            }
        }
        return Jsoup.clean(document.body().html(), "", safelist, output);
    }

    /**
     * The text without bidirectional controls (overrides, embeddings, isolates, marks), which can
     * make it read differently from what it is; nothing else changed, so it is still text, not
     * HTML. For text shown as text (titles, names) and before rendering. {@code null} gives "".
     */
    public static String withoutBidiControls(String text) {
        return text == null ? "" : BIDI_CONTROLS.matcher(text).replaceAll("");
    }
}
