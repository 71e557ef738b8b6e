package dev.samovar.webgl;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** Small JavaScript helpers (TeaVM {@code @JSBody}); on a JVM each throws, which callers treat as "no browser". */
final class Js {
    private Js() {
    }

    @JSBody(script = "return typeof document !== 'undefined' && typeof document.createElement === 'function' "
            + "|| typeof OffscreenCanvas !== 'undefined';")
    static native boolean hasCanvas();

    /** A canvas: a DOM canvas in a page, an OffscreenCanvas in a worker. */
    @JSBody(script = "if (typeof document !== 'undefined' && typeof document.createElement === 'function') {"
            + "  const c = document.createElement('canvas'); c.width = 1; c.height = 1; return c; }"
            + "return new OffscreenCanvas(1, 1);")
    static native JSObject createCanvas();

    /** A WebGL2 context of the canvas, or null. */
    @JSBody(params = "canvas", script = "try { return canvas.getContext('webgl2', {alpha: false, antialias: false, "
            + "premultipliedAlpha: false, preserveDrawingBuffer: false, depth: false, stencil: false, "
            + "failIfMajorPerformanceCaveat: false, powerPreference: 'high-performance'}) || null; } "
            + "catch (e) { return null; }")
    static native Gl getContext(JSObject canvas);

    @JSBody(params = "o", script = "return !!o;")
    static native boolean truthy(JSObject o);

    @JSBody(params = "o", script = "return o == null;")
    static native boolean isNull(JSObject o);

    @JSBody(params = "fmt", script = "return fmt ? fmt.precision : 0;")
    static native int precisionOf(JSObject fmt);

    @JSBody(params = "gl", script = "return String(gl.getParameter(gl.RENDERER)) + ' / ' "
            + "+ String(gl.getParameter(gl.VERSION));")
    static native String renderer(Gl gl);

    @JSBody(params = "message", script = "if (typeof console !== 'undefined') console.warn(message);")
    static native void warn(String message);

    @JSBody(script = "return (typeof performance !== 'undefined' ? performance : Date).now();")
    static native double now();

    @JSBody(params = {"ext"}, script = "return ext.COMPLETION_STATUS_KHR;")
    static native int completionStatus(JSObject ext);

    /** A callback with no arguments. */
    @JSFunctor
    interface Callback extends JSObject {
        void run();
    }

    /** Calls back on the canvas's webglcontextlost (after preventDefault, so it can be restored) and restored events. */
    @JSBody(params = {"canvas", "lost", "restored"}, script = "canvas.addEventListener('webglcontextlost', "
            + "function(e) { e.preventDefault(); lost(); }, false);"
            + "canvas.addEventListener('webglcontextrestored', function() { restored(); }, false);")
    static native void onContextEvents(JSObject canvas, Callback lost, Callback restored);

    /** gl.drawBuffers([COLOR_ATTACHMENT0 .. COLOR_ATTACHMENT0 + n - 1]). */
    @JSBody(params = {"gl", "n"}, script = "var a = []; for (var i = 0; i < n; i++) { a.push(0x8CE0 + i); }"
            + " gl.drawBuffers(a);")
    static native void drawBuffers(Gl gl, int n);

    @JSBody(params = {"callback", "ms"}, script = "setTimeout(callback, ms);")
    static native void setTimeout(Callback callback, int ms);
}
