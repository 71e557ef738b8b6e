package dev.samovar.webgl;

import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBufferView;

/**
 * The part of {@code WebGL2RenderingContext} the backend uses, with the overloads it needs (source
 * and destination offsets into typed arrays, reads into a pixel-pack buffer). A JSO interface: each
 * method calls the JavaScript method of the same name. GL objects are opaque {@link JSObject}s.
 */
public interface Gl extends JSObject {
    int TEXTURE_2D = 0x0DE1;
    int TEXTURE0 = 0x84C0;
    int TEXTURE_MIN_FILTER = 0x2801;
    int TEXTURE_MAG_FILTER = 0x2800;
    int TEXTURE_WRAP_S = 0x2802;
    int TEXTURE_WRAP_T = 0x2803;
    int NEAREST = 0x2600;
    int CLAMP_TO_EDGE = 0x812F;
    int RGBA32F = 0x8814;
    int RGBA32I = 0x8D82;
    int RGBA = 0x1908;
    int RGBA_INTEGER = 0x8D99;
    int FLOAT = 0x1406;
    int INT = 0x1404;
    int FRAMEBUFFER = 0x8D40;
    int COLOR_ATTACHMENT0 = 0x8CE0;
    int FRAMEBUFFER_COMPLETE = 0x8CD5;
    int ARRAY_BUFFER = 0x8892;
    int PIXEL_PACK_BUFFER = 0x88EB;
    int STATIC_DRAW = 0x88E4;
    int STREAM_READ = 0x88E1;
    int TRIANGLE_STRIP = 0x0005;
    int VERTEX_SHADER = 0x8B31;
    int FRAGMENT_SHADER = 0x8B30;
    int COMPILE_STATUS = 0x8B81;
    int LINK_STATUS = 0x8B82;
    int HIGH_FLOAT = 0x8DF2;
    int HIGH_INT = 0x8DF5;
    int MAX_TEXTURE_SIZE = 0x0D33;
    int MAX_TEXTURE_IMAGE_UNITS = 0x8872;
    int SYNC_GPU_COMMANDS_COMPLETE = 0x9117;
    int SYNC_STATUS = 0x9114;
    int SIGNALED = 0x9119;
    int ALREADY_SIGNALED = 0x911A;
    int CONDITION_SATISFIED = 0x911C;
    int WAIT_FAILED = 0x911D;
    int NO_ERROR = 0;
    int UNPACK_ALIGNMENT = 0x0CF5;
    int PACK_ALIGNMENT = 0x0D05;
    int DEPTH_TEST = 0x0B71;
    int STENCIL_TEST = 0x0B90;
    int BLEND = 0x0BE2;
    int DITHER = 0x0BD0;
    int POLYGON_OFFSET_FILL = 0x8037;
    int SAMPLE_COVERAGE = 0x80A0;
    int SCISSOR_TEST = 0x0C11;
    int CULL_FACE = 0x0B44;
    /** KHR_parallel_shader_compile: whether a program finished linking. */
    int COMPLETION_STATUS_KHR = 0x91B1;
    int READ_FRAMEBUFFER = 0x8CA8;
    int DRAW_FRAMEBUFFER = 0x8CA9;
    int COLOR_BUFFER_BIT = 0x4000;
    int MAX_DRAW_BUFFERS = 0x8824;
    int MAX_COLOR_ATTACHMENTS = 0x8CDF;
    int NONE = 0;

    boolean isContextLost();

    JSObject getExtension(String name);

    int getParameter(int pname);

    JSObject getShaderPrecisionFormat(int shaderType, int precisionType);

    int getError();

    void disable(int cap);

    void pixelStorei(int pname, int param);

    JSObject createTexture();

    void deleteTexture(JSObject texture);

    void bindTexture(int target, JSObject texture);

    void activeTexture(int unit);

    void texParameteri(int target, int pname, int param);

    void texStorage2D(int target, int levels, int internalFormat, int width, int height);

    void texSubImage2D(int target, int level, int x, int y, int width, int height, int format, int type,
            ArrayBufferView data, int srcOffset);

    JSObject createFramebuffer();

    void bindFramebuffer(int target, JSObject framebuffer);

    void deleteFramebuffer(JSObject framebuffer);

    void framebufferTexture2D(int target, int attachment, int texTarget, JSObject texture, int level);

    int checkFramebufferStatus(int target);

    JSObject createBuffer();

    void deleteBuffer(JSObject buffer);

    void bindBuffer(int target, JSObject buffer);

    void bufferData(int target, ArrayBufferView data, int usage);

    void bufferData(int target, int size, int usage);

    void getBufferSubData(int target, int srcByteOffset, ArrayBufferView dst, int dstOffset, int length);

    JSObject createVertexArray();

    void bindVertexArray(JSObject vao);

    void enableVertexAttribArray(int index);

    void vertexAttribPointer(int index, int size, int type, boolean normalized, int stride, int offset);

    JSObject createShader(int type);

    void shaderSource(JSObject shader, String source);

    void compileShader(JSObject shader);

    JSObject getShaderParameter(JSObject shader, int pname);

    String getShaderInfoLog(JSObject shader);

    void deleteShader(JSObject shader);

    JSObject createProgram();

    void attachShader(JSObject program, JSObject shader);

    void bindAttribLocation(JSObject program, int index, String name);

    void linkProgram(JSObject program);

    JSObject getProgramParameter(JSObject program, int pname);

    String getProgramInfoLog(JSObject program);

    void deleteProgram(JSObject program);

    void useProgram(JSObject program);

    JSObject getUniformLocation(JSObject program, String name);

    void uniform1i(JSObject location, int v);

    void uniform1f(JSObject location, double v);

    void uniform2f(JSObject location, double x, double y);

    void viewport(int x, int y, int width, int height);

    void drawArrays(int mode, int first, int count);

    void readBuffer(int src);

    void blitFramebuffer(int srcX0, int srcY0, int srcX1, int srcY1, int dstX0, int dstY0, int dstX1, int dstY1,
            int mask, int filter);

    void readPixels(int x, int y, int width, int height, int format, int type, ArrayBufferView dst, int dstOffset);

    /** Into the bound PIXEL_PACK_BUFFER at a byte offset. */
    void readPixels(int x, int y, int width, int height, int format, int type, int offset);

    JSObject fenceSync(int condition, int flags);

    int clientWaitSync(JSObject sync, int flags, int timeout);

    int getSyncParameter(JSObject sync, int pname);

    void deleteSync(JSObject sync);

    void flush();

    void finish();
}
