package com.chatshare.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * What a list shows instead of itself when it has nothing to show: an icon, a short headline and
 * a sentence saying what to do next. It is a polite live region, so a screen reader hears it when
 * a filter empties the list.
 */
public class EmptyState extends Div {

    private final Span headline = new Span();
    private final Paragraph text = new Paragraph();

    public EmptyState(String id, VaadinIcon icon, String headline, String text) {
        setId(id);
        addClassName("empty-state");
        getElement().setAttribute("role", "status");
        Icon symbol = icon.create();
        symbol.addClassName("empty-state-icon");
        symbol.getElement().setAttribute("aria-hidden", "true");
        this.headline.addClassName("empty-state-headline");
        this.text.addClassName("empty-state-text");
        add(symbol, this.headline, this.text);
        setText(headline, text);
    }

    /** Changes the words, for lists whose emptiness has more than one reason (no data, or a filter). */
    public final void setText(String headline, String text) {
        this.headline.setText(headline);
        this.text.setText(text);
    }
}
