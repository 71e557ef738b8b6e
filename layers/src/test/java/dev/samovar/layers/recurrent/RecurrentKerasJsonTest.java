package dev.samovar.layers.recurrent;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.Models;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.engine.Sequential;
import dev.samovar.layers.serialization.Args;
import dev.samovar.ops.Creation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Keras JSON (snake_case, as Keras 2 writes it) with recurrent layers: class names, the TF.js
 * weight order and names (what model files key the weights by), Keras 2's GRU reset_after, a
 * toJSON round trip, and dropout that only acts in training.
 */
class RecurrentKerasJsonTest {
    static final String KERAS_JSON = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"seq\", \"layers\": ["
            + "{\"class_name\": \"Embedding\", \"config\": {\"name\": \"emb\", \"trainable\": true, "
            + "\"batch_input_shape\": [null, 6], \"dtype\": \"float32\", \"input_dim\": 10, \"output_dim\": 4, "
            + "\"embeddings_initializer\": {\"class_name\": \"RandomUniform\", \"config\": {\"minval\": -0.05, "
            + "\"maxval\": 0.05, \"seed\": null}}, \"embeddings_regularizer\": null, \"activity_regularizer\": null, "
            + "\"embeddings_constraint\": null, \"mask_zero\": true, \"input_length\": 6}}, "
            + "{\"class_name\": \"Bidirectional\", \"config\": {\"name\": \"bi\", \"trainable\": true, "
            + "\"layer\": {\"class_name\": \"GRU\", \"config\": {\"name\": \"gru_1\", \"trainable\": true, "
            + "\"return_sequences\": true, \"return_state\": false, \"go_backwards\": false, \"stateful\": false, "
            + "\"unroll\": false, \"units\": 3, \"activation\": \"tanh\", \"recurrent_activation\": \"sigmoid\", "
            + "\"use_bias\": true, \"kernel_initializer\": {\"class_name\": \"GlorotUniform\", \"config\": "
            + "{\"seed\": null}}, \"recurrent_initializer\": {\"class_name\": \"Orthogonal\", \"config\": "
            + "{\"gain\": 1.0, \"seed\": null}}, \"bias_initializer\": {\"class_name\": \"Zeros\", \"config\": {}}, "
            + "\"kernel_regularizer\": null, \"recurrent_regularizer\": null, \"bias_regularizer\": null, "
            + "\"activity_regularizer\": null, \"kernel_constraint\": null, \"recurrent_constraint\": null, "
            + "\"bias_constraint\": null, \"dropout\": 0.0, \"recurrent_dropout\": 0.0, \"implementation\": 2, "
            + "\"reset_after\": true}}, \"merge_mode\": \"concat\"}}, "
            + "{\"class_name\": \"TimeDistributed\", \"config\": {\"name\": \"td\", \"trainable\": true, "
            + "\"layer\": {\"class_name\": \"Dense\", \"config\": {\"name\": \"dense_1\", \"trainable\": true, "
            + "\"units\": 2, \"activation\": \"linear\", \"use_bias\": true, \"kernel_initializer\": "
            + "{\"class_name\": \"GlorotUniform\", \"config\": {\"seed\": null}}, \"bias_initializer\": "
            + "{\"class_name\": \"Zeros\", \"config\": {}}, \"kernel_regularizer\": null, \"bias_regularizer\": "
            + "null, \"activity_regularizer\": null, \"kernel_constraint\": null, \"bias_constraint\": null}}}}, "
            + "{\"class_name\": \"LSTM\", \"config\": {\"name\": \"lstm_1\", \"units\": 2, "
            + "\"recurrent_activation\": \"hard_sigmoid\", \"unit_forget_bias\": true, \"implementation\": 1}}"
            + "]}, \"keras_version\": \"2.4.0\", \"backend\": \"tensorflow\"}";

    @Test
    void kerasJsonWithRecurrentLayersDeserializesWithTfjsWeightNamesAndOrder() {
        Sequential model = (Sequential) Models.modelFromJson(KERAS_JSON);
        List<String> classes = new ArrayList<>();
        for (Layer l : model.layers()) {
            classes.add(l.getClassName());
        }
        Assertions.assertEquals(List.of("Embedding", "Bidirectional", "TimeDistributed", "LSTM"), classes);
        List<String> names = new ArrayList<>();
        List<String> shapes = new ArrayList<>();
        for (LayerVariable w : model.weights()) {
            names.add(w.originalName());
            shapes.add(java.util.Arrays.toString(w.shape()));
        }
        Assertions.assertEquals(List.of("emb/embeddings", "bi/forward_gru_1/kernel", "bi/forward_gru_1/recurrent_kernel",
                "bi/forward_gru_1/bias", "bi/backward_gru_1/kernel", "bi/backward_gru_1/recurrent_kernel",
                "bi/backward_gru_1/bias", "td/kernel", "td/bias", "lstm_1/kernel", "lstm_1/recurrent_kernel",
                "lstm_1/bias"), names);
        Assertions.assertEquals(List.of("[10, 4]", "[4, 9]", "[3, 9]", "[2, 9]", "[4, 9]", "[3, 9]", "[2, 9]",
                "[6, 2]", "[2]", "[2, 8]", "[2, 8]", "[8]"), shapes);
        Bidirectional bi = (Bidirectional) model.getLayer("bi");
        Assertions.assertTrue(((GRU) bi.forwardLayer()).cell().resetAfter());
        Assertions.assertTrue(bi.backwardLayer().goBackwards());
        Assertions.assertEquals("sigmoid", ((GRU) bi.forwardLayer()).getConfig().get("recurrentActivation"));
        // the output with the mask from the Embedding: [batch, 6, 2] then the LSTM's [batch, 2]
        Tensor x = Creation.tensor(new float[] {1, 2, 3, 0, 0, 0, 4, 5, 6, 7, 8, 9}, new int[] {2, 6});
        Tensor y = model.predict(x);
        Assertions.assertArrayEquals(new int[] {2, 2}, y.shape());
        // a round trip through the model's JSON keeps the classes, reset_after and the weight names
        Sequential again = (Sequential) Models.modelFromJson(model.toJson());
        List<String> names2 = new ArrayList<>();
        for (LayerVariable w : again.weights()) {
            names2.add(w.originalName().replaceAll("_\\d+/", "/"));
        }
        Assertions.assertEquals(names.size(), names2.size());
        Assertions.assertTrue(((GRU) ((Bidirectional) again.getLayer("bi")).forwardLayer()).cell().resetAfter());
        again.setWeights(model.getWeights());
        Tensor y2 = again.predict(x);
        Assertions.assertArrayEquals(y.dataSync(), y2.dataSync());
        x.dispose();
        y.dispose();
        y2.dispose();
        model.dispose();
        again.dispose();
    }

    @Test
    void dropoutActsOnlyInTraining() {
        LSTM lstm = new LSTM(Args.of("units", 3, "dropout", 0.5, "recurrentDropout", 0.5));
        SimpleRNN plain = new SimpleRNN(Args.of("units", 3));
        Tensor x = Creation.ones(4, 5, 2);
        Tensor inference = lstm.apply(x);
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("training", true);
        Tensor inference2 = lstm.apply(x);
        Tensor trained = lstm.apply(x, training);
        Assertions.assertArrayEquals(inference.dataSync(), inference2.dataSync(), "inference is deterministic");
        Assertions.assertFalse(java.util.Arrays.equals(inference.dataSync(), trained.dataSync()),
                "training applies the dropout masks");
        // the masks are kept until the next call (as TF.js): 4 for the inputs, 4 for the state
        int before = Engine.get().numTensors();
        lstm.cell().clearDropoutMasks();
        Assertions.assertEquals(before - 8, Engine.get().numTensors());
        Tensor p = plain.apply(x, training);
        Assertions.assertArrayEquals(new int[] {4, 3}, p.shape());
        for (Tensor t : new Tensor[] {x, inference, inference2, trained, p}) {
            t.dispose();
        }
        lstm.dispose();
        plain.dispose();
    }
}
