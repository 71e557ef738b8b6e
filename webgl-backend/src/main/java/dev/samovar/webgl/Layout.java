package dev.samovar.webgl;

/**
 * How a tensor lies in a texture. Every tensor is stored flat, in row-major order, four values per
 * RGBA texel: element {@code i} is channel {@code i % 4} of texel {@code t = i / 4}, and texel
 * {@code t} sits at {@code (t % width, t / width)}. The layout holds for any width, so a reshape
 * shares the texture.
 *
 * <p>The width is chosen so that, when the last dimension {@code C} is a multiple of 4, every row
 * of {@code C} values starts a texel and the rows line up in the texture: {@code width = R * C / 4}
 * with {@code R} rows side by side (1 unless there are more rows than the texture is high). Then
 * the texel of (row, c4) is at {@code ((row % R) * C/4 + c4, row / R)}, which is what the matMul,
 * convolution and pooling programs read four channels at a time. Otherwise the texture is
 * {@link #GENERIC_WIDTH} texels wide (or narrower for small tensors).
 */
public final class Layout {
    /** The width of textures that do not line up with their last dimension. */
    static final int GENERIC_WIDTH = 4096;

    private Layout() {
    }

    /** {width, height} in texels of a tensor of this shape; {0, 0} when it is empty. */
    public static int[] texShape(int[] shape, int maxSize) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (size == 0) {
            return new int[] {0, 0};
        }
        int texels = (size + 3) / 4;
        int c = shape.length == 0 ? 1 : shape[shape.length - 1];
        if (c % 4 == 0) {
            int c4 = c / 4;
            int rows = size / c;
            int r = (rows + maxSize - 1) / maxSize;
            if ((long) r * c4 <= maxSize) {
                int h = (rows + r - 1) / r;
                return new int[] {r * c4, h};
            }
        }
        int maxW = Math.min(GENERIC_WIDTH, maxSize);
        if (texels <= maxW) {
            return new int[] {texels, 1};
        }
        int h = (texels + maxW - 1) / maxW;
        if (h > maxSize) {
            throw new IllegalArgumentException("Requested texture size [" + maxW + "x" + h + "] greater than WebGL "
                    + "maximum on this browser / GPU [" + maxSize + "x" + maxSize + "].");
        }
        return new int[] {maxW, h};
    }

    /**
     * Whether a texture {@code width} texels wide holds rows of {@code c} values lined up (see the
     * class comment): {@code c % 4 == 0} and the width a multiple of {@code c / 4}.
     */
    public static boolean rowAligned(int width, int c) {
        return c > 0 && c % 4 == 0 && width % (c / 4) == 0;
    }
}
