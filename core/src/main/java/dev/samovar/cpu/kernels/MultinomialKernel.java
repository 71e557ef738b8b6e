package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;
import dev.samovar.random.Alea;

/**
 * Multinomial (input logits [batch, numEvents]; attrs {@code numSamples}, {@code seed} (the seed's
 * JavaScript text), {@code normalized}): int32 [batch, numSamples] draws as TF.js's CPU kernel
 * makes them: probabilities (softmax unless normalized) summed into a float32 cdf without the last
 * event, one Alea generator seeded with the seed text for each row, and for each sample the first
 * event whose cdf exceeds the draw (the last event when none does).
 */
final class MultinomialKernel {
    private MultinomialKernel() {
    }

    static void register() {
        KernelRegistry.register("Multinomial", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor logits = inputs[0];
            int numSamples = attrs.getInt("numSamples");
            String seed = attrs.getString("seed");
            boolean normalized = attrs.getBool("normalized", false);
            Tensor probs = normalized ? logits : SoftmaxKernel.run(logits, backend, false)[0];
            float[] p = Cpu.floats(probs);
            int batch = logits.dim(0);
            int numEvents = logits.dim(1);
            int[] out = Cpu.newInts(batch * numSamples);
            float[] cdf = new float[Math.max(numEvents - 1, 0)];
            for (int b = 0; b < batch; b++) {
                int off = b * numEvents;
                if (cdf.length > 0) {
                    cdf[0] = p[off];
                    for (int e = 1; e < cdf.length; e++) {
                        cdf[e] = cdf[e - 1] + p[off + e];
                    }
                }
                Alea random = new Alea(seed);
                int outOff = b * numSamples;
                for (int s = 0; s < numSamples; s++) {
                    double r = random.next();
                    int pick = cdf.length;
                    for (int e = 0; e < cdf.length; e++) {
                        if (r < cdf[e]) {
                            pick = e;
                            break;
                        }
                    }
                    out[outOff + s] = pick;
                }
            }
            if (!normalized) {
                probs.dispose();
            }
            return Cpu.one(Cpu.out(backend, out, new int[] {batch, numSamples}, DType.INT32));
        });
    }
}
