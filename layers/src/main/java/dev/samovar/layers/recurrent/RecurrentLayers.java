package dev.samovar.layers.recurrent;

import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerProvider;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.ClassRegistry;

/**
 * The recurrent and sequence layers by Keras class name (TF.js's layers/recurrent.js,
 * wrappers.js, embeddings.js and core.js's Masking); found through ServiceLoader.
 */
public final class RecurrentLayers implements LayerProvider {
    @Override
    public void registerLayers(ClassRegistry<Layer> registry) {
        registry.register("RNN", (c, ctx) -> new RNN(new Args(c), ctx));
        registry.register("SimpleRNN", (c, ctx) -> new SimpleRNN(new Args(c)));
        registry.register("GRU", (c, ctx) -> new GRU(new Args(c)));
        registry.register("LSTM", (c, ctx) -> new LSTM(new Args(c)));
        registry.register("SimpleRNNCell", (c, ctx) -> new SimpleRNNCell(new Args(c)));
        registry.register("GRUCell", (c, ctx) -> new GRUCell(new Args(c)));
        registry.register("LSTMCell", (c, ctx) -> new LSTMCell(new Args(c)));
        registry.register("StackedRNNCells", (c, ctx) -> new StackedRNNCells(new Args(c), ctx));
        registry.register("Bidirectional", (c, ctx) -> new Bidirectional(new Args(c), ctx));
        registry.register("TimeDistributed", (c, ctx) -> new TimeDistributed(new Args(c), ctx));
        registry.register("Embedding", (c, ctx) -> new Embedding(new Args(c)));
        registry.register("Masking", (c, ctx) -> new Masking(new Args(c)));
        registry.register("ConvLSTM2D", (c, ctx) -> new ConvLSTM2D(new Args(c)));
        registry.register("ConvLSTM2DCell", (c, ctx) -> new ConvLSTM2DCell(new Args(c)));
    }
}
