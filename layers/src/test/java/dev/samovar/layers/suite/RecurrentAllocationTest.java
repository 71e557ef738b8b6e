package dev.samovar.layers.suite;

import com.google.gson.JsonObject;
import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.Layer;
import dev.samovar.ops.Creation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Tensors made by one forward call of recurrent layers, against TF.js 4.22's count for the same
 * call (the fixture's {@code allocations}, from recurrent-cases.js's measureAllocations): tensor
 * ids are consecutive in both, so the difference of two probe ids counts the tensors made. A step
 * must not make more tensors than a TF.js step; the intermediate ones are disposed by the step's
 * tidy (checked by the suite's tensor counts).
 */
class RecurrentAllocationTest {
    static final Object[][] CASES = {
        {"simpleRNN", "simpleRNN", "{\"units\": 3}", new int[] {2, 4, 3}, null, 8},
        {"lstm", "lstm", "{\"units\": 3}", new int[] {2, 4, 3}, null, 8},
        {"lstm 8 steps", "lstm", "{\"units\": 3}", new int[] {2, 8, 3}, null, 16},
        {"lstm returnSequences", "lstm", "{\"units\": 3, \"returnSequences\": true}", new int[] {2, 4, 3}, null, 8},
        {"lstm mask", "lstm", "{\"units\": 3}", new int[] {2, 4, 3}, new int[] {2, 4}, 8},
        {"gru", "gru", "{\"units\": 3}", new int[] {2, 4, 3}, null, 12},
        {"bidirectional lstm", "bidirectional", "{\"layer\": {\"$layer\": \"lstm\", \"args\": {\"units\": 3}}}",
            new int[] {2, 4, 3}, null, 16},
        {"timeDistributed dense", "timeDistributed", "{\"layer\": {\"$layer\": \"dense\", \"args\": {\"units\": 3}}}",
            new int[] {2, 4, 3}, null, 4},
    };

    static int probe() {
        Tensor t = Creation.scalar(0f);
        int id = t.id();
        t.dispose();
        return id;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aForwardCallMakesNoMoreTensorsThanTfjs() {
        JsonObject expected = LayerFixture.load("recurrent.json").getAsJsonObject("allocations");
        List<String> report = new ArrayList<>();
        // core's fused matMul (not a recurrent-layer matter) may make a different number of
        // tensors than TF.js's: measured here and allowed for each matMul a case runs
        Tensor ma = Creation.ones(2, 3);
        Tensor mk = dev.samovar.core.Engine.get().makeVariable(Creation.ones(3, 3), true, null,
                dev.samovar.core.DType.FLOAT32);
        int p0 = probe();
        dev.samovar.ops.Fused.matMul(ma, mk, false, false, null, "linear", null, 0.2).dispose();
        int matMulExtra = (probe() - p0 - 1) - expected.get("fused matMul").getAsInt();
        ma.dispose();
        mk.dispose();
        report.add("fused matMul: samovar makes " + matMulExtra + " tensor(s) more than TF.js");
        for (Object[] c : CASES) {
            String name = (String) c[0];
            Map<String, Object> args = (Map<String, Object>) dev.samovar.io.Json.parse((String) c[2]);
            Layer layer = JvmRecurrentSuiteTest.makeLayer((String) c[1], args);
            Tensor x = Creation.ones((int[]) c[3]);
            Tensor mask = c[4] == null ? null : Creation.ones((int[]) c[4]);
            Map<String, Object> kw = null;
            if (mask != null) {
                kw = new LinkedHashMap<>();
                kw.put("mask", mask);
            }
            layer.applyTensors(List.of(x), kw).forEach(Tensor::dispose);
            int a = probe();
            List<Tensor> y = layer.applyTensors(List.of(x), kw);
            int b = probe();
            int made = b - a - 1;
            int tfjs = expected.get(name).getAsInt() + (Integer) c[5] * matMulExtra;
            report.add(name + ": samovar " + made + ", TF.js " + expected.get(name).getAsInt());
            y.forEach(Tensor::dispose);
            x.dispose();
            if (mask != null) {
                mask.dispose();
            }
            layer.dispose();
            Assertions.assertTrue(made <= tfjs, name + ": " + made + " tensors made, TF.js makes " + tfjs
                    + " (with the fused matMul difference)");
        }
        System.out.println(String.join("\n", report));
    }
}
