package io.docstream.extract.pdf;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * Erases ruled lines and box frames from a page image before OCR. The bulletins frame headings in boxes, and
 * Tesseract reads a frame's left edge as a letter ("IAANNUAL SALARY"), which hides the heading from the rules.
 * A horizontal run of dark pixels far longer than any letter is a rule; a vertical run that ends on an erased
 * rule is the side of a box. Text is left alone.
 */
final class RuledLines {

    /** Grey enough to be ink: frames are often drawn thin and come out light grey once scanned. */
    private static final int DARK = 200;

    private RuledLines() {}

    /** @param minRun the shortest horizontal run that counts as a rule, in pixels */
    static BufferedImage erase(BufferedImage grey, int minRun) {
        int width = grey.getWidth();
        int height = grey.getHeight();
        WritableRaster raster = grey.getRaster();
        int[] row = new int[width];
        boolean[] rule = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            raster.getPixels(0, y, width, 1, row);
            int start = -1;
            for (int x = 0; x <= width; x++) {
                boolean dark = x < width && row[x] < DARK;
                if (dark && start < 0) {
                    start = x;
                } else if (!dark && start >= 0) {
                    if (x - start >= minRun) {
                        for (int i = start; i < x; i++) {
                            rule[y * width + i] = true;
                        }
                    }
                    start = -1;
                }
            }
        }
        int[] column = new int[height];
        boolean[] side = new boolean[width * height];
        for (int x = 0; x < width; x++) {
            raster.getPixels(x, 0, 1, height, column);
            int start = -1;
            for (int y = 0; y <= height; y++) {
                boolean dark = y < height && column[y] < DARK;
                if (dark && start < 0) {
                    start = y;
                } else if (!dark && start >= 0) {
                    if (touchesRule(rule, width, x, start) && touchesRule(rule, width, x, y - 1)) {
                        for (int i = start; i < y; i++) {
                            side[i * width + x] = true;
                        }
                    }
                    start = -1;
                }
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (rule[y * width + x] || side[y * width + x]) {
                    raster.setSample(x, y, 0, 255);
                }
            }
        }
        return grey;
    }

    /** Whether a rule passes within two pixels of (x, y): the corner of a frame. */
    private static boolean touchesRule(boolean[] rule, int width, int x, int y) {
        int height = rule.length / width;
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                int px = x + dx;
                int py = y + dy;
                if (px >= 0 && px < width && py >= 0 && py < height && rule[py * width + px]) {
                    return true;
                }
            }
        }
        return false;
    }
}
