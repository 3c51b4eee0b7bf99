package dev.autodiscover.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SECURITY.md names, for every rule, the tests that prove it. This keeps the names true: every
 * rule cites at least one test, and every cited test class and method exists in the repository's
 * test sources (where {@code ./mvnw verify} runs it).
 */
class SecurityRulesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern RULE = Pattern.compile("(?m)^(\\d+)\\. ");
  private static final Pattern REFERENCE = Pattern.compile("`((?:[\\w-]+/)*)([A-Z]\\w*Test)(?:#(\\w+))?`");

  @Test
  void everyRuleCitesATestAndEveryCitedTestExists() throws IOException {
    String document = Files.readString(ROOT.resolve("SECURITY.md"));
    String rules = document.substring(document.indexOf("## The rules"), document.indexOf("## Known limits"));
    Map<String, Path> testSources = testSources();
    List<String> problems = new ArrayList<>();

    List<String> ruleTexts = splitRules(rules);
    assertThat(ruleTexts).as("rules found in SECURITY.md").hasSizeGreaterThan(10);
    for (String rule : ruleTexts) {
      Matcher reference = REFERENCE.matcher(rule);
      int cited = 0;
      while (reference.find()) {
        cited++;
        String className = reference.group(2);
        Path source = testSources.get(className);
        if (source == null) {
          problems.add("rule " + number(rule) + " cites " + className + ", which is no test class");
        } else if (reference.group(3) != null && !declares(source, reference.group(3))) {
          problems.add("rule " + number(rule) + " cites " + className + "#" + reference.group(3) + ", which " + className + " does not declare");
        }
      }
      if (cited == 0) {
        problems.add("rule " + number(rule) + " cites no test");
      }
    }

    assertThat(problems).isEmpty();
  }

  private static List<String> splitRules(String rules) {
    List<String> texts = new ArrayList<>();
    Matcher start = RULE.matcher(rules);
    List<Integer> starts = new ArrayList<>();
    while (start.find()) {
      starts.add(start.start());
    }
    for (int i = 0; i < starts.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1) : rules.length();
      String text = rules.substring(starts.get(i), end);
      int heading = text.indexOf("\n#");
      texts.add(heading < 0 ? text : text.substring(0, heading));
    }
    return texts;
  }

  private static String number(String rule) {
    return rule.substring(0, rule.indexOf('.'));
  }

  private static boolean declares(Path source, String method) {
    try {
      return Pattern.compile("\\bvoid " + method + "\\(").matcher(Files.readString(source)).find();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Path> testSources() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT, 12)) {
      return files
          .filter(path -> path.toString().contains("/src/test/java/") && path.toString().endsWith("Test.java"))
          .collect(Collectors.toMap(
              path -> path.getFileName().toString().replace(".java", ""), path -> path, (a, b) -> a));
    }
  }
}
