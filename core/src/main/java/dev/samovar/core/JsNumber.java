package dev.samovar.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * JavaScript's number-to-text rules (ECMAScript Number::toString and toFixed), so that Samovar
 * prints tensors digit for digit as TF.js does, on the JVM and in the page alike.
 */
public final class JsNumber {
    private JsNumber() {
    }

    /** {@code String(x)} in JavaScript: the shortest decimal that reads back as {@code x}. */
    public static String toString(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (x == 0) {
            return "0";
        }
        if (x < 0) {
            return "-" + toString(-x);
        }
        if (Double.isInfinite(x)) {
            return "Infinity";
        }
        BigDecimal exact = new BigDecimal(x);
        BigDecimal shortest = exact;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == x) {
                shortest = r;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        // x = digits * 10^(n - k)
        int n = k - shortest.scale();
        StringBuilder sb = new StringBuilder();
        if (k <= n && n <= 21) {
            sb.append(digits);
            for (int i = 0; i < n - k; i++) {
                sb.append('0');
            }
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.");
            for (int i = 0; i < -n; i++) {
                sb.append('0');
            }
            sb.append(digits);
        } else {
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            int e = n - 1;
            sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return sb.toString();
    }

    /** {@code parseFloat(x.toFixed(digits)).toString()}: rounded to {@code digits} decimals. */
    public static String toFixedTrimmed(double x, int digits) {
        if (Double.isNaN(x) || Double.isInfinite(x) || Math.abs(x) >= 1e21) {
            return toString(x);
        }
        double rounded = new BigDecimal(x).setScale(digits, RoundingMode.HALF_UP).doubleValue();
        if (rounded == 0) {
            return "0";
        }
        return toString(rounded);
    }

    /** JavaScript's ToInt32 (what storing a number into an Int32Array does): truncates, wraps mod 2^32. */
    public static int toInt32(double d) {
        if (d >= -2147483648.0 && d <= 2147483647.0) {
            return (int) d;
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return 0;
        }
        return (int) (long) (d % 4294967296.0);
    }

    /**
     * What storing a number into a Uint8Array does (ToUint8: truncate, wrap mod 256): TF.js keeps
     * bool tensors in Uint8Arrays, so arithmetic on bools can hold 2.
     */
    public static int toUint8(double d) {
        return toInt32(d) & 0xFF;
    }
}
