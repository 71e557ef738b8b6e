package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.register;

import dev.samovar.ops.Signal;

/** Java API calls for the tf.signal cases (signal.mjs). */
public final class SignalAdapters {
    private SignalAdapters() {
    }

    public static void install() {
        register("signal.hannWindow", a -> Signal.hannWindow(a.i(0, 0)));
        register("signal.hammingWindow", a -> Signal.hammingWindow(a.i(0, 0)));
        register("cosineWindow", a -> Signal.cosineWindow(a.i(0, 0), a.d(1, 0), a.d(2, 0)));
        register("enclosingPowerOfTwo", a -> Signal.enclosingPowerOfTwo(a.d(0, 0)));
        register("signal.frame", a -> Signal.frame(a.t(0), a.i(1, 0), a.i(2, 0), a.b(3, false), a.d(4, 0)));
    }
}
