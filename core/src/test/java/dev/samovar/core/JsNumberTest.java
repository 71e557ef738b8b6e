package dev.samovar.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are what Node 20 prints for String(x) and parseFloat(x.toFixed(7)). */
class JsNumberTest {
    @Test
    void shortestRoundTripLikeJavaScript() {
        assertEquals("0.1", JsNumber.toString(0.1));
        assertEquals("0.10000000149011612", JsNumber.toString(0.1f));
        assertEquals("1e+21", JsNumber.toString(1e21));
        assertEquals("123456789012345680000", JsNumber.toString(123456789012345680000.0));
        assertEquals("1e-7", JsNumber.toString(1e-7));
        assertEquals("0.0000015", JsNumber.toString(1.5e-6));
        assertEquals("0.000001", JsNumber.toString(0.000001));
        assertEquals("5e-324", JsNumber.toString(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", JsNumber.toString(Double.MAX_VALUE));
        assertEquals("0", JsNumber.toString(-0.0));
        assertEquals("100", JsNumber.toString(100));
        assertEquals("0.3333333333333333", JsNumber.toString(1.0 / 3));
        assertEquals("0.3333333432674408", JsNumber.toString(1.0f / 3));
        assertEquals("9007199254740992", JsNumber.toString(9007199254740992.0));
        assertEquals("-Infinity", JsNumber.toString(Double.NEGATIVE_INFINITY));
        assertEquals("NaN", JsNumber.toString(Double.NaN));
    }

    @Test
    void toFixedSevenThenParse() {
        assertEquals("0.1", JsNumber.toFixedTrimmed(0.1f, 7));
        assertEquals("0.3333333", JsNumber.toFixedTrimmed(1.0 / 3, 7));
        assertEquals("1e-7", JsNumber.toFixedTrimmed(1e-7, 7));
        assertEquals("0", JsNumber.toFixedTrimmed(Double.MIN_VALUE, 7));
        assertEquals("0", JsNumber.toFixedTrimmed(-1e-9, 7));
        assertEquals("1e+21", JsNumber.toFixedTrimmed(1e21, 7));
        assertEquals("123.456", JsNumber.toFixedTrimmed(123.456, 7));
    }

    @Test
    void int32AndUint8StoresWrapLikeTypedArrays() {
        assertEquals(-2147483648, JsNumber.toInt32(2147483648.0));
        assertEquals(2147483647, JsNumber.toInt32(-2147483649.0));
        assertEquals(1, JsNumber.toInt32(4294967297.5));
        assertEquals(-1, JsNumber.toInt32(-1.7));
        assertEquals(0, JsNumber.toInt32(Double.NaN));
        assertEquals(0, JsNumber.toInt32(Double.POSITIVE_INFINITY));
        assertEquals(2, JsNumber.toUint8(2));
        assertEquals(0, JsNumber.toUint8(256));
        assertEquals(255, JsNumber.toUint8(-1));
    }
}
