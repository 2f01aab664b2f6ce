package com.chatshare.moderation.ui;

import com.chatshare.moderation.ModerationFilter;
import com.chatshare.sharing.ShareQuery;
import com.chatshare.sharing.ShareStatus;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;

/**
 * The moderation queue's filters in one row that wraps: status, open reports, review requests,
 * search, owner, dates and order. Every change hands the new filter to the view.
 */
class ModerationFilters extends HorizontalLayout {

    private ModerationFilter filter = ModerationFilter.reportedFirst();
    private final transient Consumer<ModerationFilter> onChange;

    ModerationFilters(Consumer<ModerationFilter> onChange) {
        this.onChange = onChange;
        addClassName("moderation-filters");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWidthFull();
        setWrap(true);

        Select<String> status = new Select<>();
        status.setId("filter-status");
        status.setLabel("Status");
        status.setItems("All", "Active", "Taken down");
        status.setValue("All");
        status.addValueChangeListener(e -> apply(filter.withStatus(switch (e.getValue()) {
            case "Active" -> ShareStatus.ACTIVE;
            case "Taken down" -> ShareStatus.TAKEN_DOWN;
            default -> null;
        })));
        Checkbox openReports = new Checkbox("Open reports only");
        openReports.setId("filter-open-reports");
        openReports.addValueChangeListener(e -> apply(filter.withOpenReports(e.getValue())));
        Checkbox reviewRequests = new Checkbox("Review requests");
        reviewRequests.setId("filter-review-requests");
        reviewRequests.setTooltipText("Taken-down links whose owners asked for a review nobody has decided yet");
        reviewRequests.addValueChangeListener(e -> apply(filter.withReviewRequests(e.getValue())));
        TextField search = new TextField("Title, link or token");
        search.setId("filter-search");
        search.setMaxLength(ShareQuery.SEARCH_MAX_LENGTH);
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> apply(filter.withSearch(e.getValue())));
        TextField owner = new TextField("Owner");
        owner.setId("filter-owner");
        owner.setClearButtonVisible(true);
        owner.setValueChangeMode(ValueChangeMode.LAZY);
        owner.addValueChangeListener(e -> apply(filter.withOwner(e.getValue())));
        DatePicker from = new DatePicker("Shared from");
        from.setId("filter-from");
        DatePicker to = new DatePicker("Shared to");
        to.setId("filter-to");
        from.addValueChangeListener(e -> apply(filter.withDates(e.getValue(), to.getValue())));
        to.addValueChangeListener(e -> apply(filter.withDates(from.getValue(), e.getValue())));
        Select<ModerationFilter.Sort> sort = new Select<>();
        sort.setId("filter-sort");
        sort.setLabel("Order");
        sort.setItems(ModerationFilter.Sort.values());
        sort.setItemLabelGenerator(s -> switch (s) {
            case OPEN_REPORTS -> "Most open reports";
            case LAST_REPORT -> "Latest report";
            case CREATED -> "Newest";
            case VIEWS -> "Most viewed";
        });
        sort.setValue(ModerationFilter.Sort.OPEN_REPORTS);
        sort.addValueChangeListener(e -> apply(filter.withSort(e.getValue())));
        for (Component narrow : new Component[] {status, sort}) {
            narrow.addClassName("moderation-filter-narrow");
        }
        for (Component date : new Component[] {from, to}) {
            date.addClassName("moderation-filter-date");
        }
        search.addClassName("moderation-filter-search");
        owner.addClassName("moderation-filter-owner");
        add(status, openReports, reviewRequests, search, owner, from, to, sort);
    }

    ModerationFilter filter() {
        return filter;
    }

    private void apply(ModerationFilter next) {
        filter = next;
        onChange.accept(next);
    }
}
