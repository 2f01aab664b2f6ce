package com.chatshare.sharing.ui;

import com.chatshare.disclosure.SnapshotCheck.Finding;
import com.chatshare.disclosure.SnapshotCheck.Kind;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the check before sharing found in one message or the title, one line each: what it looks
 * like and its masked form (never the whole value), then whatever action the owner can take.
 * Shown only when there is something; it warns and never blocks.
 */
class FindingList extends Div {

    FindingList() {
        addClassName("share-findings");
        setVisible(false);
    }

    /** Shows these findings (none: hides the list), followed by the action, if any. */
    void show(List<Finding> findings, @Nullable Component action) {
        removeAll();
        setVisible(!findings.isEmpty());
        if (findings.isEmpty()) {
            return;
        }
        for (Finding finding : findings) {
            Div line = new Div(VaadinIcon.WARNING.create(), new Span(describe(finding)));
            line.addClassName("share-finding");
            add(line);
        }
        if (action != null) {
            add(action);
        }
    }

    /** "Looks like an OpenAI API key: sk-proj-…k3Q". */
    static String describe(Finding finding) {
        // Provider names keep their capitals; the other labels are common nouns ("a private key").
        String label = finding.kind() == Kind.API_KEY || finding.kind() == Kind.IBAN ? finding.label()
                : Character.toLowerCase(finding.label().charAt(0)) + finding.label().substring(1);
        String article = "AEIOUaeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ";
        return "Looks like " + article + label + ": " + finding.masked();
    }
}
