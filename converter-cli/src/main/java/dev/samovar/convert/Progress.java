package dev.samovar.convert;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of the weights on stderr, for models over a few MB: a line every 10% (or a live line
 * when stderr is a terminal).
 */
public final class Progress {
    /** Models with fewer weight bytes than this convert silently. */
    public static final long THRESHOLD = 4L << 20;

    private final PrintStream err;
    private final boolean enabled;
    private final boolean tty;
    private final long total;
    private final String what;
    private long done;
    private int lastTenth = 0;

    public Progress(PrintStream err, boolean quiet, long totalBytes, String what) {
        this.err = err;
        this.total = totalBytes;
        this.what = what;
        this.enabled = !quiet && err != null && totalBytes >= THRESHOLD;
        this.tty = System.console() != null;
    }

    public static Progress none() {
        return new Progress(null, true, 0, "");
    }

    public void advance(long bytes) {
        done += bytes;
        if (!enabled) {
            return;
        }
        int tenth = (int) (done * 10 / Math.max(1, total));
        if (tty) {
            err.print(String.format(Locale.ROOT, "\rsamovar-convert: %s %3d%% (%s of %s)", what, done * 100 / Math.max(1, total),
                    Summary.mb(done), Summary.mb(total)));
            if (done >= total) {
                err.println();
            }
            err.flush();
        } else if (tenth > lastTenth) {
            lastTenth = tenth;
            err.println(String.format(Locale.ROOT, "samovar-convert: %s %d%% (%s of %s)", what, tenth * 10,
                    Summary.mb(done), Summary.mb(total)));
        }
    }
}
