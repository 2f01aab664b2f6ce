package com.chatshare.conversations.ui;

import com.vaadin.flow.component.html.Div;

/**
 * The Copy button on each code block of an answer in the chat. The script runs in the browser on
 * the answer's rendered (sanitised) HTML; the server sends no markup for it, so the HTML stays
 * exactly what {@code MarkdownRenderer} made of the answer.
 */
final class CodeCopyButtons {

    /**
     * Gives each code block of an answer a Copy button (once), which copies the block's text and
     * says "Copied". The Clipboard API needs a secure context; elsewhere (plain HTTP on a LAN
     * address) the block's text is selected and copied with {@code execCommand}, and when the
     * browser refuses, the button says how to copy the selection. Added from the server, so no
     * frontend file is needed; the public page has no script and no such button.
     */
    static final String SCRIPT = """
            this.querySelectorAll('pre').forEach(pre => {
              if (pre.querySelector(':scope > .code-copy')) {
                return;
              }
              const button = document.createElement('button');
              button.type = 'button';
              button.className = 'code-copy';
              button.textContent = 'Copy';
              button.setAttribute('aria-label', 'Copy code');
              const show = (label, name) => {
                button.textContent = label;
                button.setAttribute('aria-label', name);
                clearTimeout(button.resetTimer);
                button.resetTimer = setTimeout(() => {
                  button.textContent = 'Copy';
                  button.setAttribute('aria-label', 'Copy code');
                }, 2000);
              };
              const bySelection = () => {
                const range = document.createRange();
                range.selectNodeContents(pre.querySelector('code') || pre);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                try {
                  return document.execCommand('copy') === true;
                } catch (e) {
                  return false;
                }
              };
              const done = copied => copied ? show('Copied', 'Copied')
                  : show('Press Ctrl+C to copy', 'Press Ctrl+C to copy the selected code');
              button.addEventListener('click', () => {
                const source = pre.cloneNode(true);
                source.querySelectorAll('.code-copy').forEach(b => b.remove());
                const text = source.textContent;
                if (window.isSecureContext && navigator.clipboard && navigator.clipboard.writeText) {
                  navigator.clipboard.writeText(text).then(() => done(true), () => done(bySelection()));
                } else {
                  done(bySelection());
                }
              });
              pre.prepend(button);
            });
            """;

    private CodeCopyButtons() {
    }

    /** Adds the buttons to the code blocks the element holds now (a streamed answer that just ended). */
    static void add(Div content) {
        content.getElement().executeJs(SCRIPT);
    }

    /** Adds them each time the element is attached: the browser gets its HTML again then, without them. */
    static void addOnEveryAttach(Div content) {
        content.addAttachListener(event -> add(content));
    }
}
