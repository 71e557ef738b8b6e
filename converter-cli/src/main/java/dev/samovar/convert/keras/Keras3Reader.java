package dev.samovar.convert.keras;

import dev.samovar.convert.ConversionException;
import dev.samovar.convert.model.KerasModel;
import dev.samovar.convert.model.Weight;
import dev.samovar.io.Json;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Keras 3 {@code .keras} archives: {@code config.json} (Keras 3 serialization), {@code metadata.json}
 * and {@code model.weights.h5}, whose variables sit at {@code layers/<snake_case class>[_N]/vars/<i>}
 * (named after the layer's class and its rank among layers of that class, not the layer's name;
 * recurrent layers keep theirs under {@code cell/vars}, wrappers under {@code forward_layer},
 * {@code backward_layer}, {@code layer}). The weights get the names TF.js uses
 * ({@code <layer name>/kernel}), which TF.js 4.22 needs to load them.
 */
public final class Keras3Reader {
    private Keras3Reader() {
    }

    /** Keras's {@code naming.to_snake_case}. */
    static String snakeCase(String name) {
        String s = name.replaceAll("\\W+", "");
        s = s.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        s = s.replaceAll("([a-z])([A-Z])", "$1_$2");
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    public static KerasModel read(Path file, String name) {
        Path weightsCopy = null;
        H5 h5 = null;
        boolean ok = false;
        try (ZipFile zip = open(file, name)) {
            String configText = entryText(zip, "config.json", name);
            if (configText == null) {
                throw new ConversionException(name + ": not a Keras 3 model: the zip archive has no config.json (it holds: "
                        + entryNames(zip) + ")");
            }
            Map<String, Object> config;
            try {
                config = Cfg.map(Json.parse(configText));
            } catch (Json.JsonException e) {
                throw new ConversionException(name + ": config.json: " + e.getMessage(), e);
            }
            if (config == null) {
                throw new ConversionException(name + ": config.json is not a JSON object");
            }
            String metaText = entryText(zip, "metadata.json", name);
            Map<String, Object> meta = null;
            if (metaText != null) {
                try {
                    meta = Cfg.map(Json.parse(metaText));
                } catch (Json.JsonException e) {
                    throw new ConversionException(name + ": metadata.json: " + e.getMessage(), e);
                }
            }
            ZipEntry weights = zip.getEntry("model.weights.h5");
            if (weights == null) {
                if (zip.getEntry("model.weights.npz") != null) {
                    throw new ConversionException(name + ": the weights are in model.weights.npz (an early Keras 3 format); "
                            + "only model.weights.h5 is supported: re-save the model with a current Keras");
                }
                throw new ConversionException(name + ": the archive has no model.weights.h5 (it holds: " + entryNames(zip) + ")");
            }
            weightsCopy = Files.createTempFile("samovar-keras3-", ".weights.h5");
            try (InputStream in = zip.getInputStream(weights)) {
                Files.copy(in, weightsCopy, StandardCopyOption.REPLACE_EXISTING);
            } catch (ZipException e) {
                throw new ConversionException(name + ": model.weights.h5 cannot be extracted (corrupt archive: "
                        + e.getMessage() + ")", e);
            }
            h5 = H5.open(weightsCopy, name + "!model.weights.h5");
            KerasModel m = read(name, config, meta, h5);
            Path copy = weightsCopy;
            H5 opened = h5;
            m.closeables.add(opened);
            m.closeables.add(() -> Files.deleteIfExists(copy));
            ok = true;
            return m;
        } catch (IOException e) {
            throw new ConversionException(name + ": cannot read the archive: " + e.getMessage(), e);
        } finally {
            if (!ok) {
                if (h5 != null) {
                    h5.close();
                }
                if (weightsCopy != null) {
                    try {
                        Files.deleteIfExists(weightsCopy);
                    } catch (IOException ignored) {
                        // temp file
                    }
                }
            }
        }
    }

    private static ZipFile open(Path file, String name) {
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ConversionException(name + ": not a readable zip archive (truncated or corrupt: " + e.getMessage() + ")",
                    e);
        } catch (IOException e) {
            throw new ConversionException(name + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    private static String entryNames(ZipFile zip) {
        List<String> names = new ArrayList<>();
        zip.stream().limit(10).forEach(e -> names.add(e.getName()));
        return names.isEmpty() ? "nothing" : String.join(", ", names);
    }

    private static String entryText(ZipFile zip, String entry, String name) {
        ZipEntry e = zip.getEntry(entry);
        if (e == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new ConversionException(name + ": " + entry + " cannot be read (corrupt archive: " + ex.getMessage() + ")",
                    ex);
        }
    }

    private static KerasModel read(String name, Map<String, Object> config, Map<String, Object> meta, H5 h5) {
        KerasModel model = new KerasModel();
        model.source = name;
        model.sourceKind = "Keras 3 .keras archive";
        model.kerasVersion = meta == null ? null : Cfg.str(meta, "keras_version");
        Map<String, Object> modelConfig = new LinkedHashMap<>();
        modelConfig.put("class_name", config.get("class_name"));
        modelConfig.put("config", config.get("config"));
        model.trainingConfig = trainingConfig(Cfg.map(config.get("compile_config")));

        // Where each top-level layer's variables are: by the original (Keras 3) classes and order.
        Map<String, String> paths = new HashMap<>();
        String cls = Cfg.str(config, "class_name");
        Map<String, Object> c = Cfg.map(config.get("config"));
        List<Object> rawLayers = c == null ? null : Cfg.list(c.get("layers"));
        if (rawLayers == null) {
            throw new ConversionException(name + ": config.json: expected a model (Sequential or Functional) with a layer "
                    + "list, found " + (cls == null ? "no class_name" : "class '" + cls + "'"));
        }
        Map<String, Integer> used = new HashMap<>();
        for (Object o : rawLayers) {
            Map<String, Object> e = Cfg.map(o);
            String layerCls = Cfg.str(e, "class_name");
            String layerName = Cfg.str(Cfg.map(e.get("config")), "name");
            if ("Sequential".equals(cls) && "InputLayer".equals(layerCls)) {
                continue;
            }
            String snake = snakeCase(layerCls == null ? "" : layerCls);
            Integer n = used.get(snake);
            String p;
            if (n == null) {
                used.put(snake, 0);
                p = "layers/" + snake;
            } else {
                used.put(snake, n + 1);
                p = "layers/" + snake + "_" + (n + 1);
            }
            paths.put(layerName, p);
        }

        List<String> notes = new ArrayList<>();
        ConfigNormalizer normalizer = new ConfigNormalizer(name, false, notes);
        model.modelConfig = normalizer.normalize(modelConfig);
        List<LayerEntry> layers = LayerEntry.of(model.modelConfig);
        model.layerCount = layers.size();
        for (LayerEntry layer : layers) {
            List<String> expected = LayerCatalog.weightNames(layer.cls, layer.config);
            String p = paths.get(layer.name);
            if (p == null || (expected != null && expected.isEmpty())) {
                continue;
            }
            if (expected == null) {
                if (h5.group(p) != null && !collectVars(h5, p).isEmpty()) {
                    throw new ConversionException(name + ": " + layer.describe() + ": weights of nested models in .keras "
                            + "files are not supported yet");
                }
                continue;
            }
            if (h5.group(p) == null) {
                throw new ConversionException(name + ": " + layer.describe() + " has no weights in model.weights.h5 (expected "
                        + "the group " + p + " holding " + String.join(", ", expected) + ")");
            }
            List<String> varPaths = collectVars(h5, p);
            List<Weight> ws = new ArrayList<>();
            for (String vp : varPaths) {
                Dataset d = h5.dataset(vp);
                String kind = h5.kind(d, vp);
                ws.add(new Weight(vp, h5.shape(d, vp), H5.tfjsDtype(kind), h5.data(d, vp), vp));
            }
            model.layers.add(WeightNaming.assemble(name, layer, ws, new ArrayList<>()));
        }
        model.notes.addAll(notes);
        return model;
    }

    private static final List<String> ORDERED_CHILDREN = List.of("cell", "forward_layer", "backward_layer", "layer");

    /** The variable datasets under a saved object, in Keras's order (own vars, then cell / wrapped layers). */
    static List<String> collectVars(H5 h5, String p) {
        List<String> out = new ArrayList<>();
        Group g = h5.group(p);
        if (g == null) {
            return out;
        }
        List<String> children = h5.children(g);
        if (children.contains("vars")) {
            Group vars = h5.group(p + "/vars");
            List<String> names = vars == null ? List.of() : h5.children(vars);
            for (int i = 0; names.contains(String.valueOf(i)); i++) {
                out.add(p + "/vars/" + i);
            }
        }
        List<String> rest = new ArrayList<>();
        for (String k : ORDERED_CHILDREN) {
            if (children.contains(k)) {
                rest.add(k);
            }
        }
        for (String k : children) {
            if (!k.equals("vars") && !ORDERED_CHILDREN.contains(k) && !k.contains("seed_generator")) {
                rest.add(k);
            }
        }
        for (String k : rest) {
            if (h5.group(p + "/" + k) != null) {
                out.addAll(collectVars(h5, p + "/" + k));
            }
        }
        return out;
    }

    /** Keras 3's compile_config in Keras 2's training_config form. */
    static Map<String, Object> trainingConfig(Map<String, Object> compile) {
        if (compile == null) {
            return null;
        }
        Map<String, Object> t = new LinkedHashMap<>();
        Map<String, Object> opt = Cfg.map(Cfg.copy(compile.get("optimizer")));
        if (opt != null) {
            Map<String, Object> oc = new LinkedHashMap<>();
            oc.put("class_name", opt.get("class_name"));
            oc.put("config", opt.get("config"));
            t.put("optimizer_config", oc);
        } else if (compile.get("optimizer") instanceof String) {
            Map<String, Object> oc = new LinkedHashMap<>();
            oc.put("class_name", compile.get("optimizer"));
            oc.put("config", new LinkedHashMap<>());
            t.put("optimizer_config", oc);
        }
        for (String k : new String[] {"loss", "metrics", "weighted_metrics", "loss_weights"}) {
            if (compile.containsKey(k)) {
                t.put(k, Cfg.copy(compile.get(k)));
            }
        }
        return t;
    }
}
