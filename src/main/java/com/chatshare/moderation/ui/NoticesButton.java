package com.chatshare.moderation.ui;

import com.chatshare.base.ui.Dates;
import com.chatshare.base.ui.HeaderItem;
import com.chatshare.moderation.OwnerNotice;
import com.chatshare.moderation.OwnerNotices;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The header's notices entry: a bell with the number of unread notices; pressing it lists what
 * moderation decided about the owner's links, marks them read, and offers "Ask for a review" on
 * a takedown.
 */
class NoticesButton extends Composite<Button> {

    static final int SHOWN = 50;

    private final transient OwnerNotices notices;
    private final Span count = new Span();

    NoticesButton(OwnerNotices notices) {
        this.notices = notices;
        Button button = getContent();
        button.setId("notices");
        button.setIcon(VaadinIcon.BELL_O.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.addClassName("notices-button");
        count.setId("notices-count");
        count.addClassName("notices-count");
        count.getElement().getThemeList().add("badge error pill small");
        button.setSuffixComponent(count);
        button.addClickListener(e -> openList());
        refreshCount();
    }

    private void refreshCount() {
        int unread = notices.countUnread();
        count.setText(Integer.toString(unread));
        count.setVisible(unread > 0);
        String label = unread == 0 ? "Notices" : "Notices, " + unread + " unread";
        getContent().setAriaLabel(label);
        getContent().setTooltipText(label);
    }

    private void openList() {
        Dialog dialog = new Dialog();
        dialog.setId("notices-dialog");
        dialog.setHeaderTitle("Notices");
        dialog.setWidth("min(36rem, 95vw)");
        List<OwnerNotice> list = notices.find(0, SHOWN);
        VerticalLayout items = new VerticalLayout();
        items.setPadding(false);
        items.setSpacing(false);
        if (list.isEmpty()) {
            items.add(new Paragraph("No notices. Moderation tells you here when it takes down or reinstates a link of "
                    + "yours, and so does a change of the sharing policy that affects your links."));
        }
        list.forEach(notice -> items.add(item(notice, dialog)));
        dialog.add(items);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
        notices.markRead(list.stream().filter(notice -> !notice.read()).map(OwnerNotice::id).toList());
        refreshCount();
    }

    private Div item(OwnerNotice notice, Dialog dialog) {
        Div item = new Div();
        item.addClassName("notice");
        item.setWidthFull();
        if (!notice.read()) {
            item.addClassName("unread");
        }
        Span headline = new Span(notice.isAboutOneLink()
                ? notice.kind().headline() + ": “" + notice.linkTitle() + "”" : notice.kind().headline());
        headline.addClassName("notice-headline");
        item.add(new Div(headline));
        if (notice.message() != null) {
            item.add(new Div(new Span(switch (notice.kind()) {
                case TAKEN_DOWN -> "Reason: ";
                case SHARING_POLICY -> "";
                default -> "Moderator's note: ";
            } + notice.message())));
        }
        Span time = new Span(Dates.dateTime(notice.createdAt()));
        time.addClassName("notice-time");
        item.add(new Div(time));
        if (notice.isTakedown()) {
            OwnerNotices.ReviewState state = notices.reviewState(notice.shareId());
            if (state.mayRequest()) {
                Button ask = new Button("Ask for a review", e -> {
                    dialog.close();
                    new ReviewRequestDialog(notices, notice.shareId(), notice.linkTitle(), () -> { }).open();
                });
                ask.addClassName("notice-request-review");
                ask.addThemeVariants(ButtonVariant.LUMO_SMALL);
                item.add(ask);
            } else if (state.request() != null) {
                item.add(new Div(new Span("Review requested on " + Dates.dateTime(state.request().createdAt()) + ".")));
            }
        }
        return item;
    }

    /** The header's entry, for every signed-in view. */
    @Component
    static class Item implements HeaderItem {

        private final OwnerNotices notices;

        Item(OwnerNotices notices) {
            this.notices = notices;
        }

        @Override
        public com.vaadin.flow.component.Component create() {
            return new NoticesButton(notices);
        }
    }
}
