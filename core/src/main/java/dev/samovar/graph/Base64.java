package dev.samovar.graph;

import dev.samovar.io.Utf8;

/** Base64 decoding of the GraphDef JSON's string and bytes fields (runs in the page too). */
final class Base64 {
    private Base64() {
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+' || c == '-') {
            return 62;
        }
        if (c == '/' || c == '_') {
            return 63;
        }
        return -1;
    }

    static byte[] decode(String s) {
        byte[] out = new byte[s.length() * 3 / 4 + 3];
        int n = 0;
        int acc = 0;
        int bits = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = value(s.charAt(i));
            if (v < 0) {
                continue;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) ((acc >> bits) & 0xff);
            }
        }
        byte[] exact = new byte[n];
        System.arraycopy(out, 0, exact, 0, n);
        return exact;
    }

    static String decodeToString(String s) {
        byte[] b = decode(s);
        return Utf8.decode(b, 0, b.length);
    }
}
