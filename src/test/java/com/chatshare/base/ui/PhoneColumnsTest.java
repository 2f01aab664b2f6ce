package com.chatshare.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Which columns show at which window width, as the browser reports it (Karibu has no window to resize). */
class PhoneColumnsTest {

    private final Grid<String> grid = new Grid<>();

    PhoneColumnsTest() {
        grid.addColumn(s -> s).setKey("title");
        grid.addColumn(s -> s).setKey("date");
        grid.addColumn(s -> s).setKey("extra");
    }

    @Test
    void phone_columns_hide_at_600_pixels_and_less_and_show_while_the_width_is_unknown() {
        PhoneColumns date = PhoneColumns.hideOnPhone(grid, "date");
        date.refit();
        assertThat(visible("date")).isTrue();

        date.fitTo(390);
        assertThat(visible("date")).isFalse();
        date.fitTo(600);
        assertThat(visible("date")).isFalse();
        date.fitTo(601);
        assertThat(visible("date")).isTrue();
        assertThat(visible("title")).isTrue();
    }

    @Test
    void wide_screen_columns_hide_below_their_width_phones_included() {
        PhoneColumns extra = PhoneColumns.hideBelow(grid, 1440, "extra");

        extra.fitTo(1280);
        assertThat(visible("extra")).isFalse();
        extra.fitTo(390);
        assertThat(visible("extra")).isFalse();
        extra.fitTo(1440);
        assertThat(visible("extra")).isTrue();
    }

    @Test
    void a_narrowed_grid_hides_them_on_a_desktop_until_it_has_its_room_back() {
        AtomicBoolean besideDetail = new AtomicBoolean();
        PhoneColumns date = PhoneColumns.hideWhenNarrow(grid, besideDetail::get, "date", "extra");
        date.fitTo(1920);
        assertThat(visible("date")).isTrue();

        besideDetail.set(true);
        date.refit();
        assertThat(visible("date")).isFalse();
        assertThat(visible("extra")).isFalse();

        besideDetail.set(false);
        date.refit();
        assertThat(visible("date")).isTrue();
        date.fitTo(500);
        assertThat(visible("date")).isFalse();
    }

    private boolean visible(String key) {
        return grid.getColumnByKey(key).isVisible();
    }
}
