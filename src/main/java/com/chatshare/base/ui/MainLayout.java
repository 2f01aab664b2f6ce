package com.chatshare.base.ui;

import com.chatshare.base.Appearance;
import com.chatshare.security.AppUserPrincipal;
import com.chatshare.security.CurrentUser;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;

/**
 * The frame of every signed-in view: the drawer with navigation built from {@code @Menu}
 * (Vaadin leaves out entries the user may not open), and the user menu with the appearance
 * (system, light or dark; applied as the layout is built, once per UI), the entries features add
 * ({@link UserMenuItem}) and sign-out.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout {

    private final transient CurrentUser currentUser;
    private final transient AppearancePreference appearances;
    private final transient List<UserMenuItem> userMenuItems;
    private final VerticalLayout drawerSlot = new VerticalLayout();
    private final VerticalLayout drawer = new VerticalLayout();
    private SideNav navigation = new SideNav();

    MainLayout(CurrentUser currentUser, List<HeaderItem> headerItems,
            ObjectProvider<AppearancePreference> appearances, ObjectProvider<UserMenuItem> userMenuItems) {
        this.currentUser = currentUser;
        this.userMenuItems = userMenuItems.orderedStream().toList();
        this.appearances = appearances.getIfAvailable();
        setPrimarySection(Section.DRAWER);

        H1 title = new H1("Chatshare");
        title.addClassName("app-title");
        HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), title);
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        currentUser.get().ifPresent(user -> {
            headerItems.forEach(item -> navbar.add(item.create()));
            navbar.add(userMenu(user));
        });
        addToNavbar(navbar);

        drawerSlot.addClassName("drawer-slot");
        drawerSlot.setPadding(false);
        drawerSlot.setSpacing(false);
        drawerSlot.setSizeFull();
        drawer.add(navigation, drawerSlot);
        drawer.addClassName("drawer");
        drawer.setPadding(false);
        drawer.setSpacing(false);
        drawer.setSizeFull();
        drawer.setFlexGrow(1, drawerSlot);
        addToDrawer(drawer);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        // Built anew on every navigation: Vaadin keeps this layout for the UI's life, and a role
        // granted or revoked since (applied by the security filter) changes what may be opened.
        fillNavigation();
        drawerSlot.removeAll();
        if (content instanceof HasDrawerContent withDrawer) {
            drawerSlot.add(withDrawer.drawerContent());
        }
    }

    private void fillNavigation() {
        SideNav fresh = new SideNav();
        fresh.setId("main-nav");
        MenuConfiguration.getMenuEntries().forEach(entry -> fresh.addItem(navItem(entry)));
        drawer.replace(navigation, fresh);
        navigation = fresh;
    }

    private static SideNavItem navItem(MenuEntry entry) {
        return entry.icon() == null
                ? new SideNavItem(entry.title(), entry.path())
                : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
    }

    private MenuBar userMenu(AppUserPrincipal user) {
        Avatar avatar = new Avatar(user.displayName());
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        Span name = new Span(user.displayName());
        name.addClassName("user-name");

        MenuBar menu = new MenuBar();
        menu.setId("user-menu");
        menu.addClassName("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        HorizontalLayout label = new HorizontalLayout(avatar, name);
        label.setAlignItems(FlexComponent.Alignment.CENTER);
        label.setSpacing(true);
        MenuItem item = menu.addItem(label);
        item.getSubMenu().addItem(new Span("Signed in as " + user.getUsername())).setEnabled(false);
        if (appearances != null) {
            Appearance current = appearances.current();
            AppearanceMenu.apply(UI.getCurrent().getPage(), current);
            AppearanceMenu.addTo(item.getSubMenu(), appearances, current);
        }
        userMenuItems.forEach(entry -> item.getSubMenu().addItem(entry.label(), event -> entry.select())
                .setId(entry.id()));
        MenuItem signOut = item.getSubMenu().addItem("Sign out", event -> currentUser.signOut());
        signOut.setId("sign-out");
        return menu;
    }

}
