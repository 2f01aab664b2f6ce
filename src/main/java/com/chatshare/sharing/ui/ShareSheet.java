package com.chatshare.sharing.ui;

import com.chatshare.sharing.ShareTargets;
import com.chatshare.sharing.ShareTargets.Offer;
import com.chatshare.sharing.ShareTargets.Target;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The share dialog's share sheet, under the link once it exists: plain links to email and the
 * social networks' share pages (new tab, {@code noopener noreferrer}; nothing of theirs is loaded
 * here), a QR code drawn on the server ({@link QrCodeImage}), and, on a device that has one, its
 * own share sheet (the Web Share API, asked for in the browser). What a link offers is
 * {@link ShareTargets#forLink}'s decision; the sheet shows it and follows it through
 * {@link #refresh}.
 */
class ShareSheet extends Div {

    static final String QR_CODE = "QR code";
    static final String SYSTEM_SHARE = "Share…";

    /**
     * Runs in the browser on the "Share…" button: its click calls {@code navigator.share} right
     * there, in the click's user activation (a round trip to the server first could lose it, and
     * Safari refuses the share then). A refused or cancelled share says nothing.
     */
    private static final String BIND_SYSTEM_SHARE = """
            if (!this.__chatshareShare) {
              this.__chatshareShare = true;
              this.addEventListener('click', () => {
                if (typeof navigator.share !== 'function') {
                  return;
                }
                try {
                  navigator.share({title: this.dataset.shareTitle, url: this.dataset.shareUrl}).catch(() => {});
                } catch (e) {
                  // A share the browser will not start: nothing to say.
                }
              });
            }""";

    static final String UPDATE_FIRST = "Update the link to send it: who can open it has changed and is not saved yet.";

    private final Div items = new Div();
    private final Map<Target, Anchor> anchors = new EnumMap<>(Target.class);
    private final Button qrCode = new Button(QR_CODE, VaadinIcon.QRCODE.create());
    private final Button systemShare = new Button(SYSTEM_SHARE, VaadinIcon.SHARE.create());
    private final Paragraph note = new Paragraph();
    private final QrCodeImage qrImage = new QrCodeImage();

    private Optional<Offer> offer = Optional.empty();
    /** Whether the browser has {@code navigator.share}; false until it has answered. */
    private boolean deviceCanShare;

    ShareSheet() {
        setId("share-sheet");
        addClassName("share-sheet");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", "Send the link");
        items.addClassName("share-sheet-items");
        for (Target target : Target.values()) {
            Anchor anchor = new Anchor();
            anchor.setId("share-to-" + target.name().toLowerCase(Locale.ROOT));
            anchor.addClassName("share-target");
            anchor.add(icon(target), new Span(target.label()));
            anchor.setAriaLabel(target.ariaLabel());
            if (target.opensInNewTab()) {
                anchor.setTarget("_blank");
                anchor.getElement().setAttribute("rel", "noopener noreferrer");
            }
            anchors.put(target, anchor);
            items.add(anchor);
        }
        qrCode.setId("share-qr");
        qrCode.setAriaLabel("Show the link as a QR code");
        qrCode.getElement().setAttribute("aria-controls", "share-qr-panel");
        qrCode.getElement().setAttribute("aria-expanded", "false");
        qrCode.addClickListener(event -> showQrCode(!qrImage.isVisible()));
        systemShare.setId("share-system");
        systemShare.setAriaLabel("Share with an app on this device");
        systemShare.setVisible(false);
        items.add(qrCode, systemShare);
        note.setId("share-sheet-note");
        note.addClassName("share-sheet-note");
        note.setVisible(false);
        qrImage.setVisible(false);
        add(items, note, qrImage);
        setVisible(false);
        // Asked of the page, not of the button: a hidden element's JavaScript waits until it shows.
        addAttachListener(event -> event.getUI().getPage().executeJs("return typeof navigator.share === 'function'")
                .then(Boolean.class, canShare -> {
                    deviceCanShare = canShare;
                    if (canShare) {
                        systemShare.getElement().executeJs(BIND_SYSTEM_SHARE);
                    }
                    showSystemShare();
                }));
    }

    /**
     * Shows what a link offers, or nothing (no link, expired or taken down). While who can open it
     * is changed and not saved ({@code pending}), only a line saying to update first: the link sent
     * now would be the old one, at an address the change may close.
     */
    void refresh(Optional<Offer> saved, boolean pending) {
        Optional<Offer> next = pending ? Optional.empty() : saved;
        offer = next;
        setVisible(saved.isPresent());
        // An address not offered leaves the page, not only the view: Flow sends nothing to a hidden
        // element, so a hidden link kept the old address in the browser's DOM. The items' row is
        // hidden by a class for the same reason (the anchors' removal must reach the browser).
        items.setClassName("share-sheet-items-none", next.isEmpty());
        int index = 0;
        for (Map.Entry<Target, Anchor> entry : anchors.entrySet()) {
            Optional<ShareTargets.Address> address = next.flatMap(o -> o.address(entry.getKey()));
            Anchor anchor = entry.getValue();
            if (address.isPresent()) {
                anchor.setHref(address.get().href());
                if (anchor.getParent().isEmpty()) {
                    items.addComponentAtIndex(index, anchor);
                }
                index++;
            } else {
                anchor.removeFromParent();
            }
        }
        qrCode.setVisible(next.isPresent());
        String line = pending && saved.isPresent() ? UPDATE_FIRST : next.map(Offer::audienceNote).orElse(null);
        note.setText(line == null ? "" : line);
        note.setVisible(line != null);
        next.ifPresentOrElse(o -> {
            systemShare.getElement().setAttribute("data-share-title", o.title());
            systemShare.getElement().setAttribute("data-share-url", o.url());
            if (qrImage.isVisible()) {
                qrImage.show(o.url(), o.qrFileName());
            }
        }, () -> showQrCode(false));
        showSystemShare();
    }

    private void showQrCode(boolean show) {
        if (show) {
            offer.ifPresent(o -> qrImage.show(o.url(), o.qrFileName()));
        }
        qrImage.setVisible(show && offer.isPresent());
        qrCode.getElement().setAttribute("aria-expanded", Boolean.toString(qrImage.isVisible()));
    }

    private void showSystemShare() {
        systemShare.setVisible(deviceCanShare && offer.map(Offer::systemShare).orElse(false));
    }

    private static Component icon(Target target) {
        return (target.opensInNewTab() ? VaadinIcon.EXTERNAL_LINK : VaadinIcon.ENVELOPE_O).create();
    }
}
