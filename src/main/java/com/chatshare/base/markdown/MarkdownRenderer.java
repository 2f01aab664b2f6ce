package com.chatshare.base.markdown;

import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Turns untrusted Markdown (from users and from the model) into HTML that is safe to put in a
 * page: commonmark with raw HTML escaped, then jsoup's cleaner with an allow-list of tags, links
 * only to http, https and mailto with {@code rel="nofollow ugc noopener noreferrer"}, and images
 * turned into plain links so a shared page never loads anything from elsewhere.
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

    public String toHtml(String markdown) {
        String html = renderer.render(parser.parse(plainText(markdown)));
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

    /** Text shown as text (titles, names): bidirectional overrides removed, nothing else changed. */
    public static String plainText(String text) {
        return text == null ? "" : BIDI_CONTROLS.matcher(text).replaceAll("");
    }
}
