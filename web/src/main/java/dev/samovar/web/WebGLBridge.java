package dev.samovar.web;

import dev.samovar.core.Engine;
import dev.samovar.webgl.WebGLBackend;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;

/**
 * The webgl backend's own API for samovar.webgl and tf.env(): availability, flags, warm-up (collect
 * programs, then compile them one by one), lost-context recovery and counters for tests.
 */
public final class WebGLBridge {
    private WebGLBridge() {
    }

    /** The backend, made on first call; null where WebGL2 with float32 render targets is missing. */
    private static WebGLBackend backend() {
        Engine.get().backendNames();
        return Engine.get().findBackend(WebGLBackend.NAME) instanceof WebGLBackend
                ? (WebGLBackend) Engine.get().findBackend(WebGLBackend.NAME) : null;
    }

    private static WebGLBackend require() {
        WebGLBackend b = backend();
        if (b == null) {
            throw new IllegalStateException("The webgl backend is not available in this browser.");
        }
        return b;
    }

    @JSExport
    public static boolean available() {
        return backend() != null;
    }

    /** Numeric environment flags (TF.js names), NaN when unknown. */
    @JSExport
    public static double flag(String name) {
        WebGLBackend b = backend();
        switch (name) {
            case "HAS_WEBGL":
                return b != null ? 1 : 0;
            case "WEBGL_VERSION":
                return b != null ? 2 : 0;
            case "WEBGL_RENDER_FLOAT32_CAPABLE":
            case "WEBGL_RENDER_FLOAT32_ENABLED":
            case "WEBGL_DOWNLOAD_FLOAT_ENABLED":
                return b != null ? 1 : 0;
            case "WEBGL_FORCE_F16_TEXTURES":
                return 0;
            case "WEBGL_MAX_TEXTURE_SIZE":
                return b != null ? b.maxTextureSize() : 0;
            case "WEBGL_CPU_FORWARD":
                return b == null || b.cpuForward() ? 1 : 0;
            case "CPU_HANDOFF_SIZE_THRESHOLD":
                return b == null ? 128 : b.cpuHandoffSize();
            case "WEBGL_PARALLEL_COMPILE":
                return b != null && b.parallelCompile() ? 1 : 0;
            default:
                return Double.NaN;
        }
    }

    /** Sets WEBGL_CPU_FORWARD or CPU_HANDOFF_SIZE_THRESHOLD; false for a flag this backend does not take. */
    @JSExport
    public static boolean setFlag(String name, double value) {
        WebGLBackend b = backend();
        if (b == null) {
            return false;
        }
        switch (name) {
            case "WEBGL_CPU_FORWARD":
                b.setCpuForward(value != 0);
                return true;
            case "CPU_HANDOFF_SIZE_THRESHOLD":
                b.setCpuHandoffSize((int) value);
                return true;
            default:
                return false;
        }
    }

    /** [programs, programs compiled so far, ms spent compiling, textures in use, free textures]. */
    @JSExport
    public static double[] stats() {
        WebGLBackend b = require();
        return new double[] {b.numPrograms(), b.programsCompiled(), b.compileMs(), b.numTextures(),
            b.numTexturesFree()};
    }

    @JSExport
    public static String renderer() {
        return require().renderer();
    }

    @JSExport
    public static void beginCollect() {
        require().beginCollect();
    }

    @JSExport
    public static void endCollect() {
        require().endCollect();
    }

    @JSExport
    public static int pendingCount() {
        return require().pendingCount();
    }

    @JSExport
    public static void compilePending(int i) {
        require().compilePending(i);
    }

    @JSExport
    public static boolean pendingDone(int i) {
        return require().pendingDone(i);
    }

    @JSExport
    public static void clearPending() {
        require().clearPending();
    }

    @JSExport
    public static boolean isContextLost() {
        return require().isContextLost();
    }

    @JSExport
    public static boolean restore() {
        return require().restore();
    }

    @JSExport
    public static JSObject glContext() {
        return require().glContext();
    }

    @JSExport
    public static void releaseFreeTextures() {
        require().releaseFreeTextures();
    }

    /** "Kernel=count" for each kernel that ran on the cpu while webgl was active (see Engine.recordFallback). */
    @JSExport
    public static String[] fallbacks() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, Integer> e : Engine.get().fallbackCounts().entrySet()) {
            out.add(e.getKey() + "=" + e.getValue());
        }
        return out.toArray(new String[0]);
    }

    @JSExport
    public static void resetFallbacks() {
        Engine.get().resetFallbackCounts();
    }
}
