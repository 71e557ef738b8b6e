package dev.samovar.webgl;

import java.util.HashMap;
import java.util.Map;
import org.teavm.jso.JSObject;

/** A linked program and its uniform locations, looked up once per name. */
final class CompiledProgram {
    final JSObject handle;
    final String source;
    final int generation;
    private final Map<String, JSObject> locations = new HashMap<>();
    private boolean checked;

    CompiledProgram(JSObject handle, String source, int generation) {
        this.handle = handle;
        this.source = source;
        this.generation = generation;
    }

    /** Throws the compile log if the program did not link (once: a background compile is checked on first use). */
    void ensureLinked(GpuContext ctx) {
        if (!checked) {
            ctx.checkLinked(handle, null, source);
            checked = true;
        }
    }

    /** The location of a uniform, or null when the program does not use it. */
    JSObject location(Gl gl, String name) {
        JSObject loc = locations.get(name);
        if (loc == null && !locations.containsKey(name)) {
            loc = gl.getUniformLocation(handle, name);
            if (Js.isNull(loc)) {
                loc = null;
            }
            locations.put(name, loc);
        }
        return loc;
    }
}
