package dev.samovar.webgl;

import dev.samovar.core.Backend;
import dev.samovar.core.BackendProvider;
import dev.samovar.webgl.kernels.WebGLKernels;

/**
 * Registers the webgl backend (priority 2, as in TF.js, so it is the default where it runs). On a
 * JVM, in HtmlUnit, or in a browser without WebGL2 and float32 render targets {@link #create}
 * returns null and the engine stays on cpu (in a page, with a console note saying why).
 */
public final class WebGLBackendProvider implements BackendProvider {
    private static boolean warned;

    @Override
    public String name() {
        return WebGLBackend.NAME;
    }

    @Override
    public int priority() {
        return 2;
    }

    @Override
    public void registerKernels() {
        if (inBrowser()) {
            WebGLKernels.registerAll();
        }
    }

    @Override
    public Backend create() {
        if (!inBrowser()) {
            return null;
        }
        String[] why = new String[1];
        Backend b = WebGLBackend.create(why);
        if (b == null && !warned) {
            warned = true;
            Js.warn("samovar: the webgl backend is not available here (" + why[0] + "); using the cpu backend.");
        }
        return b;
    }

    /** Whether this runs as JavaScript in a page or worker (on a JVM the JS helpers cannot run). */
    static boolean inBrowser() {
        try {
            return Js.hasCanvas();
        } catch (Throwable e) {
            return false;
        }
    }
}
