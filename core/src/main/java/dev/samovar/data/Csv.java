package dev.samovar.data;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV rows as TF.js's {@code CSVDataset} reads them: a field starts quoted when its first character
 * is {@code "}; inside quotes the delimiter is text; the surrounding quotes are removed and a doubled
 * quote inside is kept as is (TF.js does not unescape it). Values convert with JavaScript's
 * {@code Number(text)} rules, booleans as TF.js does ("1" or "true", any case).
 */
public final class Csv {
    private static final int OUT = 0;
    private static final int FIELD = 1;
    private static final int QUOTE = 2;
    private static final int QUOTE_AFTER_QUOTE = 3;
    private static final int WITHIN_QUOTE_IN_QUOTE = 4;

    private Csv() {
    }

    /** The fields of one line. With {@code delimWhitespace} the delimiter is a space and runs of spaces count as one. */
    public static List<String> parseRow(String line, char delimiter, boolean delimWhitespace) {
        List<String> result = new ArrayList<>();
        int readOffset = 0;
        int n = line.length();
        int state = OUT;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            switch (state) {
                case OUT:
                    if (c == '"') {
                        readOffset = i + 1;
                        state = QUOTE;
                    } else if (c == delimiter) {
                        readOffset = i + 1;
                        if (delimiter == ' ' && delimWhitespace) {
                            break;
                        }
                        result.add("");
                        state = OUT;
                    } else {
                        state = FIELD;
                        readOffset = i;
                    }
                    break;
                case FIELD:
                    if (c == delimiter) {
                        result.add(line.substring(readOffset, i));
                        state = OUT;
                        readOffset = i + 1;
                    }
                    break;
                case QUOTE:
                    if (c == '"') {
                        state = QUOTE_AFTER_QUOTE;
                    }
                    break;
                case QUOTE_AFTER_QUOTE:
                    if (c == delimiter) {
                        result.add(line.substring(readOffset, i - 1));
                        state = OUT;
                        readOffset = i + 1;
                    } else if (c == '"') {
                        state = QUOTE;
                    } else {
                        state = WITHIN_QUOTE_IN_QUOTE;
                    }
                    break;
                default:
                    if (c == '"') {
                        state = QUOTE;
                    }
                    break;
            }
        }
        if (state == QUOTE_AFTER_QUOTE) {
            result.add(line.substring(readOffset, n - 1));
        } else {
            result.add(line.substring(Math.min(readOffset, n)));
        }
        return result;
    }

    /** JavaScript's {@code Number(text)}: NaN when the text is not a number. */
    public static double toNumber(String text) {
        String s = trimJs(text);
        if (s.isEmpty()) {
            return 0;
        }
        if (s.length() > 2 && s.charAt(0) == '0') {
            char k = Character.toLowerCase(s.charAt(1));
            int radix = k == 'x' ? 16 : k == 'o' ? 8 : k == 'b' ? 2 : 0;
            if (radix != 0) {
                double v = 0;
                for (int i = 2; i < s.length(); i++) {
                    int d = Character.digit(s.charAt(i), radix);
                    if (d < 0) {
                        return Double.NaN;
                    }
                    v = v * radix + d;
                }
                return v;
            }
        }
        String body = s;
        boolean neg = false;
        if (body.charAt(0) == '+' || body.charAt(0) == '-') {
            neg = body.charAt(0) == '-';
            body = body.substring(1);
        }
        if (body.equals("Infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        // StrDecimalLiteral: digits [. digits] [e[+-]digits], at least one digit in the mantissa.
        int i = 0;
        int m = body.length();
        int digits = 0;
        while (i < m && isDigit(body.charAt(i))) {
            i++;
            digits++;
        }
        if (i < m && body.charAt(i) == '.') {
            i++;
            while (i < m && isDigit(body.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < m && (body.charAt(i) == 'e' || body.charAt(i) == 'E')) {
            i++;
            if (i < m && (body.charAt(i) == '+' || body.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < m && isDigit(body.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return Double.NaN;
            }
        }
        if (i != m) {
            return Double.NaN;
        }
        double v = Double.parseDouble(body);
        return neg ? -v : v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isJsSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f' || c == '\u00a0'
                || c == '\ufeff' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a') || c == '\u2028'
                || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }

    static String trimJs(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isJsSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && isJsSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    /** TF.js's getBoolean: 1 for "1" or "true" (any case), else 0. */
    public static int toBoolean(String value) {
        return value.equals("1") || value.toLowerCase().equals("true") ? 1 : 0;
    }

    /** Splits text into lines as TF.js's TextLineDataset does: on '\n', dropping one trailing '\r'; no empty last line. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(stripCr(text.substring(start, i)));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(stripCr(text.substring(start)));
        }
        return out;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
