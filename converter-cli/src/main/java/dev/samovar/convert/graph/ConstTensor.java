package dev.samovar.convert.graph;

import com.google.protobuf.ByteString;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * The value of a Const node (or a checkpoint variable) as TF.js stores it: float32 (float, half,
 * double, bfloat16), int32 (all integer types, int64 narrowed as tensorflowjs_converter does) or
 * bool, with its shape.
 */
public final class ConstTensor {
    /** "float32", "int32" or "bool". */
    public final String dtype;
    public final int[] shape;
    /** float32 values, or null. */
    public final float[] f;
    /** int32 / bool (0/1) values, or null. */
    public final int[] i;

    public ConstTensor(String dtype, int[] shape, float[] f, int[] i) {
        this.dtype = dtype;
        this.shape = shape;
        this.f = f;
        this.i = i;
    }

    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    public DataType tfType() {
        return dtype.equals("float32") ? DataType.DT_FLOAT : dtype.equals("int32") ? DataType.DT_INT32 : DataType.DT_BOOL;
    }

    /** A Samovar tensor of these values. */
    public Tensor toTensor() {
        return f != null ? Engine.get().makeTensor(f.clone(), shape.clone(), DType.FLOAT32)
                : Engine.get().makeTensor(i.clone(), shape.clone(), DType.of(dtype));
    }

    public static ConstTensor of(Tensor t) {
        Object v = t.data();
        return v instanceof float[] ? new ConstTensor("float32", t.shape(), (float[]) v, null)
                : new ConstTensor(t.dtype().jsName(), t.shape(), null, (int[]) v);
    }

    /** Little-endian bytes as TF.js weights hold them. */
    public byte[] bytes() {
        if (dtype.equals("bool")) {
            byte[] b = new byte[i.length];
            for (int k = 0; k < i.length; k++) {
                b[k] = (byte) (i[k] != 0 ? 1 : 0);
            }
            return b;
        }
        ByteBuffer bb = ByteBuffer.allocate(size() * 4).order(ByteOrder.LITTLE_ENDIAN);
        if (f != null) {
            for (float x : f) {
                bb.putFloat(x);
            }
        } else {
            for (int x : i) {
                bb.putInt(x);
            }
        }
        return bb.array();
    }

    static int[] shapeOf(TensorShapeProto s) {
        int[] out = new int[s.getDimCount()];
        for (int k = 0; k < out.length; k++) {
            out[k] = (int) s.getDim(k).getSize();
        }
        return out;
    }

    /** TF.js's dtype of a TensorFlow dtype, or null when TF.js has none (string, complex, resource). */
    public static String jsDtype(DataType t) {
        switch (t) {
            case DT_FLOAT:
            case DT_DOUBLE:
            case DT_HALF:
            case DT_BFLOAT16:
                return "float32";
            case DT_INT32:
            case DT_INT64:
            case DT_INT16:
            case DT_INT8:
            case DT_UINT8:
            case DT_UINT16:
            case DT_UINT32:
            case DT_UINT64:
                return "int32";
            case DT_BOOL:
                return "bool";
            default:
                return null;
        }
    }

    /** Decodes a TensorProto (tensor_content or the typed value lists, a short list repeating its last value). */
    public static ConstTensor fromProto(TensorProto p, String where) {
        DataType t = p.getDtype();
        String js = jsDtype(t);
        if (js == null) {
            throw new IllegalArgumentException(where + ": tensors of dtype " + t + " are not supported");
        }
        int[] shape = shapeOf(p.getTensorShape());
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        ByteString content = p.getTensorContent();
        if (!content.isEmpty()) {
            return fromBytes(t, shape, content.toByteArray(), where);
        }
        if (js.equals("float32")) {
            float[] out = new float[n];
            int count;
            switch (t) {
                case DT_DOUBLE:
                    count = p.getDoubleValCount();
                    for (int k = 0; k < n && count > 0; k++) {
                        out[k] = (float) p.getDoubleVal(Math.min(k, count - 1));
                    }
                    break;
                case DT_HALF:
                case DT_BFLOAT16:
                    count = p.getHalfValCount();
                    for (int k = 0; k < n && count > 0; k++) {
                        int h = p.getHalfVal(Math.min(k, count - 1));
                        out[k] = t == DataType.DT_HALF ? halfToFloat(h) : Float.intBitsToFloat(h << 16);
                    }
                    break;
                default:
                    count = p.getFloatValCount();
                    for (int k = 0; k < n && count > 0; k++) {
                        out[k] = p.getFloatVal(Math.min(k, count - 1));
                    }
            }
            return new ConstTensor(js, shape, out, null);
        }
        int[] out = new int[n];
        int count;
        if (t == DataType.DT_INT64) {
            count = p.getInt64ValCount();
            for (int k = 0; k < n && count > 0; k++) {
                out[k] = (int) p.getInt64Val(Math.min(k, count - 1));
            }
        } else if (t == DataType.DT_BOOL) {
            count = p.getBoolValCount();
            for (int k = 0; k < n && count > 0; k++) {
                out[k] = p.getBoolVal(Math.min(k, count - 1)) ? 1 : 0;
            }
        } else if (t == DataType.DT_UINT32 || t == DataType.DT_UINT64) {
            count = t == DataType.DT_UINT32 ? p.getUint32ValCount() : p.getUint64ValCount();
            for (int k = 0; k < n && count > 0; k++) {
                out[k] = t == DataType.DT_UINT32 ? p.getUint32Val(Math.min(k, count - 1))
                        : (int) p.getUint64Val(Math.min(k, count - 1));
            }
        } else {
            count = p.getIntValCount();
            for (int k = 0; k < n && count > 0; k++) {
                out[k] = p.getIntVal(Math.min(k, count - 1));
            }
        }
        return new ConstTensor(js, shape, null, out);
    }

    /** Raw little-endian bytes of a TensorFlow dtype (tensor_content, or a checkpoint's data). */
    public static ConstTensor fromBytes(DataType t, int[] shape, byte[] b, String where) {
        String js = jsDtype(t);
        if (js == null) {
            throw new IllegalArgumentException(where + ": tensors of dtype " + t + " are not supported");
        }
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int width = width(t);
        if ((long) n * width != b.length) {
            throw new IllegalArgumentException(where + ": " + b.length + " bytes for " + n + " values of " + t
                    + " (expected " + ((long) n * width) + ")");
        }
        if (js.equals("float32")) {
            float[] out = new float[n];
            for (int k = 0; k < n; k++) {
                switch (t) {
                    case DT_DOUBLE:
                        out[k] = (float) bb.getDouble(k * 8);
                        break;
                    case DT_HALF:
                        out[k] = halfToFloat(bb.getShort(k * 2) & 0xffff);
                        break;
                    case DT_BFLOAT16:
                        out[k] = Float.intBitsToFloat((bb.getShort(k * 2) & 0xffff) << 16);
                        break;
                    default:
                        out[k] = bb.getFloat(k * 4);
                }
            }
            return new ConstTensor(js, shape, out, null);
        }
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            switch (width) {
                case 8:
                    out[k] = (int) bb.getLong(k * 8);
                    break;
                case 2:
                    out[k] = t == DataType.DT_INT16 ? bb.getShort(k * 2) : bb.getShort(k * 2) & 0xffff;
                    break;
                case 1:
                    out[k] = t == DataType.DT_INT8 ? b[k] : t == DataType.DT_BOOL ? (b[k] != 0 ? 1 : 0) : b[k] & 0xff;
                    break;
                default:
                    out[k] = bb.getInt(k * 4);
            }
        }
        return new ConstTensor(js, shape, null, out);
    }

    static int width(DataType t) {
        switch (t) {
            case DT_DOUBLE:
            case DT_INT64:
            case DT_UINT64:
                return 8;
            case DT_HALF:
            case DT_BFLOAT16:
            case DT_INT16:
            case DT_UINT16:
                return 2;
            case DT_INT8:
            case DT_UINT8:
            case DT_BOOL:
                return 1;
            default:
                return 4;
        }
    }

    static float halfToFloat(int h) {
        int s = (h >> 15) & 1;
        int e = (h >> 10) & 0x1f;
        int m = h & 0x3ff;
        float v;
        if (e == 0) {
            v = (float) (m * Math.pow(2, -24));
        } else if (e == 31) {
            v = m == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            v = (float) ((1 + m / 1024.0) * Math.pow(2, e - 15));
        }
        return s == 1 ? -v : v;
    }
}
