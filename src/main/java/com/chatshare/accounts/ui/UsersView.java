package com.chatshare.accounts.ui;

import com.chatshare.base.ui.Dates;
import com.chatshare.accounts.AccountService;
import com.chatshare.base.ui.PhoneColumns;
import com.chatshare.accounts.AccountSummary;
import com.chatshare.base.ui.Notifications;
import com.chatshare.security.AppRoles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Admins' list of accounts, loaded page by page from the database. */
@Route("admin/users")
@PageTitle("Users · Chatshare")
@Menu(order = 90, icon = "vaadin:users", title = "Users")
@RolesAllowed(AppRoles.ADMIN)
public class UsersView extends VerticalLayout {


    UsersView(AccountService accountService) {
        setSizeFull();
        Grid<AccountSummary> grid = new Grid<>();
        grid.setId("users-grid");
        grid.addColumn(AccountSummary::username).setHeader("Username").setSortProperty("username");
        grid.addColumn(AccountSummary::displayName).setHeader("Display name").setSortProperty("displayName")
                .setKey("displayName");
        grid.addColumn(a -> String.join(", ", a.roles().stream().sorted().toList())).setHeader("Roles").setKey("roles");
        grid.addColumn(a -> a.enabled() ? "Active" : "Disabled").setHeader("Status");
        grid.addColumn(a -> Dates.date(a.createdAt()))
                .setHeader("Joined").setSortProperty("createdAt").setKey("joined");
        grid.addComponentColumn(account -> actions(accountService, grid, account)).setHeader("Actions")
                .setAutoWidth(true).setFrozenToEnd(true);
        PhoneColumns.hideOnPhone(grid, "displayName", "roles", "joined");
        grid.setItems(query -> accountService
                .findAccounts(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        add(new H2("Users"), grid);
    }

    private static HorizontalLayout actions(AccountService accounts, Grid<AccountSummary> grid, AccountSummary account) {
        boolean moderator = account.roles().contains(AppRoles.MODERATOR);
        Button role = new Button(moderator ? "Revoke moderator" : "Make moderator", event ->
                change(grid, () -> accounts.setModerator(account.id(), !moderator)));
        role.addClassName("toggle-moderator");
        Button enabled = new Button(account.enabled() ? "Disable" : "Enable", event ->
                change(grid, () -> accounts.setEnabled(account.id(), !account.enabled())));
        enabled.addClassName("toggle-enabled");
        if (account.enabled()) {
            enabled.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        boolean admin = account.roles().contains(AppRoles.ADMIN);
        role.setEnabled(!admin);
        enabled.setEnabled(!admin);
        HorizontalLayout actions = new HorizontalLayout(role, enabled);
        actions.setSpacing(true);
        return actions;
    }

    private static void change(Grid<AccountSummary> grid, Runnable action) {
        try {
            action.run();
            grid.getDataProvider().refreshAll();
        } catch (IllegalArgumentException e) {
            Notifications.error(e.getMessage());
        }
    }
}
