// Writes a synthetic Keras 2 HDF5 model of about the given size from seeded random weights:
// a Sequential stack of Dense(2048) layers (16 MiB kernels) and a last Dense(10). Run with the
// converter's jar on the class path (single-file source launch):
//   java -cp converter-cli/target/samovar-convert.jar converter-cli/bench/SyntheticModel.java OUT.h5 [MiB]
// It goes through samovar's own Keras HDF5 writer (the one behind --output_format keras).
import dev.samovar.convert.keras.KerasH5Writer;
import dev.samovar.convert.model.KerasModel;
import dev.samovar.convert.model.LayerWeights;
import dev.samovar.convert.model.Weight;
import dev.samovar.convert.model.WeightData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

public class SyntheticModel {
    public static void main(String[] args) {
        Path out = Path.of(args[0]);
        int mib = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int width = 2048;
        int hidden = Math.max(1, (int) Math.round(mib / (width * (double) width * 4 / (1 << 20))));
        KerasModel m = new KerasModel();
        m.source = "synthetic";
        m.kerasVersion = "2.15.0";
        m.backend = "tensorflow";
        List<Object> layers = new ArrayList<>();
        SplittableRandom seeds = new SplittableRandom(42);
        for (int i = 0; i <= hidden; i++) {
            boolean last = i == hidden;
            String name = "dense_" + (i + 1);
            int units = last ? 10 : width;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", name);
            c.put("trainable", true);
            if (i == 0) {
                c.put("batch_input_shape", java.util.Arrays.asList(null, (double) width));
            }
            c.put("dtype", "float32");
            c.put("units", (double) units);
            c.put("activation", last ? "softmax" : "relu");
            c.put("use_bias", true);
            c.put("kernel_initializer", Map.of("class_name", "GlorotUniform", "config", Map.of()));
            c.put("bias_initializer", Map.of("class_name", "Zeros", "config", Map.of()));
            layers.add(new LinkedHashMap<>(Map.of("class_name", "Dense", "config", c)));
            long seed = seeds.nextLong();
            double limit = Math.sqrt(6.0 / (width + units));
            m.layers.add(new LayerWeights(name, "Dense", i + 1, List.of(
                    new Weight(name + "/kernel", new int[] {width, units}, "float32", random(width * units, limit, seed), "synthetic"),
                    new Weight(name + "/bias", new int[] {units}, "float32", random(units, 0.1, seed + 1), "synthetic"))));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", "synthetic");
        config.put("layers", layers);
        m.modelConfig = new LinkedHashMap<>(Map.of("class_name", "Sequential", "config", config));
        long bytes = KerasH5Writer.write(m, out);
        System.out.println(out + ": " + (hidden + 1) + " Dense layers, " + m.parameterCount() + " parameters, " + bytes + " bytes");
    }

    static WeightData random(int n, double limit, long seed) {
        return new WeightData() {
            @Override
            public float[] floats() {
                SplittableRandom r = new SplittableRandom(seed);
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (float) ((r.nextDouble() * 2 - 1) * limit);
                }
                return v;
            }

            @Override
            public int[] ints() {
                throw new IllegalStateException();
            }
        };
    }
}
