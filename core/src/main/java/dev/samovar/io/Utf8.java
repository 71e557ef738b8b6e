package dev.samovar.io;

/** UTF-8 without java.nio.charset (so it behaves the same under TeaVM). */
public final class Utf8 {
    private Utf8() {
    }

    public static byte[] encode(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            int c = s.codePointAt(i);
            if (c >= 0x10000) {
                i++;
            }
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        }
        byte[] out = new byte[n];
        int p = 0;
        for (int i = 0; i < s.length(); i++) {
            int c = s.codePointAt(i);
            if (c >= 0x10000) {
                i++;
            }
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xc0 | (c >> 6));
                out[p++] = (byte) (0x80 | (c & 0x3f));
            } else if (c < 0x10000) {
                out[p++] = (byte) (0xe0 | (c >> 12));
                out[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[p++] = (byte) (0x80 | (c & 0x3f));
            } else {
                out[p++] = (byte) (0xf0 | (c >> 18));
                out[p++] = (byte) (0x80 | ((c >> 12) & 0x3f));
                out[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[p++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        return out;
    }

    /** Decodes UTF-8; malformed sequences become U+FFFD. */
    public static String decode(byte[] b, int offset, int length) {
        StringBuilder sb = new StringBuilder(length);
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int c = b[i] & 0xff;
            int need;
            int cp;
            if (c < 0x80) {
                sb.append((char) c);
                i++;
                continue;
            } else if ((c & 0xe0) == 0xc0) {
                need = 1;
                cp = c & 0x1f;
            } else if ((c & 0xf0) == 0xe0) {
                need = 2;
                cp = c & 0x0f;
            } else if ((c & 0xf8) == 0xf0) {
                need = 3;
                cp = c & 0x07;
            } else {
                sb.append('\ufffd');
                i++;
                continue;
            }
            if (i + need >= end) {
                sb.append('\ufffd');
                break;
            }
            boolean ok = true;
            for (int k = 1; k <= need; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xc0) != 0x80) {
                    ok = false;
                    break;
                }
                cp = (cp << 6) | (cc & 0x3f);
            }
            if (!ok) {
                sb.append('\ufffd');
                i++;
                continue;
            }
            sb.appendCodePoint(cp);
            i += need + 1;
        }
        return sb.toString();
    }
}
