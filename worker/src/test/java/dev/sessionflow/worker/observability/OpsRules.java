package dev.sessionflow.worker.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The queries of docs/ops/ (the Prometheus alert rules and the Grafana dashboard), taken apart into
 * the series they select: enough PromQL for what those files use (selectors with label matchers,
 * functions, aggregations with a {@code by} clause before their argument, binary operators).
 */
final class OpsRules {
  static final Path ROOT = repositoryRoot();
  static final Path ALERTS = ROOT.resolve("docs/ops/alerts.yml");
  static final Path ALERT_TESTS = ROOT.resolve("docs/ops/alerts.test.yml");
  static final Path DASHBOARD = ROOT.resolve("docs/ops/grafana-dashboard.json");
  static final Path OPERATIONS = ROOT.resolve("docs/operations.md");

  /** One label matcher of a selector, e.g. {@code task_queue=~"messaging-sessions.*"}. */
  record LabelMatcher(String label, String op, String value) {
    boolean matches(String actual) {
      String v = actual == null ? "" : actual;
      return switch (op) {
        case "=" -> v.equals(value);
        case "!=" -> !v.equals(value);
        // PromQL regular expressions are anchored at both ends.
        case "=~" -> Pattern.compile(value).matcher(v).matches();
        case "!~" -> !Pattern.compile(value).matcher(v).matches();
        default -> throw new IllegalArgumentException(op);
      };
    }

    @Override
    public String toString() {
      return label + op + '"' + value + '"';
    }
  }

  /**
   * A series selector in a query, and the labels that the aggregations around it group by (which
   * the series must carry).
   */
  record Selector(String where, String metric, List<LabelMatcher> matchers, Set<String> groupBy) {
    @Override
    public String toString() {
      return metric + matchers + (groupBy.isEmpty() ? "" : " by " + groupBy) + " (" + where + ")";
    }
  }

  /** A rule of alerts.yml. */
  record Rule(String alert, String expr, Map<String, String> annotations) {}

  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "and",
          "or",
          "unless",
          "offset",
          "inf",
          "nan");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.])[a-zA-Z_:][\\w:]*");
  private static final Pattern MATCHER =
      Pattern.compile("([a-zA-Z_]\\w*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");

  private OpsRules() {}

  @SuppressWarnings("unchecked")
  static List<Rule> rules() {
    Map<String, Object> file = yaml(ALERTS);
    List<Rule> rules = new ArrayList<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        rules.add(
            new Rule(
                (String) rule.get("alert"),
                (String) rule.get("expr"),
                (Map<String, String>) rule.getOrDefault("annotations", Map.of())));
      }
    }
    return rules;
  }

  /** Every query: the rules' expressions and the dashboard panels' targets, by where they are. */
  static Map<String, String> queries() {
    Map<String, String> queries = new LinkedHashMap<>();
    for (Rule rule : rules()) {
      queries.put("alerts.yml " + rule.alert(), rule.expr());
    }
    JsonNode dashboard;
    try {
      dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.path("targets")) {
        queries.put(
            "dashboard \"" + panel.get("title").asText() + "\" " + target.get("refId").asText(),
            target.get("expr").asText());
      }
    }
    return queries;
  }

  /** The series selectors of one query. */
  static List<Selector> selectors(String where, String expr) {
    String masked = mask(expr);
    // Labels each selector's enclosing aggregations group by: `agg by (labels) (argument)`.
    List<int[]> spans = new ArrayList<>();
    List<Set<String>> spanLabels = new ArrayList<>();
    Matcher grouping = GROUPING.matcher(expr);
    while (grouping.find()) {
      if (!grouping.group(1).equals("by")) {
        continue; // on(...) and friends match series, they do not need labels on every one
      }
      int open = grouping.end();
      while (open < expr.length() && Character.isWhitespace(expr.charAt(open))) {
        open++;
      }
      if (open >= expr.length() || expr.charAt(open) != '(') {
        throw new IllegalArgumentException(
            where + ": write `agg by (labels) (argument)`, with the clause first: " + expr);
      }
      spans.add(new int[] {open, closing(expr, open)});
      spanLabels.add(labels(grouping.group(2)));
    }
    if (Pattern.compile("\\bwithout\\s*\\(").matcher(expr).find()) {
      throw new IllegalArgumentException(where + ": `without` is not checked here: " + expr);
    }
    List<Selector> selectors = new ArrayList<>();
    Matcher identifier = IDENTIFIER.matcher(masked);
    while (identifier.find()) {
      String name = identifier.group();
      int after = skipSpaces(masked, identifier.end());
      if (KEYWORDS.contains(name.toLowerCase())
          || (after < masked.length() && masked.charAt(after) == '(')) {
        continue; // an operator, a function or an aggregation
      }
      List<LabelMatcher> matchers = new ArrayList<>();
      int labelSet = skipSpaces(expr, identifier.end()); // the masked text has it blanked
      if (labelSet < expr.length() && expr.charAt(labelSet) == '{') {
        String body = expr.substring(labelSet + 1, expr.indexOf('}', labelSet));
        Matcher m = MATCHER.matcher(body);
        while (m.find()) {
          matchers.add(new LabelMatcher(m.group(1), m.group(2), m.group(3).replace("\\\\", "\\")));
        }
      }
      Set<String> groupBy = new LinkedHashSet<>();
      for (int i = 0; i < spans.size(); i++) {
        if (spans.get(i)[0] < identifier.start() && identifier.start() < spans.get(i)[1]) {
          groupBy.addAll(spanLabels.get(i));
        }
      }
      selectors.add(new Selector(where, name, matchers, groupBy));
    }
    return selectors;
  }

  /**
   * The GitHub anchors of a Markdown file's headings ({@code ## 12. Alerts} is {@code 12-alerts}).
   */
  static Set<String> anchors(Path markdown) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    boolean fenced = false;
    for (String line : read(markdown).split("\n")) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      }
      Matcher heading = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$").matcher(line);
      if (fenced || !heading.matches()) {
        continue;
      }
      String text = heading.group(1).replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1");
      String slug =
          text.toLowerCase().replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
      int n = seen.merge(slug, 1, Integer::sum);
      anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
    }
    return anchors;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(Path file) {
    return (Map<String, Object>) new Yaml().load(read(file));
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The expression with strings, label sets, ranges and grouping clauses blanked out. */
  private static String mask(String expr) {
    StringBuilder masked = new StringBuilder(expr);
    blank(masked, Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\""));
    blank(masked, Pattern.compile("\\{[^}]*}"));
    blank(masked, Pattern.compile("\\[[^]]*]"));
    Matcher grouping = GROUPING.matcher(masked.toString());
    while (grouping.find()) {
      for (int i = grouping.start(); i < grouping.end(); i++) {
        masked.setCharAt(i, ' ');
      }
    }
    return masked.toString();
  }

  private static void blank(StringBuilder text, Pattern pattern) {
    Matcher m = pattern.matcher(text.toString());
    while (m.find()) {
      for (int i = m.start(); i < m.end(); i++) {
        text.setCharAt(i, ' ');
      }
    }
  }

  private static int closing(String expr, int open) {
    int depth = 0;
    for (int i = open; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unbalanced parentheses: " + expr);
  }

  private static int skipSpaces(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static Set<String> labels(String list) {
    Set<String> labels = new LinkedHashSet<>();
    for (String label : list.split(",")) {
      if (!label.isBlank()) {
        labels.add(label.strip());
      }
    }
    return labels;
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("docs/ops/alerts.yml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("docs/ops/alerts.yml not found above the working directory");
    }
    return dir;
  }
}
