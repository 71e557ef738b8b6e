package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.graph.GraphModel;
import dev.samovar.io.Json;
import dev.samovar.io.MemoryShards;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * tf.loadGraphModel's Java side: the JS API fetches model.json and the shards (or asks an
 * IOHandler), hands the bytes over, and runs the model through these exports.
 */
public final class GraphModelBridge {
    static {
        TypedArrayBulk.install();
    }

    private GraphModelBridge() {
    }

    @JSExport
    public static MemoryShards shards() {
        return new MemoryShards();
    }

    @JSExport
    public static void putShard(MemoryShards shards, String path, Int8Array bytes) {
        shards.put(path, bytes.copyToJavaArray());
    }

    @JSExport
    public static GraphModel load(String modelJson, MemoryShards shards, String fileName) {
        return GraphModel.load(modelJson, shards, fileName);
    }

    /** inputNodes, outputNodes, inputs, outputs, weightNames, structuredOutputKeys as one JSON text. */
    @JSExport
    public static String info(GraphModel m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("inputNodes", m.inputNodes());
        o.put("outputNodes", m.outputNodes());
        o.put("inputs", describe(m.inputInfo()));
        o.put("outputs", describe(m.outputInfo()));
        o.put("weightNames", new ArrayList<>(m.weights().keySet()));
        o.put("structuredOutputKeys", m.structuredOutputKeys());
        return Json.stringify(o);
    }

    private static List<Object> describe(List<Object[]> info) {
        List<Object> out = new ArrayList<>();
        for (Object[] i : info) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", i[0]);
            if (i[1] != null) {
                List<Object> shape = new ArrayList<>();
                for (int v : (int[]) i[1]) {
                    shape.add((double) v);
                }
                d.put("shape", shape);
            }
            if (i[2] != null) {
                d.put("dtype", i[2]);
            }
            out.add(d);
        }
        return out;
    }

    @JSExport
    public static Tensor[] weights(GraphModel m) {
        return m.weights().values().toArray(new Tensor[0]);
    }

    /**
     * Runs the model. {@code names} holds one input name per tensor of {@code inputs} and
     * {@code outputs} the output names, each joined with newlines.
     */
    @JSExport
    public static Tensor[] execute(GraphModel m, String names, TensorList inputs, String outputs, boolean async) {
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        Tensor[] in = inputs.toArray();
        List<String> n = split(names);
        for (int i = 0; i < in.length; i++) {
            feeds.put(n.get(i), in[i]);
        }
        List<String> outs = split(outputs);
        return async ? m.executeAsync(feeds, outs) : m.execute(feeds, outs);
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(joined.split("\n", -1)));
    }

    @JSExport
    public static void setMemoryPlan(GraphModel m, boolean on) {
        m.setMemoryPlan(on);
    }

    @JSExport
    public static double peakIntermediateBytes(GraphModel m) {
        return m.peakIntermediateBytes();
    }

    @JSExport
    public static void dispose(GraphModel m) {
        m.dispose();
    }
}
