package com.chatshare.sharingpolicy.ui;

import com.chatshare.base.ui.Dates;
import com.chatshare.base.ui.Notifications;
import com.chatshare.security.AppRoles;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.SharingPolicy;
import com.chatshare.sharingpolicy.SharingPolicyException;
import com.chatshare.sharingpolicy.SharingPolicyService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Admins' sharing policy (docs/decisions/0016-sharing-policy.md): public links allowed or not, the
 * audience new links start with, the longest expiry and whether one is required, and whether
 * public links may carry a preview card (decision 0027). Saving applies
 * it to existing links at once; a change that takes something away from existing links is
 * confirmed first. What the admin chose stays in the form when the server refuses it.
 */
@Route("admin/sharing-policy")
@PageTitle("Sharing policy · Chatshare")
@Menu(order = 95, icon = "vaadin:lock", title = "Sharing policy")
@RolesAllowed(AppRoles.ADMIN)
public class SharingPolicyView extends VerticalLayout {

    /** The maximum expiries offered (no maximum: the empty choice); a configured other value is offered too. */
    static final List<Duration> MAX_EXPIRIES = List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30),
            Duration.ofDays(90), Duration.ofDays(365));

    /** The confirmation's words when preview cards are forbidden (their owners get no notice). */
    static final String CARDS_GO = "Every preview card goes now, and stays off if cards are allowed again.";

    private final transient SharingPolicyService policies;
    private final Checkbox allowPublic = new Checkbox("Allow public links (anyone with the link, without signing in)");
    private final Select<ShareAudience> defaultAudience = new Select<>();
    private final Select<Duration> maxExpiry = new Select<>();
    private final Checkbox requireExpiry = new Checkbox("Every link must expire (no “Never”)");
    private final Checkbox previewCards = new Checkbox("Allow preview cards (a public link's title and a picture "
            + "where the link is posted)");
    private final Paragraph error = new Paragraph();
    private final Paragraph lastChange = new Paragraph();
    private transient SharingPolicyService.Current shown;

    SharingPolicyView(SharingPolicyService policies) {
        this.policies = policies;
        setMaxWidth("48rem");

        allowPublic.setId("policy-allow-public");
        allowPublic.setHelperText("When off, links open for signed-in users at most. Existing public links become "
                + "signed-in only at once, their owners get a notice, and they stay signed-in only if public links "
                + "are allowed again.");
        allowPublic.addValueChangeListener(event -> defaultAudience.setInvalid(false));

        defaultAudience.setId("policy-default-audience");
        defaultAudience.setLabel("New links start as");
        defaultAudience.setItems(SharingPolicy.DEFAULT_AUDIENCES);
        defaultAudience.setItemLabelGenerator(ShareAudience::label);
        defaultAudience.setHelperText("What the Share dialog offers first; owners may choose another allowed audience.");
        defaultAudience.addValueChangeListener(event -> defaultAudience.setInvalid(false));

        maxExpiry.setId("policy-max-expiry");
        maxExpiry.setLabel("Longest expiry");
        maxExpiry.setEmptySelectionAllowed(true);
        maxExpiry.setEmptySelectionCaption("No maximum");
        maxExpiry.setItemLabelGenerator(duration -> duration == null ? "No maximum" : SharingPolicy.describe(duration));
        maxExpiry.setHelperText("From when an expiry is set. Links due to expire later now expire at this maximum "
                + "from now (with an expiry required, so do links that never expire); their owners get a notice.");

        requireExpiry.setId("policy-require-expiry");
        requireExpiry.setHelperText("No “Never” for links shared or changed from now on. With a longest expiry, "
                + "existing links that never expire get that expiry from now; without one they are left as they are.");

        previewCards.setId("policy-preview-cards");
        previewCards.setHelperText("Owners choose per public link. When off, every card goes at once, and stays off "
                + "if cards are allowed again.");

        error.setId("policy-error");
        error.addClassName("policy-error");
        error.setVisible(false);
        lastChange.setId("policy-last-change");

        Button save = new Button("Save", event -> save());
        save.setId("policy-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        add(new H2("Sharing policy"), new Paragraph("These rules hold for every link on this server. Saving applies "
                + "them at once, on every node: the Share dialog offers only what they allow and the server refuses "
                + "the rest."), error, allowPublic, defaultAudience, maxExpiry, requireExpiry, previewCards, save,
                lastChange);
        show(policies.current());
    }

    private void show(SharingPolicyService.Current current) {
        this.shown = current;
        SharingPolicy policy = current.policy();
        List<Duration> choices = new ArrayList<>(MAX_EXPIRIES);
        if (policy.maxExpiry() != null && !choices.contains(policy.maxExpiry())) {
            choices.add(policy.maxExpiry());
            choices.sort(null);
        }
        maxExpiry.setItems(choices);
        allowPublic.setValue(policy.allowPublic());
        defaultAudience.setValue(policy.defaultAudience());
        maxExpiry.setValue(policy.maxExpiry());
        requireExpiry.setValue(policy.requireExpiry());
        previewCards.setValue(policy.previewCardsAllowed());
        lastChange.setText(current.changedAt() == null
                ? "Not saved here yet: these are the configured values (CHATSHARE_SHARING_MAXEXPIRY, "
                        + "CHATSHARE_SHARING_REQUIREEXPIRY). Once saved, this page's values hold."
                : "Last saved " + Dates.dateTime(current.changedAt()) + " by " + current.changedBy() + ".");
    }

    private void save() {
        error.setVisible(false);
        if (defaultAudience.getValue() == null) {
            defaultAudience.setErrorMessage("Choose what new links start as.");
            defaultAudience.setInvalid(true);
            return;
        }
        SharingPolicy chosen = new SharingPolicy(allowPublic.getValue(), defaultAudience.getValue(),
                maxExpiry.getValue(), requireExpiry.getValue(), previewCards.getValue());
        List<String> takenAway = takenAway(shown.policy(), chosen);
        if (takenAway.isEmpty() || !chosen.allows(chosen.defaultAudience())) {
            // Nothing to confirm, or refused anyway: the server says why on the field.
            apply(chosen);
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("policy-confirm");
        confirm.setHeader("Change existing links?");
        boolean cardsOnly = takenAway.size() == 1 && takenAway.getFirst().equals(CARDS_GO);
        confirm.setText(String.join(" ", takenAway) + (cardsOnly ? "" : " Their owners get a notice."));
        confirm.setCancelable(true);
        confirm.setConfirmText("Save and apply");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> apply(chosen));
        confirm.open();
    }

    /** What the new policy takes away from links that exist, in words for the confirmation. */
    private static List<String> takenAway(SharingPolicy before, SharingPolicy after) {
        List<String> parts = new ArrayList<>();
        if (before.allowPublic() && !after.allowPublic()) {
            parts.add("Every public link becomes signed-in only now, and stays so if public links are allowed again.");
        }
        Duration max = after.maxExpiry();
        boolean lowered = max != null && (before.maxExpiry() == null || max.compareTo(before.maxExpiry()) < 0);
        if (lowered) {
            parts.add("Links due to expire more than " + SharingPolicy.describe(max) + " from now now expire "
                    + SharingPolicy.describe(max) + " from now.");
        }
        if (max != null && after.requireExpiry() && (lowered || !before.requireExpiry())) {
            parts.add("Links that never expire now expire " + SharingPolicy.describe(max) + " from now.");
        }
        if (before.previewCardsAllowed() && !after.previewCardsAllowed()) {
            parts.add(CARDS_GO);
        }
        return parts;
    }

    private void apply(SharingPolicy chosen) {
        try {
            SharingPolicyService.Applied applied = policies.change(shown.version(), chosen);
            show(policies.current());
            Notifications.success(applied.saved() ? saved(applied) : "Nothing changed.");
        } catch (SharingPolicyException e) {
            if (e.field() == SharingPolicyException.Field.DEFAULT_AUDIENCE) {
                defaultAudience.setErrorMessage(e.getMessage());
                defaultAudience.setInvalid(true);
            } else {
                error.setText(e.getMessage());
                error.setVisible(true);
            }
        }
    }

    private static String saved(SharingPolicyService.Applied applied) {
        StringBuilder text = new StringBuilder("Sharing policy saved.");
        if (applied.linksMadeSignedIn() > 0) {
            text.append(' ').append(applied.linksMadeSignedIn()).append(applied.linksMadeSignedIn() == 1
                    ? " public link is" : " public links are").append(" now signed-in only.");
        }
        if (applied.expiriesShortened() > 0) {
            text.append(' ').append(applied.expiriesShortened()).append(applied.expiriesShortened() == 1
                    ? " expiry was" : " expiries were").append(" brought down to the maximum.");
        }
        if (applied.ownersNotified() > 0) {
            text.append(' ').append(applied.ownersNotified()).append(applied.ownersNotified() == 1
                    ? " owner was" : " owners were").append(" told.");
        }
        return text.toString();
    }
}
