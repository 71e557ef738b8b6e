package dev.samovar.tests.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.graph.GraphModel;
import dev.samovar.ops.Creation;
import dev.samovar.tests.ops.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Conv3D, MaxPool3D, AvgPool3D, Dilation2D and MaxPoolWithArgmax in a graph model: the synthetic
 * model of tests/fixtures/gen-graph-volume-fixtures.mjs gives TF.js 4.22's graph-executor outputs
 * (attributes as the converter writes them: NDHWC five-tuples, upper-case padding, rates).
 */
class GraphVolumeOpsTest {
    @Test
    void volumeOpsMatchTfjs() throws Exception {
        Path dir = Fixtures.root().resolve("tests/src/test/resources/fixtures/graph-volume");
        JsonObject expected = JsonParser.parseString(Files.readString(dir.resolve("expected.json"))).getAsJsonObject();
        GraphModel m = GraphModel.load(Files.readString(dir.resolve("model.json")), Corpus.folder(dir), "model.json");
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : expected.getAsJsonObject("inputs").entrySet()) {
            JsonObject in = e.getValue().getAsJsonObject();
            feeds.put(e.getKey(), Creation.tensor(floats(in.getAsJsonArray("data")), ints(in.getAsJsonArray("shape"))));
        }
        JsonArray outs = expected.getAsJsonArray("outputs");
        List<String> names = new ArrayList<>();
        for (JsonElement o : outs) {
            names.add(o.getAsJsonObject().get("name").getAsString());
        }
        int before = Engine.get().numTensors();
        Tensor[] results = m.execute(feeds, names);
        try {
            assertEquals(before + names.size(), Engine.get().numTensors(), "only the outputs are left");
            for (int i = 0; i < outs.size(); i++) {
                JsonObject o = outs.get(i).getAsJsonObject();
                String name = names.get(i);
                assertArrayEquals(ints(o.getAsJsonArray("shape")), results[i].shape(), name + ": shape");
                assertEquals(o.get("dtype").getAsString(), results[i].dtype().toString(), name + ": dtype");
                float[] want = floats(o.getAsJsonArray("data"));
                float[] got = results[i].dataSync();
                for (int k = 0; k < want.length; k++) {
                    assertEquals(want[k], got[k], Math.abs(want[k]) * 1e-6, name + "[" + k + "]");
                }
            }
        } finally {
            for (Tensor t : results) {
                t.dispose();
            }
            for (Tensor t : feeds.values()) {
                t.dispose();
            }
            m.dispose();
        }
    }

    private static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    private static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }
}
