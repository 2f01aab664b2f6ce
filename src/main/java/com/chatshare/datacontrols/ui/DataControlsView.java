package com.chatshare.datacontrols.ui;

import com.chatshare.accounts.Account;
import com.chatshare.accounts.AccountChangeRefusedException;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.PasswordChangeException;
import com.chatshare.accounts.RegistrationException;
import com.chatshare.base.ui.Notifications;
import com.chatshare.base.ui.PublicUrls;
import com.chatshare.conversations.ConversationService;
import com.chatshare.datacontrols.ChatImport;
import com.chatshare.datacontrols.DataExport;
import com.chatshare.moderation.ReviewRequestOpener;
import com.chatshare.security.CurrentUser;
import com.chatshare.security.LoginThrottledException;
import com.chatshare.sharing.OwnLinksService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * Settings → Data controls: the user's shared links, their archived chats, an export of their data, an import of
 * chats from ChatGPT, Claude or another Chatshare, changing the
 * password, and the buttons that delete all chats or the whole account.
 */
@Route("settings/data-controls")
@PageTitle("Data controls · Chatshare")
@Menu(order = 50, icon = "vaadin:cog", title = "Data controls")
@PermitAll
public class DataControlsView extends VerticalLayout {

    private final transient OwnLinksService ownLinks;
    private final transient ConversationService conversations;
    private final transient AccountService accounts;
    private final transient CurrentUser currentUser;
    private final transient PublicUrls urls;
    private final Paragraph linkCount = new Paragraph();

    DataControlsView(OwnLinksService ownLinks, ConversationService conversations, AccountService accounts,
            DataExport export, ChatImport chatImport, CurrentUser currentUser, PublicUrls urls,
            ReviewRequestOpener reviews) {
        this.ownLinks = ownLinks;
        this.conversations = conversations;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.urls = urls;
        addClassName("page");

        linkCount.setId("link-count");
        Button manage = new Button("Manage", event -> getUI().ifPresent(ui -> ui.navigate(SharedLinksView.class)));
        manage.setId("manage-links");

        Anchor exportLink = new Anchor((DownloadHandler) event -> {
            event.setFileName("chatshare-export.json");
            event.setContentType("application/json");
            export.writeTo(event.getOutputStream());
        }, AttachmentType.DOWNLOAD, "Export my data");
        exportLink.setId("export-data");

        Button deleteChats = new Button("Delete all chats", event -> confirmDeleteAllChats());
        deleteChats.setId("delete-all-chats");
        deleteChats.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button changePassword = new Button("Change password", event -> openChangePassword());
        changePassword.setId("change-password");
        Button deleteAccount = new Button("Delete account", event -> openDeleteAccount());
        deleteAccount.setId("delete-account");
        deleteAccount.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);

        add(new H2("Data controls"),
                section("Shared links", linkCount, manage),
                new ArchivedChats(conversations),
                section("Export data", new Paragraph("Download your chats and shared links as a JSON file."),
                        exportLink),
                new ImportChatsSection(chatImport),
                section("Delete all chats", new Paragraph("Deletes every chat and its shared link. "
                        + "Copies others made from your links stay theirs."), deleteChats),
                section("Password", new Paragraph("Changing your password signs you out everywhere else."),
                        changePassword),
                section("Delete account", new Paragraph("Deletes your account and everything in it. "
                        + "Your shared links stop working at once."), deleteAccount));
        refresh();
    }

    private static Component section(String title, Component description, Component action) {
        HorizontalLayout row = new HorizontalLayout(description, action);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setFlexGrow(1, description);
        Div section = new Div(new H3(title), row);
        section.addClassName("settings-section");
        return section;
    }

    private void refresh() {
        int count = ownLinks.countOwnLinks();
        linkCount.setText(count == 0 ? "You have not shared any chats."
                : "You have " + count + (count == 1 ? " shared link." : " shared links."));
    }

    private void confirmDeleteAllChats() {
        long count = conversations.countConversations();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("delete-all-chats-confirm");
        confirm.setHeader("Delete all chats?");
        confirm.setText("All " + count + (count == 1 ? " chat" : " chats")
                + " and their shared links will be deleted for good.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete all " + count);
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            int deleted = conversations.deleteAllConversations();
            Notifications.success(deleted + (deleted == 1 ? " chat deleted." : " chats deleted."));
            refresh();
        });
        confirm.open();
    }

    void openDeleteAccount() {
        Dialog dialog = new Dialog();
        dialog.setId("delete-account-dialog");
        dialog.setHeaderTitle("Delete your account?");
        PasswordField password = new PasswordField("Your password");
        password.setId("delete-account-password");
        password.setWidthFull();
        Button confirm = new Button("Delete my account", event -> {
            try {
                accounts.deleteOwnAccount(password.getValue());
                dialog.close();
                currentUser.signOut();
            } catch (RegistrationException e) {
                password.setErrorMessage("That password is not right. Nothing was deleted.");
                password.setInvalid(true);
            } catch (LoginThrottledException e) {
                password.setErrorMessage(e.getMessage() + " Nothing was deleted.");
                password.setInvalid(true);
            } catch (AccountChangeRefusedException e) {
                password.setErrorMessage(e.getMessage());
                password.setInvalid(true);
            }
        });
        confirm.setId("delete-account-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("This deletes your chats, your shared links and your account. "
                + "It cannot be undone. Enter your password to confirm."), password);
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), confirm);
        dialog.open();
    }

    void openChangePassword() {
        Dialog dialog = new Dialog();
        dialog.setId("change-password-dialog");
        dialog.setHeaderTitle("Change your password");
        PasswordField current = new PasswordField("Current password");
        current.setId("change-password-current");
        PasswordField next = new PasswordField("New password");
        next.setId("change-password-new");
        next.setHelperText("At least " + Account.PASSWORD_MIN_LENGTH + " characters");
        PasswordField repeat = new PasswordField("New password again");
        repeat.setId("change-password-repeat");
        VerticalLayout fields = new VerticalLayout(current, next, repeat);
        fields.setPadding(false);
        fields.getChildren().forEach(field -> ((PasswordField) field).setWidthFull());
        Button save = new Button("Change password", event -> {
            for (PasswordField field : List.of(current, next, repeat)) {
                field.setInvalid(false);
            }
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage("This is not the same as the new password above.");
                repeat.setInvalid(true);
                return;
            }
            try {
                accounts.changePassword(current.getValue(), next.getValue());
                dialog.close();
                Notifications.success("Password changed. Your other sessions are signed out.");
            } catch (PasswordChangeException e) {
                e.problems().forEach((field, message) -> {
                    PasswordField shown = field == PasswordChangeException.Field.CURRENT_PASSWORD ? current : next;
                    shown.setErrorMessage(message);
                    shown.setInvalid(true);
                });
            } catch (LoginThrottledException e) {
                current.setErrorMessage(e.getMessage() + " Nothing was changed.");
                current.setInvalid(true);
            }
        });
        save.setId("change-password-confirm");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(fields);
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), save);
        dialog.open();
    }
}
