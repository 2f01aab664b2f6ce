package com.chatshare.conversations.ui;

import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.ModelOptions;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.ArrayList;
import java.util.List;

/** Above the conversation: its title, which assistant answers, the model picker and the Share button. */
class ChatHeader extends HorizontalLayout {

    private final H2 title = new H2();
    private final Span assistantBadge = new Span();
    private final Span imported = new Span();
    private final Select<String> model = new Select<>();
    private final Button share = new Button("Share", VaadinIcon.SHARE.create());

    /** @param onModelChosen asked when the person picks a model; it keeps the choice or says why not */
    ChatHeader(String assistantName, Runnable onShare, SerializableConsumer<String> onModelChosen) {
        title.setId("conversation-title");
        title.addClassName("conversation-title");
        assistantBadge.setId("assistant-name");
        assistantBadge.getElement().getThemeList().add("badge contrast pill");
        assistantBadge.setText(assistantName);
        model.setId("model-picker");
        model.addClassName("model-picker");
        model.setAriaLabel("Model");
        model.addThemeName("small");
        model.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                onModelChosen.accept(event.getValue());
            }
        });
        share.setId("header-share");
        // Labelled, as in ChatGPT and Claude: an arrow alone is not found by everyone.
        share.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        share.addClickListener(event -> onShare.run());
        // A chat brought in from another service's export (decision 0028), said as in the chat list.
        imported.setId("imported-from");
        imported.getElement().getThemeList().add("badge contrast small");
        imported.setVisible(false);
        add(title, imported, assistantBadge, model, share);
        addClassName("conversation-header");
        setAlignItems(FlexComponent.Alignment.CENTER);
        setWidthFull();
        setFlexGrow(1, title);
    }

    /** Shows the chat's title, and where it was imported from if it was. */
    void show(ConversationSummary chat) {
        title.setText(chat.title());
        imported.setVisible(chat.importedFrom() != null);
        imported.setText(chat.importedFrom() == null ? "" : "Imported from " + chat.importedFrom().label());
    }

    /**
     * Shows the models the chat may use with {@code current} chosen (listed even when no longer
     * offered, so the person sees what the chat had), and why the list is short when it could not
     * be loaded. Model names are text, never markup. With nothing to choose and nothing to say (the
     * demo assistant, one allowed model) the assistant's name stands alone instead: the same name
     * twice, side by side, crowded a phone's header.
     */
    void showModels(ModelOptions options, String current) {
        List<String> items = new ArrayList<>(options.models());
        if (!items.contains(current)) {
            items.add(current);
        }
        boolean choice = items.size() > 1 || options.problem() != null;
        model.setVisible(choice);
        // The model that answers, which is the assistant's name unless one other model is allowed.
        assistantBadge.setText(current);
        assistantBadge.setVisible(!choice);
        model.setItems(items);
        model.setValue(current);
        model.setHelperText(options.problem());
        model.setTooltipText(options.problem() == null ? "Model" : options.problem());
    }

    /** Puts the picker back on the model the chat really uses, after a choice was refused. */
    void showModel(String current) {
        model.setValue(current);
    }

    String model() {
        return model.getValue();
    }

    /** Sharing waits while an answer is being written, so the snapshot holds it whole. */
    void setShareEnabled(boolean enabled) {
        share.setEnabled(enabled);
    }
}
