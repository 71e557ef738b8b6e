package dev.samovar.convert.graph;

import java.io.IOException;

/** Snappy block decompression (the format LevelDB tables compress blocks with). */
final class Snappy {
    private Snappy() {
    }

    static byte[] decompress(byte[] in, int off, int len, String where) throws IOException {
        int end = off + len;
        int[] p = {off};
        long n = 0;
        int shift = 0;
        while (true) {
            int b = in[p[0]++] & 0xff;
            n |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                break;
            }
            shift += 7;
        }
        byte[] out = new byte[(int) n];
        int o = 0;
        int i = p[0];
        try {
            while (i < end) {
                int tag = in[i++] & 0xff;
                int type = tag & 3;
                if (type == 0) {
                    int l = tag >>> 2;
                    if (l >= 60) {
                        int bytes = l - 59;
                        l = 0;
                        for (int k = 0; k < bytes; k++) {
                            l |= (in[i++] & 0xff) << (8 * k);
                        }
                    }
                    l += 1;
                    System.arraycopy(in, i, out, o, l);
                    i += l;
                    o += l;
                } else {
                    int l;
                    int dist;
                    if (type == 1) {
                        l = ((tag >>> 2) & 7) + 4;
                        dist = ((tag >>> 5) << 8) | (in[i++] & 0xff);
                    } else if (type == 2) {
                        l = (tag >>> 2) + 1;
                        dist = (in[i] & 0xff) | (in[i + 1] & 0xff) << 8;
                        i += 2;
                    } else {
                        l = (tag >>> 2) + 1;
                        dist = (in[i] & 0xff) | (in[i + 1] & 0xff) << 8 | (in[i + 2] & 0xff) << 16 | (in[i + 3] & 0xff) << 24;
                        i += 4;
                    }
                    if (dist <= 0 || dist > o) {
                        throw new IOException(where + ": corrupt snappy block (offset " + dist + ")");
                    }
                    for (int k = 0; k < l; k++) {
                        out[o] = out[o - dist];
                        o++;
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IOException(where + ": corrupt snappy block");
        }
        if (o != out.length) {
            throw new IOException(where + ": snappy block decompressed to " + o + " bytes, expected " + out.length);
        }
        return out;
    }
}
