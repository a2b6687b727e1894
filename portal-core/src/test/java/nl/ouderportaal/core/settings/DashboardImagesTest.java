package nl.ouderportaal.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Dashboard images")
class DashboardImagesTest {

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    @DisplayName("7. a long strip under the pixel cap is decoded only in its centre square, not whole")
    void aLongStripIsDecodedOnlyWhereItIsKept() throws Exception {
        BufferedImage strip = new BufferedImage(235_000, 170, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(strip, "png", png);
        strip = null;
        byte[] upload = png.toByteArray();

        long before = allocatedByThisThread();
        byte[] stored = DashboardImages.process(upload);
        long allocated = allocatedByThisThread() - before;

        BufferedImage result = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(result.getWidth()).isEqualTo(DashboardImages.SIDE);
        assertThat(result.getHeight()).isEqualTo(DashboardImages.SIDE);
        // Decoded whole, the strip alone is 40 MB of grey (and ~160 MB as RGB); its centre square is 29 KB.
        assertThat(allocated).as("bytes allocated while processing").isLessThan(30L * 1024 * 1024);
    }
}
