package com.chatshare.accounts.ui;

import com.chatshare.accounts.AccountService;
import com.chatshare.base.Appearance;
import com.chatshare.base.ui.AppearancePreference;
import com.chatshare.security.CurrentUser;
import org.springframework.stereotype.Component;

/** Keeps the user menu's appearance choice with the signed-in person's account. */
@Component
class AccountAppearance implements AppearancePreference {

    private final AccountService accounts;
    private final CurrentUser currentUser;

    AccountAppearance(AccountService accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @Override
    public Appearance current() {
        return currentUser.get().isPresent() ? accounts.appearance() : Appearance.SYSTEM;
    }

    @Override
    public void choose(Appearance appearance) {
        accounts.setAppearance(appearance);
    }
}
