package com.chatshare.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * Copies text (a link) to the clipboard through the browser, and tells the caller whether it
 * really did, so the UI says "copied" only then. The browser's Clipboard API exists only in a
 * secure context (HTTPS, or localhost): on plain HTTP at a LAN address, as with docker-compose,
 * {@code navigator.clipboard} is undefined. There the text is selected in a hidden field and
 * copied with {@code execCommand('copy')}, which browsers may refuse; when both fail, the caller
 * selects the link for the person and shows {@link #PRESS_TO_COPY}.
 */
public final class ClipboardCopy {

    /** The hint shown with the link selected when the browser would not copy it. */
    public static final String PRESS_TO_COPY = "Press Ctrl+C (⌘C on Mac) to copy";

    /**
     * Resolves to true only when the text was put on the clipboard. The hidden field goes next to
     * the element that runs it, inside the open dialog: a modal dialog makes the rest of the page
     * inert, where nothing can be selected.
     */
    static final String SCRIPT = """
            const text = $0;
            const host = this.parentNode || document.body;
            const bySelection = () => {
              const field = document.createElement('textarea');
              field.value = text;
              field.setAttribute('readonly', '');
              field.setAttribute('aria-hidden', 'true');
              field.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
              const focused = document.activeElement;
              host.appendChild(field);
              field.select();
              let copied = false;
              try {
                copied = document.execCommand('copy') === true;
              } catch (e) {
                copied = false;
              }
              field.remove();
              if (focused && focused.focus) {
                focused.focus();
              }
              return copied;
            };
            if (window.isSecureContext && navigator.clipboard && navigator.clipboard.writeText) {
              return navigator.clipboard.writeText(text).then(() => true, () => bySelection());
            }
            return bySelection();
            """;

    private ClipboardCopy() {
    }

    /**
     * Asks the browser to copy the text; {@code whenAnswered} runs once it answered, with true
     * only when the text is on the clipboard (false also when the browser failed to answer).
     *
     * @param near a component in the view or dialog the person clicked in
     */
    public static void copy(Component near, String text, SerializableConsumer<Boolean> whenAnswered) {
        near.getElement().executeJs(SCRIPT, text)
                .then(Boolean.class, copied -> whenAnswered.accept(Boolean.TRUE.equals(copied)),
                        error -> whenAnswered.accept(false));
    }
}
