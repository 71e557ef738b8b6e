package dev.samovar.convert.keras;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A top-level layer of a (normalized) model config, with its 1-based position. */
final class LayerEntry {
    final String name;
    final String cls;
    final Map<String, Object> config;
    final int position;

    LayerEntry(String name, String cls, Map<String, Object> config, int position) {
        this.name = name;
        this.cls = cls;
        this.config = config;
        this.position = position;
    }

    String describe() {
        return dev.samovar.convert.model.LayerWeights.describe(name, cls, position);
    }

    /** The layers of a Sequential / Model / Functional config, in order. */
    static List<LayerEntry> of(Map<String, Object> modelConfig) {
        Object c = modelConfig.get("config");
        List<Object> layers = c instanceof List ? Cfg.list(c) : Cfg.list(Cfg.map(c).get("layers"));
        List<LayerEntry> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Map<String, Object> e = Cfg.map(layers.get(i));
            Map<String, Object> lc = Cfg.map(e.get("config"));
            String name = Cfg.str(lc, "name");
            if (name == null) {
                name = Cfg.str(e, "name");
            }
            out.add(new LayerEntry(name, Cfg.str(e, "class_name"), lc, i + 1));
        }
        return out;
    }
}
