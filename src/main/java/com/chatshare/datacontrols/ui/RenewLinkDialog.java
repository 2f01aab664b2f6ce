package com.chatshare.datacontrols.ui;

import com.chatshare.base.ui.Notifications;
import com.chatshare.sharing.ShareException;
import com.chatshare.sharing.ExpiryPolicy;
import com.chatshare.sharing.OwnLinksService;
import com.chatshare.sharing.ShareSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Renews an expired link: it answers again, until the new expiry (or for good, where allowed). */
class RenewLinkDialog extends Dialog {

    RenewLinkDialog(OwnLinksService ownLinks, ShareSummary link, Runnable afterChange) {
        setId("renew-link-dialog");
        setHeaderTitle("Renew link");
        List<Optional<Duration>> choices = new ArrayList<>();
        ExpiryPolicy policy = ownLinks.expiryPolicy();
        LinkAccessMenu.EXPIRIES.stream().filter(policy::allows).forEach(d -> choices.add(Optional.of(d)));
        if (!policy.required()) {
            choices.add(Optional.empty());
        }
        Select<Optional<Duration>> expires = new Select<>();
        expires.setId("renew-expires");
        expires.setLabel("Expires");
        expires.setItems(choices);
        expires.setItemLabelGenerator(choice -> choice.map(d -> "In " + d.toDays() + (d.toDays() == 1 ? " day" : " days"))
                .orElse("Never"));
        expires.setValue(choices.stream().filter(c -> c.isPresent() && c.get().toDays() == 7).findFirst()
                .orElse(choices.getFirst()));
        add(new Paragraph("“" + link.title() + "” answers again until its new expiry."), expires);

        Button renew = new Button("Renew", event -> {
            try {
                Set<Long> ids = Set.of(link.shareId());
                if (expires.getValue().isPresent()) {
                    ownLinks.expireIn(ids, expires.getValue().get());
                } else {
                    ownLinks.changeExpiry(ids, null);
                }
                Notifications.success("“" + link.title() + "” renewed.");
                close();
                afterChange.run();
            } catch (ShareException e) {
                expires.setErrorMessage(e.getMessage());
                expires.setInvalid(true);
            }
        });
        renew.setId("renew-confirm");
        renew.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), renew);
    }
}
