package com.chatshare.sharing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodeImageTest {

    @Test
    void the_png_decodes_to_the_link_with_error_correction_m() throws Exception {
        String url = "https://chat.example.org/share/AZaz09-_AZaz09-_AZaz09/view";

        Result result = decode(QrCodeImage.png(url));

        assertThat(result.getText()).isEqualTo(url);
        assertThat(result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).isEqualTo("M");
    }

    @Test
    void a_link_with_letters_beyond_ascii_decodes_to_the_same_text() throws Exception {
        String url = "https://chat.exämple.org/share/AZaz09-_AZaz09-_AZaz09";

        assertThat(decode(QrCodeImage.png(url)).getText()).isEqualTo(url);
    }

    @Test
    void the_image_is_240_pixels_square_with_a_quiet_zone_of_four_modules() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                QrCodeImage.png("https://chat.example.org/share/AZaz09-_AZaz09-_AZaz09")));

        assertThat(image.getWidth()).isEqualTo(QrCodeImage.SIZE);
        assertThat(image.getHeight()).isEqualTo(QrCodeImage.SIZE);
        // The top-left finder pattern starts with a run of 7 dark modules: its width is 7 modules.
        int first = firstDark(image);
        int run = 0;
        while (isDark(image, first + run, first)) {
            run++;
        }
        int module = run / 7;
        assertThat(module).as("pixels per module").isPositive();
        assertThat(first).as("light margin before the first dark module").isGreaterThanOrEqualTo(4 * module);
    }

    private static int firstDark(BufferedImage image) {
        for (int i = 0; i < image.getWidth(); i++) {
            if (isDark(image, i, i)) {
                return i;
            }
        }
        throw new AssertionError("no dark pixel on the diagonal");
    }

    private static boolean isDark(BufferedImage image, int x, int y) {
        return (image.getRGB(x, y) & 0xFFFFFF) == 0;
    }

    /** Decodes a PNG with zxing's reader, as a phone's camera app would read the code. */
    static Result decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new MultiFormatReader().decode(bitmap);
    }
}
