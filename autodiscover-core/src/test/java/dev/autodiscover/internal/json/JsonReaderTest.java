package dev.autodiscover.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.autodiscover.internal.json.JsonValue.ArrayValue;
import dev.autodiscover.internal.json.JsonValue.BooleanValue;
import dev.autodiscover.internal.json.JsonValue.NullValue;
import dev.autodiscover.internal.json.JsonValue.NumberValue;
import dev.autodiscover.internal.json.JsonValue.ObjectValue;
import dev.autodiscover.internal.json.JsonValue.StringValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {

  // ---- What is read ----

  @Test
  void literalsAreReadAtTheTopLevelWithWhitespaceAround() throws Exception {
    assertThat(read(" true ")).isEqualTo(new BooleanValue(true));
    assertThat(read("\tfalse\r\n")).isEqualTo(new BooleanValue(false));
    assertThat(read("null")).isEqualTo(NullValue.NULL);
  }

  @Test
  void anObjectKeepsItsMembersInTheOrderWritten() throws Exception {
    JsonValue value = read("{\"Url\": \"https://x.test/\", \"Protocol\": \"Ews\", \"a\": {}, \"b\": []}");

    assertThat(value).isInstanceOf(ObjectValue.class);
    Map<String, JsonValue> members = ((ObjectValue) value).members();
    assertThat(members).containsExactly(
        Map.entry("Url", new StringValue("https://x.test/")),
        Map.entry("Protocol", new StringValue("Ews")),
        Map.entry("a", new ObjectValue(Map.of())),
        Map.entry("b", new ArrayValue(List.of())));
    assertThat(((ObjectValue) value).member("Protocol")).contains(new StringValue("Ews"));
    assertThat(((ObjectValue) value).member("protocol")).isEmpty();
  }

  @Test
  void anArrayKeepsItsElementsInOrderAndMayMixKinds() throws Exception {
    assertThat(read("[1, \"two\", [true, null], {\"x\": false}]")).isEqualTo(new ArrayValue(List.of(
        new NumberValue("1"),
        new StringValue("two"),
        new ArrayValue(List.of(new BooleanValue(true), NullValue.NULL)),
        new ObjectValue(Map.of("x", new BooleanValue(false))))));
  }

  @Test
  void emptyContainersMayHoldWhitespace() throws Exception {
    assertThat(read("{ \n }")).isEqualTo(new ObjectValue(Map.of()));
    assertThat(read("[\t]")).isEqualTo(new ArrayValue(List.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0", "7", "-12", "3.25", "-0.5", "1e9", "1E9", "2e+3", "2e-3",
      "6.02214076E+23", "12345678901234567890123456789"})
  void numbersOfTheGrammarAreKeptAsWritten(String number) throws Exception {
    assertThat(read(number)).isEqualTo(new NumberValue(number));
    assertThat(read("[" + number + "]")).isEqualTo(new ArrayValue(List.of(new NumberValue(number))));
  }

  @Test
  void aNumberGivesItsExactDecimalValueUnlessItsExponentIsOutOfRange() {
    assertThat(new NumberValue("12.50").decimal()).contains(new BigDecimal("12.50"));
    assertThat(new NumberValue("-1e-3").decimal()).contains(new BigDecimal("-0.001"));
    assertThat(new NumberValue("1e99999999999").decimal()).isEmpty();
  }

  @Test
  void aNumberOfAHundredCharactersIsRead() throws Exception {
    String number = "1".repeat(100);

    assertThat(read(number)).isEqualTo(new NumberValue(number));
  }

  @Test
  void everyEscapeIsDecoded() throws Exception {
    assertThat(read("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041\\u00e9\\u20AC\\u0000\""))
        .isEqualTo(new StringValue("\" \\ / \b \f \n \r \t Aé€\u0000"));
  }

  @Test
  void aSurrogatePairWrittenAsTwoEscapesIsOneCharacter() throws Exception {
    JsonValue value = read("\"\\uD83D\\uDE00 \\ud834\\udd1e\"");

    assertThat(value).isEqualTo(new StringValue("\uD83D\uDE00 \uD834\uDD1E"));
    assertThat(((StringValue) value).value().codePoints().toArray()).containsExactly(0x1F600, ' ', 0x1D11E);
  }

  @Test
  void utf8OfEveryLengthIsDecoded() throws Exception {
    assertThat(read("\"é € 😀 \u07FF \uFFFD \uDBFF\uDFFF\"")).isEqualTo(new StringValue("é € 😀 \u07FF \uFFFD \uDBFF\uDFFF"));
  }

  @Test
  void deleteAndC1ControlsNeedNoEscape() throws Exception {
    assertThat(read("\"a\u007Fb\u0085c\"")).isEqualTo(new StringValue("a\u007Fb\u0085c"));
  }

  @Test
  void aUtf8ByteOrderMarkIsSkipped() throws Exception {
    byte[] json = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("{\"a\":1}"));

    assertThat(JsonReader.read(json)).isEqualTo(new ObjectValue(Map.of("a", new NumberValue("1"))));
  }

  @Test
  void aStringIsBoundedOnlyByTheInput() throws Exception {
    String text = "x".repeat(1 << 20);

    assertThat(read("\"" + text + "\"")).isEqualTo(new StringValue(text));
  }

  @Test
  void membersWhoseNamesDifferOnlyInCaseAreDifferentMembers() throws Exception {
    assertThat(read("{\"Url\":\"a\",\"URL\":\"b\"}")).isEqualTo(new ObjectValue(
        Map.of("Url", new StringValue("a"), "URL", new StringValue("b"))));
  }

  @Test
  void valuesAreEqualWhenTheyHoldTheSameJson() throws Exception {
    assertThat(read("{\"a\":[1,\"x\"],\"b\":null}")).isEqualTo(read("{ \"b\" : null , \"a\" : [ 1 , \"\\u0078\" ] }"));
    assertThat(read("1.0")).isNotEqualTo(read("1"));
  }

  // ---- Bounds ----

  @Test
  void thirtyTwoLevelsOfNestingAreRead() throws Exception {
    assertThat(read("[".repeat(32) + "]".repeat(32))).isInstanceOf(ArrayValue.class);
    assertThat(read("{\"a\":".repeat(32) + "1" + "}".repeat(32))).isInstanceOf(ObjectValue.class);
  }

  @Test
  void aThirtyThirdLevelIsRefusedWhereItOpens() {
    assertMalformed("[".repeat(33) + "]".repeat(33),
        "arrays and objects nested deeper than 32 levels at byte 32", 32);
    assertMalformed("{\"a\":".repeat(32) + "{}" + "}".repeat(32),
        "arrays and objects nested deeper than 32 levels at byte 160", 160);
  }

  @Test
  void tenThousandOpeningBracketsAreRefusedWithoutExhaustingTheStack() {
    assertMalformed("[".repeat(10_000), "arrays and objects nested deeper than 32 levels at byte 32", 32);
    assertMalformed("[{\"\":".repeat(5_000), "arrays and objects nested deeper than 32 levels at byte 80", 80);
  }

  @Test
  void tenThousandValuesAreReadAndOneMoreIsRefused() throws Exception {
    String tenThousandValues = "[" + "0,".repeat(9_998) + "0]"; // the array and 9,999 zeros
    String tenThousandAndOne = "[" + "0,".repeat(9_999) + "0]";

    assertThat(read(tenThousandValues)).isInstanceOf(ArrayValue.class);
    assertMalformed(tenThousandAndOne, "more than 10000 values at byte 19999", 19_999);
  }

  @Test
  void everyMemberValueCountsTowardsTheValues() {
    StringBuilder object = new StringBuilder("{");
    for (int i = 0; i < 10_000; i++) {
      object.append(i == 0 ? "" : ",").append("\"m").append(i).append("\":0");
    }
    String json = object.append('}').toString();

    assertThatThrownBy(() -> read(json))
        .isInstanceOf(JsonReader.Malformed.class)
        .hasMessageStartingWith("more than 10000 values at byte ");
  }

  @Test
  void aNumberOfMoreThanAHundredCharactersIsRefusedWhereItStarts() {
    assertMalformed("[" + "9".repeat(101) + "]", "number longer than 100 characters at byte 1", 1);
    assertMalformed("1." + "0".repeat(200), "number longer than 100 characters at byte 0", 0);
    assertMalformed("1e" + "9".repeat(1_000_000), "number longer than 100 characters at byte 0", 0);
  }

  // ---- Refusals: structure ----

  @Test
  void anEmptyInputIsRefused() {
    assertMalformed("", "expected a value, found the end at byte 0", 0);
    assertMalformed(" \r\n\t", "expected a value, found the end at byte 4", 4);
    assertMalformed(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        "expected a value, found the end at byte 3", 3);
  }

  @Test
  void contentAfterTheValueIsRefused() {
    assertMalformed("{} {}", "expected the end after the value, found '{' at byte 3", 3);
    assertMalformed("1 2", "expected the end after the value, found '2' at byte 2", 2);
    assertMalformed("nullx", "expected the end after the value, found 'x' at byte 4", 4);
    assertMalformed("{}\u0000", "expected the end after the value, found 0x00 at byte 2", 2);
  }

  @Test
  void onlyTheFourWhitespaceCharactersOfRfc8259AreWhitespace() {
    assertMalformed("\f1", "expected a value, found 0x0C at byte 0", 0);
    assertMalformed("1\u000B", "expected the end after the value, found 0x0B at byte 1", 1);
    assertMalformed("\u00A01", "expected a value, found 0xC2 at byte 0", 0);
    assertMalformed("[1,\u20282]", "expected a value, found 0xE2 at byte 3", 3);
  }

  @Test
  void aByteOrderMarkAnywhereButTheStartIsRefused() {
    assertMalformed(" \uFEFF{}", "expected a value, found 0xEF at byte 1", 1);
    assertMalformed(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '1'}, "expected a value, found 0xFE at byte 0", 0);
  }

  @Test
  void commasMustSeparateAndNotTrail() {
    assertMalformed("[1,]", "expected a value, found ']' at byte 3", 3);
    assertMalformed("[1 2]", "expected ',' or ']', found '2' at byte 3", 3);
    assertMalformed("[,1]", "expected a value, found ',' at byte 1", 1);
    assertMalformed("{\"a\":1,}", "expected a member name, found '}' at byte 7", 7);
    assertMalformed("{\"a\":1 \"b\":2}", "expected ',' or '}', found '\"' at byte 7", 7);
  }

  @Test
  void anObjectNeedsQuotedNamesColonsAndValues() {
    assertMalformed("{a:1}", "expected a member name, found 'a' at byte 1", 1);
    assertMalformed("{'a':1}", "expected a member name, found ''' at byte 1", 1);
    assertMalformed("{\"a\" 1}", "expected ':' after a member name, found '1' at byte 5", 5);
    assertMalformed("{\"a\":}", "expected a value, found '}' at byte 5", 5);
    assertMalformed("{1:2}", "expected a member name, found '1' at byte 1", 1);
  }

  @Test
  void unclosedContainersAreRefusedAtTheEnd() {
    assertMalformed("[1", "expected ',' or ']', found the end at byte 2", 2);
    assertMalformed("{\"a\":1", "expected ',' or '}', found the end at byte 6", 6);
    assertMalformed("{\"a\"", "expected ':' after a member name, found the end at byte 4", 4);
    assertMalformed("[", "expected a value, found the end at byte 1", 1);
  }

  @Test
  void aNameWrittenTwiceInOneObjectIsRefusedAtItsSecondAppearance() {
    assertMalformed("{\"Url\":\"https://good.test/\",\"Url\":\"https://evil.test/\"}",
        "duplicate member name 'Url' at byte 28", 28);
  }

  @Test
  void aNameIsADuplicateWhenItsEscapesDecodeToTheSameName() {
    assertMalformed("{\"Url\":1,\"\\u0055rl\":2}", "duplicate member name 'Url' at byte 9", 9);
  }

  @Test
  void theSameNameInDifferentObjectsIsNoDuplicate() throws Exception {
    assertThat(read("[{\"a\":1},{\"a\":2},{\"b\":{\"a\":3}}]")).isInstanceOf(ArrayValue.class);
  }

  @Test
  void aDuplicateNameIsQuotedOnOneBoundedLine() {
    String name = "a\nb" + "c".repeat(5_000);
    String json = "{\"" + name.replace("\n", "\\n") + "\":1,\"" + name.replace("\n", "\\u000a") + "\":2}";

    JsonReader.Malformed e = catchThrowableOfType(() -> read(json), JsonReader.Malformed.class);

    assertThat(e.getMessage()).startsWith("duplicate member name 'a bccc").contains("(5003 characters)")
        .doesNotContain("\n").hasSizeLessThan(300);
  }

  @ParameterizedTest
  @ValueSource(strings = {"True", "NULL", "nul", "tru", "fals", "undefined", "NaN", "Infinity"})
  void literalsAreLowerCaseAndWhole(String word) {
    assertThatThrownBy(() -> read(word))
        .isInstanceOf(JsonReader.Malformed.class)
        .hasMessageEndingWith(" at byte 0");
  }

  @Test
  void aLiteralRunningOnIsContentAfterTheValue() {
    assertMalformed("truex", "expected the end after the value, found 'x' at byte 4", 4);
    assertMalformed("[nul]", "expected null at byte 1", 1);
  }

  // ---- Refusals: numbers ----

  @Test
  void numbersOutsideTheGrammarAreRefused() {
    assertMalformed("01", "leading zero in a number at byte 0", 0);
    assertMalformed("[-007]", "leading zero in a number at byte 1", 1);
    assertMalformed("+1", "expected a value, found '+' at byte 0", 0);
    assertMalformed(".5", "expected a value, found '.' at byte 0", 0);
    assertMalformed("1.", "expected a digit after '.', found the end at byte 2", 2);
    assertMalformed("1.e5", "expected a digit after '.', found 'e' at byte 2", 2);
    assertMalformed("1e", "expected a digit in the exponent, found the end at byte 2", 2);
    assertMalformed("1e+", "expected a digit in the exponent, found the end at byte 3", 3);
    assertMalformed("-", "expected a digit, found the end at byte 1", 1);
    assertMalformed("-a", "expected a digit, found 'a' at byte 1", 1);
    assertMalformed("0x1F", "expected the end after the value, found 'x' at byte 1", 1);
    assertMalformed("1.5.2", "expected the end after the value, found '.' at byte 3", 3);
  }

  // ---- Refusals: strings ----

  @Test
  void controlCharactersInAStringMustBeEscaped() {
    assertMalformed("\"a\u0000b\"", "unescaped control character 0x00 in a string at byte 2", 2);
    assertMalformed("[\"a\nb\"]", "unescaped control character 0x0A in a string at byte 3", 3);
    assertMalformed("\"\t\"", "unescaped control character 0x09 in a string at byte 1", 1);
    assertMalformed("\"\u001F\"", "unescaped control character 0x1F in a string at byte 1", 1);
  }

  @Test
  void anUnclosedStringIsRefusedAtTheEnd() {
    assertMalformed("\"abc", "expected '\"' to close the string, found the end at byte 4", 4);
    assertMalformed("{\"abc", "expected '\"' to close the string, found the end at byte 5", 5);
    assertMalformed("\"abc\\\"", "expected '\"' to close the string, found the end at byte 6", 6);
  }

  @Test
  void onlyTheEscapesOfRfc8259AreRead() {
    assertMalformed("\"a\\x\"", "invalid escape '\\' followed by 'x' at byte 2", 2);
    assertMalformed("\"\\U0041\"", "invalid escape '\\' followed by 'U' at byte 1", 1);
    assertMalformed("\"\\'\"", "invalid escape '\\' followed by ''' at byte 1", 1);
    assertMalformed("\"\\\u00e9\"", "invalid escape '\\' followed by 0xC3 at byte 1", 1);
    assertMalformed("\"\\", "expected an escape after '\\', found the end at byte 2", 2);
  }

  @Test
  void aUnicodeEscapeNeedsFourHexDigits() {
    assertMalformed("\"\\u12G4\"", "expected four hex digits after \\u at byte 1", 1);
    assertMalformed("\"\\u12\"", "expected four hex digits after \\u at byte 1", 1);
    assertMalformed("\"\\u12", "expected four hex digits after \\u, found the end at byte 5", 5);
    assertMalformed("\"\\u+123\"", "expected four hex digits after \\u at byte 1", 1);
  }

  @Test
  void loneSurrogatesAreRefusedNotKept() {
    assertMalformed("\"\\uD83D\"", "lone surrogate \\uD83D in a string at byte 1", 1);
    assertMalformed("\"x\\uDE00\"", "lone surrogate \\uDE00 in a string at byte 2", 2);
    assertMalformed("\"\\uD83Dx\"", "lone surrogate \\uD83D in a string at byte 1", 1);
    assertMalformed("\"\\uD83D\\u0041\"", "lone surrogate \\uD83D in a string at byte 1", 1);
    assertMalformed("\"\\uD83D\\uD83D\\uDE00\"", "lone surrogate \\uD83D in a string at byte 1", 1);
    assertMalformed("\"\\uDE00\\uD83D\"", "lone surrogate \\uDE00 in a string at byte 1", 1);
  }

  @Test
  void aHighSurrogateFollowedByABrokenEscapeIsRefusedAtTheBrokenEscape() {
    assertMalformed("\"\\uD83D\\uZZZZ\"", "expected four hex digits after \\u at byte 7", 7);
  }

  @Test
  void invalidUtf8IsRefusedWhereTheSequenceStarts() {
    assertMalformed(bytes('"', 'a', 0x80, '"'), "invalid UTF-8 at byte 2", 2);
    assertMalformed(bytes('"', 0xC0, 0x80, '"'), "invalid UTF-8 at byte 1", 1); // overlong NUL
    assertMalformed(bytes('"', 0xC1, 0xBF, '"'), "invalid UTF-8 at byte 1", 1); // overlong
    assertMalformed(bytes('"', 0xE0, 0x80, 0xAF, '"'), "invalid UTF-8 at byte 1", 1); // overlong '/'
    assertMalformed(bytes('"', 0xF0, 0x80, 0x80, 0xAF, '"'), "invalid UTF-8 at byte 1", 1); // overlong
    assertMalformed(bytes('"', 0xED, 0xA0, 0x80, '"'), "invalid UTF-8 at byte 1", 1); // a surrogate
    assertMalformed(bytes('"', 0xF4, 0x90, 0x80, 0x80, '"'), "invalid UTF-8 at byte 1", 1); // past U+10FFFF
    assertMalformed(bytes('"', 0xF5, 0x80, 0x80, 0x80, '"'), "invalid UTF-8 at byte 1", 1);
    assertMalformed(bytes('"', 0xFF, '"'), "invalid UTF-8 at byte 1", 1);
    assertMalformed(bytes('"', 0xE2, 0x82, '"'), "invalid UTF-8 at byte 1", 1); // cut by the quote
    assertMalformed(bytes('"', 0xE2, 0x82), "invalid UTF-8 (cut short) at byte 1", 1);
  }

  @Test
  void latin1IsNotUtf8() {
    assertMalformed("\"Zoë\"".getBytes(StandardCharsets.ISO_8859_1), "invalid UTF-8 at byte 3", 3);
  }

  // ---- Messages ----

  @Test
  void aMessageIsOneLineEndingWithTheOffsetItReports() {
    for (String json : List.of("[1,\n\n2", "{\"a\":\"\n\"}", "\"\\u", "[" + "0,".repeat(20_000))) {
      JsonReader.Malformed e = catchThrowableOfType(() -> read(json), JsonReader.Malformed.class);

      assertThat(e.getMessage()).doesNotContain("\n", "\r").endsWith(" at byte " + e.offset());
      assertThat(e.offset()).isBetween(0, utf8(json).length);
    }
  }

  @Test
  void aRoundTripGivesTheSameValue() throws Exception {
    JsonValue value = read("{\"a\":[1,-2.5e3,\"\\u0000\\\"\\\\\\ud83d\\ude00é\"],\"b\":{\"c\":null,\"d\":true}}");

    assertThat(JsonReader.read(JsonText.utf8(value))).isEqualTo(value);
  }

  @Test
  void valuesAreImmutable() throws Exception {
    Map<String, JsonValue> members = new LinkedHashMap<>(Map.of("a", NullValue.NULL));
    List<JsonValue> elements = new ArrayList<>(List.of(NullValue.NULL));
    ObjectValue object = new ObjectValue(members);
    ArrayValue array = new ArrayValue(elements);
    members.clear();
    elements.clear();

    assertThat(object.members()).hasSize(1);
    assertThat(array.elements()).hasSize(1);
    assertThatThrownBy(() -> object.members().put("b", NullValue.NULL)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((ArrayValue) read("[1]")).elements().add(NullValue.NULL))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // ---- Helpers ----

  private static JsonValue read(String json) throws JsonReader.Malformed {
    return JsonReader.read(utf8(json));
  }

  private static void assertMalformed(String json, String message, int offset) {
    assertMalformed(utf8(json), message, offset);
  }

  private static void assertMalformed(byte[] json, String message, int offset) {
    JsonReader.Malformed e = catchThrowableOfType(() -> JsonReader.read(json), JsonReader.Malformed.class);

    assertThat(e).as("refused").isNotNull();
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.offset()).isEqualTo(offset);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
