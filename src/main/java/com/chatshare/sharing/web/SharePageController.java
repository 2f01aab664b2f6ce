package com.chatshare.sharing.web;

import com.chatshare.sharing.PublicSnapshot;
import com.chatshare.sharing.ShareStatus;
import com.chatshare.sharing.internal.SharePages;
import com.chatshare.sharing.internal.ViewCounter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The public, server-rendered page of a shared conversation: readable without JavaScript, the
 * same bytes for every viewer, revalidated with an ETag on every request so deletion and takedown
 * act at once.
 */
@Controller
class SharePageController {

    /** Bump when the template changes, so browsers do not keep pages in the old layout. */
    static final String TEMPLATE_VERSION = "2";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final SharePages pages;
    private final ViewCounter views;
    private final SpringTemplateEngine templates;

    SharePageController(SharePages pages, ViewCounter views, SpringTemplateEngine templates) {
        this.pages = pages;
        this.views = views;
        this.templates = templates;
    }

    @GetMapping(value = "/share/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> page(@PathVariable String token, WebRequest request) {
        Optional<SharePages.Head> head = pages.head(token);
        if (head.isEmpty()) {
            return notFound();
        }
        if (head.get().status() == ShareStatus.TAKEN_DOWN) {
            return unavailable(HttpStatus.GONE, "share/gone");
        }
        String etag = etag(token, head.get().version());
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CacheControl.noCache()).build();
        }
        Optional<SharePages.RenderedPage> page = pages.page(token, head.get(), snapshot -> render(token, snapshot));
        if (page.isEmpty()) {
            return notFound();
        }
        views.viewed(head.get().shareId());
        return ResponseEntity.ok()
                // The page may be newer than the head if the owner updated in between.
                .eTag(page.get().version() == head.get().version() ? etag : etag(token, page.get().version()))
                .cacheControl(CacheControl.noCache())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page.get().html());
    }

    private String render(String token, PublicSnapshot snapshot) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("snapshot", snapshot);
        context.setVariable("continueUrl", "/share/" + token + "/continue");
        context.setVariable("reportUrl", "/share/" + token + "/report");
        context.setVariable("sharedOn", DATE.format(snapshot.sharedAt()));
        context.setVariable("updatedOn", snapshot.version() > 1 ? DATE.format(snapshot.updatedAt()) : null);
        return templates.process("share/page", context);
    }

    private ResponseEntity<byte[]> notFound() {
        return unavailable(HttpStatus.NOT_FOUND, "share/not-found");
    }

    private ResponseEntity<byte[]> unavailable(HttpStatus status, String template) {
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noCache())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(templates.process(template, new Context(Locale.ENGLISH)).getBytes(StandardCharsets.UTF_8));
    }

    /** Names the version without naming the link's database id. */
    private static String etag(String token, int version) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (token + ":" + version + ":" + TEMPLATE_VERSION).getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
