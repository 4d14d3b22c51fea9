package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The marker tables of {@code docs/architecture.md} and {@code docs/operations.md} say what {@link
 * VersionMarkers} says: the same session markers, each with its highest version and the histories
 * of each branch. The enum is the one source; the docs are checked against it.
 */
class MarkerDocsTest {
  private static final Path DOCS = Path.of("..", "docs");

  /** A marker row as a doc gives it: change id to its versions cell and its histories cell. */
  record Row(String versions, String histories) {}

  /** The rows of the doc's marker table whose first cell is a session marker's change id. */
  static Map<String, Row> rows(String doc) throws IOException {
    Map<String, Row> rows = new TreeMap<>();
    for (String line : Files.readAllLines(DOCS.resolve(doc))) {
      String[] cells = line.split("\\|");
      if (cells.length < 5 || !cells[1].trim().matches("`[a-z0-9-]+`")) {
        continue; // not a row, or a marker of another workflow ("`x` (`WebhookDelivery`)")
      }
      rows.put(
          cells[1].trim().replace("`", ""),
          new Row(cells[2].trim(), cells[cells.length - 1].trim()));
    }
    return rows;
  }

  /** The histories of each branch as a doc writes them: "`a`, `b` / `c`". */
  static String histories(VersionMarkers marker) {
    return names(marker.before) + " / " + names(marker.after);
  }

  private static String names(List<String> histories) {
    return histories.stream().map(h -> "`" + h + "`").collect(Collectors.joining(", "));
  }

  private static List<String> drift(String doc, boolean versionsListed) throws IOException {
    Map<String, Row> rows = rows(doc);
    List<String> wrong = new ArrayList<>();
    Set<String> known = new LinkedHashSet<>();
    for (VersionMarkers marker : VersionMarkers.values()) {
      known.add(marker.changeId);
      Row row = rows.get(marker.changeId);
      if (row == null) {
        wrong.add(doc + ": no row for " + marker.changeId);
        continue;
      }
      String versions =
          versionsListed
              ? IntStream.rangeClosed(1, marker.maxVersion)
                  .mapToObj(Integer::toString)
                  .collect(Collectors.joining(", "))
              : Integer.toString(marker.maxVersion);
      if (!row.versions().equals(versions)) {
        wrong.add(
            doc + ": " + marker.changeId + " versions " + row.versions() + ", not " + versions);
      }
      if (!row.histories().equals(histories(marker))) {
        wrong.add(
            doc
                + ": "
                + marker.changeId
                + " histories "
                + row.histories()
                + ", not "
                + histories(marker));
      }
    }
    rows.keySet().stream()
        .filter(id -> !known.contains(id))
        .forEach(id -> wrong.add(doc + ": a row for " + id + ", which VersionMarkers lacks"));
    return wrong;
  }

  @Test
  void theArchitectureTableIsTheEnum() throws IOException {
    assertThat(drift("architecture.md", false)).isEmpty();
  }

  @Test
  void theOperationsTableIsTheEnum() throws IOException {
    assertThat(drift("operations.md", true)).isEmpty();
  }
}
