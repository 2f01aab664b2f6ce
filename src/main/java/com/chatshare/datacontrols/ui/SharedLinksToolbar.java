package com.chatshare.datacontrols.ui;

import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareQuery;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * Above the shared-links grid: search by the beginnings of title words, who can open a link, its
 * expiry, then the actions on the selected links.
 */
class SharedLinksToolbar extends HorizontalLayout {

    SharedLinksToolbar(SharedLinksGrid grid, Component... actions) {
        addClassName("links-toolbar");
        TextField search = new TextField();
        search.setId("links-search");
        search.setAriaLabel("Search titles");
        search.setMaxLength(ShareQuery.SEARCH_MAX_LENGTH);
        search.setPlaceholder("Search titles by the beginnings of words");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> grid.filter(query -> query.withSearch(event.getValue())));

        Select<ShareAudience> audienceFilter = new Select<>();
        audienceFilter.setId("links-audience-filter");
        audienceFilter.setAriaLabel("Who can open it");
        audienceFilter.setEmptySelectionAllowed(true);
        audienceFilter.setEmptySelectionCaption("Any audience");
        audienceFilter.setItems(ShareAudience.values());
        audienceFilter.setItemLabelGenerator(audience -> audience == null ? "Any audience" : audience.label());
        audienceFilter.addValueChangeListener(event -> grid.filter(query -> query.withAudience(event.getValue())));
        Select<ShareQuery.ExpiryFilter> expiryFilter = new Select<>();
        expiryFilter.setId("links-expiry-filter");
        expiryFilter.setAriaLabel("Expiry");
        expiryFilter.setItems(ShareQuery.ExpiryFilter.values());
        expiryFilter.setItemLabelGenerator(filter -> switch (filter) {
            case ANY -> "Any expiry";
            case NEVER -> "Never expire";
            case EXPIRING -> "Will expire";
            case EXPIRED -> "Expired";
        });
        expiryFilter.setValue(ShareQuery.ExpiryFilter.ANY);
        expiryFilter.addValueChangeListener(event -> grid.filter(query -> query.withExpiry(event.getValue())));

        add(search, audienceFilter, expiryFilter);
        add(actions);
        setWidthFull();
        setWrap(true);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setFlexGrow(1, search);
    }
}
