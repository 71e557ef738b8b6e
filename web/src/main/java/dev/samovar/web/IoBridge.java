package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.io.Json;
import dev.samovar.io.ModelFormatException;
import dev.samovar.io.ModelJson;
import dev.samovar.io.ShardSource;
import dev.samovar.io.WeightSpec;
import dev.samovar.io.WeightsCodec;
import dev.samovar.io.WeightsReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The model format for tf.io in the page: the JS side fetches and stores bytes; checking model.json,
 * checking shard sizes against the manifest, decoding (and dequantizing) weights and encoding
 * tensors happen here, in dev.samovar.io (one implementation of the format for the JVM and the page).
 */
public final class IoBridge {
    static {
        TypedArrayBulk.install();
    }

    private IoBridge() {
    }

    /** A list of byte buffers handed from JS to Java (arrays of JS objects do not cross intact). */
    public static final class Buffers {
        final List<byte[]> items = new ArrayList<>();

        @JSExport
        public void add(Int8Array bytes) {
            items.add(bytes.toJavaArray());
        }
    }

    @JSExport
    public static Buffers buffers() {
        return new Buffers();
    }

    /** Checks a parsed-as-text model.json (manifest fields, paths, shapes); throws naming the file and field. */
    @JSExport
    public static void checkModelJson(String text, String fileName) {
        ModelJson.parse(text, fileName);
    }

    /**
     * Checks, before anything is decoded, that the fetched shards hold the bytes the manifest
     * declares. {@code lengthsJson}: {"path": byteLength, ...} of every path fetched (missing ones absent).
     */
    @JSExport
    public static void checkShards(String modelJsonText, String fileName, String lengthsJson) {
        ModelJson mj = ModelJson.parse(modelJsonText, fileName);
        Map<?, ?> lengths = (Map<?, ?>) Json.parse(lengthsJson);
        ShardSource lengthsOnly = new ShardSource() {
            @Override
            public long length(String path) {
                Object v = lengths.get(path);
                return v instanceof Number ? (long) ((Number) v).doubleValue() : -1;
            }

            @Override
            public void read(String path, long position, byte[] dst, int offset, int length) {
                throw new UnsupportedOperationException();
            }
        };
        new WeightsReader(mj.weightsManifest, lengthsOnly, fileName).validate();
    }

    /**
     * TF.js's decodeWeights: the tensors of {@code specsJson} (a JSON array of weight specs) from the
     * buffers laid end to end, in spec order. {@code exact}: the buffers must hold exactly the
     * declared bytes. Nothing is left allocated on error.
     */
    @JSExport
    public static Tensor[] decodeWeights(String specsJson, Buffers data, boolean exact, String where) {
        Object json;
        try {
            json = Json.parse(specsJson);
        } catch (RuntimeException e) {
            throw new ModelFormatException(where + ": weightSpecs: " + e.getMessage());
        }
        List<WeightSpec> specs = WeightsCodec.decodeSpecsFromJson(json, where + ": weightSpecs");
        Map<String, Tensor> m = WeightsCodec.decode(specs, new WeightsCodec.Buffers(data.items), exact, where);
        return m.values().toArray(new Tensor[0]);
    }

    /** TF.js's encodeWeights data: the tensors' bytes concatenated (a view; copy it out). */
    @JSExport
    public static Int8Array encodeWeights(TensorList tensors) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tensors.items().size(); i++) {
            names.add("w" + i);
        }
        WeightsCodec.Encoded e = WeightsCodec.encode(names, tensors.items(), null);
        return Int8Array.fromJavaArray(e.data);
    }

    /** The UTF-8 byte length of a string (TF.js's stringByteLength for ModelArtifactsInfo). */
    @JSExport
    public static int utf8Length(String s) {
        return dev.samovar.io.Utf8.encode(s).length;
    }
}
