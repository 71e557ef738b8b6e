package dev.samovar.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected texts are what Node 20's JSON.stringify writes for the same values. */
class JsonTest {
    @Test
    void roundTripsLikeJavaScript() {
        String text = "{\"format\":\"layers-model\",\"n\":[1,-2.5,1e-7,123456789012,0.1,1e+21],"
                + "\"s\":\"a\\\"b\\\\c\\n\\u0001é\",\"t\":true,\"f\":false,\"z\":null,\"e\":{},\"a\":[]}";
        Object v = Json.parse(text);
        assertEquals(text, Json.stringify(v));
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(1e-7, ((List<?>) m.get("n")).get(2));
        assertEquals("a\"b\\c\n\u0001é", m.get("s"));
    }

    @Test
    void indentsLikeJsonStringify() {
        Object v = Json.parse("{\"a\":[1,{\"b\":null}],\"c\":{}}");
        assertEquals("{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"c\": {}\n}",
                Json.stringify(v, "  "));
    }

    @Test
    void malformedTextNamesThePosition() {
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse("{\"a\": [1, 2,]\n}"));
        assertTrue(e.getMessage().contains("line 1, column 13"), e.getMessage());
        assertThrows(Json.JsonException.class, () -> Json.parse("{\"a\": 1} x"));
        assertThrows(Json.JsonException.class, () -> Json.parse("[01]"));
        assertThrows(Json.JsonException.class, () -> Json.parse("\"unterminated"));
        assertThrows(Json.JsonException.class, () -> Json.parse(""));
    }
}
