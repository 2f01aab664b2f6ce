package com.chatshare.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Shown when the browser would not copy a link ({@link ClipboardCopy}): the link, selected, with
 * how to copy it by hand.
 */
public class CopyLinkDialog extends Dialog {

    public CopyLinkDialog(String url) {
        setId("copy-link-dialog");
        addClassName("copy-link-dialog");
        setHeaderTitle("Copy link");
        TextField link = new TextField();
        link.setId("copy-link-url");
        link.setAriaLabel("Link");
        link.setValue(url);
        link.setReadOnly(true);
        link.setAutoselect(true);
        link.setHelperText("Not copied. " + ClipboardCopy.PRESS_TO_COPY + ".");
        link.setWidthFull();
        add(link);
        Button close = new Button("Close", event -> close());
        close.setId("copy-link-close");
        getFooter().add(close);
        addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                link.focus();
            }
        });
    }
}
