package com.chatshare.sharing.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The share sheet's QR code of a link: a PNG drawn on the server with zxing (error correction M,
 * the standard quiet zone of four modules), served by the app itself like every image it shows
 * (the CSP allows images from its own origin only), with a link that downloads it.
 */
class QrCodeImage extends Div {

    /** The image's width and height in pixels. */
    static final int SIZE = 240;
    /** The quiet zone around the code, in modules: the four the QR code standard asks for. */
    static final int QUIET_ZONE = 4;

    private final Image image = new Image();
    private final Anchor download = new Anchor();
    /** The URL and file name on show, so the code is drawn once for them. */
    private String shown = "";

    QrCodeImage() {
        setId("share-qr-panel");
        addClassName("share-qr-panel");
        image.setId("share-qr-image");
        // Attributes, not styles: the space is kept while it loads, and it shrinks on a narrow screen.
        image.getElement().setAttribute("width", Integer.toString(SIZE));
        image.getElement().setAttribute("height", Integer.toString(SIZE));
        download.setId("share-qr-download");
        download.add(VaadinIcon.DOWNLOAD_ALT.create(), new com.vaadin.flow.component.html.Span("Download"));
        download.setAriaLabel("Download the QR code");
        download.addClassName("share-target");
        add(image, download);
    }

    /** Shows the code of this URL; the file downloads as {@code fileName}. Drawn again only when one of them changed. */
    void show(String url, String fileName) {
        if (shown.equals(url + "\n" + fileName)) {
            return;
        }
        byte[] png = png(url);
        shown = url + "\n" + fileName;
        image.setAlt("QR code of " + url);
        image.setSrc((DownloadHandler) event -> {
            event.inline(fileName);
            event.setContentType("image/png");
            event.setContentLength(png.length);
            event.getOutputStream().write(png);
        });
        download.setHref((DownloadHandler) event -> {
            event.setFileName(fileName);
            event.setContentType("image/png");
            event.setContentLength(png.length);
            event.getOutputStream().write(png);
        }, AttachmentType.DOWNLOAD);
    }

    /** The QR code of a text as a black-on-white PNG of {@link #SIZE} pixels square. */
    static byte[] png(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, QUIET_ZONE);
        // An ECI header only where the text needs it: some scanners still stumble on one.
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, SIZE, SIZE, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Too long for a QR code: " + text.length() + " characters", e);
        }
        BufferedImage picture = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                picture.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
