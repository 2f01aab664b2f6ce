package com.chatshare.sharing.ui;

import com.chatshare.base.ui.Dates;
import com.chatshare.sharing.ExpiryPolicy;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareSettings;
import com.chatshare.sharing.ShareSettingsException;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The share dialog's "Who can open it" and "Expires" fields, and the public link's preview card
 * (decision 0027: off by default, offered only for anyone and while the policy allows cards):
 * today's defaults (anyone, never, no card) keep Copy Link one click; the people field suggests
 * existing usernames. What the owner chose
 * stays in the fields when the server refuses it, with the reason on the field it is about.
 */
class ShareAccessFields extends Div {

    /** What the Expires field offers; a date means until the end of that day (UTC). */
    enum Expiry {
        KEEP(null, null), NEVER("Never", null), DAY("In 1 day", Duration.ofDays(1)),
        WEEK("In 7 days", Duration.ofDays(7)), MONTH("In 30 days", Duration.ofDays(30)), DATE("On a date…", null);

        /** The words in the list; null for {@link #KEEP}, which names the kept date. */
        final @Nullable String label;
        /** How long from now; null for the choices that are no duration. */
        final @Nullable Duration after;

        Expiry(@Nullable String label, @Nullable Duration after) {
            this.label = label;
            this.after = after;
        }
    }


    static final String CARD_LABEL = "Show a preview card when the link is posted";
    static final String CARD_HELP = "The card shows the title to everyone who sees the post, not only to those who "
            + "open the link.";
    static final String CARD_ONLY_PUBLIC = "Only a link anyone can open has a preview card.";
    static final String CARDS_OFF = "Preview cards are off on this server.";

    private final transient Clock clock;
    private final Select<ShareAudience> audience = new Select<>();
    private final MultiSelectComboBox<String> people = new MultiSelectComboBox<>("People");
    private final Select<Expiry> expires = new Select<>();
    private final DatePicker date = new DatePicker("Date");
    private final Checkbox card = new Checkbox(CARD_LABEL);
    /** Whether the sharing policy allows preview cards, as last shown. */
    private boolean cardsAllowed = true;
    private transient ExpiryPolicy policy = new ExpiryPolicy(null, false);
    /** The audience last shown: what the owner chose if the field is ever empty. */
    private ShareAudience shownAudience = ShareAudience.ANYONE;
    /** The link's expiry as shown, for "Keep"; null for a link that never expires, or a new one. */
    private @Nullable Instant kept;
    private transient Consumer<ShareAudience> onAudience = audience -> { };

    ShareAccessFields(Function<String, List<String>> suggestions, Clock clock) {
        this.clock = clock;
        setId("share-access");
        addClassName("share-access");

        audience.setId("share-audience");
        audience.setLabel("Who can open it");
        audience.setItems(ShareAudience.values());
        audience.setItemLabelGenerator(ShareAudience::label);
        audience.setValue(ShareAudience.ANYONE);
        audience.addValueChangeListener(event -> {
            people.setVisible(event.getValue() == ShareAudience.PEOPLE);
            people.setInvalid(false);
            audience.setInvalid(false);
            refreshCard();
            if (event.getValue() != null) {
                // Null only while show() offers other audiences, just before it sets the value.
                onAudience.accept(event.getValue());
            }
        });

        people.setId("share-people");
        people.setPlaceholder("Usernames");
        people.setHelperText("Up to " + ShareSettings.MAX_PEOPLE + " accounts; type two letters for suggestions.");
        people.setAllowCustomValue(true);
        people.setItems(query -> suggestions.apply(query.getFilter().orElse("")).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        people.addCustomValueSetListener(event -> {
            Set<String> value = new LinkedHashSet<>(people.getValue());
            value.add(event.getDetail().strip());
            people.setValue(value);
        });
        people.setWidthFull();
        people.setVisible(false);

        expires.setId("share-expires");
        expires.setLabel("Expires");
        expires.setItemLabelGenerator(this::label);
        expires.addValueChangeListener(event -> {
            date.setVisible(event.getValue() == Expiry.DATE);
            expires.setInvalid(false);
        });

        date.setId("share-expiry-date");
        date.setVisible(false);

        card.setId("share-preview-card");
        card.addValueChangeListener(event -> card.setInvalid(false));

        HorizontalLayout row = new HorizontalLayout(audience, expires, date);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        add(row, people, card);
        show(ShareSettings.ANYONE_FOREVER, policy);
    }

    /** Shows a link's settings (or the defaults for a new one), offering every audience and what the expiry policy allows. */
    void show(ShareSettings settings, ExpiryPolicy policy) {
        show(settings, policy, List.of(ShareAudience.values()));
    }

    /**
     * Shows a link's settings (or the defaults for a new one) and offers the audiences and expiries
     * the sharing policy allows; an audience it no longer allows is still shown (the server refuses
     * it with a message on the field).
     */
    void show(ShareSettings settings, ExpiryPolicy policy, List<ShareAudience> audiences) {
        this.policy = policy;
        this.shownAudience = settings.audience();
        this.kept = settings.expiresAt();
        List<ShareAudience> choices = new ArrayList<>(audiences);
        if (!choices.contains(settings.audience())) {
            choices.add(settings.audience());
        }
        audience.setItems(choices);
        audience.setValue(settings.audience());
        audience.setInvalid(false);
        people.setValue(new LinkedHashSet<>(settings.people()));
        List<Expiry> offered = new ArrayList<>();
        if (kept != null) {
            offered.add(Expiry.KEEP);
        }
        for (Expiry expiry : Expiry.values()) {
            boolean allowed = switch (expiry) {
                case KEEP -> false;
                case NEVER -> !policy.required();
                case DATE -> true;
                default -> policy.allows(expiry.after);
            };
            if (allowed) {
                offered.add(expiry);
            }
        }
        expires.setItems(offered);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        date.setMin(today);
        Instant latest = policy.latest(clock.instant());
        // The last whole day the cap allows: a date means until the end of that day.
        date.setMax(latest == null ? null : LocalDate.ofInstant(latest, ZoneOffset.UTC).minusDays(1));
        expires.setValue(kept != null ? Expiry.KEEP : defaultExpiry(offered, policy));
        date.clear();
        people.setInvalid(false);
        expires.setInvalid(false);
    }

    /** Shows the link's preview card (off for a new link) and whether the policy allows cards. */
    void showCard(boolean on, boolean allowed) {
        this.cardsAllowed = allowed;
        card.setValue(on);
        card.setInvalid(false);
        refreshCard();
    }

    /** Whether the owner wants the preview card: ticked, and offered for the audience chosen. */
    boolean previewCard() {
        return card.isEnabled() && card.getValue();
    }

    /** Offers the card only for anyone and while the policy allows cards, saying why not otherwise. */
    private void refreshCard() {
        boolean forAnyone = audience.getValue() == null || audience.getValue() == ShareAudience.ANYONE;
        card.setEnabled(cardsAllowed && forAnyone);
        card.setHelperText(!cardsAllowed ? CARDS_OFF : forAnyone ? CARD_HELP : CARD_ONLY_PUBLIC);
        if (!card.isEnabled()) {
            card.setValue(false);
        }
    }

    /** Never; where an expiry is required, the longest choice the cap allows. */
    private static Expiry defaultExpiry(List<Expiry> offered, ExpiryPolicy policy) {
        if (!policy.required()) {
            return Expiry.NEVER;
        }
        return offered.stream().filter(expiry -> expiry.after != null).reduce((first, second) -> second)
                .orElse(Expiry.DATE);
    }

    /** What the owner chose, as of now. */
    ShareSettings settings() {
        Instant now = clock.instant();
        Expiry expiry = expires.getValue() == null ? Expiry.NEVER : expires.getValue();
        Instant expiresAt = switch (expiry) {
            case KEEP -> kept;
            case NEVER -> null;
            case DATE -> date.getValue() == null ? now
                    : date.getValue().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            default -> now.plus(expiry.after);
        };
        ShareAudience chosen = audience.getValue() == null ? shownAudience : audience.getValue();
        List<String> names = chosen == ShareAudience.PEOPLE ? List.copyOf(people.getValue()) : List.of();
        return new ShareSettings(chosen, names, expiresAt);
    }

    /** Marks the field the server refused, with its message; the choices stay as they were. */
    void showError(ShareSettingsException error) {
        if (error.setting() == ShareSettingsException.Setting.PREVIEW_CARD) {
            card.setErrorMessage(error.getMessage());
            card.setInvalid(true);
        } else if (error.setting() == ShareSettingsException.Setting.PEOPLE) {
            people.setErrorMessage(error.getMessage());
            people.setInvalid(true);
        } else if (error.setting() == ShareSettingsException.Setting.AUDIENCE) {
            audience.setErrorMessage(error.getMessage());
            audience.setInvalid(true);
        } else if (expires.getValue() == Expiry.DATE) {
            date.setErrorMessage(error.getMessage());
            date.setInvalid(true);
        } else {
            expires.setErrorMessage(error.getMessage());
            expires.setInvalid(true);
        }
    }

    /** Called with the audience whenever the owner changes it. */
    /** Called when the owner changes who can open the link or when it expires (not when they are shown). */
    void onEdited(Runnable listener) {
        audience.addValueChangeListener(event -> fromClient(event.isFromClient(), listener));
        people.addValueChangeListener(event -> fromClient(event.isFromClient(), listener));
        expires.addValueChangeListener(event -> fromClient(event.isFromClient(), listener));
        date.addValueChangeListener(event -> fromClient(event.isFromClient(), listener));
        card.addValueChangeListener(event -> fromClient(event.isFromClient(), listener));
    }

    private static void fromClient(boolean fromClient, Runnable listener) {
        if (fromClient) {
            listener.run();
        }
    }

    void onAudienceChange(Consumer<ShareAudience> listener) {
        this.onAudience = listener;
    }

    ShareAudience audience() {
        return audience.getValue();
    }

    private String label(Expiry expiry) {
        if (expiry == Expiry.KEEP) {
            return (kept != null && !kept.isAfter(clock.instant()) ? "Expired " : "Keep: ") + Dates.dateTime(kept);
        }
        return expiry.label;
    }
}
