package dev.samovar.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightsFormatTest {
    private static float[] ramp(int n, float start) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = start + i * 0.5f;
        }
        return v;
    }

    @Test
    void shardsAreCutEveryShardSizeBytesAndWeightsSpanThem() {
        List<WeightSpec> specs = List.of(new WeightSpec("a/kernel", new int[] {3, 5}, "float32"),
                new WeightSpec("a/bias", new int[] {5}, "float32"), new WeightSpec("b/table", new int[] {7}, "int32"));
        MemoryShards shards = new MemoryShards();
        WeightsWriter w = new WeightsWriter(1, specs, 32, shards);
        assertEquals(List.of("group1-shard1of4.bin", "group1-shard2of4.bin", "group1-shard3of4.bin",
                "group1-shard4of4.bin"), w.paths());
        float[] kernel = ramp(15, -3);
        // hand the kernel over in odd pieces
        byte[] kb = LittleEndian.fromFloats(kernel);
        w.beginWeight(specs.get(0));
        w.write(kb, 0, 7);
        w.write(kb, 7, 30);
        w.write(kb, 37, kb.length - 37);
        w.endWeight();
        w.writeWeight(specs.get(1), LittleEndian.fromFloats(ramp(5, 10)));
        w.writeWeight(specs.get(2), LittleEndian.fromInts(new int[] {1, -2, 3, -4, 5, -6, 7}));
        WeightGroup g = w.finish();
        assertEquals(32, shards.get("group1-shard1of4.bin").length);
        assertEquals(32, shards.get("group1-shard3of4.bin").length);
        assertEquals(15 * 4 + 5 * 4 + 7 * 4 - 96, shards.get("group1-shard4of4.bin").length);

        WeightsReader r = new WeightsReader(List.of(g), shards, "model.json");
        List<Object[]> all = r.readAll();
        assertArrayEquals(kernel, (float[]) all.get(0)[1]);
        assertArrayEquals(ramp(5, 10), (float[]) all.get(1)[1]);
        assertArrayEquals(new int[] {1, -2, 3, -4, 5, -6, 7}, (int[]) all.get(2)[1]);
    }

    @Test
    void writerRejectsWrongOrderAndWrongSizes() {
        List<WeightSpec> specs = List.of(new WeightSpec("x", new int[] {2}, "float32"),
                new WeightSpec("y", new int[] {1}, "float32"));
        WeightsWriter w = new WeightsWriter(1, specs, 1 << 20, new MemoryShards());
        assertThrows(IllegalStateException.class, () -> w.beginWeight(specs.get(1)));
        w.beginWeight(specs.get(0));
        assertThrows(IllegalStateException.class, () -> w.write(new byte[12], 0, 12));
        w.write(new byte[4], 0, 4);
        assertThrows(IllegalStateException.class, w::endWeight);
    }

    @Test
    void emptyGroupHasNoShards() {
        WeightsWriter w = new WeightsWriter(1, List.of(), 4 << 20, new MemoryShards());
        assertEquals(List.of(), w.finish().paths);
    }

    @Test
    void modelJsonRoundTripsInConverterKeyOrder() {
        String text = "{\"format\":\"layers-model\",\"generatedBy\":\"keras v2.1.3\",\"convertedBy\":\"x\","
                + "\"userDefinedMetadata\":{\"a\":1},\"modelTopology\":{\"model_config\":{\"class_name\":\"Sequential\"}},"
                + "\"weightsManifest\":[{\"paths\":[\"group1-shard1of1.bin\"],\"weights\":[{\"name\":\"d/kernel\","
                + "\"shape\":[2,3],\"dtype\":\"float32\",\"quantization\":{\"dtype\":\"uint8\",\"min\":-1,\"scale\":0.5,"
                + "\"original_dtype\":\"float32\"}},{\"name\":\"d/bias\",\"shape\":[3],\"dtype\":\"float32\",\"group\":\"model\"}]}],"
                + "\"signature\":{\"x\":1}}";
        ModelJson m = ModelJson.parse(text, "model.json");
        assertEquals(text, m.stringify());
        assertEquals("Sequential", m.modelConfig().get("class_name"));
        assertEquals(6 + 12, m.weightsManifest.get(0).byteLength());
    }

    private static String manifest(String weights, String paths) {
        return "{\"format\":\"layers-model\",\"modelTopology\":{},\"weightsManifest\":[{\"paths\":" + paths
                + ",\"weights\":" + weights + "}]}";
    }

    private static String error(String text) {
        return assertThrows(ModelFormatException.class, () -> ModelJson.parse(text, "m/model.json")).getMessage();
    }

    @Test
    void errorsNameTheFileAndTheField() {
        assertEquals("m/model.json: Malformed JSON at line 1, column 12: expected ',' or '}' but found ']'",
                error("{\"format\":1]"));
        assertEquals("m/model.json: format: expected a string but found 1", error("{\"format\":1}"));
        assertEquals("m/model.json: weightsManifest[0].weights[0] ('k').shape[1]: expected a dimension (an integer >= 0) "
                + "but found -3", error(manifest("[{\"name\":\"k\",\"shape\":[2,-3],\"dtype\":\"float32\"}]", "[\"a.bin\"]")));
        assertTrue(error(manifest("[{\"name\":\"k\",\"shape\":[100000,100000],\"dtype\":\"float32\"}]", "[\"a.bin\"]"))
                .startsWith("m/model.json: weightsManifest[0].weights[0] ('k').shape: [100000,100000] declares more than"));
        assertEquals("m/model.json: weightsManifest[0].weights[0] ('k').dtype: expected float32, int32, bool, string or "
                + "complex64 but found \"float64\"",
                error(manifest("[{\"name\":\"k\",\"shape\":[1],\"dtype\":\"float64\"}]", "[\"a.bin\"]")));
        assertEquals("m/model.json: weightsManifest[0].paths[0]: the shard path \"../../etc/passwd\" has a '..' segment "
                + "(it would leave the model's folder)",
                error(manifest("[]", "[\"../../etc/passwd\"]")));
        assertEquals("m/model.json: weightsManifest[0].paths[0]: the shard path \"/abs/x.bin\" is absolute",
                error(manifest("[]", "[\"/abs/x.bin\"]")));
        assertEquals("m/model.json: weightsManifest[0].weights[0] ('k').quantization.scale: expected a finite number but "
                + "found nothing (null or missing)", error(manifest("[{\"name\":\"k\",\"shape\":[1],\"dtype\":\"float32\","
                        + "\"quantization\":{\"dtype\":\"uint8\",\"min\":0}}]", "[\"a.bin\"]")));
        assertEquals("m/model.json: weightsManifest[0].weights[1].name: the weight name 'k' is already used by "
                + "weightsManifest[0].weights[0]", error(manifest("[{\"name\":\"k\",\"shape\":[1],\"dtype\":\"float32\"},"
                        + "{\"name\":\"k\",\"shape\":[1],\"dtype\":\"float32\"}]", "[\"a.bin\"]")));
    }

    @Test
    void shardsThatDoNotMatchTheShapesAreReported() {
        ModelJson m = ModelJson.parse(manifest("[{\"name\":\"k\",\"shape\":[2,3],\"dtype\":\"float32\"}]",
                "[\"group1-shard1of2.bin\",\"group1-shard2of2.bin\"]"), "model.json");
        MemoryShards shards = new MemoryShards();
        shards.put("group1-shard1of2.bin", new byte[16]);
        String missing = assertThrows(ModelFormatException.class,
                () -> new WeightsReader(m.weightsManifest, shards, "model.json").validate()).getMessage();
        assertEquals("model.json: weightsManifest[0].paths[1]: the shard file 'group1-shard2of2.bin' is missing", missing);
        shards.put("group1-shard2of2.bin", new byte[4]);
        String shortBy = assertThrows(ModelFormatException.class,
                () -> new WeightsReader(m.weightsManifest, shards, "model.json").validate()).getMessage();
        assertEquals("model.json: weightsManifest[0]: the weights' shapes and dtypes declare 24 bytes but the shards hold "
                + "20 bytes (group1-shard1of2.bin: 16, group1-shard2of2.bin: 4): a shard is truncated or missing from paths",
                shortBy);
    }

    @Test
    void quantizedWeightsAreReadBackDequantized() {
        float[] v = ramp(300, -20);
        Quantization.Quantized q = Quantization.quantize(v, "uint16");
        WeightSpec spec = new WeightSpec("w", new int[] {300}, "float32", q.quantization, null);
        MemoryShards shards = new MemoryShards();
        WeightsWriter w = new WeightsWriter(2, List.of(spec), 100, shards);
        w.writeWeight(spec, q.bytes);
        WeightGroup g = w.finish();
        assertEquals(6, g.paths.size());
        assertEquals("group2-shard6of6.bin", g.paths.get(5));
        List<Object[]> back = new WeightsReader(List.of(g), shards, "model.json").readAll();
        float[] got = (float[]) back.get(0)[1];
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i], got[i], q.quantization.scale / 2 + 1e-6);
        }
    }

    @Test
    void stringWeightsAreLengthPrefixedUtf8() {
        String[] words = {"", "héllo", "日本"};
        List<byte[]> parts = new ArrayList<>();
        int n = 0;
        for (String s : words) {
            byte[] b = Utf8.encode(s);
            byte[] p = new byte[4 + b.length];
            LittleEndian.putInt(b.length, p, 0);
            System.arraycopy(b, 0, p, 4, b.length);
            parts.add(p);
            n += p.length;
        }
        byte[] all = new byte[n + 4];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, off, p.length);
            off += p.length;
        }
        LittleEndian.putInt(42, all, off);
        MemoryShards shards = new MemoryShards();
        shards.put("s.bin", all);
        WeightGroup g = new WeightGroup(List.of("s.bin"), List.of(new WeightSpec("s", new int[] {3}, "string"),
                new WeightSpec("i", new int[] {1}, "int32")));
        List<Object[]> back = new WeightsReader(List.of(g), shards, "model.json").readAll();
        assertArrayEquals(words, (String[]) back.get(0)[1]);
        assertArrayEquals(new int[] {42}, (int[]) back.get(1)[1]);
    }
}
